// Where each document was last being read: a text offset per document, saved as the reader
// scrolls and given back when the document opens again. It belongs to this library only: no
// sync, bundle or workspace file carries it.
import type { Database } from 'better-sqlite3';
import { UserFacingError } from '../shared/result';
import { cachedStatement } from './store/statements';

export class ReadingPlaces {
  constructor(private readonly db: Database) {}

  /** The offset the document was last read at; 0 (its top) when it never was, or is no longer in the text. */
  get(documentId: string): number {
    const row = cachedStatement<[string], { text_offset: number; length: number }>(
      this.db,
      `SELECT places.text_offset, length(documents.canonical_text) AS length
         FROM reading_places AS places JOIN documents ON documents.id = places.document_id
        WHERE places.document_id = ?`,
    ).get(documentId);
    // The text may have been edited shorter since: a place past its end is its end.
    return row ? Math.min(row.text_offset, row.length) : 0;
  }

  /** Remembers where the document is being read; the top (0) forgets the place. */
  save(documentId: string, offset: number, now = new Date()): void {
    const exists = cachedStatement<[string], { id: string }>(this.db, 'SELECT id FROM documents WHERE id = ?').get(
      documentId,
    );
    if (!exists) throw new UserFacingError('NOT_FOUND', `No document with id ${documentId} is in the library.`);
    if (offset === 0) {
      cachedStatement(this.db, 'DELETE FROM reading_places WHERE document_id = ?').run(documentId);
      return;
    }
    cachedStatement(
      this.db,
      `INSERT INTO reading_places (document_id, text_offset, saved_at) VALUES (?, ?, ?)
         ON CONFLICT (document_id) DO UPDATE SET text_offset = excluded.text_offset, saved_at = excluded.saved_at`,
    ).run(documentId, offset, now.toISOString());
  }
}
