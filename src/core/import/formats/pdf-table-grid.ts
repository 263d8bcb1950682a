// Lays a run of bands out as a grid when it is one: the columns are split by strips (gutters)
// that no piece of text in any of the bands crosses, and each column's cells line up.
import { joinLines } from './pdf-paragraphs';
import type { Band, Part } from './pdf-table-rows';

export interface Gutter {
  start: number;
  end: number;
}

export interface Grid {
  gutters: Gutter[];
  /** Row by row, column by column, the pieces in each cell (none in an empty cell). */
  cells: Part[][][];
}

/**
 * A strip between two columns is at least this many ems wide: a browser's default table puts
 * 4 px between its cells (a quarter em of body text), as wide as a word space, so a strip counts
 * only where it runs through every row and the cells beside it line up.
 */
const MIN_GUTTER_EMS = 0.2;
/**
 * Inside a cell, pieces are set close (pdf.js splits a line into pieces at gaps over 0.6 em); a
 * wider gap that is no gutter is spaced-out prose (justified words).
 */
const CELL_GAP_EMS = 0.6;
/** Some row of a table is this many ems apart across each gutter: more than a word space, however stretched. */
const WIDE_GAP_EMS = 0.8;
/** A line whose three or more gaps are equal within this many ems is justified prose. */
const EVEN_EMS = 0.1;
/** Cells of a column line up on their left edges, right edges (numbers) or centres within this many ems. */
const ALIGN_EMS = 0.5;

/** A band that could be a table row: a gap between its pieces somewhere, and not a justified line of prose (evenly spaced pieces). */
export function mayBeRow(row: Band): boolean {
  const gaps = row.parts.slice(1).map((part, index) => part.x0 - row.parts[index]!.x1);
  return !(gaps.length >= 3 && even(gaps, row.size)) && gutters([row], row.size).length > 0;
}

/** Words on a line of a short cell: a label, a number, a date. */
const SHORT_WORDS = 2;

const isShort = (grid: Grid, column: number): boolean =>
  grid.cells.every((row) => row[column]!.every((part) => part.text.split(/\s+/).length <= SHORT_WORDS));

/**
 * Each gutter is wider than a word space on some row, or has short cells on both sides: a strip
 * of word spaces that happen to line up through lines of prose is no gutter.
 */
export function hasWideGaps(rows: readonly Band[], grid: Grid): boolean {
  const em = Math.min(...rows.map((row) => row.size));
  return grid.gutters.every(
    (gutter, index) =>
      (isShort(grid, index) && isShort(grid, index + 1)) ||
      rows.some((row) => {
        const before = Math.max(...row.parts.filter((part) => part.x1 <= gutter.start).map((part) => part.x1));
        const after = Math.min(...row.parts.filter((part) => part.x0 >= gutter.end).map((part) => part.x0));
        return after - before >= WIDE_GAP_EMS * em;
      }),
  );
}

function gutters(rows: readonly Band[], em: number): Gutter[] {
  const parts = rows.flatMap((row) => row.parts).sort((a, b) => a.x0 - b.x0);
  const found: Gutter[] = [];
  let end = parts[0]!.x1;
  for (const part of parts.slice(1)) {
    if (part.x0 - end >= MIN_GUTTER_EMS * em) found.push({ start: end, end: part.x0 });
    end = Math.max(end, part.x1);
  }
  return found;
}

/** Each column's pieces, line by line (top to bottom), left to right. */
function cellsOf(row: Band, found: readonly Gutter[]): Part[][] {
  const cells: Part[][] = Array.from({ length: found.length + 1 }, () => []);
  for (const part of row.parts) {
    const column = found.filter((gutter) => gutter.end <= part.x0).length;
    cells[column]!.push(part);
  }
  return cells.map((cell) => cell.sort((a, b) => b.y - a.y || a.x0 - b.x0));
}

const spread = (values: readonly number[]): number => Math.max(...values) - Math.min(...values);

/** The cells of each column line up (the first row, a header, may be centred otherwise). */
function aligned(cells: readonly Part[][][], columns: number, em: number): boolean {
  for (let column = 0; column < columns; column++) {
    const filled = cells.slice(1).flatMap((row) => (row[column]!.length > 0 ? [row[column]!] : []));
    if (filled.length < 2) continue;
    const lefts = filled.map((cell) => Math.min(...cell.map((part) => part.x0)));
    const rights = filled.map((cell) => Math.max(...cell.map((part) => part.x1)));
    const centres = lefts.map((left, index) => (left + rights[index]!) / 2);
    if (Math.min(spread(lefts), spread(rights), spread(centres)) > ALIGN_EMS * em) return false;
  }
  return true;
}

