// Finds tables in a page's body lines: runs of bands (rows) whose pieces fall into the same
// columns, split by strips no text crosses. Each table leaves the flow as one stand-in line,
// so reading order places it like any other line, and comes back as a table where it stands.
import type { PdfLine } from './pdf-lines';
import type { Grid } from './pdf-table-grid';
import { cellText, gridOf, hasWideGaps, mayBeRow } from './pdf-table-grid';
import type { Band, Part } from './pdf-table-rows';
import { bandsOf } from './pdf-table-rows';

export interface PdfTable {
  rows: string[][];
  /** The first row is a header row: set in bold, or in a face no other row uses. */
  header: boolean;
  /** Set in a box beside the text (an infobox): read after the paragraph it stands beside, never inside it. */
  beside?: boolean;
  /** Lists set side by side (link lists in columns), no table: each column is read as a list, left to right. */
  lists?: boolean;
}

/** Rows further apart than this many ems are not one table. */
const ROW_GAP_EMS = 3;
/**
 * Two columns of prose also line up, line after line. A table has at least one column of
 * short cells; when every column averages this many words a cell or more, it is running text.
 */
const PROSE_WORDS = 4;
/** Lines of a page's column start within this many ems of each other. */
const SAME_START_EMS = 0.3;
/** Two rows are too few to tell a table from text that happens to line up. */
const MIN_ROWS = 3;
/** A cell that is only a list's mark: a column of them is a list, not a table. */
const LIST_MARK = /^([•◦▪▫‣∙●○■□–—*-]|\(?\d{1,3}[.)]|\(?[a-z][.)]|\(?[ivx]{1,4}[.)])$/i;

const words = (text: string): number => text.split(/\s+/).filter((word) => word !== '').length;
const cellWords = (cell: readonly Part[]): number => words(cellText(cell));

function columnWords(grid: Grid, column: number): number {
  return grid.cells.reduce((sum, row) => sum + cellWords(row[column]!), 0) / grid.cells.length;
}

const columnCount = (grid: Grid): number => grid.gutters.length + 1;

function isProse(grid: Grid): boolean {
  for (let column = 0; column < columnCount(grid); column++) if (columnWords(grid, column) < PROSE_WORDS) return false;
  return true;
}

function isList(grid: Grid): boolean {
  return grid.cells.every((row) => row[0]!.length === 0 || LIST_MARK.test(cellText(row[0]!)));
}

/** A piece of text with its extent: a part of a band, or the whole line it came from. */
type Piece = Pick<Part, 'text' | 'x0' | 'x1'>;

const near = (above: Band, below: Band): boolean => above.bottom - below.y <= ROW_GAP_EMS * below.size;

/** A column's band: from the gutter before it to the gutter after it. */
function band(grid: Grid, column: number): { start: number; end: number } {
  return {
    start: column === 0 ? -Infinity : grid.gutters[column - 1]!.start,
    end: column === grid.gutters.length ? Infinity : grid.gutters[column]!.end,
  };
}

/**
 * A column with a line of prose in it is a column of the page beside a table (or beside short
 * lines), not the table's, when its text goes on outside the run: a line of prose within its band
 * just above or below, or lines of prose further off that start where its lines start.
 */
function continuesOutside(grid: Grid, rows: readonly Band[], first: number, last: number): boolean {
  const neighbours = [
    first > 0 && near(rows[first - 1]!, rows[first]!) ? rows[first - 1] : undefined,
    last + 1 < rows.length && near(rows[last]!, rows[last + 1]!) ? rows[last + 1] : undefined,
  ].filter((row): row is Band => row !== undefined);
  const outside = [...rows.slice(0, first), ...rows.slice(last + 1)];
  for (let column = 0; column < columnCount(grid); column++) {
    const prosePart = grid.cells.flatMap((row) => row[column]!).find((part) => words(part.text) >= PROSE_WORDS);
    if (!prosePart) continue;
    const { start, end } = band(grid, column);
    const within = (piece: Piece): boolean => piece.x0 >= start && piece.x1 <= end && words(piece.text) >= PROSE_WORDS;
    // A justified line of prose may come in a piece per word: its line is the prose.
    const prose = (part: Part): Piece | undefined => [part, part.line].find(within);
    if (neighbours.some((row) => row.parts.some(prose))) return true;
    const em = prosePart.size;
    const aligned = (part: Part): boolean => {
      const piece = prose(part);
      return piece !== undefined && Math.abs(piece.x0 - prosePart.x0) <= SAME_START_EMS * em;
    };
    if (outside.filter((row) => row.parts.some(aligned)).length >= MIN_ROWS) return true;
  }
  return false;
}

/** From `first`, the most consecutive bands that still make one grid. */
function longestRun(rows: readonly Band[], first: number): { last: number; grid: Grid | undefined } {
  let last = first;
  let grid: Grid | undefined;
  while (last + 1 < rows.length && mayBeRow(rows[last + 1]!) && near(rows[last]!, rows[last + 1]!)) {
    const wider = gridOf(rows.slice(first, last + 2));
    if (!wider) break;
    grid = wider;
    last++;
  }
  return { last, grid };
}

interface Found {
  rows: Band[];
  grid: Grid;
  /** The first row is a spanning header row over a header row of its own. */
  spanned?: boolean;
}

/** The columns a piece of text stands over: those whose band (gutter to gutter) it overlaps. */
function columnsUnder(grid: Grid, part: Part): number[] {
  const columns: number[] = [];
  for (let column = 0; column < columnCount(grid); column++) {
    const { start, end } = band(grid, column);
    if (part.x1 > start && part.x0 < end) columns.push(column);
  }
  return columns;
}

