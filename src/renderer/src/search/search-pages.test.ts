import { describe, expect, it } from 'vitest';
import type { SearchGroup, SearchHit, SearchResults } from '../../../shared/search-results';
import { appendPage, distinctions, shownCount } from './search-pages';

const hit = (start: number): SearchHit => ({ kind: 'text', start, end: start + 1, marks: [], snippet: [] });
const group = (documentId: string, starts: number[]): SearchGroup => ({
  documentId,
  title: documentId,
  total: 10,
  hits: starts.map(hit),
});
const page = (groups: SearchGroup[], offset: number): SearchResults => ({
  groups,
  total: 10,
  documents: 2,
  offset,
  problems: [],
});

describe('appendPage', () => {
  it('continues a document split across pages in one group', () => {
    const shown = page([group('a', [1, 2])], 0);
    const next = appendPage(shown, page([group('a', [3]), group('b', [4])], 2));
    expect(next.groups.map((each) => [each.documentId, each.hits.map((one) => one.start)])).toEqual([
      ['a', [1, 2, 3]],
      ['b', [4]],
    ]);
    expect(next.offset).toBe(0);
    expect(shownCount(next)).toBe(4);
  });

  it('leaves the results already shown as they were', () => {
    const shown = page([group('a', [1])], 0);
    appendPage(shown, page([group('a', [2])], 1));
    expect(shownCount(shown)).toBe(1);
  });
});

describe('distinctions', () => {
  const doc = (id: string, title: string, sourceName: string, textVersion = '1649a73', originName = '') => ({
    id,
    title,
    sourceName,
    originName,
    textVersion,
    importedAt: '2026-12-01T10:00:00.000Z',
    textUpdatedAt: '2026-12-01T10:00:00.000Z',
  });

  it('names the file where same-titled documents share their origin and version too', () => {
    const lines = distinctions([
      doc('a', 'Coastal Migration Brief 2025', 'report.pdf'),
      doc('b', 'Coastal Migration Brief 2025', 'locked.pdf'),
      doc('c', 'Elsewhere', 'elsewhere.pdf'),
    ]);
    expect(lines.get('a')).toBe('report.pdf · Imported here · version 1649a73');
    expect(lines.get('b')).toBe('locked.pdf · Imported here · version 1649a73');
    expect(lines.has('c')).toBe(false);
  });

  it('leaves the file name out where the version already tells them apart', () => {
    const lines = distinctions([
      doc('a', 'Minutes', 'march.md', 'aaaaaaa'),
      doc('b', 'minutes', 'april.md', 'bbbbbbb'),
    ]);
    expect(lines.get('a')).toBe('Imported here · version aaaaaaa');
    expect(lines.get('b')).toBe('Imported here · version bbbbbbb');
  });
});
