import { describe, expect, it } from 'vitest';
import { ADMIRALTY_SCHEME, type GradingScheme } from '../../src/shared/evidence';
import {
  bestGrade,
  compareCredibility,
  compareReliability,
  credibilityStanding,
  gradeLabel,
  isCredible,
} from '../../src/shared/evidence-rules';

const scheme = ADMIRALTY_SCHEME;

/** A library's own scheme: three judged levels and "unknown" for each scale. */
const TRAFFIC_LIGHTS: GradingScheme = {
  name: 'Traffic lights',
  reliability: ['green', 'amber', 'red', 'unknown'].map((code) => ({ code, label: code, description: '' })),
  credibility: ['g', 'a', 'r', 'x', 'u'].map((code) => ({ code, label: code, description: '' })),
};

describe('grade labels', () => {
  it('joins reliability and credibility into the compact badge text, or shows whichever is graded', () => {
    expect(gradeLabel('B', '2')).toBe('B2');
    expect(gradeLabel('B', '')).toBe('B');
    expect(gradeLabel('', '2')).toBe('2');
    expect(gradeLabel('', '')).toBe('');
  });
});

describe('grade order', () => {
  it('ranks reliability in the order of the scheme, best first', () => {
    expect(compareReliability('A', 'B', scheme)).toBeLessThan(0);
    expect(compareReliability('E', 'B', scheme)).toBeGreaterThan(0);
    expect(compareReliability('C', 'C', scheme)).toBe(0);
  });

  it('ranks "cannot be judged", no grade and codes the scheme lacks alike, below every judged level', () => {
    expect(compareReliability('E', 'F', scheme)).toBeLessThan(0);
    expect(compareReliability('F', '', scheme)).toBe(0);
    expect(compareReliability('Z', '', scheme)).toBe(0);
    expect(compareCredibility('5', '6', scheme)).toBeLessThan(0);
    expect(compareCredibility('6', '', scheme)).toBe(0);
  });

  it('follows a library-defined scheme rather than the Admiralty letters', () => {
    expect(compareReliability('green', 'red', TRAFFIC_LIGHTS)).toBeLessThan(0);
    expect(compareReliability('red', 'unknown', TRAFFIC_LIGHTS)).toBeLessThan(0);
    expect(compareReliability('A', 'red', TRAFFIC_LIGHTS)).toBeGreaterThan(0);
  });
});

describe('the best grade among a claim’s evidence', () => {
  it('prefers the more reliable source, then the more credible information', () => {
    expect(
      bestGrade(
        [
          { reliability: 'C', credibility: '1' },
          { reliability: 'B', credibility: '3' },
        ],
        scheme,
      ),
    ).toBe('B3');
    expect(
      bestGrade(
        [
          { reliability: 'B', credibility: '3' },
          { reliability: 'B', credibility: '2' },
        ],
        scheme,
      ),
    ).toBe('B2');
  });

  it('ranks a grade without reliability below any graded source', () => {
    expect(
      bestGrade(
        [
          { reliability: '', credibility: '1' },
          { reliability: 'E', credibility: '5' },
        ],
        scheme,
      ),
    ).toBe('E5');
  });

  it('is empty when nothing is graded, and skips ungraded pieces', () => {
    expect(bestGrade([], scheme)).toBe('');
    expect(bestGrade([{ reliability: '', credibility: '' }], scheme)).toBe('');
    expect(
      bestGrade(
        [
          { reliability: '', credibility: '' },
          { reliability: '', credibility: '4' },
        ],
        scheme,
      ),
    ).toBe('4');
  });
});

describe('credible evidence', () => {
  it('is Admiralty 1 or 2 (better than the middle, 3) or not graded at all', () => {
    const credible = ['1', '2', '3', '4', '5', '6', '', 'Q'].filter((code) => isCredible(code, scheme));
    expect(credible).toEqual(['1', '2', '6', '', 'Q']);
  });

  it('stands high, middle or low against the middle of the judged levels', () => {
    expect(['1', '2', '3', '4', '5', '6', ''].map((code) => credibilityStanding(code, scheme))).toEqual([
      1, 1, 0, -1, -1, 0, 0,
    ]);
  });

  it('has no middle level in a scheme with an even number of judged levels', () => {
    expect(['g', 'a', 'r', 'x', 'u'].map((code) => credibilityStanding(code, TRAFFIC_LIGHTS))).toEqual([
      1, 1, -1, -1, 0,
    ]);
    expect(['g', 'a', 'r', 'x', 'u'].map((code) => isCredible(code, TRAFFIC_LIGHTS))).toEqual([
      true,
      true,
      false,
      false,
      true,
    ]);
  });

  it('counts every graded level as credible in a scheme with a single judged level', () => {
    const single: GradingScheme = { ...TRAFFIC_LIGHTS, credibility: TRAFFIC_LIGHTS.credibility.slice(3) };
    expect(isCredible('x', single)).toBe(true);
    expect(credibilityStanding('x', single)).toBe(0);
  });
});
