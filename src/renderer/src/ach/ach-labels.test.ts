// How the matrix prints scores, beside the CLI and the export.
import { describe, expect, it } from 'vitest';
import { scoreText } from '../../../shared/evidence-export';
import { formatScore, whereFound } from './ach-labels';

describe('scores in the matrix', () => {
  it('shows a score with two decimals, "0.00" and "4.00", as the CLI and the export print it', () => {
    expect(formatScore(0)).toBe('0.00');
    expect(formatScore(4)).toBe('4.00');
    expect(formatScore(Math.SQRT2)).toBe('1.41');
    for (const value of [0, 0.5, Math.SQRT1_2, 2 * Math.SQRT2]) expect(formatScore(value)).toBe(scoreText(value));
  });

  it('shows a dash for a score not yet computed', () => {
    expect(formatScore(undefined)).toBe('–');
    expect(formatScore(Number.NaN)).toBe('–');
  });
});

describe('annotations found to add as evidence', () => {
  it('tell apart two on the same words by their page, tags and note', () => {
    expect(whereFound('Sabratha report', {})).toBe('Sabratha report');
    expect(whereFound('Sabratha report', { page: { first: 3, last: 3, text: 'p. 3' }, tags: ['who/IS'] })).toBe(
      'Sabratha report, p. 3, #who/IS',
    );
    expect(whereFound('Sabratha report', { note: 'x'.repeat(70) })).toBe(`Sabratha report, note “${'x'.repeat(60)}…”`);
  });
});
