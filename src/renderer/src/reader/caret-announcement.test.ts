import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../shared/annotations';
import { announcementFor, describeAnnotation } from './caret-announcement';

function highlight(id: string, start: number, end: number, tags: string[] = [], note = ''): Annotation {
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
    tags,
    note: { lexicalJson: '', text: note, markdown: note },
    author: { id: 'me', name: 'Me' },
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

const OUTER = highlight('outer', 10, 40, ['Actor/IS', 'Place/Sabratha'], 'Two sources disagree');
const INNER = highlight('inner', 20, 25);

describe('what a screen reader hears of an annotation', () => {
  it('is its tags and its note', () => {
    expect(describeAnnotation(OUTER)).toBe('Highlight, tagged Actor/IS, Place/Sabratha. Note: Two sources disagree');
  });

  it('says plainly when there are no tags and no note', () => {
    expect(describeAnnotation(INNER)).toBe('Highlight, no tags. No note.');
  });

  it('cuts a long note short', () => {
    const long = highlight('long', 0, 5, [], 'word '.repeat(100));
    expect(describeAnnotation(long).length).toBeLessThan(240);
    expect(describeAnnotation(long).endsWith('…')).toBe(true);
  });
});

describe('when it is said', () => {
  const all = [OUTER, INNER];

  it('is when the caret enters an annotation, the innermost one there', () => {
    expect(announcementFor(all, 12, null)).toEqual({ id: 'outer', text: describeAnnotation(OUTER) });
    expect(announcementFor(all, 22, 'outer')).toEqual({ id: 'inner', text: describeAnnotation(INNER) });
  });

  it('is not again while the caret moves inside the same annotation', () => {
    expect(announcementFor(all, 13, 'outer')).toEqual({ id: 'outer', text: '' });
  });

  it('is nothing outside every annotation, at an end, or without a caret', () => {
    expect(announcementFor(all, 5, 'outer')).toEqual({ id: null, text: '' });
    expect(announcementFor(all, 40, 'outer')).toEqual({ id: null, text: '' });
    expect(announcementFor(all, null, 'outer')).toEqual({ id: null, text: '' });
  });
});
