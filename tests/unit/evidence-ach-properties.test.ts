import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACH_RATINGS, ADMIRALTY_SCHEME, RELEVANCE_LEVELS, type AchRating } from '../../src/shared/evidence';
import {
  RATING_INCONSISTENCY,
  leadersOf,
  rowWeight,
  scoreAnalysis,
  type AchScoringInput,
} from '../../src/shared/evidence-rules';

const CREDIBILITY = ['', '1', '2', '3', '4', '5', '6'];
const rating = fc.constantFrom(...ACH_RATINGS);

/** A matrix of 1–5 hypotheses and 0–8 rows, each cell rated or left blank. */
const matrix: fc.Arbitrary<AchScoringInput> = fc
  .record({ hypotheses: fc.integer({ min: 1, max: 5 }), rows: fc.integer({ min: 0, max: 8 }) })
  .chain(({ hypotheses, rows }) => {
    const hypothesisIds = Array.from({ length: hypotheses }, (_, index) => `H${index}`);
    return fc.record({
      hypothesisIds: fc.constant(hypothesisIds),
      rows: fc.tuple(
        ...Array.from({ length: rows }, (_, index) =>
          fc.record({
            id: fc.constant(`R${index}`),
            relevance: fc.constantFrom(...RELEVANCE_LEVELS),
            credibility: fc.constantFrom(...CREDIBILITY),
          }),
        ),
      ),
      ratings: fc
        .tuple(
          ...Array.from({ length: rows }, (_, row) =>
            fc
              .tuple(...hypothesisIds.map(() => fc.option(rating, { nil: undefined })))
              .map((cells) =>
                cells.flatMap((cell, column) =>
                  cell ? [{ rowId: `R${row}`, hypothesisId: hypothesisIds[column]!, rating: cell }] : [],
                ),
              ),
          ),
        )
        .map((rowsOfCells) => rowsOfCells.flat()),
      scheme: fc.constant(ADMIRALTY_SCHEME),
    });
  });

function without(input: AchScoringInput, rowId: string): AchScoringInput {
  return {
    ...input,
    rows: input.rows.filter((row) => row.id !== rowId),
    ratings: input.ratings.filter((cell) => cell.rowId !== rowId),
  };
}

