import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { readPdf } from '../../src/core/import/formats/pdf';
import type { Block } from '../../src/shared/document-blocks';
import { blockPlainText } from '../../src/shared/document-blocks';
import { CHROMIUM_ARGS, findChromium } from '../support/browser';
import { sentences } from '../support/pdf-fixtures';
import { makeTempDir } from '../support/temp';
import { bigramF1, wordF1 } from '../support/text-score';

const TITLE = 'Harbour Notes From the Second Campaign';
const executablePath = findChromium();
const hasPdftotext = ((): boolean => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** Long words get a soft hyphen in the middle, so Chromium breaks some of them at line ends with a printed hyphen. */
function softHyphenated(text: string): string {
  return text.replace(/\b([a-z]{5})([a-z]{5,})\b/g, '$1\u00ad$2');
}

/** Plain letters: Chromium prints ligature characters with glyphs that carry no text, which no reader can recover. */
function paragraphs(): string[] {
  return Array.from({ length: 24 }, (_, index) => sentences(index + 101, 4).normalize('NFKC'));
}

async function printedPdf(): Promise<Uint8Array> {
  const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    const body = paragraphs()
      .map((text) => `<p>${softHyphenated(text)}</p>`)
      .join('');
    await page.setContent(
      `<html lang="en"><head><title>${TITLE}</title><style>body{font:11pt serif;font-variant-ligatures:none} .cols{columns:2;column-gap:2em;text-align:justify}</style></head>` +
        `<body><h1>${TITLE}</h1><div class="cols">${body}</div></body></html>`,
    );
    const pdf = await page.pdf({
      format: 'A4',
      displayHeaderFooter: true,
      headerTemplate: '<div style="font-size:8px;width:100%;text-align:center"><span class="title"></span></div>',
      footerTemplate:
        '<div style="font-size:8px;width:100%;text-align:center">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>',
      margin: { top: '60px', bottom: '60px', left: '50px', right: '50px' },
    });
    return new Uint8Array(pdf);
  } finally {
    await browser.close();
  }
}

const blockText = (block: Block): string => blockPlainText(block);

const ARTICLE_TITLE = 'Patrols Along the Western Coast';
const articleParagraphs = (): string[] =>
  Array.from({ length: 40 }, (_, index) => sentences(index + 401, 4).normalize('NFKC'));

/**
 * A web article printed as `chromium --print-to-pdf` prints it: Chromium's own header (the date and
 * time, then the page's title) over the text of every page, and its own footer (the address and "N/M").
 */
async function printedWithDefaultHeader(): Promise<Uint8Array> {
  const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    const body = articleParagraphs()
      .map((text) => `<p>${text}</p>`)
      .join('');
    await page.setContent(
      `<html lang="en"><head><title>${ARTICLE_TITLE}</title><style>body{font-variant-ligatures:none}</style></head>` +
        `<body><h1>${ARTICLE_TITLE}</h1>${body}</body></html>`,
    );
    const margin = '0.4in';
    const pdf = await page.pdf({
      format: 'Letter',
      displayHeaderFooter: true,
      margin: { top: margin, bottom: margin, left: margin, right: margin },
    });
    return new Uint8Array(pdf);
  } finally {
    await browser.close();
  }
}

describe.skipIf(!executablePath || !hasPdftotext)('reading a PDF printed by Chromium', () => {
  const temp = makeTempDir();
  afterAll(() => temp.remove());

  it('reads at least as well as pdftotext, keeps the title once and leaves out the running head and page feet', async () => {
    const bytes = await printedPdf();
    const path = join(temp.path, 'printed.pdf');
    writeFileSync(path, bytes);
    const poppler = execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
    const read = await readPdf({ fileName: 'printed.pdf', bytes });
    // The document's title heading is the reader's: the page's own title line is not repeated in the blocks.
    const text = [read.title, ...read.blocks.map(blockText)].join('\n');
    const expected = [TITLE, ...paragraphs()].join('\n');
    expect(read.facts.pageCount).toBeGreaterThanOrEqual(2);
    expect(wordF1(expected, text)).toBeGreaterThanOrEqual(0.98);
    expect(bigramF1(expected, text)).toBeGreaterThanOrEqual(bigramF1(expected, poppler));
    expect(text).not.toMatch(/Page \d+ of \d+/);
    expect(text.split(TITLE)).toHaveLength(2);
    expect(read.title).toBe(TITLE);
    expect(read.blocks.map(blockText)).not.toContain(TITLE);
  }, 60_000);
});

describe.skipIf(!executablePath)('reading a PDF printed with Chromium’s default header and footer', () => {
  it('leaves out the date, time and title heading every page, the first too, and keeps the article’s own title', async () => {
    const read = await readPdf({ fileName: 'article.pdf', bytes: await printedWithDefaultHeader() });
    const blocks = read.blocks.map(blockText);
    const text = blocks.join('\n');
    expect(read.facts.pageCount).toBeGreaterThanOrEqual(3);
    expect(read.title).toBe(ARTICLE_TITLE);
    expect(text).not.toMatch(/\d{1,2}\/\d{1,2}\/\d{2,4},? \d{1,2}:\d{2}/);
    expect(text).not.toContain(ARTICLE_TITLE);
    expect(text).not.toMatch(/\b\d+\/\d+\b/);
    expect(wordF1(articleParagraphs().join('\n'), text)).toBeGreaterThanOrEqual(0.99);
  }, 60_000);
});
