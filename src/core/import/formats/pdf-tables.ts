// Finds tables in a page's body lines: rows of cells that line up in the same columns over
// several consecutive baselines. Each table leaves the flow as one stand-in line, so reading
// order places it like any other line, and comes back as a table where it stands.
import type { PdfLine } from './pdf-lines';

export interface PdfTable {
  rows: string[][];
  /** The first row is set in bold: a header row. */
  header: boolean;
}

/** Cells within this many ems of a column's edge (left or right: numbers align right) share it. */
const ALIGN_EMS = 0.6;
/** Rows further apart than this many ems are not one table. */
const ROW_GAP_EMS = 3;
/**
 * Two columns of prose also line up, line after line. A table has at least one column of
 * short cells; when every column averages this many words a cell or more, it is running text.
 */
const PROSE_WORDS = 4;

const MIN_ROWS = 2;
const MIN_COLUMNS = 2;

/** The page's lines on one baseline each, top to bottom, each baseline's pieces left to right. */
function baselines(lines: readonly PdfLine[]): PdfLine[][] {
  const sorted = [...lines].sort((a, b) => b.y - a.y || a.x0 - b.x0);
  const rows: PdfLine[][] = [];
  for (const line of sorted) {
    const row = rows[rows.length - 1];
    if (row && Math.abs(row[0]!.y - line.y) < 0.5 * Math.max(row[0]!.size, line.size)) row.push(line);
    else rows.push([line]);
  }
  return rows.map((row) => row.sort((a, b) => a.x0 - b.x0));
}

/** A row of cells by column; a column the row leaves empty holds undefined. */
type Row = Array<PdfLine | undefined>;

/**
 * The row's cells placed under the run's columns (set by its first row), each in the next
 * column it lines up with; undefined when a cell lines up with none, or fewer than two do.
 */
function placed(row: readonly PdfLine[], columns: readonly PdfLine[]): Row | undefined {
  const out: Row = columns.map(() => undefined);
  let column = 0;
  for (const cell of row) {
    const lines = (candidate: PdfLine): boolean => {
      const tolerance = ALIGN_EMS * Math.max(cell.size, candidate.size);
      return Math.abs(cell.x0 - candidate.x0) <= tolerance || Math.abs(cell.x1 - candidate.x1) <= tolerance;
    };
    while (column < columns.length && !lines(columns[column]!)) column++;
    if (column === columns.length) return undefined;
    out[column++] = cell;
  }
  return row.length >= MIN_COLUMNS ? out : undefined;
}

const words = (text: string): number => text.split(/\s+/).filter((word) => word !== '').length;

function isProse(rows: readonly Row[]): boolean {
  const columns = rows[0]!.length;
  for (let column = 0; column < columns; column++) {
    const mean = rows.reduce((sum, row) => sum + words(row[column]?.text ?? ''), 0) / rows.length;
    if (mean < PROSE_WORDS) return false;
  }
  return true;
}

const firstCell = (row: Row): PdfLine => row.find((cell) => cell !== undefined)!;

/** Runs of consecutive baselines of two or more cells in the same columns (a row may leave some empty). */
function candidateRuns(rows: readonly PdfLine[][]): Row[][] {
  const runs: Row[][] = [];
  let run: Row[] = [];
  const close = (): void => {
    if (run.length >= MIN_ROWS) runs.push(run);
    run = [];
  };
  for (const row of rows) {
    const previous = run[run.length - 1];
    const near = previous !== undefined && firstCell(previous).y - row[0]!.y <= ROW_GAP_EMS * row[0]!.size;
    const cells = previous && near ? placed(row, run[0] as PdfLine[]) : undefined;
    if (cells) {
      run.push(cells);
      continue;
    }
    close();
    if (row.length >= MIN_COLUMNS) run = [row];
  }
  close();
  return runs;
}

/**
 * Takes the tables out of a page's lines. Returns the remaining lines with one stand-in line
 * per table (spanning the table's width, on its first row's baseline) and the tables by
 * their stand-ins. A table inside one column of a two-column page is not found (its rows
 * share baselines with the other column's text) and stays text.
 */
export function takeTables(
  lines: readonly PdfLine[],
  isBold: (font: string) => boolean,
): { lines: PdfLine[]; tables: Map<PdfLine, PdfTable> } {
  const tables = new Map<PdfLine, PdfTable>();
  const taken = new Set<PdfLine>();
  for (const run of candidateRuns(baselines(lines))) {
    if (isProse(run)) continue;
    const cells = run.flat().filter((cell): cell is PdfLine => cell !== undefined);
    for (const cell of cells) taken.add(cell);
    const first = run[0] as PdfLine[];
    const standIn: PdfLine = {
      text: first.map((cell) => cell.text).join(' '),
      x0: Math.min(...cells.map((cell) => cell.x0)),
      x1: Math.max(...cells.map((cell) => cell.x1)),
      y: first[0]!.y,
      size: first[0]!.size,
      font: first[0]!.font,
    };
    const bold = (row: Row): boolean => row.every((cell) => cell === undefined || isBold(cell.font));
    tables.set(standIn, {
      rows: run.map((row) => row.map((cell) => cell?.text ?? '')),
      header: bold(first) && !run.slice(1).every(bold),
    });
  }
  if (tables.size === 0) return { lines: [...lines], tables };
  return { lines: [...lines.filter((line) => !taken.has(line)), ...tables.keys()], tables };
}
