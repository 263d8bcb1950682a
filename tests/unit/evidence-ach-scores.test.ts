import { describe, expect, it } from 'vitest';
import { ADMIRALTY_SCHEME, type AchRating, type Relevance } from '../../src/shared/evidence';
import { leadersOf, rowWeight, scoreAnalysis } from '../../src/shared/evidence-rules';

const ROOT2 = Math.SQRT2;

/** A matrix written as Heuer draws it: one line per row, one rating per hypothesis. */
function matrix(
  hypothesisIds: string[],
  rows: Array<{ id: string; ratings: AchRating[]; relevance?: Relevance; credibility?: string }>,
) {
  return scoreAnalysis({
    hypothesisIds,
    rows: rows.map(({ id, relevance = 'medium', credibility = '' }) => ({ id, relevance, credibility })),
    ratings: rows.flatMap(({ id, ratings }) =>
      ratings.map((rating, index) => ({ rowId: id, hypothesisId: hypothesisIds[index]!, rating })),
    ),
    scheme: ADMIRALTY_SCHEME,
  });
}

describe('weights of a row (PARC ACH: low 1/√2, medium 1, high √2, for relevance and credibility alike)', () => {
  it('multiplies relevance by credibility, credibility standing against the scheme’s middle', () => {
    expect(rowWeight('medium', '', ADMIRALTY_SCHEME)).toBe(1);
    expect(rowWeight('high', '3', ADMIRALTY_SCHEME)).toBeCloseTo(ROOT2, 12);
    expect(rowWeight('high', '1', ADMIRALTY_SCHEME)).toBe(2);
    expect(rowWeight('low', '5', ADMIRALTY_SCHEME)).toBe(0.5);
    expect(rowWeight('low', '6', ADMIRALTY_SCHEME)).toBeCloseTo(1 / ROOT2, 12);
  });
});

describe('scores worked by hand, in the manner of Heuer’s chapter 8 matrix', () => {
  // Will the country retaliate for the bombing? H1 no, H2 minor attacks, H3 a major attack.
  // Heuer's + is C here, − is I, −− is II; all rows medium relevance and ungraded (weight 1).
  const scores = matrix(
    ['H1', 'H2', 'H3'],
    [
      { id: 'E1 leader says no retaliation', ratings: ['C', 'C', 'C'] },
      { id: 'E2 no attacks during the last war', ratings: ['C', 'C', 'I'] },
      { id: 'E3 would not provoke another strike', ratings: ['C', 'C', 'I'] },
      { id: 'E4 more agent radio traffic', ratings: ['I', 'C', 'C'] },
      { id: 'E5 embassies told to tighten security', ratings: ['I', 'C', 'C'] },
      { id: 'E6 not retaliating would lose face', ratings: ['II', 'C', 'C'] },
    ],
  );

  it('adds I = 1 and II = 2 per hypothesis and nothing for C', () => {
    // H1: E4 1 + E5 1 + E6 2 = 4; H2: nothing against it = 0; H3: E2 1 + E3 1 = 2.
    expect(scores.inconsistency).toEqual({ H1: 4, H2: 0, H3: 2 });
  });

  it('ranks the least inconsistent hypothesis first', () => {
    expect(scores.ranking).toEqual(['H2', 'H3', 'H1']);
  });

  it('gives the row consistent with everything no diagnosticity, and II against one the most', () => {
    // max − min of what each row adds: E1 0 − 0; E2 1 − 0; E6 2 − 0.
    expect(Object.values(scores.diagnosticity)).toEqual([0, 1, 1, 1, 1, 2]);
  });

  it('gives each hypothesis its own rank when no two score alike', () => {
    expect(scores.ranks).toEqual({ H1: 3, H2: 1, H3: 2 });
    expect(leadersOf(scores)).toEqual(['H2']);
  });

  it('marks sensitive only the row whose removal changes a rank, here by bringing H1 level with H3', () => {
    // Without E6 (II against H1): H1 2, H2 0, H3 2: H1 and H3 share 2nd, a change of ranking.
    // Without E2 or E3: H3 1 still between H2 0 and H1 4. Without E4 or E5: H1 3 still last.
    expect(scores.sensitiveRows).toEqual(['E6 not retaliating would lose face']);
  });
});

