// A number that moves whenever what claims' statuses read is written, by any path (the
// services, bundles, the sync, undo, cascades) or any other connection: the claims cache
// knows from it when it no longer holds what the store holds.
import type { Database } from 'better-sqlite3';
import { cachedStatement } from '../store/statements';

/** The tables a claim's status or summary reads. */
const WATCHED = [
  'evidence_scheme',
  'evidence_sources',
  'document_sources',
  'annotation_grades',
  'annotation_grade_sources',
  'annotation_links',
  'claims',
  'claim_evidence',
] as const;

const installed = new WeakSet<Database>();

/**
 * Counts this connection's writes to the watched tables with TEMP triggers (they live with
 * the connection, so no migration is needed and no other connection pays for them).
 */
export function watchEvidenceTables(db: Database): void {
  if (installed.has(db)) return;
  db.exec('CREATE TEMP TABLE IF NOT EXISTS evidence_revision (n INTEGER NOT NULL)');
  db.exec('INSERT INTO evidence_revision (n) SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM evidence_revision)');
  for (const table of WATCHED)
    for (const event of ['INSERT', 'UPDATE', 'DELETE'])
      db.exec(
        `CREATE TEMP TRIGGER IF NOT EXISTS evidence_revision_${table}_${event.toLowerCase()} AFTER ${event} ON main.${table}
           BEGIN UPDATE evidence_revision SET n = n + 1; END`,
      );
  installed.add(db);
}

/** This connection's count of writes and SQLite's count of other connections' commits. */
export function evidenceRevision(db: Database): string {
  const own = cachedStatement<[], { n: number }>(db, 'SELECT n FROM temp.evidence_revision').get()?.n ?? 0;
  const others = db.pragma('data_version', { simple: true }) as number;
  return `${others}:${own}`;
}
