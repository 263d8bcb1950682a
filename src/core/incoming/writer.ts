// The one way annotations, replies and tombstones from outside (the workspace files, a note
// bundle, an importer) reach the store: rows rebuilt through the same repositories local
// edits use, placed by placeIncoming, re-indexed for search, the clock moved past what was
// seen, and the change announced with its source once its transaction has committed.
import type { Database } from 'better-sqlite3';
import type { ChangeSource } from '../../shared/change-source';
import { compareVersions } from '../../shared/merge';
import { EMPTY_NOTE, noteFromMarkdown } from '../../shared/notes';
import type { readWebAnnotation } from '../../shared/web-annotation';
import type {
  AnnotationRepository,
  AnnotationRow,
  ChangeClock,
  ChangeRecorder,
  ReplyRepository,
  ReplyRow,
  TagDefinitions,
  TagService,
} from '../annotations';
import type { Placement } from './placement';
import { placeIncoming } from './placement';

/** An annotation as it arrives, in Marginalia's terms, with the id, author and times it is to be kept under. */
export type IncomingAnnotation = ReturnType<typeof readWebAnnotation>;

/** The fields of an annotation a person can change: what an incoming version may bring. */
export type IncomingField = 'color' | 'note' | 'tags' | 'target';
export const ALL_FIELDS: readonly IncomingField[] = ['color', 'note', 'tags', 'target'];

/** The local document an incoming annotation lands in, with its text. */
export interface LocalText {
  id: string;
  text: string;
  textSha256: string;
}

export interface IncomingTombstone {
  id: string;
  documentId: string;
  authorId: string;
  deletedAt: string;
}

/** Everything but `local`: what comes in from outside. */
export type IncomingSource = Exclude<ChangeSource, 'local'>;

export interface IncomingOptions {
  source: IncomingSource;
  /** Colors and descriptions for tags the incoming annotations create (a bundle's tags.json). */
  tagDefinitions?: TagDefinitions;
  /**
   * Whether announce() says tags changed when annotations were written (the default, as a
   * bundle always did). The sync says false: it announces tags when it reads tags.json, and
   * a merged file never announced them, so listeners (the UI reloading its tag list) are not
   * woken once per merged file.
   */
  announceTags?: boolean;
}

/** A change set: annotations to write (taking `fields`, all by default), deletions, replies and tombstones. */
export interface IncomingChanges {
  annotations?: ReadonlyArray<{ into: LocalText; annotation: IncomingAnnotation; fields?: readonly IncomingField[] }>;
  /** Annotations the sender no longer has, deleted here (leaving a tombstone). */
  deletions?: ReadonlyArray<{ id: string; deletedAt: string }>;
  replies?: readonly ReplyRow[];
  tombstones?: readonly IncomingTombstone[];
  /** Further times seen on the incoming data, which the clock moves past. */
  seen?: readonly string[];
}

export interface IncomingDeps {
  db: Database;
  annotations: AnnotationRepository;
  replies: ReplyRepository;
  tags: TagService;
  clock: ChangeClock;
  changes: ChangeRecorder;
}

export class IncomingWriter {
  constructor(private readonly deps: IncomingDeps) {}

  /** A batch of writes from one source, for a caller that decides item by item inside its own transaction. */
  begin(options: IncomingOptions): IncomingBatch {
    return new IncomingBatch(this.deps, options);
  }

  /**
   * Applies a change set: annotations first (so replies find their parents), then
   * deletions, replies and tombstones. In its own transaction, announced once committed;
   * called inside the caller's transaction, it is not announced: call the batch's
   * announce() once that transaction has committed.
   */
  apply(changes: IncomingChanges, options: IncomingOptions): IncomingBatch {
    const batch = this.begin(options);
    const run = (): void => {
      for (const { into, annotation, fields } of changes.annotations ?? []) batch.annotation(into, annotation, fields);
      for (const { id, deletedAt } of changes.deletions ?? []) batch.deleteAnnotation(id, deletedAt);
      for (const reply of changes.replies ?? []) batch.reply(reply);
      for (const tombstone of changes.tombstones ?? []) batch.tombstone(tombstone);
      for (const time of changes.seen ?? []) batch.observe(time);
      batch.finish();
    };
    if (this.deps.db.inTransaction) {
      run();
      return batch;
    }
    this.deps.db.transaction(run).immediate();
    batch.announce();
    return batch;
  }
}

/** The writes of one incoming change, and what they touched. */
export class IncomingBatch {
  readonly source: IncomingSource;
  private readonly touchedAnnotations = new Set<string>();
  private readonly documents = new Set<string>();

  constructor(
    private readonly deps: IncomingDeps,
    private readonly options: IncomingOptions,
  ) {
    this.source = options.source;
  }

  /** The documents whose annotations or replies this batch changed. */
  get touchedDocuments(): ReadonlySet<string> {
    return this.documents;
  }

  /** Counts a document as changed (announced with the rest) though no row of it was written here. */
  touch(documentId: string): void {
    this.documents.add(documentId);
  }

