// HTML tables to table blocks: data tables keep their grid; tables used only for page layout
// (e-mails, old pages) are told apart and left to flow as ordinary blocks.
import type { InlineRun, TableBlock, TableCell } from '../../shared/document-blocks';
import { MAX_TABLE_COLUMNS, inlineText } from '../../shared/document-blocks';
import type { HtmlElement } from './html-node';

const CELL_TAGS = new Set(['TD', 'TH']);

function rowsOf(table: HtmlElement): HtmlElement[] {
  return Array.from(table.children).flatMap((child) => {
    if (child.tagName === 'TR') return [child];
    if (child.tagName === 'THEAD' || child.tagName === 'TBODY' || child.tagName === 'TFOOT')
      return Array.from(child.children).filter((row) => row.tagName === 'TR');
    return [];
  });
}

function cellsOf(row: HtmlElement): HtmlElement[] {
  return Array.from(row.children).filter((cell) => CELL_TAGS.has(cell.tagName));
}

/**
 * A table that only lays a page out rather than holding data. E-mails and older pages build
 * their whole layout from tables, so a table is taken for layout when it says so
 * (role="presentation"), when it holds a table or sits inside one (layout grids nest; data
 * tables almost never do), when fewer than two of its rows hold text (a one-cell frame, a
 * banner row of logo and title), or when no row has two cells that hold text (a one-column
 * frame around content). Anything else is data and keeps its grid.
 */
export function isLayoutTable(table: HtmlElement): boolean {
  if (table.getAttribute('role') === 'presentation') return true;
  if (table.querySelector('table') || table.parentElement?.closest('table')) return true;
  const filled = (cells: HtmlElement[]): HtmlElement[] =>
    cells.filter((cell) => (cell.textContent ?? '').trim() !== '');
  const rows = rowsOf(table).map((row) => filled(cellsOf(row)).length);
  return rows.filter((count) => count > 0).length < 2 || !rows.some((count) => count >= 2);
}

function span(cell: HtmlElement, name: string): number {
  const value = Number.parseInt(cell.getAttribute(name) ?? '1', 10);
  return Number.isFinite(value) && value > 1 ? Math.min(value, MAX_TABLE_COLUMNS) : 1;
}

const EMPTY_CELL: TableCell = { children: [] };

/**
 * A data table's grid: a cell spanning several columns or rows holds its text in its first
 * place and leaves the others empty, so every column stays under its heading. The first row
 * is the header row when it is in <thead> or made of <th> cells. Its caption is returned
 * apart (it becomes a paragraph above the table).
 */
export function tableBlockFrom(
  table: HtmlElement,
  cellRuns: (cell: HtmlElement) => InlineRun[],
): { table: TableBlock | undefined; caption: HtmlElement | undefined } {
  const rows = rowsOf(table);
  /** Row spans still open, by column: how many rows below they still cover. */
  const open: number[] = [];
  const grid: TableCell[][] = rows.map((row) => {
    const cells: TableCell[] = [];
    /** Empty places under cells from rows above, from column `cells.length` while they last (to `until`). */
    const skipCovered = (until: number): void => {
      while (cells.length < until || (open[cells.length] ?? 0) > 0) {
        if ((open[cells.length] ?? 0) > 0) open[cells.length]! -= 1;
        cells.push(EMPTY_CELL);
      }
    };
    for (const cell of cellsOf(row)) {
      const rowSpan = span(cell, 'rowspan');
      const colSpan = span(cell, 'colspan');
      for (let column = 0; column < colSpan; column++) {
        skipCovered(0);
        if (rowSpan > 1) open[cells.length] = rowSpan - 1;
        cells.push(column === 0 ? { children: cellRuns(cell) } : EMPTY_CELL);
      }
    }
    const lastOpen = open.reduce((last, count, column) => (count > 0 ? column + 1 : last), 0);
    skipCovered(lastOpen);
    return cells;
  });
  const first = rows[0];
  const header =
    first !== undefined &&
    (first.parentElement?.tagName === 'THEAD' || cellsOf(first).every((cell) => cell.tagName === 'TH'));
  const kept = grid.filter((cells) => cells.some((cell) => inlineText(cell.children).trim() !== ''));
  const caption = Array.from(table.children).find((child) => child.tagName === 'CAPTION');
  return {
    table:
      kept.length > 0
        ? { kind: 'table', header: header && kept[0] === grid[0], rows: kept.map((cells) => ({ cells })) }
        : undefined,
    caption,
  };
}
