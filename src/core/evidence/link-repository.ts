// The SQL of typed links between annotations.
import type { Database } from 'better-sqlite3';
import type { AnnotationLink, LinkKind } from '../../shared/evidence';
import { cachedStatement } from '../store/statements';

interface LinkRow {
  id: string;
  kind: LinkKind;
  from_id: string;
  to_id: string;
  author_id: string;
  created_at: string;
}

/** A removed link, kept so the removal travels and no older copy brings it back (migration 11). */
export interface LinkTombstone extends AnnotationLink {
  /** The from-annotation's document, whose sidecar carries the tombstone. */
  documentId: string;
  deletedAt: string;
}

interface LinkTombstoneRow {
  id: string;
  document_id: string;
  from_id: string;
  to_id: string;
  kind: LinkKind;
  author_id: string;
  deleted_at: string;
}

const LINK_TOMBSTONE_COLUMNS = 'id, document_id, from_id, to_id, kind, author_id, deleted_at';

function toLinkTombstone(row: LinkTombstoneRow): LinkTombstone {
  return {
    id: row.id,
    kind: row.kind,
    fromId: row.from_id,
    toId: row.to_id,
    authorId: row.author_id,
    createdAt: row.deleted_at,
    documentId: row.document_id,
    deletedAt: row.deleted_at,
  };
}

const LINK_COLUMNS = 'l.id, l.kind, l.from_id, l.to_id, l.author_id, l.created_at';

function toLink(row: LinkRow): AnnotationLink {
  return {
    id: row.id,
    kind: row.kind,
    fromId: row.from_id,
    toId: row.to_id,
    authorId: row.author_id,
    createdAt: row.created_at,
  };
}

export class LinkRepository {
  constructor(private readonly db: Database) {}

  link(id: string): AnnotationLink | undefined {
    const row = cachedStatement<[string], LinkRow>(
      this.db,
      `SELECT ${LINK_COLUMNS} FROM annotation_links l WHERE l.id = ?`,
    ).get(id);
    return row ? toLink(row) : undefined;
  }

  find(fromId: string, toId: string, kind: LinkKind): AnnotationLink | undefined {
    const row = cachedStatement<[string, string, string], LinkRow>(
      this.db,
      `SELECT ${LINK_COLUMNS} FROM annotation_links l WHERE l.from_id = ? AND l.to_id = ? AND l.kind = ?`,
    ).get(fromId, toId, kind);
    return row ? toLink(row) : undefined;
  }

  insert(link: AnnotationLink): void {
    cachedStatement(this.db, 'DELETE FROM link_tombstones WHERE id = ?').run(link.id);
    cachedStatement(
      this.db,
      `INSERT INTO annotation_links (id, kind, from_id, to_id, author_id, created_at, updated_at)
         VALUES (@id, @kind, @fromId, @toId, @authorId, @createdAt, @createdAt)`,
    ).run(link);
  }

  /** Deletes a link without a trace: for a merge that replaces it by another version of itself. */
  delete(id: string): void {
    cachedStatement(this.db, 'DELETE FROM annotation_links WHERE id = ?').run(id);
  }

  /** Removes a link and records who removed it and when, so the removal travels; false when there was none. */
  remove(id: string, authorId: string, deletedAt: string): boolean {
    const link = this.link(id);
    if (!link) return false;
    const from = cachedStatement<[string], { document_id: string }>(
      this.db,
      'SELECT document_id FROM annotations WHERE id = ?',
    ).get(link.fromId);
    this.delete(id);
    this.recordTombstone({ ...link, authorId, documentId: from?.document_id ?? '', deletedAt });
    return true;
  }

  /** Records a link's removal (made here or elsewhere); a later removal of the same link wins. */
  recordTombstone(tombstone: LinkTombstone): void {
    cachedStatement(
      this.db,
      `INSERT INTO link_tombstones (${LINK_TOMBSTONE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET author_id = excluded.author_id, deleted_at = excluded.deleted_at
         WHERE excluded.deleted_at > link_tombstones.deleted_at`,
    ).run(
      tombstone.id,
      tombstone.documentId,
      tombstone.fromId,
      tombstone.toId,
      tombstone.kind,
      tombstone.authorId,
      tombstone.deletedAt,
    );
  }

  tombstone(id: string): LinkTombstone | undefined {
    const row = cachedStatement<[string], LinkTombstoneRow>(
      this.db,
      `SELECT ${LINK_TOMBSTONE_COLUMNS} FROM link_tombstones WHERE id = ?`,
    ).get(id);
    return row ? toLinkTombstone(row) : undefined;
  }

  /** The removed links whose from-annotation is in the document, for its sidecar. */
  tombstonesFrom(documentId: string): LinkTombstone[] {
    return cachedStatement<[string], LinkTombstoneRow>(
      this.db,
      `SELECT ${LINK_TOMBSTONE_COLUMNS} FROM link_tombstones WHERE document_id = ? ORDER BY id`,
    )
      .all(documentId)
      .map(toLinkTombstone);
  }

  /** Links whose from-annotation is in the document, oldest first: the ones its sidecar carries. */
  from(documentId: string): AnnotationLink[] {
    return cachedStatement<[string], LinkRow>(
      this.db,
      `SELECT ${LINK_COLUMNS} FROM annotation_links l
         WHERE l.from_id IN (SELECT id FROM annotations WHERE document_id = ?) ORDER BY l.created_at, l.id`,
    )
      .all(documentId)
      .map(toLink);
  }

  /** Links with either end among the document's annotations, oldest first. */
  ofDocument(documentId: string): AnnotationLink[] {
    return cachedStatement<[string, string], LinkRow>(
      this.db,
      `SELECT ${LINK_COLUMNS} FROM annotation_links l
         WHERE l.from_id IN (SELECT id FROM annotations WHERE document_id = ?)
            OR l.to_id IN (SELECT id FROM annotations WHERE document_id = ?)
         ORDER BY l.created_at, l.id`,
    )
      .all(documentId, documentId)
      .map(toLink);
  }

  /** Every "repeats" link of the library, for the independence of sources. */
  repeats(): Array<{ fromId: string; toId: string }> {
    return cachedStatement<[], { fromId: string; toId: string }>(
      this.db,
      "SELECT from_id AS fromId, to_id AS toId FROM annotation_links WHERE kind = 'repeats'",
    ).all();
  }
}
