// The page of the original a place in the canonical text was read from, for formats with
// pages (PDF): "p. 12" on a card, the page a search hit is on.
import type { PageMapEntry } from './model';

/** The page entry covering `offset` (the last one starting at or before it), or undefined before the first page or without pages. */
export function pageAt(pageMap: readonly PageMapEntry[], offset: number): PageMapEntry | undefined {
  let low = 0;
  let high = pageMap.length - 1;
  let found: PageMapEntry | undefined;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const entry = pageMap[middle]!;
    if (entry.start <= offset) {
      found = entry;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

/** How a page is named to a person: its printed label where the file gives one, else its number. */
export function pageName(entry: PageMapEntry): string {
  return entry.label !== undefined && entry.label !== '' ? entry.label : String(entry.number);
}

/** The pages a span of the text lies on, and how a person reads them: "p. 3", "pp. 3–4". */
export interface PageSpan {
  /** The first page's number from 1 (the page an "Open original page" opens). */
  first: number;
  last: number;
  text: string;
}

/**
 * The pages of the text from `start` to `end` (exclusive); undefined without pages or
 * before the first page (the title). An empty span (a point note) is on the page at `start`.
 */
export function pageSpan(pageMap: readonly PageMapEntry[], start: number, end: number): PageSpan | undefined {
  const first = pageAt(pageMap, start);
  if (first === undefined) return undefined;
  const last = pageAt(pageMap, Math.max(start, end - 1)) ?? first;
  if (last.number === first.number) return { first: first.number, last: first.number, text: `p. ${pageName(first)}` };
  return { first: first.number, last: last.number, text: `pp. ${pageName(first)}–${pageName(last)}` };
}

/** Where page `number` begins and ends in the text (the end is the next page's start, or the text's length). */
export function pageRange(
  pageMap: readonly PageMapEntry[],
  number: number,
  textLength: number,
): { start: number; end: number } | undefined {
  const index = pageMap.findIndex((entry) => entry.number === number);
  if (index < 0) return undefined;
  return { start: pageMap[index]!.start, end: pageMap[index + 1]?.start ?? textLength };
}

/** How much text after a page start is looked for again after an edit, longest first. */
const PROBE_LENGTHS = [48, 16];

/**
 * The page map of `oldText` carried over to `newText` after an edit (Edit text): each page
 * start is found again by the text that followed it, searching forward from the page before;
 * where that text was itself changed, the start moves by what was inserted or removed before it.
 */
export function carryPageMap(pageMap: readonly PageMapEntry[], oldText: string, newText: string): PageMapEntry[] {
  if (pageMap.length === 0 || oldText === newText) return [...pageMap];
  let prefix = 0;
  const shortest = Math.min(oldText.length, newText.length);
  while (prefix < shortest && oldText.charCodeAt(prefix) === newText.charCodeAt(prefix)) prefix += 1;
  const delta = newText.length - oldText.length;
  let from = 0;
  return pageMap.map((entry) => {
    const start = entry.start <= prefix ? entry.start : foundAgain(entry.start, oldText, newText, from, delta);
    from = Math.max(from, Math.min(start, newText.length));
    return { ...entry, start: from };
  });
}

/** The occurrence of `probe` in `text` nearest to `expected`, not before `from`; -1 when there is none. */
function nearest(text: string, probe: string, expected: number, from: number): number {
  const ahead = text.indexOf(probe, expected);
  const behind = text.lastIndexOf(probe, expected);
  const candidates = [ahead, behind >= from ? behind : -1].filter((at) => at >= 0);
  if (candidates.length === 0) return -1;
  return candidates.reduce((best, at) => (Math.abs(at - expected) < Math.abs(best - expected) ? at : best));
}

/** Where a page start is in the new text: by the words after it, else by the words before it. */
function foundAgain(start: number, oldText: string, newText: string, from: number, delta: number): number {
  const expected = Math.max(from, start + delta);
  for (const length of PROBE_LENGTHS) {
    const after = oldText.slice(start, start + length);
    if (after.length >= Math.min(length, 8)) {
      const at = nearest(newText, after, expected, from);
      if (at >= 0) return at;
    }
    const before = oldText.slice(Math.max(0, start - length), start);
    if (before.length >= Math.min(length, 8)) {
      const at = nearest(newText, before, expected - before.length, from);
      if (at >= 0) return at + before.length;
    }
  }
  return expected;
}
