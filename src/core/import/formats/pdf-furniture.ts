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
  /^(page|p\.|pg\.?|seite|página|pagina)\s*\d{1,5}(\s*(of|\/|von|de|di)\s*\d{1,5})?$/i,
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

/** Walks in from one edge and takes margin lines while they are furniture; the first real line stops it. */
function furnitureFromEdge(
  frame: PageFrame,
  zone: Zone,
  isFurniture: (line: PdfLine, zone: Zone) => boolean,
): Set<PdfLine> {
  const fromEdge = [...frame.lines].sort((a, b) => (zone === 'top' ? b.y - a.y : a.y - b.y));
  const found = new Set<PdfLine>();
  for (const line of fromEdge) {
    if (zoneOf(line, frame) !== zone || !isFurniture(line, zone)) break;
    found.add(line);
  }
  return found;
}

/** Each page's lines without its running heads, running feet and page numbers. */
export function removeFurniture(frames: readonly PageFrame[]): PdfLine[][] {
  const counts = countRepeats(frames);
  const pagesWithText = frames.filter((frame) => frame.lines.length > 0).length;
  const needed = Math.max(2, Math.ceil(REPEAT_SHARE * pagesWithText));
  return frames.map((frame) => {
    const isFurniture = (line: PdfLine, zone: Zone): boolean =>
      isPageNumber(line.text) || (pagesWithText > 1 && (counts.get(repeatKey(line, zone, frame)) ?? 0) >= needed);
    const furniture = new Set([
      ...furnitureFromEdge(frame, 'top', isFurniture),
      ...furnitureFromEdge(frame, 'bottom', isFurniture),
    ]);
    return frame.lines.filter((line) => !furniture.has(line));
  });
}
