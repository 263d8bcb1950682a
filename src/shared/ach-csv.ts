// An analysis of competing hypotheses as CSV: one record per row of evidence (most diagnostic
// first) with its rating against each hypothesis, then each hypothesis's weighted
// inconsistency and rank, so a spreadsheet holds the whole matrix.
import { toCsv } from './csv';
import type { AchMatrix } from './evidence-export';
import { scoreText, unrankedUntilRated } from './evidence-export';
import { fileStemFor } from './export-options';

export const ACH_CSV_COLUMNS = ['Evidence', 'Kind', 'Relevance', 'Credibility', 'Diagnosticity', 'Sensitive'] as const;
export const INCONSISTENCY_RECORD = 'Weighted inconsistency';
export const RANK_RECORD = 'Rank';

/** The matrix as CSV; before any rating the Rank record is left blank, as nothing has been ranked. */
export function achCsv(given: AchMatrix): string {
  const matrix = unrankedUntilRated(given);
  const blank = ACH_CSV_COLUMNS.slice(1).map(() => '');
  const records: string[][] = [
    [...ACH_CSV_COLUMNS, ...matrix.hypotheses.map((hypothesis) => hypothesis.label)],
    ...matrix.rows.map((row) => [
      row.label,
      row.kind,
      row.relevance,
      row.credibility,
      scoreText(row.diagnosticity),
      row.sensitive ? 'yes' : '',
      ...row.ratings,
    ]),
    [INCONSISTENCY_RECORD, ...blank, ...matrix.hypotheses.map((hypothesis) => scoreText(hypothesis.inconsistency))],
    [
      RANK_RECORD,
      ...blank,
      ...matrix.hypotheses.map((hypothesis) => (hypothesis.rank > 0 ? `${hypothesis.rank}` : '')),
    ],
  ];
  return toCsv(records);
}

/** "Who carried out the killings (ACH).csv": the question made safe for a file name. */
export function achCsvFileName(question: string): string {
  return `${fileStemFor(question, 'Analysis')} (ACH).csv`;
}
