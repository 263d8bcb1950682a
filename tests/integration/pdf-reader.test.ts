import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { readPdf } from '../../src/core/import/formats/pdf';
import type { Block } from '../../src/shared/document-blocks';
import { blockPlainText, inlineText } from '../../src/shared/document-blocks';
import { UserFacingError } from '../../src/shared/result';
import { buildFixturePdf, FOOTNOTE, RUNNING_HEAD, RUNNING_HEAD_RIGHT, TITLE } from '../support/pdf-fixtures';
import { bigramF1, wordF1, words } from '../support/text-score';

const blockText = (block: Block): string => blockPlainText(block);

const allText = (blocks: readonly Block[]): string => blocks.map(blockText).join('\n');

async function failureOf(promise: Promise<unknown>): Promise<UserFacingError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(UserFacingError);
  return error as UserFacingError;
}

async function pdfOfBlankPages(count: number): Promise<Uint8Array> {
  const doc = new PDFDocument({ autoFirstPage: false });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  for (let index = 0; index < count; index++) doc.addPage({ size: [100, 100] });
  doc.end();
  await ended;
  return new Uint8Array(Buffer.concat(chunks));
}

/** Pages that each open with near-identical numbered paragraphs under a running head set apart from them. */
async function pdfOfRepeatedOpenings(pages: number): Promise<Uint8Array> {
  const doc = new PDFDocument({ autoFirstPage: false });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  for (let page = 0; page < pages; page++) {
    doc.addPage({ size: 'A4', margin: 0 });
    doc.fontSize(9).text('Coastal Security Brief, CONFIDENTIAL', 72, 30, { lineBreak: false });
    let y = 90;
    for (let paragraph = 1; paragraph <= 3; paragraph++) {
      const text = `Paragraph ${page * 3 + paragraph}: The coastal militia reportedly withdrew from Sabratha after negotiations involving recognised intermediaries.`;
      doc.fontSize(11).text(text, 72, y, { width: 450 });
      y = doc.y + 12;
    }
  }
  doc.end();
  await ended;
  return new Uint8Array(Buffer.concat(chunks));
}

describe('body text that repeats at the top of every page', () => {
  it('stays text: only the running head set apart above it goes', async () => {
    const read = await readPdf({ fileName: 'brief.pdf', bytes: await pdfOfRepeatedOpenings(3) });
    const text = allText(read.blocks);
    for (let paragraph = 1; paragraph <= 9; paragraph++) expect(text).toContain(`Paragraph ${paragraph}:`);
    expect(text.match(/intermediaries/g)).toHaveLength(9);
    expect(text).not.toContain('CONFIDENTIAL');
  });
});

describe('reading a two-column PDF with running heads, hyphenation and a footnote', async () => {
  const built = await buildFixturePdf({
    info: { Title: 'Sabratha Harbour Survey', Author: 'Ann Example', CreationDate: new Date('2024-03-05T10:00:00Z') },
  });
  const read = await readPdf({ fileName: 'survey.pdf', bytes: built.bytes });
  const text = allText(read.blocks);
  const expected = built.words.map((entry) => entry.word).join(' ');

  it('recovers the known words (word F1 at least 0.98) in reading order (bigram F1 at least 0.95)', () => {
    expect(built.pageCount).toBeGreaterThanOrEqual(3);
    expect(wordF1(expected, text)).toBeGreaterThanOrEqual(0.98);
    expect(bigramF1(expected, text)).toBeGreaterThanOrEqual(0.95);
  });

  it('leaves out the running heads and the "Page N of M" feet', () => {
    expect(text).not.toContain(RUNNING_HEAD);
    expect(text).not.toContain(RUNNING_HEAD_RIGHT);
    expect(text).not.toMatch(/Page \d+ of \d+/);
  });

  it('joins words hyphenated at line ends and turns ligatures into letters, without control characters', () => {
    expect(built.hyphenated.length).toBeGreaterThan(3);
    const found = new Set(words(text));
    for (const word of built.hyphenated) expect(found, word).toContain(word);
    expect(text).not.toMatch(/\p{Ll}- \p{Ll}/u);
    expect(found).toContain('field');
    expect(found).toContain('floor');
    expect(found).toContain('office');
    expect(found).toContain('well-known');
    expect(text).not.toMatch(/[\ufb00-\ufb06\u0000-\u0008]/);
  });

  it('makes the title, the section heading and a bold label heading blocks, ranked by size then weight', () => {
    const headings = read.blocks.filter((block) => block.kind === 'heading');
    expect(headings.map(blockText)).toEqual([TITLE, 'Findings at the Harbour', 'Dating the Quay Walls']);
    expect(headings.map((block) => (block.kind === 'heading' ? block.level : 0))).toEqual([1, 2, 3]);
  });

  it('makes the bulleted lines one list of two items', () => {
    const lists = read.blocks.filter((block) => block.kind === 'list');
    expect(lists).toHaveLength(1);
    expect(lists[0]!.kind === 'list' && lists[0]!.items.map((item) => inlineText(item.children))).toEqual([
      'Walls of dressed stone along the northern quay.',
      'A paved street leading from the theatre down to the sea.',
    ]);
  });

  it('keeps the footnote as its own paragraph, last among its page’s blocks', () => {
    const withFootnote = read.blocks.filter((block) => blockText(block).includes('Measurements were taken'));
    expect(withFootnote.map(blockText)).toEqual([FOOTNOTE]);
    const pageOne = read.blocks.filter((block) => block.page?.number === 1);
    expect(blockText(pageOne[pageOne.length - 1]!)).toBe(FOOTNOTE);
  });

  it('puts on each block the page where its text starts', () => {
    const tokens = built.words.map((entry) => entry.word.toLowerCase().replace(/[^\p{L}\p{N}-]/gu, ''));
    let from = 0;
    for (const block of read.blocks.filter((candidate) => blockText(candidate) !== FOOTNOTE)) {
      const head = words(blockText(block)).slice(0, 6);
      const at = tokens.findIndex(
        (_, index) => index >= from && head.every((word, offset) => tokens[index + offset] === word),
      );
      expect(at, blockText(block).slice(0, 60)).toBeGreaterThanOrEqual(0);
      expect(block.page, blockText(block).slice(0, 60)).toEqual({ number: built.words[at]!.page });
      from = at;
    }
  });

  it('takes title, author, date and page count from the file, and names the importer', () => {
    expect(read.title).toBe('Sabratha Harbour Survey');
    expect(read.byline).toBe('Ann Example');
    expect(read.facts).toEqual({
      importer: expect.stringMatching(/^pdfjs-dist \d+\.\d+\.\d+$/),
      pageCount: built.pageCount,
      author: 'Ann Example',
      createdAt: '2024-03-05T10:00:00.000Z',
    });
    expect(read.pagesWithoutText).toEqual([]);
  });
});

