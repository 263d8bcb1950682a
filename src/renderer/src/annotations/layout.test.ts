import { describe, expect, it } from 'vitest';
import { MARGIN_GAP, layoutMargin } from './layout';

const card = (id: string, anchorTop: number, height = 50) => ({ id, anchorTop, height });

/** The cards as [top, bottom] pairs in the order of their tops. */
function extents(items: ReturnType<typeof card>[], tops: Map<string, number>) {
  return items
    .map((item) => [tops.get(item.id)!, tops.get(item.id)! + item.height] as const)
    .sort((a, b) => a[0] - b[0]);
}

describe('layoutMargin', () => {
  it('places a card level with its anchor when nothing is in the way', () => {
    const tops = layoutMargin([card('a', 100), card('b', 400)]);
    expect(tops.get('a')).toBe(100);
    expect(tops.get('b')).toBe(400);
  });

  it('pushes a crowded card down just below the one above it, never overlapping', () => {
    const items = [card('a', 100, 80), card('b', 120, 60), card('c', 130, 40)];
    const tops = layoutMargin(items);
    expect(tops.get('b')).toBe(100 + 80 + MARGIN_GAP);
    expect(tops.get('c')).toBe(tops.get('b')! + 60 + MARGIN_GAP);
    const placed = extents(items, tops);
    for (let index = 1; index < placed.length; index += 1)
      expect(placed[index]![0]).toBeGreaterThanOrEqual(placed[index - 1]![1] + MARGIN_GAP);
  });

  it('keeps the cards in the order of their anchors whatever order they are given in', () => {
    const items = [card('late', 300), card('early', 10), card('middle', 20)];
    const tops = layoutMargin(items);
    expect(tops.get('early')!).toBeLessThan(tops.get('middle')!);
    expect(tops.get('middle')!).toBeLessThan(tops.get('late')!);
  });

  it('never places a card above its anchor unless a selected card below needs the room', () => {
    const items = [card('a', 0, 30), card('b', 10, 30), card('c', 500, 30)];
    const tops = layoutMargin(items);
    for (const item of items) expect(tops.get(item.id)!).toBeGreaterThanOrEqual(item.anchorTop);
  });

  it('sets the selected card level with its anchor and moves the cards above it up to make room', () => {
    const items = [card('a', 100, 80), card('b', 110, 80), card('c', 120, 80)];
    const tops = layoutMargin(items, 'c');
    expect(tops.get('c')).toBe(120);
    expect(tops.get('b')).toBe(120 - MARGIN_GAP - 80);
    expect(tops.get('a')).toBe(tops.get('b')! - MARGIN_GAP - 80);
    const placed = extents(items, tops);
    for (let index = 1; index < placed.length; index += 1)
      expect(placed[index]![0]).toBeGreaterThanOrEqual(placed[index - 1]![1] + MARGIN_GAP);
  });

  it('stacks the cards below a selected card right under it, in order', () => {
    const items = [card('a', 100, 40), card('b', 100, 120), card('c', 105, 40), card('d', 110, 40)];
    const tops = layoutMargin(items, 'b');
    expect(tops.get('b')).toBe(100);
    expect(tops.get('c')).toBe(100 + 120 + MARGIN_GAP);
    expect(tops.get('d')).toBe(tops.get('c')! + 40 + MARGIN_GAP);
    expect(tops.get('a')).toBe(100 - MARGIN_GAP - 40);
  });

  it('leaves cards alone that are far from a selected card', () => {
    const items = [card('a', 0, 40), card('b', 1000, 40)];
    const tops = layoutMargin(items, 'b');
    expect(tops.get('a')).toBe(0);
    expect(tops.get('b')).toBe(1000);
  });

  it('lays out nothing when there are no cards', () => {
    expect(layoutMargin([], 'x').size).toBe(0);
  });
});
