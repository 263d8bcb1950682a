// Annotation and tag operations. Every change runs in one transaction and is recorded for
// undo; listeners hear which documents changed once the transaction has committed.
import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import type { Annotation, AnnotationKind, HighlightColor, HighlightSpans, TagInfo } from '../../shared/annotations';
import type { ReanchorCounts } from '../../shared/contract';
import {
  DEFAULT_COLOR,
  HIGHLIGHT_COLORS,
  MAX_NOTE_BYTES,
  compareByPosition,
  isTagWithin,
  normalizeTagPath,
} from '../../shared/annotations';
import { anchor } from '../../shared/anchoring';
import { EMPTY_NOTE, noteFromLexicalJson, noteFromMarkdown } from '../../shared/notes';
import { quoteSelectorFor, snapOffset } from '../../shared/selectors';
import { UserFacingError } from '../../shared/result';
import type { DocumentRepository } from '../documents';
import type { EventBus } from '../events';
import { formatMegabytes } from '../import/validate';
import type { ProfileRepository } from '../profile';
import { MAX_CLOCK_SKEW_MS, nextClockReading } from '../../shared/merge';
import { countOf } from '../../shared/plural';
import type { Reply } from '../../shared/bundles';
import { UndoHistory } from './history';
import { ReplyStore, toReply } from './replies';
import type { AnnotationRow, TagRow } from './store';
import { AnnotationStore, toAnnotation } from './store';

export interface CreateAnnotationInput {
  documentId: string;
  kind?: AnnotationKind;
  start?: number;
  end?: number;
  color?: HighlightColor;
  tags?: string[];
  noteLexicalJson?: string;
  noteMarkdown?: string;
}

export interface UpdateAnnotationInput {
  id: string;
  color?: HighlightColor;
  tags?: string[];
  noteLexicalJson?: string;
  noteMarkdown?: string;
}

export interface BulkUpdateInput {
  ids: string[];
  addTags?: string[];
  removeTags?: string[];
  color?: HighlightColor;
}

interface ChangeOutcome<T> {
  result: T;
  createdAnnotations?: string[];
  createdTags?: string[];
  documentIds: string[];
}

function uniqueIds(...lists: Array<readonly string[] | undefined>): string[] {
  return [...new Set(lists.flatMap((list) => list ?? []))];
}

export class AnnotationService {
  readonly store: AnnotationStore;
  readonly replies: ReplyStore;
  readonly history = new UndoHistory();
  /** The last time this clock gave out, in ms; -1 until first read from the store. */
  private lastIssued = -1;

  constructor(
    private readonly db: Database,
    private readonly documents: DocumentRepository,
    private readonly profile: ProfileRepository,
    private readonly events: EventBus,
  ) {
    this.store = new AnnotationStore(db);
    this.replies = new ReplyStore(db);
  }

  /**
   * The time stamped on a change: wall-clock time, but never at or behind a time already
   * given out or seen in an imported bundle (a hybrid logical clock), so last-writer-wins
   * merging orders a new local edit after everything it was made on top of.
   */
  now(): string {
    this.lastIssued = nextClockReading(Date.now(), this.clockReading());
    return new Date(this.lastIssued).toISOString();
  }

  /**
   * Moves the clock past a time seen on incoming data, unless that time lies more than
   * MAX_CLOCK_SKEW_MS ahead of this computer's clock: one bad time from outside must not
   * push every later local time out of range.
   */
  observe(iso: string): void {
    const seen = Date.parse(iso);
    const reading = this.clockReading();
    if (Number.isFinite(seen) && seen > reading && seen <= Date.now() + MAX_CLOCK_SKEW_MS) this.lastIssued = seen;
  }

  /** The last time given out, first read from the store (and never trusted past the skew). */
  private clockReading(): number {
    if (this.lastIssued < 0)
      this.lastIssued = Math.min(Date.parse(this.store.latestChange()) || 0, Date.now() + MAX_CLOCK_SKEW_MS);
    return this.lastIssued;
  }

