// Where the reader's page markers stand: at each page's first line, as they always did, and at
// the top of its block while that block still skips layout.
import { describe, expect, it, vi } from 'vitest';
import type { PageMapEntry } from '../../../shared/model';
import { pageName } from '../../../shared/page-map';
import type { PageStart } from './PageMarkersPlugin';
import { placeMarkers } from './PageMarkersPlugin';

const origin = { top: 40, left: 100 };
const column = { left: 160, width: 620 };

const pageMap: PageMapEntry[] = [
  { start: 0, number: 1, label: 'vii' },
  { start: 120, number: 2 },
  { start: 260, number: 3, label: '12' },
  { start: 400, number: 4 },
];

/** The measuring as it was before blocks that skip layout were told apart: the line's top, or no marker. */
function measuredBefore(entries: readonly PageMapEntry[], lineTop: (entry: PageMapEntry) => number | undefined) {
  return entries.flatMap((entry) => {
    const top = lineTop(entry);
    if (top === undefined) return [];
    const left = column.left - origin.left;
    return [{ number: entry.number, label: pageName(entry), top: top - origin.top, left, width: column.width }];
  });
}

const laidOut = (top: number | undefined): PageStart => ({ skipped: false, lineTop: () => top, blockTop: () => 0 });

describe('page markers', () => {
  it('stand where they always stood once every block is laid out: at each page’s first line', () => {
    const lineTop = (entry: PageMapEntry) => (entry.number === 3 ? undefined : 90 + entry.start * 2);
    const markers = placeMarkers(pageMap, (entry) => laidOut(lineTop(entry)), origin, column);
    expect(markers).toEqual(measuredBefore(pageMap, lineTop));
    expect(markers.map((marker) => marker.label)).toEqual(['vii', '2', '4']);
  });

  it('stand at the top of a block that skips layout, without measuring its line (that would lay it out)', () => {
    const lineTop = vi.fn(() => 999);
    const skipped = (blockTop: number | undefined): PageStart => ({ skipped: true, lineTop, blockTop: () => blockTop });
    const starts = new Map<number, PageStart>([
      [1, laidOut(50)],
      [2, skipped(700)],
      [3, skipped(undefined)],
    ]);
    const markers = placeMarkers(pageMap, (entry) => starts.get(entry.number) ?? null, origin, column);
    expect(lineTop).not.toHaveBeenCalled();
    expect(markers.map(({ number, top }) => ({ number, top }))).toEqual([
      { number: 1, top: 10 },
      { number: 2, top: 660 },
    ]);
  });
});
