// Numbered, forward-only schema migrations. The database's PRAGMA user_version is the
// number of migrations applied; a migration is never edited once released, only
// followed by a new one.
import type { Database } from 'better-sqlite3';

export interface Migration {
  version: number;
  description: string;
  up(db: Database): void;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'documents with their source bytes, canonical text and an FTS5 index; settings',
    up(db) {
      db.exec(`
        CREATE TABLE documents (
          seq INTEGER PRIMARY KEY,
          id TEXT NOT NULL UNIQUE,
          title TEXT NOT NULL,
          source_name TEXT NOT NULL,
          source_type TEXT NOT NULL CHECK (source_type IN ('txt', 'md', 'html')),
          source_bytes BLOB NOT NULL,
          source_sha256 TEXT NOT NULL UNIQUE,
          lexical_json TEXT NOT NULL,
          canonical_text TEXT NOT NULL,
          text_sha256 TEXT NOT NULL,
          byline TEXT NOT NULL DEFAULT '',
          published_at TEXT NOT NULL DEFAULT '',
          site_name TEXT NOT NULL DEFAULT '',
          word_count INTEGER NOT NULL,
          imported_at TEXT NOT NULL,
          updated_at TEXT NOT NULL
        );

        CREATE VIRTUAL TABLE documents_fts USING fts5(
          title,
          canonical_text,
          content = 'documents',
          content_rowid = 'seq',
          tokenize = 'unicode61 remove_diacritics 2'
        );

        CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
          INSERT INTO documents_fts (rowid, title, canonical_text)
          VALUES (new.seq, new.title, new.canonical_text);
        END;

        CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
          INSERT INTO documents_fts (documents_fts, rowid, title, canonical_text)
          VALUES ('delete', old.seq, old.title, old.canonical_text);
        END;

        CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, canonical_text ON documents BEGIN
          INSERT INTO documents_fts (documents_fts, rowid, title, canonical_text)
          VALUES ('delete', old.seq, old.title, old.canonical_text);
          INSERT INTO documents_fts (rowid, title, canonical_text)
          VALUES (new.seq, new.title, new.canonical_text);
        END;

        CREATE TABLE settings (
          key TEXT PRIMARY KEY NOT NULL,
          value_json TEXT NOT NULL
        );
      `);
    },
  },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;

export function schemaVersionOf(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Applies every migration above the database's version, up to `target`, each in its own
 * transaction together with the version bump, so a crash leaves a whole version.
 */
export function migrate(db: Database, target: number = LATEST_SCHEMA_VERSION): number {
  const current = schemaVersionOf(db);
  if (current > LATEST_SCHEMA_VERSION) {
    throw new Error(
      `This database has schema version ${current}, newer than this Marginalia understands (${LATEST_SCHEMA_VERSION}). Update Marginalia.`,
    );
  }
  for (const migration of MIGRATIONS) {
    if (migration.version <= current || migration.version > target) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
  return schemaVersionOf(db);
}