  /**
   * Writes an incoming annotation into `into`: a new row takes everything; an existing one
   * (same id) takes the `fields` given and its author's current name, and keeps its
   * document, kind, author and creation time. Returns where it was placed when its target
   * was taken. The caller has decided it should be written (merge rules, signer).
   */
  annotation(
    into: LocalText,
    incoming: IncomingAnnotation,
    fields: readonly IncomingField[] = ALL_FIELDS,
  ): Placement | undefined {
    const { annotations } = this.deps;
    const current = annotations.row(incoming.id);
    const row: AnnotationRow = current ? { ...current } : newRow(into, incoming);
    const take = current ? fields : ALL_FIELDS;
    if (take.includes('color')) row.color = incoming.color;
    if (take.includes('note')) {
      const note =
        incoming.markdown.trim() === '' ? EMPTY_NOTE : noteFromMarkdown(incoming.markdown, { keepMarkdown: true });
      Object.assign(row, { note_json: note.lexicalJson, note_text: note.text, note_markdown: incoming.markdown });
    }
    let placement: Placement | undefined;
    if (take.includes('target') && row.kind !== 'document' && incoming.quote && incoming.position) {
      placement = placeIncoming(into.text, into.textSha256, {
        quote: incoming.quote,
        position: incoming.position,
        textSha256: incoming.textSha256,
      });
      Object.assign(row, placement);
    }
    if (current) row.author_name = incoming.author.name;
    if (incoming.updatedAt > row.updated_at) row.updated_at = incoming.updatedAt;
    if (current) annotations.updateRow(row);
    else annotations.insertRow(row);
    if (take.includes('tags'))
      annotations.setTags(row.id, this.deps.tags.importTagIds(incoming.tags, this.options.tagDefinitions));
    this.observe(incoming.updatedAt);
    this.touchedAnnotations.add(row.id);
    this.documents.add(row.document_id);
    return placement;
  }

  /** Deletes an annotation the sender no longer has, leaving a tombstone; false when it is not here. */
  deleteAnnotation(id: string, deletedAt: string): boolean {
    const row = this.deps.annotations.row(id);
    if (!row) return false;
    this.deps.annotations.deleteAnnotation(id, deletedAt);
    this.touchedAnnotations.add(id);
    this.documents.add(row.document_id);
    return true;
  }

  /**
   * Writes a reply by last writer wins (time, then author, then text); a reply whose
   * annotation is not here, or that its author deleted, is skipped. True when written.
   */
  reply(incoming: ReplyRow): boolean {
    const { annotations, replies } = this.deps;
    if (!annotations.row(incoming.annotation_id)) return false;
    if (annotations.tombstone(incoming.id)?.author_id === incoming.author_id) return false;
    const existing = replies.row(incoming.id);
    if (existing && compareVersions(versionOfReply(incoming), versionOfReply(existing)) <= 0) return false;
    if (existing) replies.update(incoming);
    else replies.insert(incoming);
    this.observe(incoming.updated_at);
    this.documents.add(incoming.document_id);
    return true;
  }

  /**
   * A deletion from outside: the annotation or reply goes if the tombstone's author wrote
   * it, and the tombstone is kept (the later time wins) so an old copy cannot bring it back.
   */
  tombstone(tombstone: IncomingTombstone): 'deleted' | 'recorded' {
    const { annotations, replies } = this.deps;
    const row = annotations.row(tombstone.id);
    const reply = row ? undefined : replies.row(tombstone.id);
    let deleted = false;
    if (row && row.author_id === tombstone.authorId) {
      annotations.deleteAnnotation(row.id, tombstone.deletedAt);
      this.touchedAnnotations.add(row.id);
      this.documents.add(row.document_id);
      deleted = true;
    } else if (reply && reply.author_id === tombstone.authorId) {
      replies.delete(reply.id, tombstone.deletedAt);
      this.documents.add(reply.document_id);
      deleted = true;
    }
    annotations.addTombstone({
      id: tombstone.id,
      document_id: tombstone.documentId,
      author_id: tombstone.authorId,
      deleted_at: tombstone.deletedAt,
    });
    this.observe(tombstone.deletedAt);
    return deleted ? 'deleted' : 'recorded';
  }

  /** Moves the clock past a time seen on the incoming data (not past the allowed skew). */
  observe(iso: string): void {
    this.deps.clock.observe(iso);
  }

  /**
   * Inside the transaction, after the writes: re-indexes what was touched for search and
   * clears undo history (its snapshots predate these writes and could undo them half-way).
   */
  finish(): void {
    this.deps.annotations.reindex(this.touchedAnnotations);
    this.deps.changes.history.clear();
  }

  /** Once committed: tells listeners which documents changed, with this batch's source. */
  announce(): void {
    const { changes } = this.deps;
    const tagsChanged = this.touchedAnnotations.size > 0 && this.options.announceTags !== false;
    changes.announce(this.documents, [], tagsChanged, this.source);
    changes.announceReplies(this.documents, this.source);
  }
}

function newRow(into: LocalText, incoming: IncomingAnnotation): AnnotationRow {
  return {
    id: incoming.id,
    document_id: into.id,
    kind: incoming.kind,
    start_offset: -1,
    end_offset: -1,
    exact: '',
    prefix: '',
    suffix: '',
    text_sha256: into.textSha256,
    anchor_status: 'exact',
    anchor_score: 1,
    color: incoming.color,
    note_json: '',
    note_text: '',
    note_markdown: '',
    author_id: incoming.author.id,
    author_name: incoming.author.name,
    created_at: incoming.createdAt,
    updated_at: incoming.updatedAt,
  };
}

function versionOfReply(row: ReplyRow) {
  return { updatedAt: row.updated_at, authorId: row.author_id, content: JSON.stringify([row.body_markdown.trim()]) };
}
