import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../shared/annotations';
import { highlightName, paintableSpans, stackedSpans } from './paint';

describe('stacked spans, drawn darker where highlights overlap', () => {
  it('are where two or more highlights cover the text', () => {
    expect(
      stackedSpans([
        { start: 0, end: 10 },
        { start: 5, end: 15 },
      ]),
    ).toEqual([{ start: 5, end: 10 }]);
  });

  it('are nothing for highlights that only touch or stand apart', () => {
    expect(
      stackedSpans([
        { start: 0, end: 5 },
        { start: 5, end: 9 },
        { start: 20, end: 30 },
      ]),
    ).toEqual([]);
  });

  it('run as one span through three layers and out again', () => {
    expect(
      stackedSpans([
        { start: 0, end: 30 },
        { start: 5, end: 20 },
        { start: 10, end: 25 },
      ]),
    ).toEqual([{ start: 5, end: 25 }]);
  });

  it('cover a highlight nested inside another, whatever order they come in', () => {
    expect(
      stackedSpans([
        { start: 12, end: 14 },
        { start: 10, end: 20 },
      ]),
    ).toEqual([{ start: 12, end: 14 }]);
  });

  it('ignore empty spans', () => {
    expect(
      stackedSpans([
        { start: 3, end: 3 },
        { start: 0, end: 10 },
      ]),
    ).toEqual([]);
  });

  it('split into two where the overlap is interrupted', () => {
    expect(
      stackedSpans([
        { start: 0, end: 10 },
        { start: 5, end: 8 },
        { start: 9, end: 12 },
      ]),
    ).toEqual([
      { start: 5, end: 8 },
      { start: 9, end: 10 },
    ]);
  });
});

function annotation(
  id: string,
  kind: Annotation['kind'],
  status: Annotation['anchor']['status'] = 'exact',
): Annotation {
  return {
    id,
    documentId: 'doc',
    kind,
    color: 'green',
    target:
      kind === 'document'
        ? null
        : {
            position: { type: 'TextPositionSelector', start: 4, end: 9 },
            quote: { type: 'TextQuoteSelector', exact: '', prefix: '', suffix: '' },
            textSha256: '',
          },
    anchor: { status, score: 1 },
    tags: [],
    note: { lexicalJson: '', text: '', markdown: '' },
    author: { id: 'me', name: 'Me' },
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

describe('what the painter paints', () => {
  it('is the anchored highlights, not point or document notes or orphans', () => {
    const spans = paintableSpans([
      annotation('painted', 'highlight'),
      annotation('point', 'point'),
      annotation('document', 'document'),
      annotation('orphan', 'highlight', 'orphan'),
    ]);
    expect(spans).toEqual([{ id: 'painted', start: 4, end: 9, color: 'green' }]);
  });

  it('is named per color, so one Highlight holds all of a color', () => {
    expect(highlightName('green')).toBe('mg-green');
  });
});
