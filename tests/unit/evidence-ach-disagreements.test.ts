import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACH_RATINGS, type AchCell, type AchRating } from '../../src/shared/evidence';
import { achDisagreements } from '../../src/shared/evidence-rules';

const NAMES: Record<string, string> = { rania: 'Rania Haddad', tom: 'Tom Okafor', li: 'Li Wei' };
const name = (id: string): string => NAMES[id] ?? id;

function cell(
  authorId: string,
  rowId: string,
  hypothesisId: string,
  rating: AchRating,
  updatedAt = '2026-01-01',
): AchCell {
  return { authorId, rowId, hypothesisId, rating, note: '', updatedAt };
}

describe('where analysts disagree', () => {
  it('lists each cell two analysts rated differently, with every analyst’s rating and name', () => {
    const cells = [
      cell('tom', 'R1', 'H1', 'I'),
      cell('rania', 'R1', 'H1', 'C'),
      cell('rania', 'R1', 'H2', 'II'),
      cell('tom', 'R1', 'H2', 'II'),
    ];
    expect(achDisagreements(cells, name)).toEqual([
      {
        rowId: 'R1',
        hypothesisId: 'H1',
        ratings: [
          { authorId: 'rania', authorName: 'Rania Haddad', rating: 'C' },
          { authorId: 'tom', authorName: 'Tom Okafor', rating: 'I' },
        ],
      },
    ]);
  });

  it('does not count a cell only one analyst rated: silence is not a rating', () => {
    expect(achDisagreements([cell('tom', 'R1', 'H1', 'I'), cell('rania', 'R2', 'H1', 'C')], name)).toEqual([]);
  });

  it('takes each analyst’s latest rating of a cell', () => {
    const cells = [
      cell('tom', 'R1', 'H1', 'I', '2026-01-01'),
      cell('rania', 'R1', 'H1', 'C', '2026-01-01'),
      cell('tom', 'R1', 'H1', 'C', '2026-01-02'),
    ];
    expect(achDisagreements(cells, name)).toEqual([]);
  });

  it('includes every analyst of a disputed cell, those who agree with one another too', () => {
    const cells = [cell('tom', 'R1', 'H1', 'I'), cell('li', 'R1', 'H1', 'I'), cell('rania', 'R1', 'H1', 'CC')];
    expect(achDisagreements(cells, name)[0]!.ratings.map((r) => `${r.authorName}: ${r.rating}`)).toEqual([
      'Li Wei: I',
      'Rania Haddad: CC',
      'Tom Okafor: I',
    ]);
  });
});

const AUTHORS = ['rania', 'tom', 'li'];
const cells = fc.array(
  fc.record({
    authorId: fc.constantFrom(...AUTHORS),
    rowId: fc.constantFrom('R1', 'R2', 'R3'),
    hypothesisId: fc.constantFrom('H1', 'H2'),
    rating: fc.constantFrom(...ACH_RATINGS),
    note: fc.constant(''),
    updatedAt: fc.constantFrom('2026-01-01', '2026-01-02', '2026-01-03'),
  }),
  { maxLength: 24 },
);

/** What a disagreement says, whoever said it: the cell and the ratings given in it. */
function shape(list: ReturnType<typeof achDisagreements>): string[] {
  return list
    .map(
      (d) =>
        `${d.rowId}/${d.hypothesisId}: ${d.ratings
          .map((r) => r.rating)
          .sort()
          .join(' ')}`,
    )
    .sort();
}

describe('disagreement properties', () => {
  it('is symmetric in authors: renaming or reordering the analysts finds the same disagreements', () => {
    fc.assert(
      fc.property(cells, fc.shuffledSubarray(AUTHORS, { minLength: 3, maxLength: 3 }), (list, renamed) => {
        const rename = (id: string): string => renamed[AUTHORS.indexOf(id)]!;
        const swapped = list.map((c) => ({ ...c, authorId: rename(c.authorId) }));
        expect(shape(achDisagreements(swapped, name))).toEqual(shape(achDisagreements(list, name)));
      }),
    );
  });

  it('never depends on the order the cells arrive in', () => {
    fc.assert(
      fc.property(cells, (list) => {
        expect(achDisagreements([...list].reverse(), name)).toEqual(achDisagreements(list, name));
      }),
    );
  });

  it('lists a cell only when two analysts rated it and their latest ratings differ', () => {
    fc.assert(
      fc.property(cells, (list) => {
        for (const d of achDisagreements(list, name)) {
          expect(new Set(d.ratings.map((r) => r.authorId)).size).toBe(d.ratings.length);
          expect(d.ratings.length).toBeGreaterThanOrEqual(2);
          expect(new Set(d.ratings.map((r) => r.rating)).size).toBeGreaterThan(1);
        }
      }),
    );
  });
});