/** Evenly spaced gaps (three pieces or more): a justified line. */
function even(gaps: readonly number[], em: number): boolean {
  return gaps.length >= 2 && Math.max(...gaps) - Math.min(...gaps) <= EVEN_EMS * em;
}

/** The pieces on each of a cell's lines stand close together, or evenly apart (a justified cell). */
function closeSet(cell: readonly Part[], em: number): boolean {
  const lines = new Map<number, Part[]>();
  for (const part of cell) lines.set(part.y, [...(lines.get(part.y) ?? []), part]);
  return [...lines.values()].every((line) => {
    const gaps = line.slice(1).map((part, index) => part.x0 - line[index]!.x1);
    return gaps.every((gap) => gap < CELL_GAP_EMS * em) || even(gaps, em);
  });
}

/**
 * A piece cut at each of its spaces that falls in a gutter between the single-word pieces of the
 * other rows, where the text on either side reaches into the columns beside that gutter. The
 * spaces' places are estimated from the characters' share of the piece's width.
 */
function cutAtGutters(part: Part, found: readonly Gutter[], em: number): Part[] {
  const pieces: Part[] = [];
  let rest = part;
  const spaceAt = (index: number): number => rest.x0 + ((rest.x1 - rest.x0) * (index + 0.5)) / rest.text.length;
  const inGutter = (at: number, strip: Gutter): boolean => at >= strip.start - 0.3 * em && at <= strip.end + 0.3 * em;
  for (let index = rest.text.indexOf(' '); index > 0; index = rest.text.indexOf(' ', index + 1)) {
    const at = spaceAt(index);
    const gutter = found.find((strip) => inGutter(at, strip));
    if (!gutter || rest.x0 >= gutter.start || rest.x1 <= gutter.end) continue;
    // A left-set cell of several words ("North quay") ends at the gutter's last space: the next column starts there.
    const next = rest.text.indexOf(' ', index + 1);
    if (next > 0 && inGutter(spaceAt(next), gutter)) continue;
    pieces.push({ ...rest, text: rest.text.slice(0, index).trim(), x1: Math.min(at, gutter.start) });
    rest = { ...rest, text: rest.text.slice(index + 1).trim(), x0: Math.max(at, gutter.end) };
    index = 0;
  }
  return [...pieces, rest];
}

/**
 * pdf.js gives pieces set less than 0.6 em apart as one piece, with a space between them: in a
 * PDF whose cells are not marked apart, close cells ("February 112") come as one piece. They are
 * cut where the gutters between the other rows' single words run.
 */
function withJoinedCellsCut(rows: readonly Band[], em: number): Band[] | undefined {
  const solid = rows.map((row) => ({ ...row, parts: row.parts.filter((part) => !part.text.includes(' ')) }));
  if (solid.every((row) => row.parts.length === 0)) return undefined;
  const found = gutters(solid, em);
  let cut = false;
  const split = rows.map((row) => {
    const parts = row.parts.flatMap((part) => (part.text.includes(' ') ? cutAtGutters(part, found, em) : [part]));
    cut ||= parts.length > row.parts.length;
    return { ...row, parts };
  });
  return cut ? split : undefined;
}

function strictGrid(rows: readonly Band[], em: number): Grid | undefined {
  const found = gutters(rows, em);
  if (found.length === 0) return undefined;
  const cells = rows.map((row) => cellsOf(row, found));
  if (cells.some((row) => row.filter((cell) => cell.length > 0).length < 2)) return undefined;
  if (!cells.every((row) => row.every((cell) => closeSet(cell, em)))) return undefined;
  return aligned(cells, found.length + 1, em) ? { gutters: found, cells } : undefined;
}

/** The run's grid, or undefined when no gutter runs through every row or its cells do not line up. */
export function gridOf(rows: readonly Band[]): Grid | undefined {
  const em = Math.min(...rows.map((row) => row.size));
  const strict = strictGrid(rows, em);
  if (strict) return strict;
  const cut = withJoinedCellsCut(rows, em);
  return cut ? strictGrid(cut, em) : undefined;
}

/** A cell's text: each line's pieces joined, with a space where they stand apart, and its lines joined as a paragraph's. */
export function cellText(cell: readonly Part[]): string {
  const lines: string[] = [];
  let end = -Infinity;
  let y = NaN;
  for (const part of cell) {
    if (part.y !== y) lines.push(part.text);
    else lines[lines.length - 1] += (part.x0 - end > 0.15 * part.size ? ' ' : '') + part.text;
    end = part.x1;
    y = part.y;
  }
  return joinLines(lines.map((line) => line.replace(/\s+/g, ' ').trim()));
}
