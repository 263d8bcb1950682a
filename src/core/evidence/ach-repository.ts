// The SQL of analyses of competing hypotheses: the question, its hypotheses and rows, and
// every analyst's cells.
import type { Database } from 'better-sqlite3';
import type { AchCell, AchHypothesis, AchRating, AchRow, Relevance } from '../../shared/evidence';
import { cachedStatement } from '../store/statements';
import { TombstoneRepository } from './tombstone-repository';

export interface AnalysisRow {
  id: string;
  question: string;
  author_id: string;
  created_at: string;
  updated_at: string;
}

interface RowRow {
  id: string;
  evidence_kind: 'claim' | 'annotation';
  evidence_id: string;
  relevance: Relevance;
}

interface CellRow {
  row_id: string;
  hypothesis_id: string;
  author_id: string;
  author_name: string;
  rating: AchRating;
  note: string;
  updated_at: string;
}

/** A cell as stored: the rating with its analyst's name, so disagreements can name them. */
export type StoredCell = AchCell & { authorName: string };

const ANALYSIS_COLUMNS = 'id, question, author_id, created_at, updated_at';

/** Who wrote an item, for the tombstone its deletion leaves. */
function authorIn(db: Database, table: string, id: string): string | undefined {
  return cachedStatement<[string], { author_id: string }>(db, `SELECT author_id FROM ${table} WHERE id = ?`).get(id)
    ?.author_id;
}

export class AchRepository {
  private readonly tombstones: TombstoneRepository;

  constructor(private readonly db: Database) {
    this.tombstones = new TombstoneRepository(db);
  }

  analyses(): AnalysisRow[] {
    return cachedStatement<[], AnalysisRow>(
      this.db,
      `SELECT ${ANALYSIS_COLUMNS} FROM ach_analyses ORDER BY updated_at DESC, id`,
    ).all();
  }

  analysis(id: string): AnalysisRow | undefined {
    return cachedStatement<[string], AnalysisRow>(
      this.db,
      `SELECT ${ANALYSIS_COLUMNS} FROM ach_analyses WHERE id = ?`,
    ).get(id);
  }

  upsertAnalysis(row: AnalysisRow): void {
    cachedStatement(
      this.db,
      `INSERT INTO ach_analyses (${ANALYSIS_COLUMNS}) VALUES (@id, @question, @author_id, @created_at, @updated_at)
         ON CONFLICT (id) DO UPDATE SET question = excluded.question, updated_at = excluded.updated_at`,
    ).run(row);
    this.tombstones.clear({ kind: 'analyses', id: row.id });
  }

  touch(id: string, now: string): void {
    cachedStatement(this.db, 'UPDATE ach_analyses SET updated_at = ? WHERE id = ?').run(now, id);
  }

  /** Deletes an analysis with everything in it; its tombstone (under its author) is enough to keep it all away. */
  deleteAnalysis(id: string, deletedAt: string): void {
    this.deleteWithTombstone('ach_analyses', 'analyses', id, deletedAt);
  }

  private deleteWithTombstone(table: string, kind: 'analyses' | 'hypotheses' | 'rows', id: string, at: string): void {
    const authorId = authorIn(this.db, table, id);
    cachedStatement(this.db, `DELETE FROM ${table} WHERE id = ?`).run(id);
    if (authorId !== undefined) this.tombstones.put({ kind, id }, authorId, at);
  }

  hypotheses(analysisId: string): AchHypothesis[] {
    return cachedStatement<[string], AchHypothesis>(
      this.db,
      'SELECT id, label FROM ach_hypotheses WHERE analysis_id = ? ORDER BY position, created_at',
    ).all(analysisId);
  }

  /** Adds a hypothesis after the others, or renames one. */
  saveHypothesis(analysisId: string, id: string, label: string, authorId: string, now: string): void {
    cachedStatement(
      this.db,
      `INSERT INTO ach_hypotheses (id, analysis_id, label, position, author_id, created_at, updated_at)
         VALUES (?, ?, ?, (SELECT coalesce(max(position), -1) + 1 FROM ach_hypotheses WHERE analysis_id = ?), ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET label = excluded.label, updated_at = excluded.updated_at`,
    ).run(id, analysisId, label, analysisId, authorId, now, now);
    this.tombstones.clear({ kind: 'hypotheses', id });
  }

