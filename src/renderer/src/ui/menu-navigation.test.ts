import { describe, expect, it } from 'vitest';
import { nextMenuIndex } from './menu-navigation';

const items = ['Export PDF…', 'Share notes…', 'Import notes…'];

describe('moving through a menu with keys', () => {
  it('moves down and up, wrapping at either end', () => {
    expect(nextMenuIndex('ArrowDown', 0, items)).toBe(1);
    expect(nextMenuIndex('ArrowDown', 2, items)).toBe(0);
    expect(nextMenuIndex('ArrowUp', 0, items)).toBe(2);
    expect(nextMenuIndex('ArrowUp', 2, items)).toBe(1);
  });

  it('starts at the first item going down and at the last going up when nothing has focus', () => {
    expect(nextMenuIndex('ArrowDown', -1, items)).toBe(0);
    expect(nextMenuIndex('ArrowUp', -1, items)).toBe(2);
  });

  it('jumps to the first item with Home and the last with End', () => {
    expect(nextMenuIndex('Home', 2, items)).toBe(0);
    expect(nextMenuIndex('End', 0, items)).toBe(2);
  });

  it('moves to the next item starting with a typed letter, cycling through matches', () => {
    expect(nextMenuIndex('s', 0, items)).toBe(1);
    expect(nextMenuIndex('E', 1, items)).toBe(0);
    const twoWithI = ['Import…', 'Edit', 'Import notes…'];
    expect(nextMenuIndex('i', 0, twoWithI)).toBe(2);
    expect(nextMenuIndex('i', 2, twoWithI)).toBe(0);
  });

  it('ignores keys that do not move, and an empty menu', () => {
    expect(nextMenuIndex('x', 0, items)).toBeNull();
    expect(nextMenuIndex(' ', 0, items)).toBeNull();
    expect(nextMenuIndex('Shift', 0, items)).toBeNull();
    expect(nextMenuIndex('ArrowDown', -1, [])).toBeNull();
  });
});
