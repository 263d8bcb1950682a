// Migration 13's schema: where each document was last being read, so opening it again (or
// starting the app on it) goes back there, as an e-reader does. One row per document read past
// its top; removing the document removes its row.
import type { Database } from 'better-sqlite3';

const READING_PLACES_V13 = `
  CREATE TABLE reading_places (
    document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    text_offset INTEGER NOT NULL CHECK (text_offset >= 0),
    saved_at TEXT NOT NULL
  );
`;

export function createReadingPlacesV13(db: Database): void {
  db.exec(READING_PLACES_V13);
}
