import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../shared/annotations';
import { diffTexts, followEdit, mapOffset } from './live-edit';

function highlight(id: string, start: number, end: number): Annotation {
  return {
    id,
    documentId: 'doc',
    kind: 'highlight',
    color: 'yellow',
    target: {
      position: { type: 'TextPositionSelector', start, end },
      quote: { type: 'TextQuoteSelector', exact: '', prefix: '', suffix: '' },
      textSha256: '',
    },
    anchor: { status: 'exact', score: 1 },
    tags: [],
    note: { lexicalJson: '', text: '', markdown: '' },
    author: { id: 'me', name: 'Me' },
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

const span = (annotation: Annotation) => [annotation.target!.position.start, annotation.target!.position.end];

describe('an edit as one replacement', () => {
  it('is found by the common prefix and suffix', () => {
    expect(diffTexts('were we expected', 'where we expected')).toEqual({ at: 1, removed: 0, inserted: 1 });
    expect(diffTexts('the cat sat', 'the sat')).toEqual({ at: 4, removed: 4, inserted: 0 });
    expect(diffTexts('abc', 'axc')).toEqual({ at: 1, removed: 1, inserted: 1 });
  });

  it('is nothing when the text is the same', () => {
    expect(diffTexts('same', 'same')).toBeNull();
  });

  it('counts a repeated letter typed once more only once', () => {
    expect(diffTexts('aa', 'aaa')).toEqual({ at: 2, removed: 0, inserted: 1 });
  });
});

describe('offsets following an edit', () => {
  const change = { at: 10, removed: 4, inserted: 2 };

  it('stay before it, shift after it, and clamp inside it by edge', () => {
    expect(mapOffset(5, change, 'start')).toBe(5);
    expect(mapOffset(20, change, 'start')).toBe(18);
    expect(mapOffset(12, change, 'start')).toBe(10);
    expect(mapOffset(12, change, 'end')).toBe(12);
  });

  it('move whole annotations and leave untouched ones as they were', () => {
    const before = highlight('before', 0, 5);
    const after = highlight('after', 20, 30);
    const across = highlight('across', 8, 12);
    const moved = followEdit([before, after, across], change);
    expect(moved[0]).toBe(before);
    expect(span(moved[1]!)).toEqual([18, 28]);
    expect(span(moved[2]!)).toEqual([8, 12]);
  });

  it('never lets an annotation end before it starts when its text is deleted', () => {
    const gone = highlight('gone', 11, 13);
    const [moved] = followEdit([gone], { at: 10, removed: 5, inserted: 0 });
    expect(span(moved!)).toEqual([10, 10]);
  });
});
