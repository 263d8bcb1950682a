// Finds the running heads, running feet and page numbers at the top and bottom of pages:
// text that repeats across pages in the margin zones (numbers aside), or that reads as a page number.
import type { PdfLine } from './pdf-lines';

export interface PageFrame {
  /** The page's top and bottom edges in PDF user space (y grows upwards). */
  top: number;
  bottom: number;
  lines: PdfLine[];
}

/** How far into the page (as a share of its height) running heads and feet may sit. */
const MARGIN_ZONE = 0.14;
/** A margin text on at least this share of the pages with text repeats. */
const REPEAT_SHARE = 0.4;

const PAGE_NUMBER_PATTERNS = [
  /^[-–—]?\s*\d{1,5}\s*[-–—]?$/,
  /^(page|p\.|pg\.?|seite|página|pagina)\s*\d{1,5}(\s*(of|\/|von|de|di|sur)\s*\d{1,5})?$/i,
  /^\d{1,5}\s*(of|\/)\s*\d{1,5}$/i,
  /^[-–—]?\s*(?=[ivxlcdm])m{0,4}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})\s*[-–—]?$/i,
];

export function isPageNumber(text: string): boolean {
  const trimmed = text.trim();
  return PAGE_NUMBER_PATTERNS.some((pattern) => pattern.test(trimmed));
}

type Zone = 'top' | 'bottom';

function zoneOf(line: PdfLine, frame: PageFrame): Zone | undefined {
  const height = frame.top - frame.bottom;
  if (height <= 0) return undefined;
  if (line.y >= frame.top - MARGIN_ZONE * height) return 'top';
  if (line.y <= frame.bottom + MARGIN_ZONE * height) return 'bottom';
  return undefined;
}

/**
 * Numbers vary from page to page ("Page 3 of 9", "Chapter 2 · 41"); the rest must repeat, at the
 * same distance from the page's edge (so a first page's title is not taken for the running head).
 */
function repeatKey(line: PdfLine, zone: Zone, frame: PageFrame): string {
  const fromEdge = Math.round((zone === 'top' ? frame.top - line.y : line.y - frame.bottom) / 4);
  return `${zone}|${fromEdge}|${line.text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim()}`;
}

