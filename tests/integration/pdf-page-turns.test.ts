// A paragraph a page break cuts in two is read as one paragraph again, but each of its words
// keeps its own page: a passage on the later page is cited by that page, not the one the
// paragraph began on.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPdf } from '../../src/core/import/formats/pdf';
import { pageAt } from '../../src/shared/page-map';
import { FLOW_WORDS as words, firstWordsOn, flowingPdf } from '../support/flowing-pdf';
import { importerFor } from '../support/importer';

import { useTempCore } from '../support/temp-core';

const library = useTempCore();

describe('a paragraph that runs from one page onto the next', () => {
  it('is one paragraph, and its words on the later page are cited by that page', async () => {
    const bytes = await flowingPdf();
    // Where pdfkit broke the pages, as poppler reads them: each later page's first word.
    const firstWords = firstWordsOn(bytes, join(library.path, 'ledger.pdf'), [2, 3]);
    for (const word of firstWords) expect(words).toContain(word);
    const [firstOnPage2] = firstWords;
    const lastOnPage1 = words[words.indexOf(firstOnPage2!) - 1]!;

    const importer = importerFor(library.core, { pdf: readPdf });
    const { document } = await importer.importFile('ledger.pdf', bytes);
    const text = library.core.documents.canonicalText(document.id);
    const pageMap = library.core.documents.pageMap(document.id);
    // One paragraph: no block break between the two pages' words.
    expect(text).toContain(`${lastOnPage1} ${firstOnPage2}`);
    expect(pageAt(pageMap, text.indexOf(words[0]!))?.number).toBe(1);
    expect(pageAt(pageMap, text.indexOf(lastOnPage1))?.number).toBe(1);
    // Each later page begins exactly at its first word, inside the paragraph.
    firstWords.forEach((word, index) => {
      const start = text.indexOf(word);
      expect(pageAt(pageMap, start)?.number).toBe(index + 2);
      expect(pageAt(pageMap, start - 2)?.number).toBe(index + 1);
      expect(pageMap.find((entry) => entry.number === index + 2)?.start).toBe(start);
    });
    expect(pageMap.map((entry) => entry.number)).toEqual([1, 2, 3]);
  }, 30_000);
});
