// Numbered, forward-only schema migrations. The database's PRAGMA user_version is the
// number of migrations applied; a migration is never edited once released, only
// followed by a new one. A released migration calls no live code: what it needs is
// frozen in released-helpers.ts.
import type { Database } from 'better-sqlite3';
import type { StoredWebAnnotationV6 } from './released-helpers';
import { createEvidenceTablesV10 } from './migration-10';
import { createEvidenceTombstonesV11 } from './migration-11';
import { createEvidenceTombstonesV12 } from './migration-12';
import { createReadingPlacesV13 } from './migration-13';
import {
  MAX_CLOCK_SKEW_MS_V7,
  authorIdForKeyV7,
  baseFieldsV6,
  newKeyPairV7,
  rebuildDocumentsV8,
  rebuildDocumentsV9,
} from './released-helpers';

export interface Migration {
  version: number;
  description: string;
  /**
   * Rebuilds a table others point at: foreign keys are off while it runs (a DROP TABLE would
   * otherwise cascade into the tables pointing at it) and checked before it commits.
   */
  rebuildsTables?: boolean;
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
  {
    version: 2,
    description:
      'annotations with W3C selectors, hierarchical tags, an FTS5 index of quotes, notes and tags; the local profile',
    up(db) {
      db.exec(`
        CREATE TABLE profile (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          author_id TEXT NOT NULL,
          display_name TEXT NOT NULL,
          confirmed INTEGER NOT NULL DEFAULT 0,
          created_at TEXT NOT NULL
        );

        CREATE TABLE tags (
          id TEXT PRIMARY KEY NOT NULL,
          path TEXT NOT NULL UNIQUE COLLATE NOCASE,
          color TEXT NOT NULL DEFAULT '',
          description TEXT NOT NULL DEFAULT '',
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL
        );

        CREATE TABLE annotations (
          seq INTEGER PRIMARY KEY,
          id TEXT NOT NULL UNIQUE,
          document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
          kind TEXT NOT NULL CHECK (kind IN ('highlight', 'point', 'document')),
          start_offset INTEGER NOT NULL,
          end_offset INTEGER NOT NULL,
          exact TEXT NOT NULL,
          prefix TEXT NOT NULL,
          suffix TEXT NOT NULL,
          text_sha256 TEXT NOT NULL,
          anchor_status TEXT NOT NULL CHECK (anchor_status IN ('exact', 'moved', 'fuzzy', 'orphan')),
          anchor_score REAL NOT NULL,
          color TEXT NOT NULL,
          note_json TEXT NOT NULL,
          note_text TEXT NOT NULL,
          note_markdown TEXT NOT NULL,
          author_id TEXT NOT NULL,
          author_name TEXT NOT NULL,
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL
        );

        CREATE INDEX annotations_by_document ON annotations (document_id, start_offset);

        CREATE TABLE annotation_tags (
          annotation_id TEXT NOT NULL REFERENCES annotations (id) ON DELETE CASCADE,
          tag_id TEXT NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
          PRIMARY KEY (annotation_id, tag_id)
        ) WITHOUT ROWID;

        CREATE INDEX annotation_tags_by_tag ON annotation_tags (tag_id);

        CREATE VIRTUAL TABLE annotations_fts USING fts5(
          exact,
          note_text,
          tags,
          author,
          tokenize = 'unicode61 remove_diacritics 2'
        );

        CREATE TRIGGER annotations_fts_delete AFTER DELETE ON annotations BEGIN
          DELETE FROM annotations_fts WHERE rowid = old.seq;
        END;
      `);
    },
  },
  {
    version: 3,
    description: 'a partial index of orphaned annotations, so is:orphan stays fast in large libraries',
    up(db) {
      db.exec(
        `CREATE INDEX annotations_orphaned ON annotations (document_id, start_offset) WHERE anchor_status = 'orphan';`,
      );
    },
  },
  {
    version: 4,
    description:
      'note bundles: a signing key pair in the profile, keys seen on imported bundles, replies, and tombstones of deleted annotations',
    up(db) {
      db.exec(`
        ALTER TABLE profile ADD COLUMN public_key TEXT NOT NULL DEFAULT '';
        ALTER TABLE profile ADD COLUMN private_key TEXT NOT NULL DEFAULT '';

        CREATE TABLE known_keys (
          fingerprint TEXT PRIMARY KEY NOT NULL,
          public_key TEXT NOT NULL,
          display_name TEXT NOT NULL,
          first_seen_at TEXT NOT NULL,
          last_seen_at TEXT NOT NULL
        );

        CREATE TABLE replies (
          seq INTEGER PRIMARY KEY,
          id TEXT NOT NULL UNIQUE,
          annotation_id TEXT NOT NULL,
          document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
          body_markdown TEXT NOT NULL,
          body_text TEXT NOT NULL,
          author_id TEXT NOT NULL,
          author_name TEXT NOT NULL,
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL
        );
        CREATE INDEX replies_by_annotation ON replies (annotation_id, created_at);
        CREATE INDEX replies_by_document ON replies (document_id);

        CREATE TABLE tombstones (
          id TEXT PRIMARY KEY NOT NULL,
          document_id TEXT NOT NULL,
          author_id TEXT NOT NULL,
          deleted_at TEXT NOT NULL
        );
        CREATE INDEX tombstones_by_document ON tombstones (document_id);
      `);
    },
  },
  {
    version: 5,
    description:
      'workspace sync: which file holds each document, what was last synced (the base of three-way merges), and conflicts to resolve',
    up(db) {
      db.exec(`
        CREATE TABLE sync_files (
          -- No foreign key: the row outlives a removed document, so the sync can tell a
          -- document removed here (its files are set aside) from one copied in (imported).
          document_id TEXT PRIMARY KEY NOT NULL,
          slug TEXT NOT NULL UNIQUE,
          sidecar_sha256 TEXT NOT NULL,
          store_fingerprint TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE sync_base (
          annotation_id TEXT PRIMARY KEY NOT NULL,
          document_id TEXT NOT NULL,
          base_json TEXT NOT NULL
        );
        CREATE INDEX sync_base_by_document ON sync_base (document_id);
        CREATE TABLE sync_conflicts (
          id TEXT PRIMARY KEY NOT NULL,
          document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
          annotation_id TEXT NOT NULL,
          theirs_json TEXT NOT NULL,
          file TEXT NOT NULL,
          created_at TEXT NOT NULL
        );
      `);
    },
  },
  {
    version: 6,
    description:
      'the sync base keeps only the fields a merge compares, one row per document (a first scan of many files wrote one row per annotation); ' +
      "sync_files keeps each file's size and time so a start reads only files that changed",
    up(db) {
      db.exec(`
        CREATE TABLE sync_bases (
          document_id TEXT PRIMARY KEY NOT NULL,
          fields_json TEXT NOT NULL
        );
      `);
      const insert = db.prepare('INSERT INTO sync_bases (document_id, fields_json) VALUES (?, ?)');
      const rows = db
        .prepare<[], { document_id: string; base_json: string }>(
          'SELECT document_id, base_json FROM sync_base ORDER BY document_id',
        )
        .all();
      const byDocument = new Map<string, StoredWebAnnotationV6[]>();
      for (const row of rows) {
        const items = byDocument.get(row.document_id) ?? [];
        items.push(JSON.parse(row.base_json) as StoredWebAnnotationV6);
        byDocument.set(row.document_id, items);
      }
      for (const [documentId, items] of byDocument) insert.run(documentId, JSON.stringify(baseFieldsV6(items)));
      db.exec(`
        DROP TABLE sync_base;
        -- A file's size and time when its hash was taken: a start need not read a file whose
        -- size and time still match (-1 until first taken).
        ALTER TABLE sync_files ADD COLUMN sidecar_size INTEGER NOT NULL DEFAULT -1;
        ALTER TABLE sync_files ADD COLUMN sidecar_mtime_ms REAL NOT NULL DEFAULT -1;
        ALTER TABLE sync_files ADD COLUMN stat_taken_at_ms REAL NOT NULL DEFAULT 0;
      `);
    },
  },
  {
    version: 7,
    description:
      "authors are keys: the profile's items move to the author id derived from its public key; " +
      "times past the clock's skew (a poisoned clock) come back to now; documents record where they came from",
    up(db) {
      bindProfileToKey(db);
      repairFutureTimes(db, Date.now());
      db.exec(`
        -- Who a document came from (a bundle's signer, empty for a local import).
        ALTER TABLE documents ADD COLUMN origin_name TEXT NOT NULL DEFAULT '';
        ALTER TABLE documents ADD COLUMN origin_fingerprint TEXT NOT NULL DEFAULT '';
        -- Authors and times changed above: the next sync rewrites every workspace file, so
        -- the files carry the key-bound author ids too.
        UPDATE sync_files SET store_fingerprint = '';
      `);
    },
  },
  {
    version: 8,
    description:
      'binary documents: source_type also pdf, docx, epub, eml and mhtml (the documents table rebuilt, keeping its rows, ' +
      'search index and everything pointing at it); each document keeps its provenance; e-mail attachments are kept',
    rebuildsTables: true,
    up(db) {
      rebuildDocumentsV8(db);
      db.exec(`
        -- A message's attachments, so one can be imported later as a document of its own.
        CREATE TABLE document_attachments (
          document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
          idx INTEGER NOT NULL,
          file_name TEXT NOT NULL,
          mime_type TEXT NOT NULL,
          size INTEGER NOT NULL,
          sha256 TEXT NOT NULL,
          bytes BLOB NOT NULL,
          PRIMARY KEY (document_id, idx)
        ) WITHOUT ROWID;
      `);
    },
  },
  {
    version: 9,
    description:
      'scanned images: source_type also image (PNG, JPEG, TIFF read with OCR); the documents table rebuilt again, ' +
      'keeping its rows, provenance, search index and everything pointing at it',
    rebuildsTables: true,
    up(db) {
      rebuildDocumentsV9(db);
    },
  },
  {
    version: 10,
    description:
      "evidence: the grading scheme, sources, documents' default sources, annotation grades, links between annotations, " +
      "claims with their evidence, and analyses of competing hypotheses (hypotheses, rows, and each analyst's cells)",
    up(db) {
      createEvidenceTablesV10(db);
    },
  },
  { version: 11, description: 'tombstones of removed grades and links', up: createEvidenceTombstonesV11 },
  { version: 12, description: 'tombstones of the other deleted evidence items', up: createEvidenceTombstonesV12 },
  { version: 13, description: 'where each document was last being read', up: createReadingPlacesV13 },
];

