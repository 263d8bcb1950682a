import { describe, expect, it } from 'vitest';
import { placeBelow } from './placement';

const viewport = { width: 1024, height: 700 };

describe('placing a tooltip beside its anchor', () => {
  it('centres the box just below the anchor', () => {
    expect(placeBelow({ left: 100, top: 10, width: 40, height: 30 }, { width: 80, height: 24 }, viewport)).toEqual({
      left: 80,
      top: 46,
    });
  });

  it('keeps the box inside the window at the right and left edges', () => {
    expect(placeBelow({ left: 1000, top: 10, width: 24, height: 30 }, { width: 120, height: 24 }, viewport).left).toBe(
      1024 - 120 - 8,
    );
    expect(placeBelow({ left: 0, top: 10, width: 24, height: 30 }, { width: 120, height: 24 }, viewport).left).toBe(8);
  });

  it('goes above the anchor when there is no room below', () => {
    expect(placeBelow({ left: 100, top: 660, width: 40, height: 30 }, { width: 80, height: 24 }, viewport).top).toBe(
      660 - 6 - 24,
    );
  });
});
