import { describe, expect, it } from 'vitest';
import { CHORD_MS, ratingForKey, stepRating } from './rating-keys';

const fresh = { current: null, last: null, now: 1000 };

describe('ratingForKey', () => {
  it('sets C, I and N from their letters, in either case', () => {
    expect(ratingForKey('c', fresh)).toEqual({ kind: 'rate', rating: 'C', chordKey: 'c' });
    expect(ratingForKey('I', fresh)).toEqual({ kind: 'rate', rating: 'I', chordKey: 'i' });
    expect(ratingForKey('n', fresh)).toEqual({ kind: 'rate', rating: 'N', chordKey: 'n' });
  });

  it('makes CC, II and N/A from a second letter typed within a moment', () => {
    const after = (key: string) => ({ current: null, last: { key, at: 1000 }, now: 1000 + CHORD_MS - 1 });
    expect(ratingForKey('c', after('c'))).toMatchObject({ rating: 'CC', chordKey: '' });
    expect(ratingForKey('I', after('i'))).toMatchObject({ rating: 'II' });
    expect(ratingForKey('a', after('n'))).toMatchObject({ rating: 'NA' });
  });

  it('starts again when the second letter comes too late', () => {
    const late = { current: 'C' as const, last: { key: 'c', at: 1000 }, now: 1000 + CHORD_MS + 1 };
    expect(ratingForKey('c', late)).toMatchObject({ rating: 'C' });
    expect(ratingForKey('a', late)).toBeNull();
  });

  it('steps with + and −, clears with Delete and opens the note with Enter', () => {
    expect(ratingForKey('+', { ...fresh, current: 'C' })).toMatchObject({ rating: 'CC' });
    expect(ratingForKey('-', { ...fresh, current: 'C' })).toMatchObject({ rating: 'N' });
    expect(ratingForKey('Delete', fresh)).toEqual({ kind: 'clear' });
    expect(ratingForKey('Backspace', fresh)).toEqual({ kind: 'clear' });
    expect(ratingForKey('Enter', fresh)).toEqual({ kind: 'note' });
  });

  it('leaves other keys alone', () => {
    expect(ratingForKey('x', fresh)).toBeNull();
    expect(ratingForKey('ArrowDown', fresh)).toBeNull();
    expect(ratingForKey('Tab', fresh)).toBeNull();
  });
});

describe('stepRating', () => {
  it('stops at the ends of the scale', () => {
    expect(stepRating('CC', 1)).toBe('CC');
    expect(stepRating('II', -1)).toBe('II');
  });

  it('starts an unrated or N/A cell from Neutral', () => {
    expect(stepRating(null, 1)).toBe('C');
    expect(stepRating('NA', -1)).toBe('I');
  });
});