describe('what Heuer’s method counts', () => {
  it('favours the hypothesis with least evidence against it, not the one with most evidence for it', () => {
    // H1 is consistent with four rows and inconsistent with one; H2 consistent with one and
    // neutral on the rest. Counting support would pick H1 (4 to 1); ACH picks H2 (0 against, to 1).
    const scores = matrix(
      ['H1', 'H2'],
      [
        { id: 'E1', ratings: ['CC', 'N'] },
        { id: 'E2', ratings: ['C', 'N'] },
        { id: 'E3', ratings: ['C', 'C'] },
        { id: 'E4', ratings: ['C', 'N'] },
        { id: 'E5', ratings: ['I', 'N'] },
      ],
    );
    expect(scores.inconsistency).toEqual({ H1: 1, H2: 0 });
    expect(scores.ranking).toEqual(['H2', 'H1']);
    // Only E5 separates them, and the lead hangs on it: without it they are level.
    expect(scores.diagnosticity).toEqual({ E1: 0, E2: 0, E3: 0, E4: 0, E5: 1 });
    expect(scores.sensitiveRows).toEqual(['E5']);
  });
});

describe('weighted scores worked by hand', () => {
  const scores = matrix(
    ['H1', 'H2'],
    [
      // high relevance × credibility 1 (better than the middle: high): √2 × √2 = 2; I on H1 adds 2.
      { id: 'R1', ratings: ['I', 'C'], relevance: 'high', credibility: '1' },
      // low × credibility 5 (worse: low): 1/√2 × 1/√2 = 0.5; II on H2 adds 2 × 0.5 = 1.
      { id: 'R2', ratings: ['C', 'II'], relevance: 'low', credibility: '5' },
      // medium × ungraded (medium): 1; I on H2 adds 1; N adds nothing.
      { id: 'R3', ratings: ['N', 'I'], relevance: 'medium', credibility: '' },
      // high × credibility 3 (the middle: medium): √2; I on H2 adds √2 ≈ 1.414; N/A adds nothing.
      { id: 'R4', ratings: ['NA', 'I'], relevance: 'high', credibility: '3' },
    ],
  );

  it('weighs each row by its relevance and its credibility', () => {
    // H1 = 2; H2 = 1 + 1 + √2 ≈ 3.414.
    expect(scores.inconsistency.H1).toBe(2);
    expect(scores.inconsistency.H2).toBeCloseTo(2 + ROOT2, 12);
    expect(scores.ranking).toEqual(['H1', 'H2']);
  });

  it('measures diagnosticity in the same weighted units', () => {
    expect(scores.diagnosticity.R1).toBe(2);
    expect(scores.diagnosticity.R2).toBe(1);
    expect(scores.diagnosticity.R3).toBe(1);
    expect(scores.diagnosticity.R4).toBeCloseTo(ROOT2, 12);
  });

  it('marks a row sensitive when its removal alone brings another hypothesis level with the leader', () => {
    // Without R1: H1 0, H2 3.414 (H1 still leads). Without R2 or R3: H2 2.414 > 2.
    // Without R4: H1 2, H2 2, level: R4 is sensitive.
    expect(scores.sensitiveRows).toEqual(['R4']);
  });
});

