import { describe, expect, it } from 'vitest';
import type { TagInfo } from '../../../shared/annotations';
import { tagTree } from './tag-tree';

const tag = (path: string, count: number): TagInfo => ({ id: path, path, count, color: '', description: '' });

describe('tagTree', () => {
  it('adds a row for a parent that has no tag of its own, counting its children', () => {
    const rows = tagTree([tag('Actor/IS', 2), tag('Actor/Brigades', 1)]);
    expect(rows.map((row) => [row.path, row.depth, row.total, row.tag?.id])).toEqual([
      ['Actor', 0, 3, undefined],
      ['Actor/Brigades', 1, 1, 'Actor/Brigades'],
      ['Actor/IS', 1, 2, 'Actor/IS'],
    ]);
  });

  it('counts a tagged parent’s own annotations with its children’s', () => {
    const rows = tagTree([tag('Place', 4), tag('Place/Sabratha', 1)]);
    expect(rows[0]).toMatchObject({ path: 'Place', name: 'Place', total: 5 });
    expect(rows[1]).toMatchObject({ name: 'Sabratha', depth: 1 });
  });

  it('sorts paths alphabetically regardless of case and treats paths differing in case as one', () => {
    const rows = tagTree([tag('zeta', 1), tag('Alpha/x', 1), tag('alpha/y', 1)]);
    expect(rows.map((row) => row.path)).toEqual(['Alpha', 'Alpha/x', 'alpha/y', 'zeta']);
  });
});
