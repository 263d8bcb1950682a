// The names exported PDFs are given, one rule for the app's dialog, the CLI and the core.
import { describe, expect, it } from 'vitest';
import { pdfFileNameForDocuments } from './export-options';

describe('pdfFileNameForDocuments', () => {
  it('names one document’s export after its title', () => {
    expect(pdfFileNameForDocuments(['Field notes'])).toBe('Field notes (annotated).pdf');
  });

  it('names a combined export after its first document and how many others follow it', () => {
    expect(pdfFileNameForDocuments(['Field notes', 'Tea notes'])).toBe('Field notes and 1 other (annotated).pdf');
    expect(pdfFileNameForDocuments(['Field notes', 'Tea notes', 'Harbour log'])).toBe(
      'Field notes and 2 others (annotated).pdf',
    );
  });

  it('cuts a long first title at a word and makes it safe for a file name', () => {
    const title = 'Reports of western ‘boots on the ground’ in Libya as Islamic State storms Sabratha';
    expect(pdfFileNameForDocuments([title, 'Field notes'])).toBe(
      'Reports of western ‘boots on the ground’ in Libya as… and 1 other (annotated).pdf',
    );
    expect(pdfFileNameForDocuments(['Field briefing: coastal/cities?', 'Tea notes'])).toBe(
      'Field briefing coastal cities and 1 other (annotated).pdf',
    );
    expect(pdfFileNameForDocuments(['  ../  ', 'Tea notes'])).toBe('Untitled and 1 other (annotated).pdf');
  });
});
