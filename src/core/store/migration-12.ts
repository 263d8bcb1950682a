// Migration 12's schema: tombstones of deleted evidence items (sources, documents' default
// sources, claims, claims' pieces of evidence, analyses, hypotheses, rows and cleared cells),
// so a deletion travels in bundles and the workspace file instead of coming back from an old copy.
// Independent of migration 11 (grades' and links' tombstones): it touches no table 11 does.
import type { Database } from 'better-sqlite3';

/**
 * One row per deleted item, keyed by kind and the item's key: `item_id` is the item's id (a
 * piece's claim, a cell's row, a default-sources list's document), `part_id` the second part
 * of a two-part key (a piece's annotation, a cell's hypothesis), `owner_id` the analyst of a
 * cell (each analyst's rating is its own item). The author is the deleted item's author, and
 * `deleted_at` the time the deletion competes with as a version (the last writer wins).
 */
const EVIDENCE_TOMBSTONES_V12 = `
  CREATE TABLE evidence_tombstones (
    kind TEXT NOT NULL CHECK (kind IN
      ('sources', 'documentSources', 'claims', 'claimEvidence', 'analyses', 'hypotheses', 'rows', 'cells')),
    item_id TEXT NOT NULL,
    part_id TEXT NOT NULL DEFAULT '',
    owner_id TEXT NOT NULL DEFAULT '',
    author_id TEXT NOT NULL,
    deleted_at TEXT NOT NULL,
    PRIMARY KEY (kind, item_id, part_id, owner_id)
  ) WITHOUT ROWID;
  -- A bundle carries its signer's tombstones, newest first.
  CREATE INDEX evidence_tombstones_by_author ON evidence_tombstones (author_id, deleted_at);
`;

export function createEvidenceTombstonesV12(db: Database): void {
  db.exec(EVIDENCE_TOMBSTONES_V12);
}
