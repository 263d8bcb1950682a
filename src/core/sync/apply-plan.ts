// Applying a merge plan to the store: the file's annotations re-anchored into rows, deletions
// and tombstones, replies, then the search index and the clock. Runs inside the caller's
// transaction; the plan (merge-plan.ts) has already decided everything.
import type { AnnotationRow } from '../annotations/store';
import { replyRowFrom } from '../annotations/replies';
import { anchor } from '../../shared/anchoring';
import { EMPTY_NOTE, noteFromMarkdown } from '../../shared/notes';
import { quoteSelectorFor } from '../../shared/selectors';
import type { WebAnnotation } from '../../shared/web-annotation';
import { idFromUrn, readWebAnnotation } from '../../shared/web-annotation';
import type { SyncDependencies } from './dependencies';
import type { MergeField, SyncPlan } from './merge-plan';
import { ALL_MERGE_FIELDS } from './merge-plan';

/** The document an incoming annotation is written into: its id and text, to anchor on. */
export interface TargetDocument {
  id: string;
  text: string;
  textSha256: string;
}

type Store = SyncDependencies['annotations']['store'];

function newRow(documentId: string, textSha256: string, read: ReturnType<typeof readWebAnnotation>): AnnotationRow {
  return {
    id: read.id,
    document_id: documentId,
    kind: read.kind,
    start_offset: -1,
    end_offset: -1,
    exact: '',
    prefix: '',
    suffix: '',
    text_sha256: textSha256,
    anchor_status: 'exact',
    anchor_score: 1,
    color: read.color,
    note_json: '',
    note_text: '',
    note_markdown: '',
    author_id: read.author.id,
    author_name: read.author.name,
    created_at: read.createdAt,
    updated_at: read.updatedAt,
  };
}

/** The row's place in the text: the file's, when its text and quote are the library's; else anchored by quote. */
function anchorInto(row: AnnotationRow, document: TargetDocument, read: ReturnType<typeof readWebAnnotation>): void {
  if (read.kind === 'document' || !read.quote || !read.position) return;
  const { text, textSha256 } = document;
  const sameText =
    read.textSha256 === textSha256 &&
    read.position.end <= text.length &&
    text.slice(read.position.start, read.position.end) === read.quote.exact;
  const anchored = sameText
    ? { status: 'exact' as const, start: read.position.start, end: read.position.end, score: 1 }
    : anchor(text, read.quote, read.position);
  if (anchored.status === 'orphan') {
    Object.assign(row, {
      start_offset: read.position.start,
      end_offset: read.position.end,
      exact: read.quote.exact,
      prefix: read.quote.prefix,
      suffix: read.quote.suffix,
      anchor_status: 'orphan',
      anchor_score: 0,
    });
  } else {
    const quote = quoteSelectorFor(text, anchored.start, anchored.end);
    Object.assign(row, {
      start_offset: anchored.start,
      end_offset: anchored.end,
      exact: quote.exact,
      prefix: quote.prefix,
      suffix: quote.suffix,
      anchor_status: anchored.status,
      anchor_score: anchored.score,
    });
  }
  row.text_sha256 = textSha256;
}

/** Writes the file's version of the chosen fields over the annotation's row (or a new row when there is none). */
export function writeIncomingAnnotation(
  annotations: SyncDependencies['annotations'],
  document: TargetDocument,
  theirs: WebAnnotation,
  fields: readonly MergeField[],
): void {
  const store: Store = annotations.store;
  const read = readWebAnnotation(theirs);
  const current = store.row(read.id);
  const row: AnnotationRow = current ? { ...current } : newRow(document.id, document.textSha256, read);
  if (fields.includes('color')) row.color = read.color;
  if (fields.includes('note')) {
    const note = read.markdown.trim() === '' ? EMPTY_NOTE : noteFromMarkdown(read.markdown, { keepMarkdown: true });
    Object.assign(row, { note_json: note.lexicalJson, note_text: note.text, note_markdown: read.markdown });
  }
  if (fields.includes('target')) anchorInto(row, document, read);
  row.updated_at = read.updatedAt > row.updated_at ? read.updatedAt : row.updated_at;
  if (current) store.updateRow(row);
  else store.insertRow(row);
  if (fields.includes('tags')) store.setTags(row.id, annotations.importTagIds(read.tags));
}

/** Applies the plan's annotations, tombstones and replies, then reindexes what changed and lets the clock see every time. */
export function applyPlan(
  annotations: SyncDependencies['annotations'],
  document: TargetDocument,
  plan: SyncPlan,
  theirs: readonly WebAnnotation[],
): void {
  const store = annotations.store;
  const touched = new Set<string>();
  for (const item of plan.annotations.added) {
    writeIncomingAnnotation(annotations, document, item, ALL_MERGE_FIELDS);
    touched.add(idFromUrn(item.id));
  }
  for (const update of plan.annotations.updated) {
    writeIncomingAnnotation(annotations, document, update.theirs, update.fields);
    touched.add(idFromUrn(update.theirs.id));
  }
  for (const deletion of plan.annotations.deleted) {
    store.deleteAnnotation(deletion.id, deletion.deletedAt ?? annotations.now());
    touched.add(deletion.id);
  }
  for (const tombstone of plan.tombstones)
    store.addTombstone({
      id: tombstone.id,
      document_id: document.id,
      author_id: tombstone.authorId,
      deleted_at: tombstone.deletedAt,
    });
  for (const item of plan.replies.added) annotations.replies.insert(replyRowFrom(item, document.id));
  for (const item of plan.replies.updated) annotations.replies.update(replyRowFrom(item, document.id));
  store.reindex(touched);
  for (const item of theirs) annotations.observe(item.modified);
}