describe('ties and sensitivity', () => {
  it('lists equal scores in the order given but ranks them alike, even when weights are irrational', () => {
    // H1: II at weight 1 = 2. H2: I at weight √2 × √2, which is exactly 2 (floating point says 2.0000000000000004).
    const rows = [
      { id: 'R1', ratings: ['II', 'C'] as AchRating[] },
      { id: 'R2', ratings: ['C', 'I'] as AchRating[], relevance: 'high' as const, credibility: '2' },
    ];
    const forward = matrix(['H1', 'H2'], rows);
    expect(forward.inconsistency).toEqual({ H1: 2, H2: 2 });
    expect(forward.ranking).toEqual(['H1', 'H2']);
    expect(forward.ranks).toEqual({ H1: 1, H2: 1 });
    expect(leadersOf(forward)).toEqual(['H1', 'H2']);
    const backward = matrix(
      ['H2', 'H1'],
      rows.map((row) => ({ ...row, ratings: [...row.ratings].reverse() })),
    );
    expect(backward.ranking).toEqual(['H2', 'H1']);
  });

  it('marks the rows whose removal alone changes any rank: first place, a tie below it, or an order', () => {
    // R1 II on H1; R2 I on H2 and H3; R3 I on H2. Totals H1 2, H2 2, H3 1: ranks H3 1, H1 2, H2 2.
    // Without R1: H1 0 leads alone → sensitive. Without R2: H3 0, H2 1, H1 2, the tie for 2nd
    // broken → sensitive. Without R3: H2 1 draws level with H3 1 for first → sensitive.
    const scores = matrix(
      ['H1', 'H2', 'H3'],
      [
        { id: 'R1', ratings: ['II', 'C', 'C'] },
        { id: 'R2', ratings: ['C', 'I', 'I'] },
        { id: 'R3', ratings: ['C', 'I', 'C'] },
      ],
    );
    expect(scores.inconsistency).toEqual({ H1: 2, H2: 2, H3: 1 });
    expect(scores.ranking).toEqual(['H3', 'H1', 'H2']);
    expect(scores.ranks).toEqual({ H1: 2, H2: 2, H3: 1 });
    expect(scores.diagnosticity).toEqual({ R1: 2, R2: 1, R3: 1 });
    expect(scores.sensitiveRows).toEqual(['R1', 'R2', 'R3']);
  });

  it('does not mark a row whose removal moves scores but keeps every rank', () => {
    // H1 0, H2 2 (R1 I, R2 I), H3 6 (R3–R5 II). Without any one row H1 still leads, H2 stays
    // strictly between: no rank changes, though every row is diagnostic.
    const scores = matrix(
      ['H1', 'H2', 'H3'],
      [
        { id: 'R1', ratings: ['C', 'I', 'C'] },
        { id: 'R2', ratings: ['C', 'I', 'C'] },
        { id: 'R3', ratings: ['C', 'C', 'II'] },
        { id: 'R4', ratings: ['C', 'C', 'II'] },
        { id: 'R5', ratings: ['C', 'C', 'II'] },
      ],
    );
    expect(scores.ranks).toEqual({ H1: 1, H2: 2, H3: 3 });
    expect(scores.sensitiveRows).toEqual([]);
  });

  it('scores an unrated matrix as all zero, in the given order, with nothing sensitive', () => {
    const scores = scoreAnalysis({
      hypothesisIds: ['H1', 'H2'],
      rows: [{ id: 'R1', relevance: 'high', credibility: '1' }],
      ratings: [],
      scheme: ADMIRALTY_SCHEME,
    });
    expect(scores).toEqual({
      inconsistency: { H1: 0, H2: 0 },
      ranking: ['H1', 'H2'],
      ranks: { H1: 1, H2: 1 },
      diagnosticity: { R1: 0 },
      sensitiveRows: [],
    });
  });

  it('ignores ratings of rows or hypotheses the matrix no longer has, and lets a later rating of a cell win', () => {
    const scores = scoreAnalysis({
      hypothesisIds: ['H1', 'H2'],
      rows: [{ id: 'R1', relevance: 'medium', credibility: '' }],
      ratings: [
        { rowId: 'R1', hypothesisId: 'H1', rating: 'II' },
        { rowId: 'R1', hypothesisId: 'H1', rating: 'I' },
        { rowId: 'gone', hypothesisId: 'H2', rating: 'II' },
        { rowId: 'R1', hypothesisId: 'gone', rating: 'II' },
      ],
      scheme: ADMIRALTY_SCHEME,
    });
    expect(scores.inconsistency).toEqual({ H1: 1, H2: 0 });
    expect(Object.keys(scores.diagnosticity)).toEqual(['R1']);
  });
});

describe('tied ranks (standard competition ranking: 1, 1, 3)', () => {
  // Heuer's retaliation matrix with H4 "a symbolic strike" added, rated like H2 but for one row.
  const scores = matrix(
    ['H1', 'H2', 'H3', 'H4'],
    [
      { id: 'E1', ratings: ['C', 'C', 'C', 'C'] },
      { id: 'E2', ratings: ['C', 'C', 'I', 'C'] },
      { id: 'E4', ratings: ['I', 'C', 'C', 'C'] },
      { id: 'E6', ratings: ['II', 'C', 'C', 'I'] },
      { id: 'E7', ratings: ['C', 'I', 'C', 'C'] },
    ],
  );

  it('gives hypotheses of equal score the same rank and skips the ranks they take up', () => {
    // H1: E4 1 + E6 2 = 3; H2: E7 1; H3: E2 1; H4: E6 1. Three share first, H1 is 4th.
    expect(scores.inconsistency).toEqual({ H1: 3, H2: 1, H3: 1, H4: 1 });
    expect(scores.ranks).toEqual({ H1: 4, H2: 1, H3: 1, H4: 1 });
    expect(leadersOf(scores)).toEqual(['H2', 'H3', 'H4']);
  });

  it('counts a row whose removal breaks the tie for first as sensitive', () => {
    // Without E2 H3 leads alone; without E7 H2 does; without E6 H4 does (and H1 falls to 2);
    // without E4 H1 is 2, still 4th: no rank changes. E1 rates all alike.
    expect(scores.sensitiveRows).toEqual(['E2', 'E6', 'E7']);
  });
});
