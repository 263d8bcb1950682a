// A PDF's title and its pages, as imported and stored: a title printed on page 1 is part of page 1
// (its offsets map there); a title only the file's metadata gives is on no page.
import { describe, expect, it } from 'vitest';
import { readPdf } from '../../src/core/import/formats/pdf';
import type { PageMapEntry } from '../../src/shared/model';
import { pageAt } from '../../src/shared/page-map';
import { PAGED_TITLE, buildPagedPdf, pageLines } from '../support/paged-pdf';
import { TITLE, buildFixturePdf } from '../support/pdf-fixtures';
import { importerFor } from '../support/importer';

import { useTempCore } from '../support/temp-core';

const library = useTempCore();

/** Imports the PDF with the real PDF reader; returns its stored text and page map. */
async function imported(fileName: string, bytes: Uint8Array): Promise<{ text: string; pageMap: PageMapEntry[] }> {
  const importer = importerFor(library.core, { pdf: readPdf });
  const { document } = await importer.importFile(fileName, bytes);
  return {
    text: library.core.documents.canonicalText(document.id),
    pageMap: library.core.documents.pageMap(document.id),
  };
}

/** The page of every character of the title at the start of the text. */
function titlePages(text: string, title: string, pageMap: readonly PageMapEntry[]): Array<number | undefined> {
  expect(text.startsWith(title)).toBe(true);
  return [0, title.length - 1].map((offset) => pageAt(pageMap, offset)?.number);
}

describe('the title of an imported PDF', () => {
  it('belongs to page 1 when page 1 prints it (the file’s metadata says it too)', async () => {
    const { text, pageMap } = await imported('survey.pdf', (await buildPagedPdf(3)).bytes);
    expect(titlePages(text, PAGED_TITLE, pageMap)).toEqual([1, 1]);
    expect(pageMap[0]).toMatchObject({ start: 0, number: 1 });
    expect(pageAt(pageMap, text.indexOf(pageLines(1)[0]!))?.number).toBe(1);
    expect(pageAt(pageMap, text.indexOf(pageLines(2)[0]!))?.number).toBe(2);
  }, 30_000);

  it('belongs to page 1 when it was taken from page 1’s largest text, the file naming none', async () => {
    const { text, pageMap } = await imported('untitled.pdf', (await buildFixturePdf()).bytes);
    expect(titlePages(text, TITLE, pageMap)).toEqual([1, 1]);
  }, 30_000);

  it('is on no page when only the metadata gives it, page 1 beginning with its own first words', async () => {
    const built = await buildFixturePdf({ info: { Title: 'Sabratha Harbour Survey' } });
    const { text, pageMap } = await imported('survey.pdf', built.bytes);
    expect(titlePages(text, 'Sabratha Harbour Survey', pageMap)).toEqual([undefined, undefined]);
    expect(text.slice(pageMap[0]!.start)).toMatch(new RegExp(`^${TITLE}`));
    expect(pageMap[0]!.number).toBe(1);
  }, 30_000);
});
