// Finds an annotation's words among the text a PDF page places, as boxes on the page:
// the quote and the page's text are compared without spaces, hyphens or dashes (so a line
// break, a word hyphenated at a line end and a ligature all match), and the matched
// characters' boxes are joined into one box per line.
import type { PageRegion } from '../../shared/model';
import type { PlacedText } from '../import';

export type { PlacedText };

/** What the quote is compared on: line breaks, hyphens and dashes vary between the reflowed text and the page. */
const IGNORED = /[\s\u00ad\u2010-\u2015-]/u;

interface KeyChar {
  char: string;
  /** Which run (or which character of the text) it came from, and where in that run. */
  item: number;
  index: number;
}

/** The comparable characters of `text`, each remembering where it came from; ligatures become letters (NFKC). */
function keyOf(text: string, item: number, into: KeyChar[]): void {
  for (let index = 0; index < text.length; index++) {
    const raw = text[index]!;
    if (IGNORED.test(raw)) continue;
    for (const char of raw.normalize('NFKC')) if (!IGNORED.test(char)) into.push({ char, item, index });
  }
}

export function comparable(text: string): string {
  const chars: KeyChar[] = [];
  keyOf(text, 0, chars);
  return chars.map((entry) => entry.char).join('');
}

/** How many times `quote` occurs in `before` (the page's text before the annotation): which match on the page is it. */
export function occurrenceIn(before: string, quote: string): number {
  const key = comparable(quote);
  if (key === '') return 0;
  const haystack = comparable(before);
  let count = 0;
  for (let at = haystack.indexOf(key); at >= 0; at = haystack.indexOf(key, at + key.length)) count += 1;
  return count;
}

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
  baseline: number;
}

/** Where character `index` of a run begins, as a fraction of the run's width. */
function offsetAt(item: PlacedText, index: number): number {
  const offsets = item.offsets;
  if (offsets && offsets.length === item.text.length + 1) return offsets[index]!;
  return index / Math.max(1, item.text.length);
}

/** The box of characters `from`..`to` (inclusive) of one run. */
function boxOf(item: PlacedText, from: number, to: number): Box {
  return {
    left: item.left + item.width * offsetAt(item, from),
    right: item.left + item.width * offsetAt(item, to + 1),
    top: item.baseline - item.height,
    bottom: item.baseline + item.height * 0.25,
    baseline: item.baseline,
  };
}

/** Joins boxes on one line (baselines within half a line) into one. */
function byLine(boxes: Box[]): Box[] {
  const lines: Box[] = [];
  for (const box of boxes) {
    const line = lines.find((other) => Math.abs(other.baseline - box.baseline) < (other.bottom - other.top) * 0.4);
    if (!line) {
      lines.push({ ...box });
      continue;
    }
    line.left = Math.min(line.left, box.left);
    line.right = Math.max(line.right, box.right);
    line.top = Math.min(line.top, box.top);
    line.bottom = Math.max(line.bottom, box.bottom);
  }
  return lines;
}

const clamp = (value: number): number => Math.min(1, Math.max(0, value));

function toRegion(box: Box): PageRegion {
  const x = clamp(box.left);
  const y = clamp(box.top);
  return { x, y, width: clamp(box.right) - x, height: clamp(box.bottom) - y };
}

/**
 * Where `quote` lies among `items`: its `occurrence`-th match (counting from 0; the first
 * when the page has fewer), one region per line. Empty when the page does not hold it.
 */
export function findRegions(items: readonly PlacedText[], quote: string, occurrence = 0): PageRegion[] {
  const key = comparable(quote);
  if (key === '') return [];
  const chars: KeyChar[] = [];
  items.forEach((item, index) => keyOf(item.text, index, chars));
  const page = chars.map((entry) => entry.char).join('');
  const starts: number[] = [];
  for (let at = page.indexOf(key); at >= 0; at = page.indexOf(key, at + key.length)) starts.push(at);
  if (starts.length === 0) return [];
  const start = starts[Math.min(occurrence, starts.length - 1)]!;
  const spans = new Map<number, { from: number; to: number }>();
  for (const { item, index } of chars.slice(start, start + key.length)) {
    const span = spans.get(item);
    if (span) span.to = Math.max(span.to, index);
    else spans.set(item, { from: index, to: index });
  }
  const boxes = [...spans].map(([item, span]) => boxOf(items[item]!, span.from, span.to));
  return byLine(boxes).map(toRegion);
}