describe('reading PDF details', () => {
  it('takes the title from the first page’s largest text when the file names none', async () => {
    const built = await buildFixturePdf();
    const read = await readPdf({ fileName: 'untitled.pdf', bytes: built.bytes });
    expect(read.title).toBe(TITLE);
  });

  it('gives each block its page’s printed label and lists pages without text for recognition later', async () => {
    const built = await buildFixturePdf({ romanPageLabels: true, blankPageAtEnd: true });
    const read = await readPdf({ fileName: 'labelled.pdf', bytes: built.bytes });
    expect(read.blocks[0]!.page).toEqual({ number: 1, label: 'i' });
    expect(read.blocks[read.blocks.length - 1]!.page?.label).toMatch(/^i+$/);
    expect(read.pagesWithoutText).toEqual([built.pageCount]);
  });

  it('reports progress page by page and stops with the abort reason when cancelled', async () => {
    const built = await buildFixturePdf();
    const progress: Array<[number, number]> = [];
    await readPdf({ fileName: 'a.pdf', bytes: built.bytes, onProgress: (done, total) => progress.push([done, total]) });
    expect(progress).toEqual(Array.from({ length: built.pageCount }, (_, index) => [index + 1, built.pageCount]));
    const controller = new AbortController();
    const reason = new Error('cancelled by the reader');
    const reading = readPdf({
      fileName: 'a.pdf',
      bytes: built.bytes,
      signal: controller.signal,
      onProgress: () => controller.abort(reason),
    });
    await expect(reading).rejects.toBe(reason);
  });
});

describe('PDFs that cannot be read', () => {
  it('asks for the password of an encrypted PDF, refuses a wrong one and opens with the right one', async () => {
    const built = await buildFixturePdf({ userPassword: 'harbour' });
    const locked = await failureOf(readPdf({ fileName: 'locked.pdf', bytes: built.bytes }));
    expect(locked.code).toBe('PASSWORD_REQUIRED');
    expect(locked.message).toMatch(/“locked\.pdf” is encrypted.*password/);
    const wrong = await failureOf(readPdf({ fileName: 'locked.pdf', bytes: built.bytes, password: 'quay' }));
    expect(wrong.code).toBe('PASSWORD_WRONG');
    expect(wrong.message).toBe('The password for “locked.pdf” is not right. Nothing was imported.');
    const read = await readPdf({ fileName: 'locked.pdf', bytes: built.bytes, password: 'harbour' });
    expect(wordF1(built.words.map((entry) => entry.word).join(' '), allText(read.blocks))).toBeGreaterThanOrEqual(0.98);
  });

  it('says a file that is not a PDF, or is cut short, cannot be read', async () => {
    const notPdf = await failureOf(
      readPdf({ fileName: 'notes.pdf', bytes: new TextEncoder().encode('just some words, no PDF here') }),
    );
    expect(notPdf.code).toBe('INVALID_INPUT');
    expect(notPdf.message).toMatch(/“notes\.pdf” could not be read as a PDF/);
    const built = await buildFixturePdf();
    const cut = await failureOf(readPdf({ fileName: 'cut.pdf', bytes: built.bytes.slice(0, 300) }));
    expect(cut.code).toBe('INVALID_INPUT');
    const empty = await failureOf(readPdf({ fileName: 'empty.pdf', bytes: new Uint8Array() }));
    expect(empty.code).toBe('EMPTY_FILE');
  });

  it('refuses more than 5,000 pages before reading any page', async () => {
    const bytes = await pdfOfBlankPages(5001);
    let pagesRead = 0;
    const refused = await failureOf(readPdf({ fileName: 'huge.pdf', bytes, onProgress: () => (pagesRead += 1) }));
    expect(refused.code).toBe('TOO_LARGE');
    expect(refused.message).toBe('“huge.pdf” has 5,001 pages; Marginalia imports PDFs of at most 5,000 pages.');
    expect(pagesRead).toBe(0);
  });
});
