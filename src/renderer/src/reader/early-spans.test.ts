import { describe, expect, it } from 'vitest';
import type { Annotation, HighlightSpans } from '../../../shared/annotations';
import { spansToPaint } from './early-spans';

const EARLY: HighlightSpans = {
  documentId: 'doc',
  ids: ['a', 'b'],
  starts: [1, 5],
  ends: [3, 9],
  colors: ['blue', 'pink'],
};
const LOADED: Annotation = {
  id: 'loaded',
  documentId: 'doc',
  kind: 'highlight',
  color: 'green',
  target: {
    position: { type: 'TextPositionSelector', start: 2, end: 4 },
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

describe('the highlights painted while a document opens', () => {
  it('come from the compact listing until the full annotations load', () => {
    expect(spansToPaint(null, 'doc', [], EARLY)).toEqual([
      { id: 'a', start: 1, end: 3, color: 'blue' },
      { id: 'b', start: 5, end: 9, color: 'pink' },
    ]);
  });

  it('come from the annotations once they have loaded for this document', () => {
    expect(spansToPaint('doc', 'doc', [LOADED], EARLY)).toEqual([{ id: 'loaded', start: 2, end: 4, color: 'green' }]);
  });

  it('are none from another document’s listing or annotations', () => {
    expect(spansToPaint('other', 'doc', [LOADED], { ...EARLY, documentId: 'other' })).toEqual([]);
    expect(spansToPaint(null, 'doc', [], null)).toEqual([]);
  });
});
