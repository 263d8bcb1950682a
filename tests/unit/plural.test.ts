import { describe, expect, it } from 'vitest';
import { countOf, groupedCountOf, nounFor, timesOf } from '../../src/shared/plural';

describe('plurals by English plural rules', () => {
  it('uses the singular for exactly one and the plural for none, several and fractions', () => {
    expect([0, 1, 2, 1.5, 21].map((count) => countOf(count, 'annotation'))).toEqual([
      '0 annotations',
      '1 annotation',
      '2 annotations',
      '1.5 annotations',
      '21 annotations',
    ]);
  });

  it('takes the plural it is given when the word does not just add an s', () => {
    expect(countOf(1, 'reply', 'replies')).toBe('1 reply');
    expect(countOf(3, 'reply', 'replies')).toBe('3 replies');
    expect(countOf(2, 'copy', 'copies')).toBe('2 copies');
  });

  it('chooses a verb that agrees with the count as readily as a noun', () => {
    expect(nounFor(1, 'was', 'were')).toBe('was');
    expect(nounFor(4, 'was', 'were')).toBe('were');
    expect(nounFor(0, 'match', 'matches')).toBe('matches');
  });

  it('groups large counts in thousands in the locale it is given', () => {
    expect(groupedCountOf(1234, 'result', undefined, 'en')).toBe('1,234 results');
    expect(groupedCountOf(1, 'result', undefined, 'en')).toBe('1 result');
    expect(groupedCountOf(1234567, 'word', undefined, 'de')).toBe('1.234.567 words');
  });

  it('says once and twice before counting times', () => {
    expect([1, 2, 3, 0].map(timesOf)).toEqual(['once', 'twice', '3 times', '0 times']);
  });
});
