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
