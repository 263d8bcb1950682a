// The SQL of annotations, tags, annotation_tags and tombstones, read as whole snapshots so
// any change can be undone by writing the earlier snapshot back.
import type { Database } from 'better-sqlite3';
import type { Annotation, HighlightColor, HighlightSpans, TagInfo } from '../../shared/annotations';
import { isTagWithin } from '../../shared/annotations';
import type { AnchorStatus } from '../../shared/selectors';
import type { SavedEvidence } from '../evidence';
import { evidenceOfAnnotation, restoreEvidence } from '../evidence';
import { cachedStatement } from '../store/statements';

export interface AnnotationRow {
  id: string;
  document_id: string;
  kind: Annotation['kind'];
  start_offset: number;
  end_offset: number;
  exact: string;
  prefix: string;
  suffix: string;
  text_sha256: string;
  anchor_status: AnchorStatus;
  anchor_score: number;
  color: string;
  note_json: string;
  note_text: string;
  note_markdown: string;
  author_id: string;
  author_name: string;
  created_at: string;
  updated_at: string;
}

export interface TagRow {
  id: string;
  path: string;
  color: string;
  description: string;
  created_at: string;
  updated_at: string;
}

/** An annotation row with the ids of its tags: what undo needs to restore it. */
export interface AnnotationRecord {
  row: AnnotationRow;
  tagIds: string[];
  /** In a snapshot: the grade, links and places as evidence that deleting the annotation takes along. */
  evidence?: SavedEvidence;
}

export interface Snapshot {
  annotations: Map<string, AnnotationRecord | null>;
  tags: Map<string, TagRow | null>;
}

const ANNOTATION_COLUMNS = [
  'id',
  'document_id',
  'kind',
  'start_offset',
  'end_offset',
  'exact',
  'prefix',
  'suffix',
  'text_sha256',
  'anchor_status',
  'anchor_score',
  'color',
  'note_json',
  'note_text',
  'note_markdown',
  'author_id',
  'author_name',
  'created_at',
  'updated_at',
] as const;

