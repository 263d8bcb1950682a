import { describe, expect, it } from 'vitest';
import type { AchCell, AchView } from '../../../shared/evidence';
import { cellName } from './ach-labels';
import { leadingHypotheses, matrixRows, standingLabel, withMyCell } from './ach-model';

const at = '2026-12-01T00:00:00.000Z';
const cell = (rowId: string, hypothesisId: string, rating: AchCell['rating'], authorId = 'me'): AchCell => ({
  rowId,
  hypothesisId,
  rating,
  note: '',
  authorId,
  updatedAt: at,
});

function view(cells: AchCell[], diagnosticity: Record<string, number> = {}): AchView {
  const row = (id: string) => ({
    id,
    evidence: { kind: 'annotation' as const, id: `a-${id}` },
    relevance: 'medium' as const,
    label: `Row ${id}`,
    credibility: '',
  });
  return {
    id: 'x',
    question: 'Who did it?',
    hypotheses: [
      { id: 'h1', label: 'One' },
      { id: 'h2', label: 'Two' },
    ],
    rows: [row('r1'), row('r2'), row('r3')],
    cells,
    authorId: 'me',
    createdAt: at,
    updatedAt: at,
    scores: {
      inconsistency: { h1: 1, h2: 0 },
      ranking: ['h2', 'h1'],
      ranks: { h1: 2, h2: 1 },
      diagnosticity,
      sensitiveRows: ['r2'],
    },
    disagreements: [],
    analyst: { authorId: 'me', name: 'Me', ratings: cells.length, you: true },
    analysts: [{ authorId: 'me', name: 'Me', ratings: cells.length, you: true }],
  };
}

describe('matrixRows', () => {
  it('orders rows by diagnosticity, most diagnostic first, ties in the core order', () => {
    const rows = matrixRows(view([], { r1: 0, r2: 2, r3: 0 }), 'me');
    expect(rows.map((row) => row.row.id)).toEqual(['r2', 'r1', 'r3']);
    expect(rows[0]!.sensitive).toBe(true);
  });

  it('keeps only my cells as mine', () => {
    const rows = matrixRows(view([cell('r1', 'h1', 'C'), cell('r1', 'h2', 'II', 'bob')]), 'me');
    expect(Object.keys(rows[0]!.mine)).toEqual(['h1']);
  });

  it('gives back the same row objects where nothing changed, and a new one where a rating did', () => {
    const first = matrixRows(view([cell('r1', 'h1', 'C')]), 'me');
    const second = matrixRows(view([cell('r1', 'h1', 'I')]), 'me', first);
    expect(second[0]).not.toBe(first[0]);
    expect(second[1]).toBe(first[1]);
    expect(second[2]).toBe(first[2]);
  });

  it('draws every row again when a hypothesis is renamed', () => {
    const first = matrixRows(view([]), 'me');
    const renamed = view([]);
    renamed.hypotheses = [{ id: 'h1', label: 'One, renamed' }, renamed.hypotheses[1]!];
    const second = matrixRows(renamed, 'me', first);
    second.forEach((row, index) => expect(row).not.toBe(first[index]));
  });
});

describe('leadingHypotheses', () => {
  it('names no leader until I have rated something', () => {
    expect(leadingHypotheses(view([]), 'me')).toEqual([]);
    expect(leadingHypotheses(view([cell('r1', 'h1', 'I', 'bob')]), 'me')).toEqual([]);
    expect(leadingHypotheses(view([cell('r1', 'h1', 'I')]), 'me')).toEqual(['h2']);
  });

  it('names every hypothesis sharing first place, and none of them “Leading”', () => {
    const tied = view([cell('r1', 'h1', 'C')]);
    tied.scores = { ...tied.scores, inconsistency: { h1: 0, h2: 0 }, ranking: ['h1', 'h2'], ranks: { h1: 1, h2: 1 } };
    const leaders = leadingHypotheses(tied, 'me');
    expect(leaders).toEqual(['h1', 'h2']);
    expect(standingLabel(tied.scores, 'h1', leaders)).toBe('Tied for first');
    expect(standingLabel(tied.scores, 'h2', leaders)).toBe('Tied for first');
  });
});

describe('standingLabel', () => {
  it('says Leading for a lone first, the ordinal below it, and Tied for a shared place', () => {
    const scores = {
      inconsistency: { a: 0, b: 1, c: 1, d: 3 },
      ranking: ['a', 'b', 'c', 'd'],
      ranks: { a: 1, b: 2, c: 2, d: 4 },
      diagnosticity: {},
      sensitiveRows: [],
    };
    expect(['a', 'b', 'c', 'd'].map((id) => standingLabel(scores, id, ['a']))).toEqual([
      'Leading',
      'Tied 2nd',
      'Tied 2nd',
      '4th',
    ]);
  });
});

describe('withMyCell', () => {
  it('sets, replaces and clears my cell without touching others’', () => {
    const base = view([cell('r1', 'h1', 'C'), cell('r1', 'h1', 'II', 'bob')]);
    const set = withMyCell(base, 'me', { rowId: 'r1', hypothesisId: 'h1', rating: 'CC' });
    expect(set.cells.filter((c) => c.authorId === 'me').map((c) => c.rating)).toEqual(['CC']);
    const cleared = withMyCell(set, 'me', { rowId: 'r1', hypothesisId: 'h1', rating: null });
    expect(cleared.cells.map((c) => c.authorId)).toEqual(['bob']);
  });
});

describe('cellName', () => {
  it('says evidence, hypothesis, rating, note and who disagrees', () => {
    const name = cellName({
      evidence: 'Residents saw fighters',
      hypothesis: 'IS did it',
      rating: 'II',
      note: 'Timing is off',
      disagreement: {
        rowId: 'r1',
        hypothesisId: 'h1',
        ratings: [
          { authorId: 'me', authorName: 'Ada', rating: 'II' },
          { authorId: 'b', authorName: 'Bob', rating: 'C' },
        ],
      },
    });
    expect(name).toBe(
      'Evidence “Residents saw fighters”, hypothesis “IS did it”: Very inconsistent (II), note: Timing is off, analysts disagree: Ada: II, Bob: C',
    );
  });
});
