// Migration 11's schema: tombstones of removed grades and links, so their deletion travels
// (workspace sidecars, note bundles) and no merge brings them back, and the sync's base of
// the grades and links in each sidecar. Frozen once released.
import type { Database } from 'better-sqlite3';

/**
 * No foreign keys: a tombstone outlives what it names (the annotation may go too, and a
 * tombstone must still stop an older file's copy). A grade is named by its annotation (one
 * grade per annotation); a link by its id, with its ends and kind kept for the sidecar of
 * its from-document, which carries the tombstone.
 */
const TOMBSTONE_TABLES_V11 = `
  CREATE TABLE grade_tombstones (
    annotation_id TEXT PRIMARY KEY NOT NULL,
    document_id TEXT NOT NULL,
    author_id TEXT NOT NULL,
    deleted_at TEXT NOT NULL
  );
  CREATE INDEX grade_tombstones_by_document ON grade_tombstones (document_id);

  CREATE TABLE link_tombstones (
    id TEXT PRIMARY KEY NOT NULL,
    document_id TEXT NOT NULL,
    from_id TEXT NOT NULL,
    to_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    author_id TEXT NOT NULL,
    deleted_at TEXT NOT NULL
  );
  CREATE INDEX link_tombstones_by_document ON link_tombstones (document_id);

  -- The workspace sync's base for each sidecar's grades and links: their content hashes as the
  -- file last held them, so a change or removal made in the file is told from one made here.
  CREATE TABLE sync_evidence_bases (
    document_id TEXT PRIMARY KEY NOT NULL,
    base_json TEXT NOT NULL
  );
`;

export function createEvidenceTombstonesV11(db: Database): void {
  db.exec(TOMBSTONE_TABLES_V11);
}
