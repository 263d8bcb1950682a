import { describe, expect, it } from 'vitest';
import type { DocumentSummary } from '../../../shared/model';
import { distinguishingLabels } from './picker-labels';

function doc(id: string, title: string, sourceName: string, importedAt: string): DocumentSummary {
  return {
    id,
    title,
    sourceName,
    sourceType: 'pdf',
    byline: '',
    publishedAt: '',
    siteName: '',
    wordCount: 10,
    importedAt,
    textUpdatedAt: importedAt,
    textVersion: 'abcdef0',
    originName: '',
  };
}

describe('distinguishingLabels', () => {
  it('tells documents of one title apart by their files, then by when they were imported, and leaves the rest alone', () => {
    const labels = distinguishingLabels([
      doc('a', 'Quarterly report', 'report-q1.pdf', '2024-03-05T10:00:00.000Z'),
      doc('b', 'Quarterly report', 'report-q2.pdf', '2024-06-05T10:00:00.000Z'),
      doc('c', 'Field notes', 'notes.pdf', '2024-03-05T10:00:00.000Z'),
      doc('d', 'Minutes', 'minutes.pdf', '2024-03-05T10:00:00.000Z'),
      doc('e', 'minutes', 'minutes.pdf', '2024-04-01T10:00:00.000Z'),
    ]);
    expect(labels.get('a')).toBe('report-q1.pdf');
    expect(labels.get('b')).toBe('report-q2.pdf');
    expect(labels.has('c')).toBe(false);
    expect(labels.get('d')).toMatch(/^minutes\.pdf, imported Mar 5, 2024$/);
    expect(labels.get('e')).toMatch(/^minutes\.pdf, imported Apr 1, 2024$/);
  });
});
