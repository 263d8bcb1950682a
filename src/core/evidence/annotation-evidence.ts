// The evidence rows that point at an annotation (its grade, links, places in claims and
// matrices), saved with an undo snapshot: deleting the annotation takes them along (the
// foreign keys cascade), so undoing the deletion must put them back.
import type { Database } from 'better-sqlite3';
import BetterSqlite3 from 'better-sqlite3';
import type { DeletionCascade } from '../../shared/annotations';
import { cachedStatement } from '../store/statements';

type Row = Record<string, unknown>;

/** Rows per table, in the order they can be written back (parents first). */
export type SavedEvidence = Array<{ table: string; rows: Row[] }>;

const QUERIES: Array<{ table: string; where: string }> = [
  { table: 'annotation_grades', where: 'annotation_id = @id' },
  { table: 'annotation_grade_sources', where: 'annotation_id = @id' },
  { table: 'annotation_links', where: 'from_id = @id OR to_id = @id' },
  { table: 'claim_evidence', where: 'annotation_id = @id' },
  { table: 'ach_rows', where: "evidence_kind = 'annotation' AND evidence_id = @id" },
  {
    table: 'ach_cells',
    where: "row_id IN (SELECT id FROM ach_rows WHERE evidence_kind = 'annotation' AND evidence_id = @id)",
  },
];

const ANY_EVIDENCE = `SELECT EXISTS (SELECT 1 FROM annotation_grades WHERE annotation_id = @id)
  OR EXISTS (SELECT 1 FROM annotation_links WHERE from_id = @id) OR EXISTS (SELECT 1 FROM annotation_links WHERE to_id = @id)
  OR EXISTS (SELECT 1 FROM claim_evidence WHERE annotation_id = @id)
  OR EXISTS (SELECT 1 FROM ach_rows WHERE evidence_kind = 'annotation' AND evidence_id = @id) AS found`;

/** The evidence rows of an annotation, or undefined when it has none (one indexed query). */
export function evidenceOfAnnotation(db: Database, annotationId: string): SavedEvidence | undefined {
  const { found } = cachedStatement<[{ id: string }], { found: number }>(db, ANY_EVIDENCE).get({ id: annotationId })!;
  if (found !== 1) return undefined;
  return QUERIES.map(({ table, where }) => ({
    table,
    rows: cachedStatement<[{ id: string }], Row>(db, `SELECT * FROM ${table} WHERE ${where}`).all({ id: annotationId }),
  }));
}

const CASCADE = `WITH ids(id) AS (SELECT value FROM json_each(@ids))
  SELECT
    (SELECT COUNT(*) FROM ach_rows WHERE evidence_kind = 'annotation' AND evidence_id IN ids) AS analysisRows,
    (SELECT COUNT(DISTINCT analysis_id) FROM ach_rows WHERE evidence_kind = 'annotation' AND evidence_id IN ids) AS analyses,
    (SELECT COUNT(DISTINCT claim_id) FROM claim_evidence WHERE annotation_id IN ids) AS claims,
    (SELECT COUNT(*) FROM annotation_links WHERE from_id IN ids OR to_id IN ids) AS links,
    (SELECT COUNT(*) FROM annotation_grades WHERE annotation_id IN ids) AS grades`;

/** What deleting these annotations would take along with them; read before they go. */
export function cascadeOfDeletion(db: Database, annotationIds: readonly string[]): DeletionCascade {
  return cachedStatement<[{ ids: string }], DeletionCascade>(db, CASCADE).get({ ids: JSON.stringify(annotationIds) })!;
}

/**
 * Writes saved rows back. A row whose other end is gone since (the other annotation of a
 * link, a deleted claim, source or analysis) is left out, as it would have gone with it.
 */
export function restoreEvidence(db: Database, saved: SavedEvidence): void {
  for (const { table, rows } of saved) {
    for (const row of rows) {
      const columns = Object.keys(row);
      const insert = cachedStatement(
        db,
        `INSERT OR IGNORE INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((column) => `@${column}`).join(', ')})`,
      );
      try {
        insert.run(row);
      } catch (error) {
        if (!(error instanceof BetterSqlite3.SqliteError) || error.code !== 'SQLITE_CONSTRAINT_FOREIGNKEY') throw error;
      }
    }
  }
}
