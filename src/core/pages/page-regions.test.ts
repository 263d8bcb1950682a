import { describe, expect, it } from 'vitest';
import type { PlacedText } from './page-regions';
import { findRegions, occurrenceIn } from './page-regions';

/** A run of `text` at `left` on the line with baseline `baseline`, 0.01 of the page wide per character. */
const run = (text: string, left: number, baseline: number): PlacedText => ({
  text,
  left,
  baseline,
  height: 0.02,
  width: text.length * 0.01,
});

describe('findRegions', () => {
  it('finds words across a line end hyphen and a ligature, one region per line', () => {
    const items = [run('the recon-', 0.1, 0.2), run('struction of the ﬁeld', 0.1, 0.23)];
    const regions = findRegions(items, 'reconstruction of the field');
    expect(regions).toHaveLength(2);
    expect(regions[0]!.x).toBeCloseTo(0.14);
    expect(regions[0]!.width).toBeCloseTo(0.05);
    expect(regions[0]!.y).toBeCloseTo(0.18);
    expect(regions[1]!.x).toBeCloseTo(0.1);
    expect(regions[1]!.width).toBeCloseTo(0.21);
  });

  it('joins runs on one line into one region and picks the asked-for occurrence', () => {
    const items = [run('a wall', 0.1, 0.5), run('and a wall', 0.2, 0.5), run('a wall', 0.1, 0.6)];
    expect(findRegions(items, 'wall and a')).toHaveLength(1);
    expect(findRegions(items, 'a wall', 2)[0]!.y).toBeCloseTo(0.58);
    // Past the last match: the last one rather than nothing.
    expect(findRegions(items, 'a wall', 7)[0]!.y).toBeCloseTo(0.58);
  });

  it('finds nothing for words the page does not hold', () => {
    expect(findRegions([run('a wall', 0.1, 0.5)], 'a tower')).toEqual([]);
    expect(findRegions([run('a wall', 0.1, 0.5)], '  ')).toEqual([]);
  });
});

describe('occurrenceIn', () => {
  it('counts the matches before the annotation, ignoring line breaks and hyphens', () => {
    expect(occurrenceIn('a wall\nand a wall, then ', 'a wall')).toBe(2);
    expect(occurrenceIn('nothing here', 'a wall')).toBe(0);
  });
});
