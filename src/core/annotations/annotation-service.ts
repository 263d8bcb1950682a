// Annotations made and changed here: highlights, pinned notes and document notes. Every
// change is one undoable transaction through the ChangeRecorder; tags and replies have
// services of their own, reached through this one's members and the methods at its end.
import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import type {
  Annotation,
  AnnotationKind,
  DeletionCascade,
  HighlightColor,
  HighlightSpans,
  Reply,
  TagInfo,
} from '../../shared/annotations';
import { DEFAULT_COLOR, MAX_NOTE_BYTES, compareByPosition } from '../../shared/annotations';
import type {
  CreateAnnotationRequest,
  MarginaliaContract,
  ReanchorCounts,
  UpdateAnnotationRequest,
} from '../../shared/contract';
import { EMPTY_NOTE, noteFromLexicalJson, noteFromMarkdown } from '../../shared/notes';
import { countOf } from '../../shared/plural';
import { UserFacingError } from '../../shared/result';
import { quoteSelectorFor, snapOffset } from '../../shared/selectors';
import type { DocumentRepository } from '../documents';
import type { EventBus } from '../events';
import { cascadeOfDeletion } from '../evidence';
import { formatMegabytes } from '../import';
import { placeIncoming } from '../incoming';
import type { ProfileRepository } from '../profile';
import type { AnnotationRow } from './annotation-repository';
import { AnnotationRepository, toAnnotation } from './annotation-repository';
import { ChangeRecorder, hasEvidence, uniqueIds } from './changes';
import { ChangeClock } from './clock';
import { UndoHistory } from './history';
import { ReplyRepository } from './reply-repository';
import { ReplyService } from './reply-service';
import { TagService } from './tag-service';

export type BulkUpdateInput = Parameters<MarginaliaContract['bulkUpdateAnnotations']>[0];

/** The anchor columns of a target just made from a selection in the current text. */
type FreshTarget = Pick<
  AnnotationRow,
  'start_offset' | 'end_offset' | 'exact' | 'prefix' | 'suffix' | 'text_sha256' | 'anchor_status' | 'anchor_score'
>;

export class AnnotationService {
  /** The SQL of annotations, tags and tombstones. */
  readonly store: AnnotationRepository;
  /** The SQL of replies. */
  readonly replies: ReplyRepository;
  readonly history = new UndoHistory();
  readonly clock: ChangeClock;
  readonly changes: ChangeRecorder;
  readonly tagService: TagService;
  readonly replyService: ReplyService;

  constructor(
    private readonly db: Database,
    private readonly documents: DocumentRepository,
    private readonly profile: ProfileRepository,
    events: EventBus,
  ) {
    this.store = new AnnotationRepository(db);
    this.replies = new ReplyRepository(db);
    this.clock = new ChangeClock(() => this.store.latestChange());
    this.changes = new ChangeRecorder(db, this.store, this.history, events);
    this.tagService = new TagService(this.store, this.changes, this.clock);
    this.replyService = new ReplyService(db, this.replies, this.store, documents, profile, this.changes, this.clock);
  }

