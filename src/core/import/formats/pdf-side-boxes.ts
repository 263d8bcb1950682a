// Finds a table set in a box beside the body text (a floated infobox): lines to one side of a
// strip that no line beside them crosses. Its table is taken out on its own, so its rows are never
// spliced into the lines of text they stand beside, nor its columns read as the page's.
import type { PdfLine } from './pdf-lines';
import type { PdfTable } from './pdf-tables';
import { takeTables } from './pdf-tables';

/** The strip between a box and the text beside it is at least this wide, in points. */
const MIN_GAP = 6;
/** A box starts this far into the text's width at least (a first-line indent is no box). */
const MIN_OFFSET_SHARE = 0.2;
/** A table is three rows at least, so its box is three lines at least. */
const MIN_BOX_LINES = 3;

/** Lines of running text beside the box have this many words at least (a table's own cells have fewer). */
const PROSE_WORDS = 5;

const words = (text: string): number => text.split(/\s+/).filter((word) => word !== '').length;
const mirrored = (line: PdfLine): PdfLine => ({ ...line, x0: -line.x1, x1: -line.x0 });

/**
 * The lines from some start rightwards whose neighbours at their height, lines of running text
 * among them, all end a gap before that start.
 */
function rightBox(lines: readonly PdfLine[]): PdfLine[] | undefined {
  const left = Math.min(...lines.map((line) => line.x0));
  const right = Math.max(...lines.map((line) => line.x1));
  const starts = [...new Set(lines.map((line) => Math.round(line.x0)))]
    .filter((start) => start > left + MIN_OFFSET_SHARE * (right - left))
    .sort((a, b) => a - b);
  for (const start of starts) {
    const box = lines.filter((line) => line.x0 >= start - 1);
    if (box.length < MIN_BOX_LINES) return undefined;
    const top = Math.max(...box.map((line) => line.y + line.size));
    const bottom = Math.min(...box.map((line) => line.y - line.size));
    const beside = lines.filter((line) => line.x0 < start - 1 && line.y <= top && line.y >= bottom);
    // Running text beside the box starts at the text's edge (a table's own wrapped cells do not).
    const prose = beside.filter((line) => words(line.text) >= PROSE_WORDS && line.x0 <= left + line.size);
    if (prose.length >= 2 && beside.every((line) => line.x1 <= start - MIN_GAP)) return box;
  }
  return undefined;
}

/** A box at the right of the text, then one at its left (found as a right box of the mirrored page). */
function sideBoxes(lines: readonly PdfLine[]): PdfLine[][] {
  const original = new Map(lines.map((line) => [mirrored(line), line]));
  const left = rightBox([...original.keys()])?.map((line) => original.get(line)!);
  return [rightBox(lines), left].filter((box): box is PdfLine[] => box !== undefined);
}

/**
 * Takes out a table that fills a box beside the text: the lines left, with its stand-in line, and
 * the table by its stand-in, marked `beside`. A box that is not wholly a table (a page's column of
 * prose) is left to the page's columns.
 */
export function takeSideTables(
  lines: readonly PdfLine[],
  isBold: (font: string) => boolean,
): { lines: PdfLine[]; tables: Map<PdfLine, PdfTable> } {
  if (lines.length < 2 * MIN_BOX_LINES) return { lines: [...lines], tables: new Map() };
  for (const box of sideBoxes(lines)) {
    const found = takeTables(box, isBold);
    if (found.tables.size === 0 || found.lines.some((line) => !found.tables.has(line))) continue;
    const taken = new Set(box);
    const tables = new Map([...found.tables].map(([line, table]) => [line, { ...table, beside: true }]));
    return { lines: [...lines.filter((line) => !taken.has(line)), ...tables.keys()], tables };
  }
  return { lines: [...lines], tables: new Map() };
}