export function toAnnotation(row: AnnotationRow, tags: string[]): Annotation {
  return {
    id: row.id,
    documentId: row.document_id,
    kind: row.kind,
    color: row.color as HighlightColor,
    target:
      row.kind === 'document'
        ? null
        : {
            position: { type: 'TextPositionSelector', start: row.start_offset, end: row.end_offset },
            quote: { type: 'TextQuoteSelector', exact: row.exact, prefix: row.prefix, suffix: row.suffix },
            textSha256: row.text_sha256,
          },
    anchor: { status: row.anchor_status, score: row.anchor_score },
    tags,
    note: { lexicalJson: row.note_json, text: row.note_text, markdown: row.note_markdown },
    author: { id: row.author_id, name: row.author_name },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export class AnnotationRepository {
  constructor(private readonly db: Database) {}

  get database(): Database {
    return this.db;
  }

  row(id: string): AnnotationRow | undefined {
    return cachedStatement<[string], AnnotationRow>(
      this.db,
      `SELECT ${ANNOTATION_COLUMNS.join(', ')} FROM annotations WHERE id = ?`,
    ).get(id);
  }

  /** How many annotations each document has, by document id; a document with none is left out. */
  countsByDocument(): Record<string, number> {
    const rows = cachedStatement<[], { document_id: string; count: number }>(
      this.db,
      'SELECT document_id, count(*) AS count FROM annotations GROUP BY document_id',
    ).all();
    return Object.fromEntries(rows.map((row) => [row.document_id, row.count]));
  }

  idsOfDocument(documentId: string): Set<string> {
    return new Set(
      cachedStatement<[string], [string]>(this.db, 'SELECT id FROM annotations WHERE document_id = ?')
        .raw(true)
        .all(documentId)
        .map(([id]) => id),
    );
  }

  rowsOfDocument(documentId: string): AnnotationRow[] {
    return cachedStatement<[string], AnnotationRow>(
      this.db,
      `SELECT ${ANNOTATION_COLUMNS.join(', ')} FROM annotations WHERE document_id = ? ORDER BY start_offset, end_offset DESC, created_at`,
    ).all(documentId);
  }

  highlightSpansOf(documentId: string): HighlightSpans {
    const rows = cachedStatement<[string], [string, number, number, string]>(
      this.db,
      `SELECT id, start_offset, end_offset, color FROM annotations
         WHERE document_id = ? AND kind = 'highlight' AND anchor_status <> 'orphan' AND end_offset > start_offset
         ORDER BY start_offset, end_offset DESC, created_at`,
    )
      .raw(true)
      .all(documentId);
    const spans: HighlightSpans = { documentId, ids: [], starts: [], ends: [], colors: [] };
    for (const [id, start, end, color] of rows) {
      spans.ids.push(id);
      spans.starts.push(start);
      spans.ends.push(end);
      spans.colors.push(color as HighlightColor);
    }
    return spans;
  }

  tagPathsByAnnotation(documentId: string): Map<string, string[]> {
    const rows = cachedStatement<[string], { annotation_id: string; path: string }>(
      this.db,
      `SELECT at.annotation_id, t.path FROM annotation_tags at
         JOIN tags t ON t.id = at.tag_id JOIN annotations a ON a.id = at.annotation_id
         WHERE a.document_id = ? ORDER BY t.path COLLATE NOCASE`,
    ).all(documentId);
    const map = new Map<string, string[]>();
    for (const { annotation_id, path } of rows) map.set(annotation_id, [...(map.get(annotation_id) ?? []), path]);
    return map;
  }

  tagPathsOf(annotationId: string): string[] {
    return cachedStatement<[string], { path: string }>(
      this.db,
      'SELECT t.path FROM annotation_tags at JOIN tags t ON t.id = at.tag_id WHERE at.annotation_id = ? ORDER BY t.path COLLATE NOCASE',
    )
      .all(annotationId)
      .map((row) => row.path);
  }

  annotation(id: string): Annotation | undefined {
    const row = this.row(id);
    return row ? toAnnotation(row, this.tagPathsOf(id)) : undefined;
  }

  tagRow(id: string): TagRow | undefined {
    return cachedStatement<[string], TagRow>(
      this.db,
      'SELECT id, path, color, description, created_at, updated_at FROM tags WHERE id = ?',
    ).get(id);
  }

  tagByPath(path: string): TagRow | undefined {
    return cachedStatement<[string], TagRow>(
      this.db,
      'SELECT id, path, color, description, created_at, updated_at FROM tags WHERE path = ? COLLATE NOCASE',
    ).get(path);
  }

  /** The tag at `path` and every tag below it. */
  tagsWithin(path: string): TagRow[] {
    return cachedStatement<[], TagRow>(this.db, 'SELECT id, path, color, description, created_at, updated_at FROM tags')
      .all()
      .filter((tag) => isTagWithin(tag.path, path));
  }

  listTags(): TagInfo[] {
    return cachedStatement<[], TagRow & { count: number }>(
      this.db,
      `SELECT t.id, t.path, t.color, t.description, t.created_at, t.updated_at, count(at.annotation_id) AS count
         FROM tags t LEFT JOIN annotation_tags at ON at.tag_id = t.id
         GROUP BY t.id ORDER BY t.path COLLATE NOCASE`,
    )
      .all()
      .map((row) => ({
        id: row.id,
        path: row.path,
        color: row.color as TagInfo['color'],
        description: row.description,
        count: row.count,
      }));
  }

  annotationIdsWithTags(tagIds: readonly string[]): string[] {
    if (tagIds.length === 0) return [];
    return cachedStatement<string[], { annotation_id: string }>(
      this.db,
      `SELECT DISTINCT annotation_id FROM annotation_tags WHERE tag_id IN (${tagIds.map(() => '?').join(', ')})`,
    )
      .all(...tagIds)
      .map((row) => row.annotation_id);
  }

  record(id: string): AnnotationRecord | null {
    const row = this.row(id);
    if (!row) return null;
    const tagIds = cachedStatement<[string], { tag_id: string }>(
      this.db,
      'SELECT tag_id FROM annotation_tags WHERE annotation_id = ?',
    )
      .all(id)
      .map((link) => link.tag_id);
    return { row, tagIds };
  }

  snapshot(annotationIds: Iterable<string>, tagIds: Iterable<string>): Snapshot {
    const annotations = new Map<string, AnnotationRecord | null>();
    for (const id of annotationIds) {
      const record = this.record(id);
      const evidence = record ? evidenceOfAnnotation(this.db, id) : undefined;
      annotations.set(id, record && evidence ? { ...record, evidence } : record);
    }
    const tags = new Map<string, TagRow | null>();
    for (const id of tagIds) tags.set(id, this.tagRow(id) ?? null);
    return { annotations, tags };
  }

  insertRow(row: AnnotationRow): void {
    cachedStatement(
      this.db,
      `INSERT INTO annotations (${ANNOTATION_COLUMNS.join(', ')}) VALUES (${ANNOTATION_COLUMNS.map((column) => `@${column}`).join(', ')})`,
    ).run(row);
  }

  updateRow(row: AnnotationRow): void {
    cachedStatement(
      this.db,
      `UPDATE annotations SET ${ANNOTATION_COLUMNS.filter((column) => column !== 'id')
        .map((column) => `${column} = @${column}`)
        .join(', ')} WHERE id = @id`,
    ).run(row);
  }

  setTags(annotationId: string, tagIds: readonly string[]): void {
    cachedStatement(this.db, 'DELETE FROM annotation_tags WHERE annotation_id = ?').run(annotationId);
    const link = cachedStatement(
      this.db,
      'INSERT OR IGNORE INTO annotation_tags (annotation_id, tag_id) VALUES (?, ?)',
    );
    for (const tagId of tagIds) link.run(annotationId, tagId);
  }

  upsertTag(tag: TagRow): void {
    cachedStatement(
      this.db,
      `INSERT INTO tags (id, path, color, description, created_at, updated_at) VALUES (@id, @path, @color, @description, @created_at, @updated_at)
         ON CONFLICT (id) DO UPDATE SET path = excluded.path, color = excluded.color, description = excluded.description, updated_at = excluded.updated_at`,
    ).run(tag);
  }

  deleteTag(id: string): void {
    cachedStatement(this.db, 'DELETE FROM tags WHERE id = ?').run(id);
  }

  /** Deletes an annotation and leaves a tombstone, so a bundle or file with an old copy cannot bring it back. */
  deleteAnnotation(id: string, deletedAt = new Date().toISOString()): void {
    const row = this.row(id);
    if (!row) return;
    cachedStatement(this.db, 'DELETE FROM annotations WHERE id = ?').run(id);
    cachedStatement(
      this.db,
      'INSERT OR REPLACE INTO tombstones (id, document_id, author_id, deleted_at) VALUES (?, ?, ?, ?)',
    ).run(id, row.document_id, row.author_id, deletedAt);
  }

  tombstone(id: string): { id: string; document_id: string; author_id: string; deleted_at: string } | undefined {
    return cachedStatement<[string], { id: string; document_id: string; author_id: string; deleted_at: string }>(
      this.db,
      'SELECT id, document_id, author_id, deleted_at FROM tombstones WHERE id = ?',
    ).get(id);
  }

  tombstonesOf(documentId: string): Array<{ id: string; document_id: string; author_id: string; deleted_at: string }> {
    return cachedStatement<[string], { id: string; document_id: string; author_id: string; deleted_at: string }>(
      this.db,
      'SELECT id, document_id, author_id, deleted_at FROM tombstones WHERE document_id = ? ORDER BY id',
    ).all(documentId);
  }

  addTombstone(tombstone: { id: string; document_id: string; author_id: string; deleted_at: string }): void {
    cachedStatement(
      this.db,
      `INSERT INTO tombstones (id, document_id, author_id, deleted_at) VALUES (@id, @document_id, @author_id, @deleted_at)
         ON CONFLICT (id) DO UPDATE SET deleted_at = max(deleted_at, excluded.deleted_at)`,
    ).run(tombstone);
  }

  /** The newest change time of any annotation or reply: where the clock must not go back behind. */
  latestChange(): string {
    const row = cachedStatement<[], { latest: string | null }>(
      this.db,
      `SELECT max(latest) AS latest FROM (SELECT max(updated_at) AS latest FROM annotations UNION ALL SELECT max(updated_at) FROM replies
         UNION ALL SELECT max(deleted_at) FROM tombstones)`,
    ).get();
    return row?.latest ?? '';
  }

  /** Writes a snapshot back: the state the ids had when it was taken. */
  restore(snapshot: Snapshot): void {
    for (const tag of snapshot.tags.values()) if (tag) this.upsertTag(tag);
    for (const [id, record] of snapshot.annotations) {
      if (record) {
        if (this.row(id)) this.updateRow(record.row);
        else {
          this.insertRow(record.row);
          if (record.evidence) restoreEvidence(this.db, record.evidence);
        }
        cachedStatement(this.db, 'DELETE FROM tombstones WHERE id = ?').run(id);
        this.setTags(id, record.tagIds);
      } else {
        this.deleteAnnotation(id);
      }
    }
    for (const [id, tag] of snapshot.tags) if (!tag) this.deleteTag(id);
    this.reindex(snapshot.annotations.keys());
  }

  /** Refreshes the search index rows of these annotations. */
  reindex(annotationIds: Iterable<string>): void {
    const seqOf = cachedStatement<[string], { seq: number; exact: string; note_text: string; author_name: string }>(
      this.db,
      'SELECT seq, exact, note_text, author_name FROM annotations WHERE id = ?',
    );
    const remove = cachedStatement(this.db, 'DELETE FROM annotations_fts WHERE rowid = ?');
    const insert = cachedStatement(
      this.db,
      'INSERT INTO annotations_fts (rowid, exact, note_text, tags, author) VALUES (?, ?, ?, ?, ?)',
    );
    for (const id of annotationIds) {
      const row = seqOf.get(id);
      if (!row) continue;
      remove.run(row.seq);
      insert.run(row.seq, row.exact, row.note_text, this.tagPathsOf(id).join(' '), row.author_name);
    }
  }
}
