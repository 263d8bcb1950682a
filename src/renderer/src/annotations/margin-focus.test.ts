import { describe, expect, it } from 'vitest';
import { cardAfterRemoval, cardIndexForKey, rovingCardId } from './margin-focus';

describe('rovingCardId', () => {
  it('lands on the selected annotation’s card when it has one', () => {
    expect(rovingCardId(['a', 'b', 'c'], 'b', 'c')).toBe('b');
  });

  it('returns to the card focused last when the selection has no card', () => {
    expect(rovingCardId(['a', 'b', 'c'], 'gone', 'c')).toBe('c');
    expect(rovingCardId(['a', 'b', 'c'], null, 'c')).toBe('c');
  });

  it('starts at the first card otherwise, and at none in an empty margin', () => {
    expect(rovingCardId(['a', 'b'], null, 'gone')).toBe('a');
    expect(rovingCardId([], 'a', 'a')).toBeNull();
  });
});

describe('cardIndexForKey', () => {
  it('moves down and up one card at a time and stops at either end', () => {
    expect(cardIndexForKey('ArrowDown', 0, 3)).toBe(1);
    expect(cardIndexForKey('ArrowDown', 2, 3)).toBe(2);
    expect(cardIndexForKey('ArrowUp', 1, 3)).toBe(0);
    expect(cardIndexForKey('ArrowUp', 0, 3)).toBe(0);
  });

  it('jumps to the first card with Home and the last with End', () => {
    expect(cardIndexForKey('Home', 2, 3)).toBe(0);
    expect(cardIndexForKey('End', 0, 3)).toBe(2);
  });

  it('ignores other keys and an empty margin', () => {
    expect(cardIndexForKey('ArrowLeft', 1, 3)).toBeNull();
    expect(cardIndexForKey('Enter', 1, 3)).toBeNull();
    expect(cardIndexForKey('ArrowDown', 0, 0)).toBeNull();
  });
});

describe('cardAfterRemoval', () => {
  it('gives focus to the next card, or the previous one after the last', () => {
    expect(cardAfterRemoval(['a', 'b', 'c'], 'b')).toBe('c');
    expect(cardAfterRemoval(['a', 'b', 'c'], 'c')).toBe('b');
  });

  it('gives none when the only card goes or the card is unknown', () => {
    expect(cardAfterRemoval(['a'], 'a')).toBeNull();
    expect(cardAfterRemoval(['a'], 'x')).toBeNull();
  });
});