  deleteHypothesis(id: string, deletedAt: string): void {
    this.deleteWithTombstone('ach_hypotheses', 'hypotheses', id, deletedAt);
  }

  rows(analysisId: string): AchRow[] {
    return cachedStatement<[string], RowRow>(
      this.db,
      'SELECT id, evidence_kind, evidence_id, relevance FROM ach_rows WHERE analysis_id = ? ORDER BY position, created_at',
    )
      .all(analysisId)
      .map((row) => ({
        id: row.id,
        evidence: { kind: row.evidence_kind, id: row.evidence_id },
        relevance: row.relevance,
      }));
  }

  rowFor(analysisId: string, evidence: AchRow['evidence']): string | undefined {
    return cachedStatement<[string, string, string], { id: string }>(
      this.db,
      'SELECT id FROM ach_rows WHERE analysis_id = ? AND evidence_kind = ? AND evidence_id = ?',
    ).get(analysisId, evidence.kind, evidence.id)?.id;
  }

  insertRow(analysisId: string, row: AchRow, authorId: string, now: string): void {
    cachedStatement(
      this.db,
      `INSERT INTO ach_rows (id, analysis_id, evidence_kind, evidence_id, relevance, position, author_id, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, (SELECT coalesce(max(position), -1) + 1 FROM ach_rows WHERE analysis_id = ?), ?, ?, ?)`,
    ).run(row.id, analysisId, row.evidence.kind, row.evidence.id, row.relevance, analysisId, authorId, now, now);
    this.tombstones.clear({ kind: 'rows', id: row.id });
  }

  setRelevance(id: string, relevance: Relevance, now: string): void {
    cachedStatement(this.db, 'UPDATE ach_rows SET relevance = ?, updated_at = ? WHERE id = ?').run(relevance, now, id);
  }

  deleteRow(id: string, deletedAt: string): void {
    this.deleteWithTombstone('ach_rows', 'rows', id, deletedAt);
  }

  cells(analysisId: string): StoredCell[] {
    return cachedStatement<[string], CellRow>(
      this.db,
      `SELECT row_id, hypothesis_id, author_id, author_name, rating, note, updated_at FROM ach_cells
         WHERE analysis_id = ? ORDER BY row_id, hypothesis_id, author_id`,
    )
      .all(analysisId)
      .map((row) => ({
        rowId: row.row_id,
        hypothesisId: row.hypothesis_id,
        rating: row.rating,
        note: row.note,
        authorId: row.author_id,
        authorName: row.author_name,
        updatedAt: row.updated_at,
      }));
  }

  putCell(analysisId: string, cell: StoredCell): void {
    cachedStatement(
      this.db,
      `INSERT INTO ach_cells (analysis_id, row_id, hypothesis_id, author_id, author_name, rating, note, updated_at)
         VALUES (@analysisId, @rowId, @hypothesisId, @authorId, @authorName, @rating, @note, @updatedAt)
         ON CONFLICT (row_id, hypothesis_id, author_id) DO UPDATE SET author_name = excluded.author_name,
           rating = excluded.rating, note = excluded.note, updated_at = excluded.updated_at`,
    ).run({ analysisId, ...cell });
    this.tombstones.clear({ kind: 'cells', id: cell.rowId, partId: cell.hypothesisId, ownerId: cell.authorId });
  }

  /**
   * Takes one analyst's rating of a cell back (the matrix's Delete): a cleared cell is a
   * tombstoned rating, with its analyst and time, so an older rating arriving later stays out.
   */
  deleteCell(rowId: string, hypothesisId: string, authorId: string, deletedAt: string): void {
    const deleted = cachedStatement(
      this.db,
      'DELETE FROM ach_cells WHERE row_id = ? AND hypothesis_id = ? AND author_id = ?',
    ).run(rowId, hypothesisId, authorId);
    if (deleted.changes > 0)
      this.tombstones.put({ kind: 'cells', id: rowId, partId: hypothesisId, ownerId: authorId }, authorId, deletedAt);
  }
}