/** Gives the profile a key pair if it has none and moves its items to the author id of that key. */
function bindProfileToKey(db: Database): void {
  const profile = db
    .prepare<[], { author_id: string; public_key: string }>('SELECT author_id, public_key FROM profile WHERE id = 1')
    .get();
  if (!profile) return;
  let publicKey = profile.public_key;
  if (publicKey === '') {
    const keys = newKeyPairV7();
    db.prepare('UPDATE profile SET public_key = ?, private_key = ? WHERE id = 1').run(keys.publicKey, keys.privateKey);
    publicKey = keys.publicKey;
  }
  const authorId = authorIdForKeyV7(publicKey);
  if (authorId === profile.author_id) return;
  for (const table of ['annotations', 'replies', 'tombstones'])
    db.prepare(`UPDATE ${table} SET author_id = ? WHERE author_id = ?`).run(authorId, profile.author_id);
  db.prepare('UPDATE profile SET author_id = ? WHERE id = 1').run(authorId);
}

/** Brings every stored time that is unreadable or further ahead than the skew back to `nowMs`. */
export function repairFutureTimes(db: Database, nowMs: number): void {
  const now = new Date(nowMs).toISOString();
  const limit = nowMs + MAX_CLOCK_SKEW_MS_V7;
  const columns: Array<[string, string]> = [
    ['annotations', 'created_at'],
    ['annotations', 'updated_at'],
    ['replies', 'created_at'],
    ['replies', 'updated_at'],
    ['tombstones', 'deleted_at'],
    ['tags', 'created_at'],
    ['tags', 'updated_at'],
  ];
  for (const [table, column] of columns) {
    const update = db.prepare(`UPDATE ${table} SET ${column} = ? WHERE rowid = ?`);
    // Aliased: a table whose INTEGER PRIMARY KEY is the rowid names the column after the key.
    const rows = db
      .prepare<[], { rowid: number; value: string }>(`SELECT rowid AS rowid, ${column} AS value FROM ${table}`)
      .all();
    for (const row of rows) {
      const ms = Date.parse(row.value);
      if (!/^\d{4}-/.test(row.value) || !Number.isFinite(ms) || ms > limit) update.run(now, row.rowid);
    }
  }
}

/**
 * The last migration's number. Numbers only ever rise; two branches may each take one (11 and
 * 12 were written side by side), so a gap is allowed until the other lands.
 */
export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

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
    if (migration.rebuildsTables) applyWithForeignKeysOff(db, migration);
    else apply(db, migration);
  }
  return schemaVersionOf(db);
}

function apply(db: Database, migration: Migration): void {
  db.transaction(() => {
    migration.up(db);
    db.pragma(`user_version = ${migration.version}`);
  }).immediate();
}

/**
 * The pragma is a no-op inside a transaction, so it is set around it. A row the rebuild
 * left pointing at nothing rolls the migration back (rows that already did are left be).
 */
function applyWithForeignKeysOff(db: Database, migration: Migration): void {
  const enforced = db.pragma('foreign_keys', { simple: true }) === 1;
  db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      const before = (db.pragma('foreign_key_check') as unknown[]).length;
      migration.up(db);
      const after = (db.pragma('foreign_key_check') as unknown[]).length;
      if (after > before) {
        throw new Error(`Migration ${migration.version} would leave ${after - before} rows pointing at nothing.`);
      }
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  } finally {
    if (enforced) db.pragma('foreign_keys = ON');
  }
}