describe('ACH score properties', () => {
  it('ranks every hypothesis once, least inconsistent first', () => {
    fc.assert(
      fc.property(matrix, (input) => {
        const { ranking, inconsistency } = scoreAnalysis(input);
        expect([...ranking].sort()).toEqual([...input.hypothesisIds].sort());
        for (let index = 1; index < ranking.length; index += 1) {
          expect(inconsistency[ranking[index - 1]!]!).toBeLessThanOrEqual(inconsistency[ranking[index]!]! + 1e-9);
        }
      }),
    );
  });

  it('scores each hypothesis as the sum of weight × (I = 1, II = 2) over its rows, the exact sums agreeing with plain arithmetic', () => {
    fc.assert(
      fc.property(matrix, (input) => {
        const expected = Object.fromEntries(input.hypothesisIds.map((id) => [id, 0]));
        for (const cell of input.ratings) {
          const row = input.rows.find((candidate) => candidate.id === cell.rowId)!;
          expected[cell.hypothesisId]! +=
            rowWeight(row.relevance, row.credibility, input.scheme) * RATING_INCONSISTENCY[cell.rating];
        }
        const { inconsistency } = scoreAnalysis(input);
        for (const id of input.hypothesisIds) expect(inconsistency[id]).toBeCloseTo(expected[id]!, 9);
      }),
    );
  });

  it('gives a row rated alike for every hypothesis zero diagnosticity, and its removal never changes the scores’ order', () => {
    fc.assert(
      fc.property(
        matrix,
        rating,
        fc.constantFrom(...RELEVANCE_LEVELS),
        fc.constantFrom(...CREDIBILITY),
        (input, same, relevance, credibility) => {
          const uniform: AchScoringInput = {
            ...input,
            rows: [...input.rows, { id: 'uniform', relevance, credibility }],
            ratings: [
              ...input.ratings,
              ...input.hypothesisIds.map((hypothesisId) => ({ rowId: 'uniform', hypothesisId, rating: same })),
            ],
          };
          const scores = scoreAnalysis(uniform);
          expect(scores.diagnosticity.uniform).toBe(0);
          expect(scores.sensitiveRows).not.toContain('uniform');
          expect(scoreAnalysis(input).ranking).toEqual(scores.ranking);
        },
      ),
    );
  });

  it('marks a row sensitive exactly when scoring without it gives any hypothesis another rank', () => {
    fc.assert(
      fc.property(matrix, (input) => {
        const scores = scoreAnalysis(input);
        for (const row of input.rows) {
          const changed = input.hypothesisIds.some(
            (id) => scoreAnalysis(without(input, row.id)).ranks[id] !== scores.ranks[id],
          );
          expect(scores.sensitiveRows.includes(row.id)).toBe(changed);
        }
      }),
    );
  });

  it('gives two hypotheses the same rank exactly when their scores are equal, each ranking one below those strictly ahead', () => {
    fc.assert(
      fc.property(matrix, (input) => {
        const { ranks, inconsistency } = scoreAnalysis(input);
        const level = (a: string, b: string) => Math.abs(inconsistency[a]! - inconsistency[b]!) < 1e-9;
        for (const a of input.hypothesisIds) {
          const ahead = input.hypothesisIds.filter((b) => !level(a, b) && inconsistency[b]! < inconsistency[a]!);
          expect(ranks[a]).toBe(ahead.length + 1);
          for (const b of input.hypothesisIds) expect(ranks[a] === ranks[b]).toBe(level(a, b));
        }
      }),
    );
  });

  it('never changes anyone’s rank, or which rows are sensitive, when the hypotheses are listed in another order', () => {
    fc.assert(
      fc.property(
        matrix.chain((input) =>
          fc.tuple(
            fc.constant(input),
            fc.shuffledSubarray(input.hypothesisIds, {
              minLength: input.hypothesisIds.length,
              maxLength: input.hypothesisIds.length,
            }),
          ),
        ),
        ([input, permuted]) => {
          const a = scoreAnalysis(input);
          const b = scoreAnalysis({ ...input, hypothesisIds: permuted });
          expect(b.ranks).toEqual(a.ranks);
          expect(leadersOf(b).sort()).toEqual(leadersOf(a).sort());
          expect(b.sensitiveRows).toEqual(a.sensitiveRows);
        },
      ),
    );
  });

  it('never depends on the order of the rows or of the ratings of different cells', () => {
    fc.assert(
      fc.property(matrix, (input) => {
        const reversed = { ...input, rows: [...input.rows].reverse(), ratings: [...input.ratings].reverse() };
        const a = scoreAnalysis(input);
        const b = scoreAnalysis(reversed);
        expect(b.inconsistency).toEqual(a.inconsistency);
        expect(b.ranking).toEqual(a.ranking);
        expect(b.ranks).toEqual(a.ranks);
        expect(b.diagnosticity).toEqual(a.diagnosticity);
        expect([...b.sensitiveRows].sort()).toEqual([...a.sensitiveRows].sort());
      }),
    );
  });

  it('raises only the rated hypothesis’s score when a rating turns against it', () => {
    fc.assert(
      fc.property(matrix, fc.nat(), fc.nat(), (input, row, column) => {
        fc.pre(input.rows.length > 0);
        const rowId = input.rows[row % input.rows.length]!.id;
        const hypothesisId = input.hypothesisIds[column % input.hypothesisIds.length]!;
        const rate = (value: AchRating): AchScoringInput => ({
          ...input,
          ratings: [...input.ratings, { rowId, hypothesisId, rating: value }],
        });
        const consistent = scoreAnalysis(rate('C')).inconsistency;
        const against = scoreAnalysis(rate('I')).inconsistency;
        const strongly = scoreAnalysis(rate('II')).inconsistency;
        for (const id of input.hypothesisIds) {
          if (id === hypothesisId) {
            expect(against[id]!).toBeGreaterThan(consistent[id]!);
            expect(strongly[id]!).toBeGreaterThan(against[id]!);
          } else {
            expect(against[id]).toBe(consistent[id]);
          }
        }
      }),
    );
  });
});
