// Replies: the threads under annotations. A reply is its own row, answering one annotation;
// in a bundle it travels as a W3C annotation whose target is that annotation.
import type { Database } from 'better-sqlite3';
import type { Reply } from '../../shared/annotations';
import { noteFromMarkdown } from '../../shared/notes';
import type { WebAnnotation } from '../../shared/web-annotation';
import { idFromUrn, readWebAnnotation } from '../../shared/web-annotation';
import { cachedStatement } from '../store/statements';

export interface ReplyRow {
  id: string;
  annotation_id: string;
  document_id: string;
  body_markdown: string;
  body_text: string;
  author_id: string;
  author_name: string;
  created_at: string;
  updated_at: string;
}

const COLUMNS = [
  'id',
  'annotation_id',
  'document_id',
  'body_markdown',
  'body_text',
  'author_id',
  'author_name',
  'created_at',
  'updated_at',
] as const;

export function toReply(row: ReplyRow): Reply {
  return {
    id: row.id,
    annotationId: row.annotation_id,
    documentId: row.document_id,
    markdown: row.body_markdown,
    text: row.body_text,
    author: { id: row.author_id, name: row.author_name },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The annotation a reply answers, from its W3C form (in a bundle or a workspace file). */
export function replyParentId(item: WebAnnotation): string {
  return idFromUrn(typeof item.target === 'string' ? item.target : item.target.source);
}

/** A reply row from its W3C form, its Markdown kept as given. */
export function replyRowFrom(item: WebAnnotation, documentId: string): ReplyRow {
  const read = readWebAnnotation(item);
  const markdown = item.body.find((body) => body.purpose === 'replying')?.value ?? '';
  return {
    id: read.id,
    annotation_id: replyParentId(item),
    document_id: documentId,
    body_markdown: markdown,
    body_text: markdown.trim() === '' ? '' : noteFromMarkdown(markdown, { keepMarkdown: true }).text,
    author_id: read.author.id,
    author_name: read.author.name,
    created_at: read.createdAt,
    updated_at: read.updatedAt,
  };
}

export class ReplyRepository {
  constructor(private readonly db: Database) {}

  row(id: string): ReplyRow | undefined {
    return cachedStatement<[string], ReplyRow>(this.db, `SELECT ${COLUMNS.join(', ')} FROM replies WHERE id = ?`).get(
      id,
    );
  }

  /** A document's replies whose annotation still exists, oldest first. */
  ofDocument(documentId: string): ReplyRow[] {
    return cachedStatement<[string], ReplyRow>(
      this.db,
      `SELECT ${COLUMNS.map((column) => `r.${column}`).join(', ')} FROM replies r JOIN annotations a ON a.id = r.annotation_id
         WHERE r.document_id = ? ORDER BY r.created_at, r.id`,
    ).all(documentId);
  }

  insert(row: ReplyRow): void {
    cachedStatement(
      this.db,
      `INSERT INTO replies (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map((column) => `@${column}`).join(', ')})`,
    ).run(row);
  }

  update(row: ReplyRow): void {
    cachedStatement(
      this.db,
      `UPDATE replies SET ${COLUMNS.filter((column) => column !== 'id')
        .map((column) => `${column} = @${column}`)
        .join(', ')} WHERE id = @id`,
    ).run(row);
  }

  delete(id: string, deletedAt: string): void {
    const row = this.row(id);
    if (!row) return;
    cachedStatement(this.db, 'DELETE FROM replies WHERE id = ?').run(id);
    cachedStatement(
      this.db,
      'INSERT OR REPLACE INTO tombstones (id, document_id, author_id, deleted_at) VALUES (?, ?, ?, ?)',
    ).run(id, row.document_id, row.author_id, deletedAt);
  }
}
