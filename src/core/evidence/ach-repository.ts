// The SQL of analyses of competing hypotheses: the question, its hypotheses and rows, and
// every analyst's cells.
import type { Database } from 'better-sqlite3';
import type { AchCell, AchHypothesis, AchRating, AchRow, Relevance } from '../../shared/evidence';
import { cachedStatement } from '../store/statements';

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

export class AchRepository {
  constructor(private readonly db: Database) {}

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
  }

  touch(id: string, now: string): void {
    cachedStatement(this.db, 'UPDATE ach_analyses SET updated_at = ? WHERE id = ?').run(now, id);
  }

  deleteAnalysis(id: string): void {
    cachedStatement(this.db, 'DELETE FROM ach_analyses WHERE id = ?').run(id);
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
  }

  deleteHypothesis(id: string): void {
    cachedStatement(this.db, 'DELETE FROM ach_hypotheses WHERE id = ?').run(id);
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
  }

  setRelevance(id: string, relevance: Relevance, now: string): void {
    cachedStatement(this.db, 'UPDATE ach_rows SET relevance = ?, updated_at = ? WHERE id = ?').run(relevance, now, id);
  }

  deleteRow(id: string): void {
    cachedStatement(this.db, 'DELETE FROM ach_rows WHERE id = ?').run(id);
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
  }

  /** Takes one analyst's rating of a cell back (the matrix's Delete). */
  deleteCell(rowId: string, hypothesisId: string, authorId: string): void {
    cachedStatement(this.db, 'DELETE FROM ach_cells WHERE row_id = ? AND hypothesis_id = ? AND author_id = ?').run(
      rowId,
      hypothesisId,
      authorId,
    );
  }
}
