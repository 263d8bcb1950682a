// Where analysts disagree: cells of one analysis that two or more analysts rated differently.
import type { AchCell, AchDisagreement } from '../evidence';

/**
 * Every cell (row × hypothesis) that at least two analysts rated, not all alike. A cell
 * one analyst left unrated is not a disagreement: silence is not a rating. Each analyst's
 * latest rating of a cell counts (then the larger, so the answer never hangs on the cells'
 * order). Cells come by row id then hypothesis id, each cell's ratings by author id: the
 * answer is the same whatever order the cells or the authors come in.
 */
export function achDisagreements(
  cells: readonly AchCell[],
  authorName: (authorId: string) => string,
): AchDisagreement[] {
  const byCell = new Map<string, Map<string, AchCell>>();
  for (const cell of cells) {
    const key = JSON.stringify([cell.rowId, cell.hypothesisId]);
    let authors = byCell.get(key);
    if (!authors) byCell.set(key, (authors = new Map()));
    const earlier = authors.get(cell.authorId);
    if (!earlier || later(cell, earlier)) authors.set(cell.authorId, cell);
  }
  const result: AchDisagreement[] = [];
  for (const authors of byCell.values()) {
    const ratings = [...authors.values()].sort((a, b) => compare(a.authorId, b.authorId));
    if (ratings.length < 2 || ratings.every((cell) => cell.rating === ratings[0]!.rating)) continue;
    result.push({
      rowId: ratings[0]!.rowId,
      hypothesisId: ratings[0]!.hypothesisId,
      ratings: ratings.map((cell) => ({
        authorId: cell.authorId,
        authorName: authorName(cell.authorId),
        rating: cell.rating,
      })),
    });
  }
  return result.sort((a, b) => compare(a.rowId, b.rowId) || compare(a.hypothesisId, b.hypothesisId));
}

function later(cell: AchCell, than: AchCell): boolean {
  return cell.updatedAt > than.updatedAt || (cell.updatedAt === than.updatedAt && cell.rating > than.rating);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
