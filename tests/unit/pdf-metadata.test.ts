import { describe, expect, it } from 'vitest';
import { meaningfulTitle } from '../../src/core/import/formats/pdf-metadata';

// A PDF's own title is used unless its maker filled in a file name or a placeholder.
describe('a PDF title from its metadata', () => {
  it('is kept when it is a real title', () => {
    expect(meaningfulTitle(' Field Report: Grain Corridor Inspections ')).toBe(
      'Field Report: Grain Corridor Inspections',
    );
    expect(meaningfulTitle('Report no. 4.2')).toBe('Report no. 4.2');
  });

  it('gives way to the page when it is the name of the file it was printed from, or a placeholder', () => {
    for (const title of ['scan.html', 'Microsoft Word - draft3.docx', 'Untitled', 'untitled document', 'page.PNG']) {
      expect(meaningfulTitle(title)).toBe('');
    }
  });
});
