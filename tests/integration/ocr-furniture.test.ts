import { beforeAll, describe, expect, it } from 'vitest';
import { readPdf } from '../../src/core/import/formats/pdf';
import { readImage } from '../../src/core/import/ocr/image-reader';
import type { Block } from '../../src/shared/document-blocks';
import { blockRuns, inlineText } from '../../src/shared/document-blocks';
import {
  FURNISHED_PAGE,
  characterErrorRate,
  furnishedPdf,
  imagePdf,
  knownText,
  renderPages,
} from '../support/ocr-fixtures';

// Scanned pages set as a book is: a running head atop the later pages and "Page N of M" or a
// bare number at their foot. OCR reads those too; they go as they go from a text layer.

const TEXTS = [knownText(7), knownText(11), knownText(23)];
const HEADING = 'Harbour Excavations';
const RUNNING_HEAD = 'The Survey of the Northern Harbour';
let pngs: Uint8Array[];
let scan: Uint8Array;

beforeAll(async () => {
  pngs = renderPages(await furnishedPdf(TEXTS, HEADING, RUNNING_HEAD));
  scan = await imagePdf(pngs, FURNISHED_PAGE);
});

const textOf = (blocks: readonly Block[], page?: number): string =>
  blocks
    .filter((block) => page === undefined || block.page?.number === page)
    .map((block) => inlineText(blockRuns(block)))
    .join('\n');

describe('running heads and page numbers on scanned pages', () => {
  it('leaves out the running head and the page numbers of a scanned PDF and keeps every page’s text', async () => {
    const read = await readPdf({ bytes: scan, fileName: 'scan.pdf' });
    const text = textOf(read.blocks);
    expect(text).not.toContain(RUNNING_HEAD);
    expect(text).not.toMatch(/Page \d of 3/);
    expect(text.split('\n')).not.toContainEqual(expect.stringMatching(/^\s*\d+\s*$/));
    TEXTS.forEach((known, index) => {
      expect(characterErrorRate(known, textOf(read.blocks, index + 1).replace(HEADING, ''))).toBeLessThan(0.02);
    });
  });
});

describe('the title of a scanned document', () => {
  it('titles a scanned PDF with no metadata title by its first page’s heading, shown once', async () => {
    const read = await readPdf({ bytes: scan, fileName: 'scan-0042.pdf' });
    expect(read.title).toBe(HEADING);
    expect(textOf(read.blocks.slice(0, 1))).not.toContain(HEADING);
  });

  it('titles an image by the heading it begins with, and one whose text is all one size by its file name', async () => {
    const headed = await readImage({ bytes: pngs[0]!, fileName: 'IMG_1234.png' });
    expect(headed.title).toBe(HEADING);
    const plain = await readImage({ bytes: pngs[1]!, fileName: 'IMG_1235.png' });
    expect(plain.title).toBe('IMG_1235');
    expect(textOf(plain.blocks)).toContain(RUNNING_HEAD);
  });
});