  /**
   * Tag ids for tag paths arriving from a bundle or a workspace file, creating the missing
   * tags (with the sender's color and description when known); invalid paths are skipped.
   * Runs inside the caller's transaction.
   */
  importTagIds(
    paths: readonly string[],
    definitions: ReadonlyMap<string, { color: TagRow['color']; description: string }> = new Map(),
  ): string[] {
    const ids: string[] = [];
    for (const raw of paths) {
      const normalized = normalizeTagPath(raw);
      if (!normalized.ok) continue;
      const existing = this.store.tagByPath(normalized.path);
      if (existing) {
        ids.push(existing.id);
        continue;
      }
      const definition = definitions.get(normalized.path.toLocaleLowerCase());
      const now = this.now();
      const tag: TagRow = {
        id: randomUUID(),
        path: normalized.path,
        color: definition?.color ?? '',
        description: definition?.description ?? '',
        created_at: now,
        updated_at: now,
      };
      this.store.upsertTag(tag);
      ids.push(tag.id);
    }
    return [...new Set(ids)];
  }

  /** Only an annotation's author changes it; others reply. */
  private assertOwn(row: { author_id: string; author_name: string }): void {
    if (row.author_id !== this.profile.read().authorId) {
      throw new UserFacingError(
        'INVALID_INPUT',
        `This annotation is ${row.author_name}'s: only they can change or delete it. Reply to it instead.`,
      );
    }
  }

  listReplies(documentId: string): Reply[] {
    this.documents.summary(documentId);
    return this.replies.ofDocument(documentId).map(toReply);
  }

  createReply(annotationId: string, markdown: string): Reply {
    const parent = this.store.row(annotationId);
    if (!parent) throw new UserFacingError('NOT_FOUND', `No annotation with id ${annotationId} exists.`);
    const body = markdown.trim();
    if (body === '') throw new UserFacingError('INVALID_INPUT', 'A reply needs some text.');
    if (Buffer.byteLength(body) > MAX_NOTE_BYTES)
      throw new UserFacingError('TOO_LARGE', `A reply can be at most ${formatMegabytes(MAX_NOTE_BYTES)}.`);
    const author = this.profile.read();
    const now = this.now();
    const id = randomUUID();
    this.db
      .transaction(() =>
        this.replies.insert({
          id,
          annotation_id: annotationId,
          document_id: parent.document_id,
          body_markdown: body,
          body_text: noteFromMarkdown(body).text,
          author_id: author.authorId,
          author_name: author.displayName,
          created_at: now,
          updated_at: now,
        }),
      )
      .immediate();
    this.events.emit('repliesChanged', { documentId: parent.document_id });
    return toReply(this.replies.row(id)!);
  }

  deleteReply(id: string): { deleted: true } {
    const row = this.replies.row(id);
    if (!row) throw new UserFacingError('NOT_FOUND', `No reply with id ${id} exists.`);
    if (row.author_id !== this.profile.read().authorId) {
      throw new UserFacingError('INVALID_INPUT', `This reply is ${row.author_name}'s: only they can delete it.`);
    }
    this.db.transaction(() => this.replies.delete(id, this.now())).immediate();
    this.events.emit('repliesChanged', { documentId: row.document_id });
    return { deleted: true };
  }

  private change<T>(
    description: string,
    existing: { annotations?: string[]; tags?: string[] },
    mutate: () => ChangeOutcome<T>,
  ): T {
    const outcome = this.db
      .transaction(() => {
        const before = this.store.snapshot(existing.annotations ?? [], existing.tags ?? []);
        const done = mutate();
        for (const id of done.createdAnnotations ?? []) before.annotations.set(id, null);
        for (const id of done.createdTags ?? []) before.tags.set(id, null);
        const annotationIds = uniqueIds(existing.annotations, done.createdAnnotations);
        const after = this.store.snapshot(annotationIds, uniqueIds(existing.tags, done.createdTags));
        this.store.reindex(annotationIds);
        this.history.push({ description, before, after, documentIds: done.documentIds });
        return done;
      })
      .immediate();
    const touched = uniqueIds(existing.annotations, outcome.createdAnnotations);
    this.announce(
      outcome.documentIds,
      touched,
      (existing.tags?.length ?? 0) > 0 || (outcome.createdTags?.length ?? 0) > 0,
    );
    return outcome.result;
  }

