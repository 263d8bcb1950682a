import { describe, expect, it } from 'vitest';
import type { BlockIndex, Measurable } from './visible-window';
import { visibleWindow } from './visible-window';

/** A box on screen from `top`, `height` tall. */
const box = (top: number, height: number): Measurable => ({
  getBoundingClientRect: () => ({ top, bottom: top + height, height }),
});

/** Blocks 100 px tall, one after another from the top of the page, scrolled by `scrolled`. */
function blocks(count: number, scrolled: number): BlockIndex {
  return {
    elements: Array.from({ length: count }, (_, index) => box(index * 100 - scrolled, 100)),
    spans: Array.from({ length: count }, (_, index) => ({ start: index * 10, end: index * 10 + 8 })),
  };
}

describe('the window of text around the viewport', () => {
  it('reaches a screen above and a screen below what is shown', () => {
    // Viewport 0..300, blocks 0..9900 scrolled by 1,000: shown are blocks 10 to 12.
    const window = visibleWindow(blocks(100, 1000), box(0, 300));
    // A screen above reaches -300, where block 6 ends (a block touching the edge counts); a
    // screen below reaches 600, where block 15 ends.
    expect(window).toEqual({ start: 60, end: 158 });
  });

  it('stops at the first and last blocks at the ends of the document', () => {
    expect(visibleWindow(blocks(5, 0), box(0, 300))).toEqual({ start: 0, end: 48 });
    expect(visibleWindow(blocks(5, 10_000), box(0, 300))).toEqual({ start: 40, end: 48 });
  });

  it('is the whole document when there are no blocks to measure', () => {
    expect(visibleWindow({ elements: [], spans: [] }, box(0, 300))).toBeNull();
  });

  it('grows with the margin asked for', () => {
    const narrow = visibleWindow(blocks(100, 1000), box(0, 300), 0)!;
    const wide = visibleWindow(blocks(100, 1000), box(0, 300), 2)!;
    expect(narrow).toEqual({ start: 90, end: 128 });
    expect(wide.start).toBeLessThan(narrow.start);
    expect(wide.end).toBeGreaterThan(narrow.end);
  });
});