  /** What the incoming writer needs to write through the same repositories, clock and change mechanism. */
  incomingDeps() {
    return {
      annotations: this.store,
      replies: this.replies,
      tags: this.tagService,
      clock: this.clock,
      changes: this.changes,
    };
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

  /** A selection in the current text as anchor columns: anchored exactly, here and now. */
  private targetFor(documentId: string, kind: AnnotationKind, start = 0, end = start): FreshTarget {
    const text = this.documents.canonicalText(documentId);
    const hash = this.documents.textSha256(documentId);
    const anchored = { text_sha256: hash, anchor_status: 'exact' as const, anchor_score: 1 };
    if (kind === 'document')
      return { start_offset: -1, end_offset: -1, exact: '', prefix: '', suffix: '', ...anchored };
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
    return {
      start_offset: from,
      end_offset: to,
      exact: quote.exact,
      prefix: quote.prefix,
      suffix: quote.suffix,
      ...anchored,
    };
  }

  create(input: CreateAnnotationRequest): Annotation {
    const kind = input.kind ?? 'highlight';
    const target = this.targetFor(input.documentId, kind, input.start, input.end);
    const note = this.resolveNote(input) ?? EMPTY_NOTE;
    const author = this.profile.read();
    const id = randomUUID();
    const description = kind === 'document' ? 'Add document note' : kind === 'point' ? 'Add note' : 'Highlight';
    return this.changes.record(description, {}, () => {
      const createdTags: string[] = [];
      const tagIds = this.tagService.ensure(input.tags ?? [], createdTags);
      const tagColor = tagIds.map((tagId) => this.store.tagRow(tagId)?.color).find((color) => color);
      const now = this.clock.now();
      this.store.insertRow({
        id,
        document_id: input.documentId,
        kind,
        ...target,
        color: input.color ?? (tagColor as HighlightColor | undefined) ?? DEFAULT_COLOR,
        note_json: note.lexicalJson,
        note_text: note.text,
        note_markdown: note.markdown,
        author_id: author.authorId,
        author_name: author.displayName,
        created_at: now,
        updated_at: now,
      });
      this.store.setTags(id, tagIds);
      return { result: this.get(id), createdAnnotations: [id], createdTags, documentIds: [input.documentId] };
    });
  }

  update(input: UpdateAnnotationRequest): Annotation {
    const current = this.store.row(input.id);
    if (!current) throw new UserFacingError('NOT_FOUND', `No annotation with id ${input.id} exists.`);
    this.assertOwn(current);
    const note = this.resolveNote(input);
    // An editor saving what is already stored (on blur, say) is not an edit: no new time stamp.
    const sameNote = note !== undefined && note.markdown === current.note_markdown && note.text === current.note_text;
    if (sameNote && input.color === undefined && input.tags === undefined) return this.get(input.id);
    const description = note ? 'Edit note' : input.tags ? 'Change tags' : 'Change color';
    return this.changes.record(description, { annotations: [input.id] }, () => {
      const createdTags: string[] = [];
      const row: AnnotationRow = { ...current, updated_at: this.clock.now() };
      if (input.color) row.color = input.color;
      if (note) Object.assign(row, { note_json: note.lexicalJson, note_text: note.text, note_markdown: note.markdown });
      this.store.updateRow(row);
      if (input.tags) this.store.setTags(input.id, this.tagService.ensure(input.tags, createdTags));
      return { result: this.get(input.id), createdTags, documentIds: [current.document_id] };
    });
  }

  remove(ids: readonly string[]): { deleted: number; cascade: DeletionCascade } {
    const rows = ids.map((id) => this.store.row(id)).filter((row): row is AnnotationRow => row !== undefined);
    if (rows.length === 0) throw new UserFacingError('NOT_FOUND', 'None of those annotations exist.');
    for (const row of rows) this.assertOwn(row);
    return this.changes.record(
      rows.length === 1 ? 'Delete annotation' : `Delete ${countOf(rows.length, 'annotation')}`,
      { annotations: rows.map((row) => row.id) },
      () => {
        const deletedAt = this.clock.now();
        const cascade = cascadeOfDeletion(this.db, uniqueIds(rows.map((row) => row.id)));
        for (const row of rows) this.store.deleteAnnotation(row.id, deletedAt);
        return { result: { deleted: rows.length, cascade }, documentIds: rows.map((row) => row.document_id) };
      },
    );
  }

  bulkUpdate(input: BulkUpdateInput): { updated: number } {
    const rows = input.ids.map((id) => this.store.row(id)).filter((row): row is AnnotationRow => row !== undefined);
    if (rows.length === 0) throw new UserFacingError('NOT_FOUND', 'None of those annotations exist.');
    for (const row of rows) this.assertOwn(row);
    return this.changes.record(
      `Update ${countOf(rows.length, 'annotation')}`,
      { annotations: rows.map((row) => row.id) },
      () => {
        const createdTags: string[] = [];
        const add = this.tagService.ensure(input.addTags ?? [], createdTags);
        const removeIds = new Set(
          (input.removeTags ?? []).map((path) => this.store.tagByPath(path)?.id).filter(Boolean),
        );
        for (const row of rows) {
          if (input.color) this.store.updateRow({ ...row, color: input.color, updated_at: this.clock.now() });
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
    return this.changes.record('Re-attach annotation', { annotations: [id] }, () => {
      this.store.updateRow({ ...current, ...target, updated_at: this.clock.now() });
      return { result: this.get(id), documentIds: [current.document_id] };
    });
  }

  /**
   * Re-anchors every annotation of a document to its new text (placeIncoming, as for
   * annotations from outside). Runs inside the caller's transaction, and clears undo
   * history (old snapshots would point into the old text).
   */
  reanchorDocument(documentId: string, text: string, textSha256: string): ReanchorCounts {
    const counts: ReanchorCounts = { kept: 0, moved: 0, fuzzy: 0, orphaned: 0 };
    for (const row of this.store.rowsOfDocument(documentId)) {
      if (row.kind === 'document') continue;
      const placement = placeIncoming(text, textSha256, {
        quote: { exact: row.exact, prefix: row.prefix, suffix: row.suffix },
        position: { start: row.start_offset, end: row.end_offset },
        textSha256: row.text_sha256,
      });
      const status = placement.anchor_status;
      if (status === 'orphan') counts.orphaned += 1;
      else if (status === 'exact') counts.kept += 1;
      else if (status === 'moved') counts.moved += 1;
      else counts.fuzzy += 1;
      this.store.updateRow({ ...row, ...placement });
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
    this.changes.announce(entry.documentIds, [...entry.before.annotations.keys()], entry.before.tags.size > 0, 'local');
    if (hasEvidence(entry.before, entry.after)) this.changes.announceEvidence(entry.documentIds, 'local');
    return { description: entry.description };
  }

  // The clock, tags and replies, as callers of this service have always reached them ------------

  now(): string {
    return this.clock.now();
  }

  listTags(): TagInfo[] {
    return this.tagService.list();
  }

  saveTag(input: Parameters<MarginaliaContract['saveTag']>[0]): TagInfo {
    return this.tagService.save(input);
  }

  tagUsage(path: string): { tags: number; annotations: number } {
    return this.tagService.usage(path);
  }

  renameTag(from: string, to: string): { renamed: number } {
    return this.tagService.rename(from, to);
  }

  mergeTags(from: string, into: string): { merged: number; annotations: number } {
    return this.tagService.merge(from, into);
  }

  deleteTag(path: string): { deletedTags: number; annotations: number } {
    return this.tagService.remove(path);
  }

  listReplies(documentId: string): Reply[] {
    return this.replyService.list(documentId);
  }

  createReply(annotationId: string, markdown: string): Reply {
    return this.replyService.create(annotationId, markdown);
  }

  deleteReply(id: string): { deleted: true } {
    return this.replyService.remove(id);
  }
}
