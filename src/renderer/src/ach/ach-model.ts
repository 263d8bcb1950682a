// The matrix as the grid draws it, derived from the AchView the core returns: my ratings per
// row, rows ordered by diagnosticity, the leader, and rows kept identical (same object) when
// nothing in them changed, so after one rating only that row and the scores draw again.
import type { AchCell, AchDisagreement, AchRowView, AchView } from '../../../shared/evidence';

export interface MatrixRow {
  row: AchRowView;
  diagnosticity: number;
  sensitive: boolean;
  /** My cells by hypothesis id. */
  mine: Readonly<Record<string, AchCell>>;
  /** Cells where analysts disagree, by hypothesis id. */
  disagreements: Readonly<Record<string, AchDisagreement>>;
  /** Everything the row draws, as one string: equal signatures draw alike. */
  signature: string;
}

function rowSignature(row: MatrixRow, hypothesisKey: string): string {
  const cells = Object.values(row.mine)
    .map((cell) => `${cell.hypothesisId}=${cell.rating}:${cell.note}`)
    .sort()
    .join('|');
  const disagreements = Object.entries(row.disagreements)
    .map(
      ([hypothesisId, entry]) => `${hypothesisId}=${entry.ratings.map((r) => `${r.authorName}:${r.rating}`).join(',')}`,
    )
    .sort()
    .join('|');
  const { id, label, relevance, credibility } = row.row;
  return [
    hypothesisKey,
    id,
    label,
    relevance,
    credibility,
    row.diagnosticity,
    row.sensitive,
    cells,
    disagreements,
  ].join('\u0001');
}

function groupBy<Item>(items: readonly Item[], rowOf: (item: Item) => string): Map<string, Item[]> {
  const groups = new Map<string, Item[]>();
  for (const item of items) {
    const key = rowOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/**
 * The rows to draw, most diagnostic first (ties keep the core's order). A row equal to one in
 * `previous` is that same object.
 */
export function matrixRows(view: AchView, myAuthorId: string | null, previous: readonly MatrixRow[] = []): MatrixRow[] {
  const hypothesisKey = view.hypotheses.map((hypothesis) => `${hypothesis.id}:${hypothesis.label}`).join('|');
  const mineByRow = groupBy(
    view.cells.filter((cell) => cell.authorId === myAuthorId),
    (cell) => cell.rowId,
  );
  const disagreementsByRow = groupBy(view.disagreements, (entry) => entry.rowId);
  const sensitive = new Set(view.scores.sensitiveRows);
  const before = new Map(previous.map((row) => [row.row.id, row]));
  const rows = view.rows.map((row) => {
    const next: MatrixRow = {
      row,
      diagnosticity: view.scores.diagnosticity[row.id] ?? 0,
      sensitive: sensitive.has(row.id),
      mine: Object.fromEntries((mineByRow.get(row.id) ?? []).map((cell) => [cell.hypothesisId, cell])),
      disagreements: Object.fromEntries(
        (disagreementsByRow.get(row.id) ?? []).map((entry) => [entry.hypothesisId, entry]),
      ),
      signature: '',
    };
    next.signature = rowSignature(next, hypothesisKey);
    const old = before.get(row.id);
    return old && old.signature === next.signature ? old : next;
  });
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => b.row.diagnosticity - a.row.diagnosticity || a.index - b.index)
    .map(({ row }) => row);
}

/** The leading hypothesis: first in the ranking, once I have rated anything; null before. */
export function leadingHypothesis(view: AchView, myAuthorId: string | null): string | null {
  const rated = view.cells.some((cell) => cell.authorId === myAuthorId && cell.rating !== 'NA');
  return rated ? (view.scores.ranking[0] ?? null) : null;
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
