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
