import { describe, expect, it } from 'vitest';
import { ordered } from './annotation-order';
import { testAnnotation as at } from './test-annotations';

const ids = (list: { id: string }[]) => list.map((annotation) => annotation.id);

describe('ordered', () => {
  const early = at('early', 0, 5, { createdAt: '2026-01-03T00:00:00.000Z', tags: ['Place'], color: 'pink' });
  const middle = at('middle', 10, 15, { createdAt: '2026-01-01T00:00:00.000Z', color: 'yellow' });
  const late = at('late', 20, 25, { createdAt: '2026-01-02T00:00:00.000Z', tags: ['Actor'], color: 'yellow' });

  it('lists in reading order', () => {
    expect(ids(ordered([late, early, middle], 'position'))).toEqual(['early', 'middle', 'late']);
  });

  it('lists the newest first', () => {
    expect(ids(ordered([late, early, middle], 'time'))).toEqual(['early', 'late', 'middle']);
  });

  it('groups by first tag, untagged last, reading order within a group', () => {
    expect(ids(ordered([middle, early, late], 'tag'))).toEqual(['late', 'early', 'middle']);
  });

  it('groups by palette color, reading order within a color', () => {
    expect(ids(ordered([late, early, middle], 'color'))).toEqual(['middle', 'late', 'early']);
  });

  it('leaves the list it was given as it was', () => {
    const list = [late, early];
    ordered(list, 'position');
    expect(ids(list)).toEqual(['late', 'early']);
  });
});