  /** Above this many, listeners reload the whole document instead of fetching each one. */
  private static readonly MAX_NAMED_CHANGES = 500;

  private announce(documentIds: readonly string[], annotationIds: readonly string[], tagsChanged: boolean): void {
    const named = annotationIds.length <= AnnotationService.MAX_NAMED_CHANGES ? [...annotationIds] : [];
    for (const documentId of new Set(documentIds))
      this.events.emit('annotationsChanged', { documentId, annotationIds: named });
    if (tagsChanged) this.events.emit('tagsChanged', {});
  }

  /** The annotations with these ids that still exist, in no particular order. */
  getMany(ids: readonly string[]): Annotation[] {
    return ids
      .map((id) => this.store.annotation(id))
      .filter((annotation): annotation is Annotation => annotation !== undefined);
  }

  list(documentId: string): Annotation[] {
    this.documents.summary(documentId);
    const tags = this.store.tagPathsByAnnotation(documentId);
    return this.store
      .rowsOfDocument(documentId)
      .map((row) => toAnnotation(row, tags.get(row.id) ?? []))
      .sort(compareByPosition);
  }

  highlightSpans(documentId: string): HighlightSpans {
    this.documents.summary(documentId);
    return this.store.highlightSpansOf(documentId);
  }

  get(id: string): Annotation {
    const found = this.store.annotation(id);
    if (!found) throw new UserFacingError('NOT_FOUND', `No annotation with id ${id} exists.`);
    return found;
  }

  private resolveNote(input: { noteLexicalJson?: string; noteMarkdown?: string }) {
    if (input.noteLexicalJson === undefined && input.noteMarkdown === undefined) return undefined;
    const size = Buffer.byteLength(input.noteLexicalJson ?? input.noteMarkdown ?? '');
    if (size > MAX_NOTE_BYTES * 4) {
      throw new UserFacingError(
        'TOO_LARGE',
        `This note is ${formatMegabytes(size)}; notes can be at most ${formatMegabytes(MAX_NOTE_BYTES)}.`,
      );
    }
    let note;
    try {
      note =
        input.noteLexicalJson !== undefined
          ? noteFromLexicalJson(input.noteLexicalJson)
          : noteFromMarkdown(input.noteMarkdown ?? '');
    } catch (error) {
      throw new UserFacingError('INVALID_INPUT', `The note could not be read: ${(error as Error).message}`);
    }
    const textSize = Buffer.byteLength(note.markdown);
    if (textSize > MAX_NOTE_BYTES) {
      throw new UserFacingError(
        'TOO_LARGE',
        `This note is ${formatMegabytes(textSize)}; notes can be at most ${formatMegabytes(MAX_NOTE_BYTES)}.`,
      );
    }
    return note;
  }

  /** Ids for these tag paths, creating the tags that don't exist yet. */
  private ensureTags(paths: readonly string[], created: string[]): string[] {
    const ids: string[] = [];
    for (const raw of paths) {
      const normalized = normalizeTagPath(raw);
      if (!normalized.ok) throw new UserFacingError('INVALID_INPUT', normalized.message);
      const existing = this.store.tagByPath(normalized.path);
      if (existing) {
        ids.push(existing.id);
        continue;
      }
      const now = new Date().toISOString();
      const tag: TagRow = {
        id: randomUUID(),
        path: normalized.path,
        color: '',
        description: '',
        created_at: now,
        updated_at: now,
      };
      this.store.upsertTag(tag);
      created.push(tag.id);
      ids.push(tag.id);
    }
    return [...new Set(ids)];
  }

