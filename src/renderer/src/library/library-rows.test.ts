import { describe, expect, it } from 'vitest';
import type { DocumentSummary } from '../../../shared/model';
import { libraryRows, rowDate } from './library-rows';

function doc(id: string, thread?: { key: string; position: number }, publishedAt = ''): DocumentSummary {
  return {
    id,
    title: id,
    sourceName: `${id}.eml`,
    sourceType: 'eml',
    byline: '',
    publishedAt,
    siteName: '',
    wordCount: 3,
    importedAt: '2024-02-01T00:00:00.000Z',
    textUpdatedAt: '2024-02-01T00:00:00.000Z',
    textVersion: 'abcdef0',
    originName: '',
    ...(thread ? { thread: { ...thread, subject: 'Cistern', size: 3 } } : {}),
  };
}

describe('libraryRows', () => {
  it('gathers a thread at its first message’s place, messages in date order, with the newest date', () => {
    const rows = libraryRows([
      doc('c2', { key: 't', position: 1 }, '2024-01-03T00:00:00.000Z'),
      doc('lone'),
      doc('c0', { key: 't', position: 0 }, '2024-01-01T00:00:00.000Z'),
      doc('c1', { key: 't', position: 2 }, '2024-01-05T00:00:00.000Z'),
    ]);
    expect(rows.map((row) => (row.kind === 'thread' ? row.messages.map((m) => m.id) : row.document.id))).toEqual([
      ['c0', 'c2', 'c1'],
      'lone',
    ]);
    expect(rows[0]).toMatchObject({ kind: 'thread', subject: 'Cistern', newest: '2024-01-05T00:00:00.000Z' });
  });

  it('shows a thread with only one message left after filtering as that message', () => {
    expect(libraryRows([doc('c0', { key: 't', position: 0 })])).toEqual([
      { kind: 'document', document: doc('c0', { key: 't', position: 0 }) },
    ]);
  });

  it('dates a message by its own Date and any other document by its import', () => {
    expect(rowDate(doc('c0', undefined, '2023-11-05T08:00:00.000Z'))).toBe('2023-11-05T08:00:00.000Z');
    expect(rowDate(doc('c1'))).toBe('2024-02-01T00:00:00.000Z');
    expect(rowDate({ ...doc('pdf', undefined, '2020-01-01T00:00:00.000Z'), sourceType: 'pdf' })).toBe(
      '2024-02-01T00:00:00.000Z',
    );
  });
});
