// Puts a page's lines in the order a person reads them: columns found from the empty strip
// (gutter) between their lines, left column before right, and text that spans the gutter
// (titles, wide paragraphs) read where it stands; footnotes are set apart for the page's end.
import type { PdfLine } from './pdf-lines';

/** A run of lines read one after another; paragraphs never continue across regions. */
export type Region = PdfLine[];

const topDown = (a: PdfLine, b: PdfLine): number => b.y - a.y || a.x0 - b.x0;

/** Lines narrower than this share of the text's width can belong to a column (or to a body beside a text box). */
const NARROW_SHARE = 0.8;
/** A gutter is at least this wide, in points. */
const MIN_GUTTER = 6;
/** Each column needs at least this many lines. */
const MIN_COLUMN_LINES = 3;

interface Gutter {
  start: number;
  end: number;
}

/** The widest strip in the middle of the text that (almost) no narrow line covers. */
function findGutter(lines: readonly PdfLine[]): Gutter | undefined {
  const left = Math.min(...lines.map((line) => line.x0));
  const right = Math.max(...lines.map((line) => line.x1));
  const width = right - left;
  const narrow = lines.filter((line) => line.x1 - line.x0 < NARROW_SHARE * width);
  if (width <= 0 || narrow.length < 2 * MIN_COLUMN_LINES) return undefined;
  const bins = Math.ceil(width);
  const cover = new Array<number>(bins).fill(0);
  for (const line of narrow) {
    for (let bin = Math.floor(line.x0 - left); bin < Math.min(bins, Math.ceil(line.x1 - left)); bin++) cover[bin]! += 1;
  }
  const tolerance = Math.floor(narrow.length * 0.03);
  let best: Gutter | undefined;
  let runStart = -1;
  for (let bin = Math.floor(width * 0.2); bin <= Math.ceil(width * 0.8) && bin <= bins; bin++) {
    const open = bin < bins && cover[bin]! <= tolerance;
    if (open && runStart < 0) runStart = bin;
    if (!open && runStart >= 0) {
      if (!best || bin - runStart > best.end - best.start) best = { start: left + runStart, end: left + bin };
      runStart = -1;
    }
  }
  return best && best.end - best.start >= MIN_GUTTER ? best : undefined;
}

/**
 * Work done on a run of lines before it is split into columns, at each level of the split: the
 * tables are taken out there, so a table's own columns are never read as the page's.
 */
export type BeforeSplit = (lines: readonly PdfLine[]) => PdfLine[];

function splitAtGutter(lines: readonly PdfLine[], gutter: Gutter, before: BeforeSplit): Region[] {
  const regions: Region[] = [];
  let leftLines: PdfLine[] = [];
  let rightLines: PdfLine[] = [];
  let spanning: PdfLine[] = [];
  const flushColumns = (): void => {
    if (leftLines.length > 0) regions.push(...readingOrder(leftLines, 1, before));
    if (rightLines.length > 0) regions.push(...readingOrder(rightLines, 1, before));
    leftLines = [];
    rightLines = [];
  };
  for (const line of [...lines].sort(topDown)) {
    const crosses = line.x0 < gutter.start && line.x1 > gutter.end;
    if (crosses) {
      flushColumns();
      spanning.push(line);
      continue;
    }
    if (spanning.length > 0) regions.push(spanning);
    spanning = [];
    if (line.x1 <= gutter.end) leftLines.push(line);
    else rightLines.push(line);
  }
  flushColumns();
  if (spanning.length > 0) regions.push(spanning);
  return regions;
}

/** The page's lines as regions in reading order; `depth` lets a column split once more (three columns). */
export function readingOrder(
  found: readonly PdfLine[],
  depth = 0,
  before: BeforeSplit = (lines) => [...lines],
): Region[] {
  if (found.length === 0) return [];
  const lines = before(found);
  const gutter = depth < 2 ? findGutter(lines) : undefined;
  if (gutter) {
    const leftCount = lines.filter((line) => line.x1 <= gutter.start + 1).length;
    const rightCount = lines.filter((line) => line.x0 >= gutter.end - 1).length;
    if (leftCount >= MIN_COLUMN_LINES && rightCount >= MIN_COLUMN_LINES) return splitAtGutter(lines, gutter, before);
  }
  return [[...lines].sort(topDown)];
}

const FOOTNOTE_MARK = /^(\d{1,3}|[*†‡§¶#]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\[\d{1,3}\]|\(\d{1,3}\))(?=\s|[A-Za-z]|$)/;

export interface SplitFootnotes {
  body: PdfLine[];
  /** Each footnote's lines, top to bottom. */
  footnotes: PdfLine[][];
}

/**
 * Footnotes are text smaller than the body, below every body-size line above or below them,
 * whose first line starts with a mark (a number or symbol). Anything else small stays in the body.
 */
export function splitFootnotes(lines: readonly PdfLine[], bodySize: number): SplitFootnotes {
  const isSmall = (line: PdfLine): boolean => line.size < bodySize * 0.92;
  const large = lines.filter((line) => !isSmall(line));
  const underBody = (line: PdfLine): boolean =>
    large.every((other) => other.x1 <= line.x0 || other.x0 >= line.x1 || other.y > line.y);
  const candidates = lines.filter((line) => isSmall(line) && underBody(line)).sort(topDown);
  const first = candidates[0];
  if (!first || !FOOTNOTE_MARK.test(first.text)) return { body: [...lines], footnotes: [] };
  const footnotes: PdfLine[][] = [];
  for (const line of candidates) {
    const last = footnotes[footnotes.length - 1];
    if (!last || FOOTNOTE_MARK.test(line.text)) footnotes.push([line]);
    else last.push(line);
  }
  const taken = new Set(candidates);
  return { body: lines.filter((line) => !taken.has(line)), footnotes };
}
