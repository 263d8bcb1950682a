import { describe, expect, it } from 'vitest';
import type { SearchResults } from '../../../shared/search-results';
import { annotationCandidates } from './annotation-search';

const results: SearchResults = {
  total: 3,
  documents: 2,
  offset: 0,
  problems: [],
  groups: [
    {
      documentId: 'd1',
      title: 'Report',
      total: 2,
      hits: [
        { kind: 'text', start: 0, end: 5, marks: [], snippet: [{ text: 'eleven', match: true }] },
        {
          kind: 'annotation',
          annotationId: 'a1',
          start: 0,
          end: 5,
          marks: [],
          snippet: [
            { text: 'beheading ', match: false },
            { text: '11', match: true },
          ],
        },
      ],
    },
    {
      documentId: 'd2',
      title: 'Newsletter',
      total: 1,
      hits: [{ kind: 'annotation', annotationId: 'a2', start: 0, end: 5, marks: [], snippet: [] }],
    },
  ],
};

describe('picking the other end of a link', () => {
  it('offers only annotations, with their document, and never the annotation being linked from', () => {
    expect(annotationCandidates(results, 'a2')).toEqual([
      { annotationId: 'a1', documentId: 'd1', documentTitle: 'Report', text: 'beheading 11' },
    ]);
  });
});
