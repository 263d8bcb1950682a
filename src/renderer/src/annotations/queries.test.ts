import { describe, expect, it } from 'vitest';
import {
  annotationAt,
  authorsOf,
  exactHighlight,
  filterAnnotations,
  insertInOrder,
  stepFrom,
  stepStops,
} from './queries';
import { testAnnotation as at } from './test-annotations';

describe('annotationAt', () => {
  it('finds the innermost highlight covering an offset', () => {
    const outer = at('outer', 0, 50);
    const inner = at('inner', 10, 20);
    expect(annotationAt([outer, inner], 15)?.id).toBe('inner');
    expect(annotationAt([outer, inner], 30)?.id).toBe('outer');
  });

  it('ignores orphans, notes and offsets past a highlight’s end', () => {
    const orphan = at('orphan', 0, 10, { anchor: { status: 'orphan', score: 0 } });
    const point = at('point', 0, 10, { kind: 'point' });
    expect(annotationAt([orphan, point], 5)).toBeUndefined();
    expect(annotationAt([at('a', 0, 10)], 10)).toBeUndefined();
  });
});

describe('insertInOrder', () => {
  it('puts an annotation where reading order wants it', () => {
    const list = [at('a', 0, 5), at('c', 20, 25)];
    expect(insertInOrder(list, at('b', 10, 15)).map((annotation) => annotation.id)).toEqual(['a', 'b', 'c']);
    expect(insertInOrder([], at('a', 0, 1)).map((annotation) => annotation.id)).toEqual(['a']);
  });
});

describe('filterAnnotations', () => {
  const tagged = at('tagged', 0, 5, { tags: ['Actor/IS'] });
  const theirs = at('theirs', 10, 15, { authorId: 'them', tags: ['Place'] });
  it('keeps a tag’s annotations and its children’s', () => {
    expect(filterAnnotations([tagged, theirs], { tag: 'Actor', authorId: null })).toEqual([tagged]);
  });

  it('keeps one author’s layer', () => {
    expect(filterAnnotations([tagged, theirs], { tag: null, authorId: 'them' })).toEqual([theirs]);
  });

  it('keeps everything without filters', () => {
    expect(filterAnnotations([tagged, theirs], { tag: null, authorId: null })).toHaveLength(2);
  });
});

describe('authorsOf', () => {
  it('lists each author once, by name', () => {
    const list = [at('a', 0, 1, { authorId: 'zed' }), at('b', 2, 3), at('c', 4, 5, { authorId: 'zed' })];
    expect(authorsOf(list)).toEqual([
      { id: 'zed', name: 'Author zed' },
      { id: 'me', name: 'Me' },
    ]);
  });
});

describe('stepFrom', () => {
  const list = [at('c', 30, 35), at('a', 0, 5), at('orphan', 10, 12, { anchor: { status: 'orphan', score: 0 } })];
  list.push(at('b', 10, 15));
  const stops = stepStops(list, null, 'doc', 'doc');
  it('moves forward and back in reading order, past the orphans, round the ends', () => {
    expect(stepFrom(stops, 'a', 1)?.id).toBe('b');
    expect(stepFrom(stops, 'c', 1)?.id).toBe('a');
    expect(stepFrom(stops, 'a', -1)?.id).toBe('c');
  });

  it('starts at the first going forward and the last going back when none is selected', () => {
    expect(stepFrom(stops, null, 1)?.id).toBe('a');
    expect(stepFrom(stops, null, -1)?.id).toBe('c');
  });

  it('finds nothing among no anchored annotations', () => {
    expect(stepFrom(stepStops([], null, 'doc', 'doc'), null, 1)).toBeUndefined();
  });
});

describe('stepStops', () => {
  const early = { documentId: 'doc', ids: ['late', 'early'], starts: [40, 3], ends: [50, 9] };
  it('goes through the painted highlights, in reading order, while the annotations are still loading', () => {
    expect(stepStops([], early, 'doc', null)).toEqual([
      { id: 'early', start: 3, end: 9 },
      { id: 'late', start: 40, end: 50 },
    ]);
  });

  it('goes through the shown annotations once they have loaded, and never through another document’s spans', () => {
    expect(stepStops([at('a', 0, 5)], early, 'doc', 'doc').map((stop) => stop.id)).toEqual(['a']);
    expect(stepStops([], early, 'other', null)).toEqual([]);
  });
});

describe('exactHighlight', () => {
  it('finds an accepted highlight on exactly the span, not one that only overlaps it', () => {
    const list = [at('wide', 0, 20), at('exact', 5, 10), at('theirs', 5, 10, { authorId: 'them' })];
    const mine = (annotation: { author: { id: string } }) => annotation.author.id === 'me';
    expect(exactHighlight(list, { start: 5, end: 10 }, mine)?.id).toBe('exact');
    expect(exactHighlight(list, { start: 5, end: 11 }, mine)).toBeUndefined();
    expect(exactHighlight([list[2]!], { start: 5, end: 10 }, mine)).toBeUndefined();
  });
});
