import { describe, expect, it } from 'vitest';
import { moveInGrid, PAGE_ROWS } from './grid-nav';

describe('moveInGrid', () => {
  it('moves one cell with the arrows and stops at the edges', () => {
    expect(moveInGrid({ key: 'ArrowRight' }, { row: 1, col: 1 }, 5, 4)).toEqual({ row: 1, col: 2 });
    expect(moveInGrid({ key: 'ArrowDown' }, { row: 4, col: 1 }, 5, 4)).toEqual({ row: 4, col: 1 });
    expect(moveInGrid({ key: 'ArrowLeft' }, { row: 2, col: 0 }, 5, 4)).toEqual({ row: 2, col: 0 });
    expect(moveInGrid({ key: 'ArrowUp' }, { row: 2, col: 3 }, 5, 4)).toEqual({ row: 1, col: 3 });
  });

  it('goes to the row ends with Home and End, and to the corners with Ctrl', () => {
    expect(moveInGrid({ key: 'Home' }, { row: 2, col: 3 }, 5, 4)).toEqual({ row: 2, col: 0 });
    expect(moveInGrid({ key: 'End' }, { row: 2, col: 0 }, 5, 4)).toEqual({ row: 2, col: 3 });
    expect(moveInGrid({ key: 'Home', ctrlKey: true }, { row: 2, col: 3 }, 5, 4)).toEqual({ row: 0, col: 0 });
    expect(moveInGrid({ key: 'End', metaKey: true }, { row: 0, col: 0 }, 5, 4)).toEqual({ row: 4, col: 3 });
  });

  it('pages ten rows at a time', () => {
    expect(moveInGrid({ key: 'PageDown' }, { row: 0, col: 2 }, 50, 4)).toEqual({ row: PAGE_ROWS, col: 2 });
    expect(moveInGrid({ key: 'PageUp' }, { row: 3, col: 2 }, 50, 4)).toEqual({ row: 0, col: 2 });
  });

  it('ignores other keys and an empty grid', () => {
    expect(moveInGrid({ key: 'c' }, { row: 0, col: 0 }, 5, 4)).toBeNull();
    expect(moveInGrid({ key: 'ArrowDown' }, { row: 0, col: 0 }, 0, 4)).toBeNull();
  });
});
