// DOC on the command line: exact ids, unique id prefixes, title prefixes, and ambiguity named with its candidates.
import { describe, expect, it } from 'vitest';
import { chooseDocument } from '../../src/cli/document-reference';
import type { DocumentSummary } from '../../src/shared/model';
import { UserFacingError } from '../../src/shared/result';

function doc(id: string, title: string): DocumentSummary {
  return {
    id,
    title,
    sourceName: 'x.txt',
    sourceType: 'txt',
    byline: '',
    publishedAt: '',
    siteName: '',
    wordCount: 1,
    importedAt: '2026-01-01T00:00:00.000Z',
    textUpdatedAt: '2026-01-01T00:00:00.000Z',
    textVersion: 'abcdef0',
    originName: '',
  };
}

const library = [
  doc('3f2a9c10-0000-4000-8000-000000000001', 'Field report'),
  doc('3f2a77aa-0000-4000-8000-000000000002', 'Deadline memo'),
  doc('deadbeef-0000-4000-8000-000000000003', 'Budget'),
];

function failure(reference: string): UserFacingError {
  try {
    chooseDocument(library, reference);
  } catch (error) {
    if (error instanceof UserFacingError) return error;
  }
  throw new Error(`“${reference}” chose a document`);
}

describe('choosing a document from the command line', () => {
  it('takes a unique prefix of an id, in any case', () => {
    expect(chooseDocument(library, '3f2a9').title).toBe('Field report');
    expect(chooseDocument(library, '3F2A77').title).toBe('Deadline memo');
    expect(chooseDocument(library, library[2]!.id).title).toBe('Budget');
  });

  it('lists the candidates when an id prefix names several documents', () => {
    const error = failure('3f2a');
    expect(error.code).toBe('AMBIGUOUS');
    expect(error.message).toContain('“3f2a” matches 2 documents; give more of the id:');
    expect(error.message).toContain(`  ${library[0]!.id}  Field report`);
    expect(error.message).toContain(`  ${library[1]!.id}  Deadline memo`);
  });

  it('lists both when a reference is one document’s id prefix and another’s title prefix', () => {
    const error = failure('dead');
    expect(error.code).toBe('AMBIGUOUS');
    expect(error.message).toContain('Deadline memo');
    expect(error.message).toContain('Budget');
  });

  it('does not read a short reference as an id prefix, nor non-hex text', () => {
    expect(failure('3f2').code).toBe('NOT_FOUND');
    expect(chooseDocument(library, 'bud').title).toBe('Budget');
    expect(failure('zebra').message).toBe('No document has an id or a title starting with “zebra”.');
  });
});
