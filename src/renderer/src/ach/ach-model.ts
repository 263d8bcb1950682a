// The matrix as the grid draws it, derived from the AchView the core returns: my ratings per
// row, rows ordered by diagnosticity, the leaders (several when tied), and rows kept identical (same object) when
// nothing in them changed, so after one rating only that row and the scores draw again.
import type { AchCell, AchDisagreement, AchRowView, AchScores, AchView } from '../../../shared/evidence';
import { countsAsRated, sharesRank } from '../../../shared/evidence-export';
import { leadersOf } from '../../../shared/evidence-rules';
import { ordinal } from './ach-labels';

export interface MatrixRow {
  row: AchRowView;
  diagnosticity: number;
  sensitive: boolean;
  /** My cells by hypothesis id. */
  mine: Readonly<Record<string, AchCell>>;
  /** Cells where analysts disagree, by hypothesis id. */
  disagreements: Readonly<Record<string, AchDisagreement>>;
  /** Everything the row draws but the hypotheses, as one string: equal signatures draw alike. */
  signature: string;
  /** The hypotheses' ids and labels the row was drawn for. */
  hypothesisKey: string;
}

/** Everything a row draws, in hypothesis order: built by concatenation, the cheapest way for 10,000 cells. */
function rowSignature(row: Omit<MatrixRow, 'signature' | 'hypothesisKey'>, hypothesisIds: readonly string[]): string {
  const { id, label, relevance, credibility } = row.row;
  let signature = `${id}\u0001${label}\u0001${relevance}\u0001${credibility}\u0001${row.diagnosticity}\u0001${row.sensitive}`;
  for (const hypothesisId of hypothesisIds) {
    const cell = row.mine[hypothesisId];
    signature += cell ? `\u0002${cell.rating}:${cell.note}` : '\u0002';
    const disagreement = row.disagreements[hypothesisId];
    if (disagreement)
      for (const entry of disagreement.ratings) signature += `\u0003${entry.authorName}:${entry.rating}`;
  }
  return signature;
}

function indexBy<Item extends { rowId: string; hypothesisId: string }>(
  items: Iterable<Item>,
): Map<string, Record<string, Item>> {
  const byRow = new Map<string, Record<string, Item>>();
  for (const item of items) {
    let record = byRow.get(item.rowId);
    if (!record) byRow.set(item.rowId, (record = {}));
    record[item.hypothesisId] = item;
  }
  return byRow;
}

function* mineOf(cells: readonly AchCell[], myAuthorId: string | null): Iterable<AchCell> {
  for (const cell of cells) if (cell.authorId === myAuthorId) yield cell;
}

const NONE: Readonly<Record<string, never>> = Object.freeze({});

/**
 * The rows to draw, most diagnostic first (ties keep the core's order). A row equal to one in
 * `previous` is that same object.
 */
export function matrixRows(view: AchView, myAuthorId: string | null, previous: readonly MatrixRow[] = []): MatrixRow[] {
  const hypothesisIds = view.hypotheses.map((hypothesis) => hypothesis.id);
  const hypothesisKey = view.hypotheses.map((hypothesis) => `${hypothesis.id}:${hypothesis.label}`).join('|');
  const mineByRow = indexBy(mineOf(view.cells, myAuthorId));
  const disagreementsByRow = indexBy<AchDisagreement>(view.disagreements);
  const sensitive = new Set(view.scores.sensitiveRows);
  // Other hypotheses (or labels) change every row: nothing is kept then.
  const before = new Map(
    previous.length > 0 && previous[0]!.hypothesisKey === hypothesisKey ? previous.map((row) => [row.row.id, row]) : [],
  );
  const rows = view.rows.map((row) => {
    const parts = {
      row,
      diagnosticity: view.scores.diagnosticity[row.id] ?? 0,
      sensitive: sensitive.has(row.id),
      mine: mineByRow.get(row.id) ?? NONE,
      disagreements: disagreementsByRow.get(row.id) ?? NONE,
    };
    const signature = rowSignature(parts, hypothesisIds);
    const old = before.get(row.id);
    return old && old.signature === signature ? old : { ...parts, signature, hypothesisKey };
  });
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => b.row.diagnosticity - a.row.diagnosticity || a.index - b.index)
    .map(({ row }) => row);
}

/** The hypotheses ranked first (several when tied), once I have rated anything; none before. */
export function leadingHypotheses(view: AchView, myAuthorId: string | null): string[] {
  const rated = view.cells.some((cell) => cell.authorId === myAuthorId && countsAsRated(cell.rating));
  return rated ? leadersOf(view.scores) : [];
}

/** How a hypothesis stands: "Leading" alone first, "Tied for first", "Tied 3rd", "2nd"; '' when unranked. */
export function standingLabel(scores: AchScores, id: string, leaders: readonly string[]): string {
  const rank = scores.ranks[id] ?? 0;
  if (rank === 0) return '';
  const tied = sharesRank(scores.ranks, id);
  if (leaders.includes(id)) return tied ? 'Tied for first' : 'Leading';
  return tied ? `Tied ${ordinal(rank)}` : ordinal(rank);
}

/** My view with one of my cells set (or cleared), before the core answers. */
export function withMyCell(
  view: AchView,
  myAuthorId: string,
  cell: Pick<AchCell, 'rowId' | 'hypothesisId'> & { rating: AchCell['rating'] | null; note?: string },
): AchView {
  const same = (other: AchCell) =>
    other.authorId === myAuthorId && other.rowId === cell.rowId && other.hypothesisId === cell.hypothesisId;
  const old = view.cells.find(same);
  const others = view.cells.filter((other) => !same(other));
  if (cell.rating === null) return { ...view, cells: others };
  const updated: AchCell = {
    rowId: cell.rowId,
    hypothesisId: cell.hypothesisId,
    rating: cell.rating,
    note: cell.note ?? old?.note ?? '',
    authorId: myAuthorId,
    updatedAt: new Date().toISOString(),
  };
  return { ...view, cells: [...others, updated] };
}