  private targetFor(documentId: string, kind: AnnotationKind, start = 0, end = start) {
    const text = this.documents.canonicalText(documentId);
    const hash = this.documents.textSha256(documentId);
    if (kind === 'document') return { start: -1, end: -1, exact: '', prefix: '', suffix: '', hash };
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start > end) {
      throw new UserFacingError(
        'INVALID_INPUT',
        `The selection ${start}–${end} is outside the document (its text has ${text.length} characters).`,
      );
    }
    let from = snapOffset(text, start, 'back');
    let to = snapOffset(text, end, 'forward');
    if (kind === 'highlight') {
      // Selections often catch a space or line break at their edges; the highlight doesn't.
      while (from < to && /\s/.test(text[from]!)) from += 1;
      while (to > from && /\s/.test(text[to - 1]!)) to -= 1;
      if (from === to)
        throw new UserFacingError(
          'INVALID_INPUT',
          'The selection holds only white space: select some words to highlight.',
        );
    } else {
      to = from;
    }
    const quote = quoteSelectorFor(text, from, to);
    return { start: from, end: to, exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix, hash };
  }

  /** The anchor columns of a freshly made target: anchored exactly, here and now. */
  private anchorColumns(target: ReturnType<AnnotationService['targetFor']>) {
    return {
      start_offset: target.start,
      end_offset: target.end,
      exact: target.exact,
      prefix: target.prefix,
      suffix: target.suffix,
      text_sha256: target.hash,
      anchor_status: 'exact' as const,
      anchor_score: 1,
    };
  }

  create(input: CreateAnnotationInput): Annotation {
    const kind = input.kind ?? 'highlight';
    const target = this.targetFor(input.documentId, kind, input.start, input.end);
    const note = this.resolveNote(input) ?? EMPTY_NOTE;
    const author = this.profile.read();
    const id = randomUUID();
    return this.change(
      kind === 'document' ? 'Add document note' : kind === 'point' ? 'Add note' : 'Highlight',
      {},
      () => {
        const createdTags: string[] = [];
        const tagIds = this.ensureTags(input.tags ?? [], createdTags);
        const tagColor = tagIds.map((tagId) => this.store.tagRow(tagId)?.color).find((color) => color);
        const now = this.now();
        const row: AnnotationRow = {
          id,
          document_id: input.documentId,
          kind,
          ...this.anchorColumns(target),
          color: input.color ?? (tagColor as HighlightColor | undefined) ?? DEFAULT_COLOR,
          note_json: note.lexicalJson,
          note_text: note.text,
          note_markdown: note.markdown,
          author_id: author.authorId,
          author_name: author.displayName,
          created_at: now,
          updated_at: now,
        };
        this.store.insertRow(row);
        this.store.setTags(id, tagIds);
        return { result: this.get(id), createdAnnotations: [id], createdTags, documentIds: [input.documentId] };
      },
    );
  }

  update(input: UpdateAnnotationInput): Annotation {
    const current = this.store.row(input.id);
    if (!current) throw new UserFacingError('NOT_FOUND', `No annotation with id ${input.id} exists.`);
    this.assertOwn(current);
    const note = this.resolveNote(input);
    // An editor saving what is already stored (on blur, say) is not an edit: no new time stamp.
    const sameNote = note !== undefined && note.markdown === current.note_markdown && note.text === current.note_text;
    if (sameNote && input.color === undefined && input.tags === undefined) return this.get(input.id);
    const description = note ? 'Edit note' : input.tags ? 'Change tags' : 'Change color';
    return this.change(description, { annotations: [input.id] }, () => {
      const createdTags: string[] = [];
      const row: AnnotationRow = { ...current, updated_at: this.now() };
      if (input.color) row.color = input.color;
      if (note) Object.assign(row, { note_json: note.lexicalJson, note_text: note.text, note_markdown: note.markdown });
      this.store.updateRow(row);
      if (input.tags) this.store.setTags(input.id, this.ensureTags(input.tags, createdTags));
      return { result: this.get(input.id), createdTags, documentIds: [current.document_id] };
    });
  }

  remove(ids: readonly string[]): { deleted: number } {
    const rows = ids.map((id) => this.store.row(id)).filter((row): row is AnnotationRow => row !== undefined);
    if (rows.length === 0) throw new UserFacingError('NOT_FOUND', 'None of those annotations exist.');
    for (const row of rows) this.assertOwn(row);
    return this.change(
      rows.length === 1 ? 'Delete annotation' : `Delete ${countOf(rows.length, 'annotation')}`,
      { annotations: rows.map((row) => row.id) },
      () => {
        const deletedAt = this.now();
        for (const row of rows) this.store.deleteAnnotation(row.id, deletedAt);
        return { result: { deleted: rows.length }, documentIds: rows.map((row) => row.document_id) };
      },
    );
  }

  bulkUpdate(input: BulkUpdateInput): { updated: number } {
    const rows = input.ids.map((id) => this.store.row(id)).filter((row): row is AnnotationRow => row !== undefined);
    if (rows.length === 0) throw new UserFacingError('NOT_FOUND', 'None of those annotations exist.');
    for (const row of rows) this.assertOwn(row);
    return this.change(
      `Update ${countOf(rows.length, 'annotation')}`,
      { annotations: rows.map((row) => row.id) },
      () => {
        const createdTags: string[] = [];
        const add = this.ensureTags(input.addTags ?? [], createdTags);
        const removeIds = new Set(
          (input.removeTags ?? []).map((path) => this.store.tagByPath(path)?.id).filter(Boolean),
        );
        for (const row of rows) {
          if (input.color) this.store.updateRow({ ...row, color: input.color, updated_at: this.now() });
          if (add.length > 0 || removeIds.size > 0) {
            const current = this.store.record(row.id)?.tagIds ?? [];
            this.store.setTags(
              row.id,
              uniqueIds(current, add).filter((tagId) => !removeIds.has(tagId)),
            );
          }
        }
        return { result: { updated: rows.length }, createdTags, documentIds: rows.map((row) => row.document_id) };
      },
    );
  }

  /** Attaches an annotation (an orphan, typically) to a new selection in the current text. */
  reattach(id: string, start: number, end: number): Annotation {
    const current = this.store.row(id);
    if (!current) throw new UserFacingError('NOT_FOUND', `No annotation with id ${id} exists.`);
    if (current.kind === 'document')
      throw new UserFacingError('INVALID_INPUT', 'A document note is not attached to any text.');
    this.assertOwn(current);
    const target = this.targetFor(current.document_id, current.kind, start, end);
    return this.change('Re-attach annotation', { annotations: [id] }, () => {
      this.store.updateRow({
        ...current,
        ...this.anchorColumns(target),
        updated_at: this.now(),
      });
      return { result: this.get(id), documentIds: [current.document_id] };
    });
  }

  /**
   * Re-anchors every annotation of a document to its new text. Anchored annotations take
   * their quote from the new text; orphans keep their old quote so the user can see it.
   * Runs inside the caller's transaction, and clears undo history (old snapshots would
   * point into the old text).
   */
  reanchorDocument(documentId: string, text: string, textSha256: string): ReanchorCounts {
    const counts: ReanchorCounts = { kept: 0, moved: 0, fuzzy: 0, orphaned: 0 };
    for (const row of this.store.rowsOfDocument(documentId)) {
      if (row.kind === 'document') continue;
      const result = anchor(
        text,
        { type: 'TextQuoteSelector', exact: row.exact, prefix: row.prefix, suffix: row.suffix },
        { type: 'TextPositionSelector', start: row.start_offset, end: row.end_offset },
      );
      const next: AnnotationRow = {
        ...row,
        anchor_status: result.status,
        anchor_score: result.score,
        text_sha256: textSha256,
      };
      if (result.status === 'orphan') {
        counts.orphaned += 1;
      } else {
        const quote = quoteSelectorFor(text, result.start, result.end);
        Object.assign(next, {
          start_offset: result.start,
          end_offset: result.end,
          exact: quote.exact,
          prefix: quote.prefix,
          suffix: quote.suffix,
        });
        if (result.status === 'exact') counts.kept += 1;
        else if (result.status === 'moved') counts.moved += 1;
        else counts.fuzzy += 1;
      }
      this.store.updateRow(next);
      this.store.reindex([row.id]);
    }
    this.history.clear();
    return counts;
  }

  undo(): { description: string } | null {
    return this.step('undo');
  }

  redo(): { description: string } | null {
    return this.step('redo');
  }

  private step(direction: 'undo' | 'redo'): { description: string } | null {
    let entry;
    try {
      entry = this.db
        .transaction(() => {
          const stepped = direction === 'undo' ? this.history.undo(this.store) : this.history.redo(this.store);
          if (stepped) this.profile.renameRestored(stepped.before.annotations.keys());
          return stepped;
        })
        .immediate();
    } catch (error) {
      this.history.clear();
      throw new UserFacingError(
        'INVALID_INPUT',
        `Can't ${direction}: the library changed underneath (${(error as Error).message}).`,
      );
    }
    if (!entry) return null;
    this.announce(entry.documentIds, [...entry.before.annotations.keys()], entry.before.tags.size > 0);
    return { description: entry.description };
  }

  // Tags -------------------------------------------------------------------------------

  listTags(): TagInfo[] {
    return this.store.listTags();
  }

  saveTag(input: { path: string; color?: HighlightColor | ''; description?: string }): TagInfo {
    const normalized = normalizeTagPath(input.path);
    if (!normalized.ok) throw new UserFacingError('INVALID_INPUT', normalized.message);
    if (input.color && !HIGHLIGHT_COLORS.includes(input.color))
      throw new UserFacingError('INVALID_INPUT', `Unknown color ${input.color}.`);
    const existing = this.store.tagByPath(normalized.path);
    const now = new Date().toISOString();
    return this.change(
      existing ? `Edit tag ${normalized.path}` : `Create tag ${normalized.path}`,
      { tags: existing ? [existing.id] : [] },
      () => {
        const tag: TagRow = existing
          ? {
              ...existing,
              color: input.color ?? existing.color,
              description: input.description ?? existing.description,
              updated_at: now,
            }
          : {
              id: randomUUID(),
              path: normalized.path,
              color: input.color ?? '',
              description: input.description ?? '',
              created_at: now,
              updated_at: now,
            };
        this.store.upsertTag(tag);
        return {
          result: this.listTags().find((info) => info.id === tag.id)!,
          createdTags: existing ? [] : [tag.id],
          documentIds: this.documentsUsing([tag.id]),
        };
      },
    );
  }

  private documentsUsing(tagIds: readonly string[]): string[] {
    return this.store
      .annotationIdsWithTags(tagIds)
      .map((id) => this.store.row(id)?.document_id ?? '')
      .filter(Boolean);
  }

  /** How many tags (the tag and its children) and annotations a tag operation touches. */
  tagUsage(path: string): { tags: number; annotations: number } {
    const tags = this.store.tagsWithin(path);
    return { tags: tags.length, annotations: this.store.annotationIdsWithTags(tags.map((tag) => tag.id)).length };
  }

  /** Renames or moves a tag; its children follow ("Actor" → "Group" makes "Actor/IS" "Group/IS"). */
  renameTag(from: string, to: string): { renamed: number } {
    const target = normalizeTagPath(to);
    if (!target.ok) throw new UserFacingError('INVALID_INPUT', target.message);
    const tags = this.store.tagsWithin(from);
    if (tags.length === 0) throw new UserFacingError('NOT_FOUND', `There is no tag “${from}”.`);
    if (isTagWithin(target.path, from) && target.path.toLocaleLowerCase() !== from.toLocaleLowerCase()) {
      throw new UserFacingError('INVALID_INPUT', `“${from}” can't be moved inside itself.`);
    }
    const renamed = tags.map((tag) => ({ tag, path: target.path + tag.path.slice(from.length) }));
    for (const { tag, path } of renamed) {
      const clash = this.store.tagByPath(path);
      if (clash && clash.id !== tag.id && !tags.some((other) => other.id === clash.id)) {
        throw new UserFacingError(
          'INVALID_INPUT',
          `A tag “${clash.path}” already exists. Merge “${tag.path}” into it instead.`,
        );
      }
    }
    const tagIds = tags.map((tag) => tag.id);
    const annotations = this.store.annotationIdsWithTags(tagIds);
    return this.change(`Rename tag ${from} to ${target.path}`, { tags: tagIds, annotations }, () => {
      const now = new Date().toISOString();
      // Two passes, so names moving within the subtree never trip the UNIQUE index. The
      // placeholder starts with U+0001: no real tag can hold it, and unlike NUL it does
      // not end NOCASE comparisons early.
      for (const { tag } of renamed) this.store.upsertTag({ ...tag, path: `\u0001${tag.id}`, updated_at: now });
      for (const { tag, path } of renamed) this.store.upsertTag({ ...tag, path, updated_at: now });
      return { result: { renamed: renamed.length }, documentIds: this.documentsUsing(tagIds) };
    });
  }

  /** Merges a tag (and its children) into another: annotations keep one tag, the old ones go. */
  mergeTags(from: string, into: string): { merged: number; annotations: number } {
    const target = normalizeTagPath(into);
    if (!target.ok) throw new UserFacingError('INVALID_INPUT', target.message);
    const sources = this.store.tagsWithin(from);
    if (sources.length === 0) throw new UserFacingError('NOT_FOUND', `There is no tag “${from}”.`);
    if (isTagWithin(target.path, from))
      throw new UserFacingError('INVALID_INPUT', `“${from}” can't be merged into itself.`);
    const sourceIds = sources.map((tag) => tag.id);
    const annotations = this.store.annotationIdsWithTags(sourceIds);
    const existingTargets = sources
      .map((tag) => this.store.tagByPath(target.path + tag.path.slice(from.length)))
      .filter((tag): tag is TagRow => !!tag);
    const documentIds = annotations.map((id) => this.store.row(id)?.document_id ?? '').filter(Boolean);
    return this.change(
      `Merge tag ${from} into ${target.path}`,
      {
        tags: uniqueIds(
          sourceIds,
          existingTargets.map((tag) => tag.id),
        ),
        annotations,
      },
      () => {
        for (const source of sources) {
          const path = target.path + source.path.slice(from.length);
          const destination = this.store.tagByPath(path);
          if (!destination) {
            this.store.upsertTag({ ...source, path, updated_at: new Date().toISOString() });
            continue;
          }
          for (const annotationId of this.store.annotationIdsWithTags([source.id])) {
            const current = this.store.record(annotationId)?.tagIds ?? [];
            this.store.setTags(
              annotationId,
              uniqueIds(
                current.filter((id) => id !== source.id),
                [destination.id],
              ),
            );
          }
          this.store.deleteTag(source.id);
        }
        return { result: { merged: sources.length, annotations: annotations.length }, documentIds };
      },
    );
  }

  /** Deletes a tag and its children; annotations stay, without those tags. */
  deleteTag(path: string): { deletedTags: number; annotations: number } {
    const tags = this.store.tagsWithin(path);
    if (tags.length === 0) throw new UserFacingError('NOT_FOUND', `There is no tag “${path}”.`);
    const tagIds = tags.map((tag) => tag.id);
    const annotations = this.store.annotationIdsWithTags(tagIds);
    const documentIds = this.documentsUsing(tagIds);
    return this.change(`Delete tag ${path}`, { tags: tagIds, annotations }, () => {
      for (const id of tagIds) this.store.deleteTag(id);
      return { result: { deletedTags: tags.length, annotations: annotations.length }, documentIds };
    });
  }
}
