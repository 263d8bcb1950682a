import { describe, expect, it } from 'vitest';
import { windowFor } from './row-window';

describe('windowFor', () => {
  it('draws the rows in view and eight on either side', () => {
    expect(windowFor(0, 640, 40, 64, 500)).toEqual({ first: 0, last: 18 });
    expect(windowFor(40 + 64 * 100, 640, 40, 64, 500)).toEqual({ first: 92, last: 118 });
  });

  it('stops at the last row', () => {
    expect(windowFor(40 + 64 * 495, 640, 40, 64, 500)).toEqual({ first: 487, last: 500 });
  });

  it('draws the first forty before the box has a size', () => {
    expect(windowFor(0, 0, 0, 64, 500)).toEqual({ first: 0, last: 40 });
    expect(windowFor(0, 0, 0, 64, 3)).toEqual({ first: 0, last: 3 });
  });
});
