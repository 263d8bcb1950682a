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
    cachedStatement(
      this.db,
      `INSERT INTO annotation_links (id, kind, from_id, to_id, author_id, created_at, updated_at)
         VALUES (@id, @kind, @fromId, @toId, @authorId, @createdAt, @createdAt)`,
    ).run(link);
  }

  delete(id: string): void {
    cachedStatement(this.db, 'DELETE FROM annotation_links WHERE id = ?').run(id);
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