function countRepeats(frames: readonly PageFrame[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const frame of frames) {
    const keys = new Set<string>();
    for (const line of frame.lines) {
      const zone = zoneOf(line, frame);
      if (zone) keys.add(repeatKey(line, zone, frame));
    }
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** The page's lines on one baseline each, edge-most first. */
function baselinesFromEdge(frame: PageFrame, zone: Zone): PdfLine[][] {
  const fromEdge = [...frame.lines].sort((a, b) => (zone === 'top' ? b.y - a.y : a.y - b.y));
  const groups: PdfLine[][] = [];
  for (const line of fromEdge) {
    const last = groups[groups.length - 1];
    if (last && Math.abs(last[0]!.y - line.y) < 0.5 * Math.max(last[0]!.size, line.size)) last.push(line);
    else groups.push([line]);
  }
  return groups;
}

/** A head or foot set smaller than this share of the text's size next to it is no line of that text. */
const SMALLER_SHARE = 0.85;

/**
 * Running heads and feet stand apart from the text: more than a line's spacing lies between
 * them and the next line in, or, set smaller than that line, more than a line of their own size
 * (Chromium's print header, the date and the page's title in 8 pt a line above the text in 12).
 * Body lines that merely repeat (boilerplate opening every page, near-identical numbered
 * paragraphs) sit at their paragraph's spacing, in its size, and stay text.
 */
function setApart(group: readonly PdfLine[], next: readonly PdfLine[] | undefined): boolean {
  if (!next) return true;
  const gap = Math.abs(group[0]!.y - next[0]!.y);
  const own = Math.max(...group.map((line) => line.size));
  const nextSize = Math.max(...next.map((line) => line.size));
  if (own < SMALLER_SHARE * Math.min(...next.map((line) => line.size))) return gap > 1.6 * own;
  return gap > 1.6 * Math.max(own, nextSize);
}

/**
 * Walks in from one edge while the margin lines are furniture, and takes them up to the first
 * block set apart from what follows (page numbers beyond it too); the first real line stops it. The edge-most baseline goes
 * whole when it carries a page number ("Chapter 2: Syntax   3").
 */
function furnitureFromEdge(
  frame: PageFrame,
  zone: Zone,
  isFurniture: (line: PdfLine, zone: Zone) => boolean,
  isNumbered: (line: PdfLine) => boolean,
  bodySize: number,
): Set<PdfLine> {
  const groups = baselinesFromEdge(frame, zone);
  let taken = 0;
  let apart = false;
  for (const [index, group] of groups.entries()) {
    if (!group.every((line) => zoneOf(line, frame) === zone)) break;
    const numbers = group.every((line) => isPageNumber(line.text) || isNumbered(line));
    const numbered = index === 0 && group.some((line) => isPageNumber(line.text) || isNumbered(line));
    // Past the first block set apart, only page numbers are furniture: what follows is text.
    if (apart && !numbers) break;
    if (!numbered && !group.every((line) => isFurniture(line, zone))) break;
    // A line in the text's size that runs on into the next at the text's spacing is a line of a
    // paragraph, however often it repeats: two pages that open on the same words lost them (trial).
    if (!numbers && !numbered && !setApart(group, groups[index + 1]) && !setSmaller(group, bodySize)) break;
    if (numbers || numbered || setApart(group, groups[index + 1])) taken = index + 1;
    apart ||= setApart(group, groups[index + 1]);
  }
  return new Set(groups.slice(0, taken).flat());
}

/** Whether a baseline is set smaller than the text, as running heads of two lines or more are. */
function setSmaller(group: readonly PdfLine[], bodySize: number): boolean {
  return Math.max(...group.map((line) => line.size)) < SMALLER_SHARE * bodySize;
}

/** The number a running head starts or ends with ("Chapter 2: Syntax   14"). */
function edgeNumber(line: PdfLine): number | undefined {
  const match = /^(\d{1,5})\s|\s(\d{1,5})$/.exec(line.text);
  return match ? Number(match[1] ?? match[2]) : undefined;
}

/**
 * Running heads that change with the chapter still carry the page's printed number, which is
 * the page's position plus one fixed offset throughout: the offset most margin lines agree on.
 */
function pageNumberOffset(frames: readonly PageFrame[], needed: number, bodySize: number): number | undefined {
  const counts = new Map<number, number>();
  frames.forEach((frame, index) => {
    const offsets = new Set<number>();
    for (const line of frame.lines) {
      const number = edgeNumber(line);
      if (number !== undefined && line.size <= bodySize * 1.05 && zoneOf(line, frame))
        offsets.add(number - (index + 1));
    }
    for (const offset of offsets) counts.set(offset, (counts.get(offset) ?? 0) + 1);
  });
  const [offset, count] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] ?? [0, 0];
  return count >= Math.max(3, needed) ? offset : undefined;
}

/**
 * A line set larger than the text with a number in it ("Section 3: Week 3") opens a section,
 * however many pages open the same way: running heads are set at the text's size or smaller.
 * Masking numbers to find repeats would otherwise take every section starting a page for one.
 */
function isNumberedHeading(line: PdfLine, bodySize: number): boolean {
  return line.size > bodySize * 1.05 && /\d/.test(line.text);
}

/** Each page's lines without its running heads, running feet and page numbers. */
export function removeFurniture(frames: readonly PageFrame[], bodySize: number): PdfLine[][] {
  const counts = countRepeats(frames);
  const pagesWithText = frames.filter((frame) => frame.lines.length > 0).length;
  const needed = Math.max(2, Math.ceil(REPEAT_SHARE * pagesWithText));
  const offset = pagesWithText > 1 ? pageNumberOffset(frames, needed, bodySize) : undefined;
  return frames.map((frame, index) => {
    const numbered = (line: PdfLine): boolean =>
      offset !== undefined && line.size <= bodySize * 1.05 && edgeNumber(line) === index + 1 + offset;
    const isFurniture = (line: PdfLine, zone: Zone): boolean =>
      isPageNumber(line.text) ||
      numbered(line) ||
      (pagesWithText > 1 &&
        !isNumberedHeading(line, bodySize) &&
        (counts.get(repeatKey(line, zone, frame)) ?? 0) >= needed);
    const furniture = new Set([
      ...furnitureFromEdge(frame, 'top', isFurniture, numbered, bodySize),
      ...furnitureFromEdge(frame, 'bottom', isFurniture, numbered, bodySize),
    ]);
    return frame.lines.filter((line) => !furniture.has(line));
  });
}
