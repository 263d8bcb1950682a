// Frozen copies of the code released migrations run, so changing live code (merge fields,
// author ids, the clock's skew) can never change what an old library's upgrade does.
// Never edit these: a change of behaviour is a new migration with helpers of its own.
import type { Database } from 'better-sqlite3';
import { createHash, generateKeyPairSync } from 'node:crypto';

/** A stored W3C annotation as migration 6 read it (the WebAnnotation shape of that release). */
export interface StoredWebAnnotationV6 {
  id: string;
  motivation: string;
  body: Array<{ value: string; purpose: string }>;
  target:
    | string
    | {
        source: string;
        selector?: [{ exact: string; prefix: string; suffix: string }, { start: number; end: number }];
      };
  marginalia?: { kind: string; color: string };
}

/** The fields a sync merge compared, per annotation id, as migration 6 computed them. */
export interface MergeFieldsV6 {
  color: string;
  note: string;
  tags: string;
  target: string;
}

function idFromUrnV6(value: string): string {
  return value.startsWith('urn:uuid:') ? value.slice('urn:uuid:'.length) : value;
}

function mergeFieldsOfV6(web: StoredWebAnnotationV6): MergeFieldsV6 {
  const selectors = typeof web.target === 'string' ? undefined : web.target.selector;
  const kind = web.marginalia?.kind ?? (selectors ? 'highlight' : 'document');
  const quote = selectors?.[0] ?? null;
  const position = selectors?.[1] ?? null;
  return {
    color: web.marginalia?.color ?? 'yellow',
    note: (web.body.find((body) => body.purpose === 'commenting')?.value ?? '').trim(),
    tags: JSON.stringify(
      web.body
        .filter((body) => body.purpose === 'tagging')
        .map((body) => body.value)
        .sort(),
    ),
    target: JSON.stringify([kind, position?.start ?? -1, position?.end ?? -1, quote?.exact ?? '']),
  };
}

/** Migration 6: a document's sync base (its stored annotations, replies skipped) as merge fields by id. */
export function baseFieldsV6(items: readonly StoredWebAnnotationV6[]): Record<string, MergeFieldsV6> {
  const fields: Record<string, MergeFieldsV6> = {};
  for (const item of items) {
    const reply = item.motivation === 'replying' && typeof item.target === 'string';
    if (!reply) fields[idFromUrnV6(item.id)] = mergeFieldsOfV6(item);
  }
  return fields;
}

/** Migration 7: how far ahead of the clock a stored time could be before it was repaired (a day). */
export const MAX_CLOCK_SKEW_MS_V7 = 24 * 60 * 60 * 1000;

/** Migration 7: the author id of a public key (base64 DER), a UUID from its SHA-256. */
export function authorIdForKeyV7(publicKeyBase64: string): string {
  const bytes = Buffer.from(
    createHash('sha256').update(Buffer.from(publicKeyBase64, 'base64')).digest().subarray(0, 16),
  );
  bytes[6] = (bytes[6]! & 0x0f) | 0x80;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Migration 7: a fresh Ed25519 key pair for a profile without one, both halves as base64 DER. */
export function newKeyPairV7(): { publicKey: string; privateKey: string } {
  const pair = generateKeyPairSync('ed25519');
  return {
    publicKey: pair.publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
    privateKey: pair.privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
  };
}

/**
 * Migration 8: SQLite cannot change a CHECK, so the documents table is made anew (the
 * 12-step way: new table, copy, drop, rename) with the wider source_type and a provenance
 * column. seq (the FTS rowid) and id (what foreign keys name) are copied as they are, so
 * the search index and every row pointing at a document stay right; the triggers that keep
 * the index go with the old table and are made again.
 */
export function rebuildDocumentsV8(db: Database): void {
  db.exec(`
    DROP TRIGGER documents_fts_insert;
    DROP TRIGGER documents_fts_delete;
    DROP TRIGGER documents_fts_update;

    CREATE TABLE documents_v8 (
      seq INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      title TEXT NOT NULL,
      source_name TEXT NOT NULL,
      source_type TEXT NOT NULL CHECK (source_type IN ('txt', 'md', 'html', 'pdf', 'docx', 'epub', 'eml', 'mhtml')),
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
      updated_at TEXT NOT NULL,
      origin_name TEXT NOT NULL DEFAULT '',
      origin_fingerprint TEXT NOT NULL DEFAULT '',
      -- Where the original came from and what its reader found (DocumentProvenance); '{}' before version 8.
      provenance_json TEXT NOT NULL DEFAULT '{}'
    );

    INSERT INTO documents_v8 (seq, id, title, source_name, source_type, source_bytes, source_sha256, lexical_json,
        canonical_text, text_sha256, byline, published_at, site_name, word_count, imported_at, updated_at,
        origin_name, origin_fingerprint)
      SELECT seq, id, title, source_name, source_type, source_bytes, source_sha256, lexical_json,
        canonical_text, text_sha256, byline, published_at, site_name, word_count, imported_at, updated_at,
        origin_name, origin_fingerprint
      FROM documents;

    DROP TABLE documents;
    ALTER TABLE documents_v8 RENAME TO documents;

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
  `);
}

/**
 * Migration 9: the documents table made anew once more (SQLite cannot widen a CHECK), its
 * source_type also 'image' (PNG, JPEG and TIFF pages read with OCR). The same 12-step way
 * as migration 8: seq and id copied as they are, provenance too, the index triggers remade.
 */
export function rebuildDocumentsV9(db: Database): void {
  db.exec(`
    DROP TRIGGER documents_fts_insert;
    DROP TRIGGER documents_fts_delete;
    DROP TRIGGER documents_fts_update;

    CREATE TABLE documents_v9 (
      seq INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      title TEXT NOT NULL,
      source_name TEXT NOT NULL,
      source_type TEXT NOT NULL
        CHECK (source_type IN ('txt', 'md', 'html', 'pdf', 'docx', 'epub', 'eml', 'mhtml', 'image')),
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
      updated_at TEXT NOT NULL,
      origin_name TEXT NOT NULL DEFAULT '',
      origin_fingerprint TEXT NOT NULL DEFAULT '',
      provenance_json TEXT NOT NULL DEFAULT '{}'
    );

    INSERT INTO documents_v9 (seq, id, title, source_name, source_type, source_bytes, source_sha256, lexical_json,
        canonical_text, text_sha256, byline, published_at, site_name, word_count, imported_at, updated_at,
        origin_name, origin_fingerprint, provenance_json)
      SELECT seq, id, title, source_name, source_type, source_bytes, source_sha256, lexical_json,
        canonical_text, text_sha256, byline, published_at, site_name, word_count, imported_at, updated_at,
        origin_name, origin_fingerprint, provenance_json
      FROM documents;

    DROP TABLE documents;
    ALTER TABLE documents_v9 RENAME TO documents;

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
  `);
}