/**
 * The band just above a table whose short pieces, in the face of the table's first row, stand over
 * columns, one of them over two or more (a header cell spanning its sub-headers, "Arrivals" over
 * "2022" and "2023"), is the table's first row.
 * The stored table has no spanning cells, so its text goes in the first column it spans and the
 * others it spans are left empty, as Markdown's tables write a colspan: the text is kept once.
 */
function withSpanningHeader(table: Found, above: Band | undefined): Found {
  const [top] = table.rows;
  if (!above || !top || !near(above, top) || above.parts.length === 0) return table;
  const { grid } = table;
  const spans = above.parts.map((part) => columnsUnder(grid, part));
  // In the face of the row below (a caption above the table is set otherwise).
  const faces = new Set(top.parts.map((part) => part.font));
  const fits = above.parts.every(
    (part, index) => words(part.text) < PROSE_WORDS && spans[index]!.length > 0 && faces.has(part.font),
  );
  const disjoint = spans.every((span, index) => index === 0 || span[0]! > spans[index - 1]!.at(-1)!);
  if (!fits || !disjoint || spans.every((span) => span.length < 2)) return table;
  const cells: Part[][] = Array.from({ length: columnCount(grid) }, () => []);
  above.parts.forEach((part, index) => cells[spans[index]![0]!]!.push(part));
  return { rows: [above, ...table.rows], grid: { ...grid, cells: [cells, ...grid.cells] }, spanned: true };
}

function findTables(rows: readonly Band[]): Found[] {
  const found: Found[] = [];
  let first = 0;
  while (first < rows.length) {
    if (!mayBeRow(rows[first]!)) {
      first++;
      continue;
    }
    const { last, grid } = longestRun(rows, first);
    const run = rows.slice(first, last + 1);
    const table =
      grid &&
      run.length >= MIN_ROWS &&
      hasWideGaps(run, grid) &&
      !isProse(grid) &&
      !isList(grid) &&
      !continuesOutside(grid, rows, first, last);
    if (table) found.push(withSpanningHeader({ rows: run, grid }, rows[first - 1]));
    first = table ? last + 1 : first + 1;
  }
  return found;
}

function standIn(table: Found): PdfLine {
  const lines = table.rows.flatMap((row) => row.lines);
  const first = table.rows[0]!.parts[0]!.line;
  return {
    text: table.rows[0]!.parts.map((part) => part.text).join(' '),
    x0: Math.min(...lines.map((line) => line.x0)),
    x1: Math.max(...lines.map((line) => line.x1)),
    y: table.rows[0]!.y,
    size: first.size,
    font: first.font,
  };
}

/**
 * The first row is a header when it is set in bold or in a face no other row uses: pdf.js names
 * no fonts, and a browser's bold header is barely wider than its body text, so weight alone can
 * miss it.
 */
function hasHeader(cells: readonly Part[][][], isBold: (font: string) => boolean): boolean {
  const [first = [], ...rest] = cells;
  const fonts = (row: readonly Part[][]): string[] => row.flat().map((part) => part.font);
  const restFonts = new Set(rest.flatMap(fonts));
  const bold = (row: readonly Part[][]): boolean => fonts(row).every(isBold);
  return fonts(first).every((font) => !restFonts.has(font)) || (bold(first) && !rest.every(bold));
}

/** Columns this many ems apart or more are set in a wide layout (columns of a page), not a table's tight one. */
const LIST_GAP_EMS = 2;

/**
 * Lists set side by side look like a table with no header: rows of short lines in one face, no
 * numbers among them, one line each, the columns far apart. A table of words alone with no header
 * and no face of its own for a column is read so too: its layout does not tell it from lists.
 */
function isSideBySideLists(grid: Grid, header: boolean): boolean {
  const parts = grid.cells.flat(2);
  const em = Math.min(...parts.map((part) => part.size));
  if (header || new Set(parts.map((part) => part.font)).size > 1 || parts.some((part) => /\d/.test(part.text)))
    return false;
  if (grid.cells.some((row) => row.some((cell) => new Set(cell.map((part) => part.y)).size > 1))) return false;
  return grid.gutters.every((_, column) => {
    const right = Math.max(...grid.cells.flatMap((row) => row[column]!.map((part) => part.x1)));
    const left = Math.min(...grid.cells.flatMap((row) => row[column + 1]!.map((part) => part.x0)));
    return left - right >= LIST_GAP_EMS * em;
  });
}

function tableOf({ grid, spanned }: Found, isBold: (font: string) => boolean): PdfTable {
  const header = hasHeader(grid.cells, isBold) || (spanned === true && hasHeader(grid.cells.slice(1), isBold));
  const rows = grid.cells.map((row) => row.map(cellText));
  return isSideBySideLists(grid, header) ? { rows, header, lists: true } : { rows, header };
}

/**
 * Takes the tables out of a page's (or a column's) lines. Returns the remaining lines with one
 * stand-in line per table (spanning the table's width, on its first row's baseline) and the
 * tables by their stand-ins. A column of the page beside a table is never taken into it: the
 * table is found again once reading order has set the page's columns apart.
 */
export function takeTables(
  lines: readonly PdfLine[],
  isBold: (font: string) => boolean,
): { lines: PdfLine[]; tables: Map<PdfLine, PdfTable> } {
  const tables = new Map<PdfLine, PdfTable>();
  const taken = new Set<PdfLine>();
  for (const table of findTables(bandsOf(lines))) {
    for (const row of table.rows) for (const line of row.lines) taken.add(line);
    tables.set(standIn(table), tableOf(table, isBold));
  }
  if (tables.size === 0) return { lines: [...lines], tables };
  return { lines: [...lines.filter((line) => !taken.has(line)), ...tables.keys()], tables };
}
