import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { chapterBlocks } from '../../src/core/import/formats/epub-chapter';
import { EPUB_LIMITS, MAX_CHAPTERS, readEpub } from '../../src/core/import/formats/epub-reader';
import type { ReadDocument } from '../../src/core/import/formats/format-reader';
import type { Block } from '../../src/shared/document-blocks';
import { blockRuns, inlineText, tableLines } from '../../src/shared/document-blocks';
import { UserFacingError } from '../../src/shared/result';
import {
  buildEpub,
  CHAPTERS,
  EPUB_ALT,
  EPUB_AUTHORS,
  EPUB_DATE,
  EPUB_TITLE,
  epubKnownText,
  SOUNDINGS,
} from '../support/epub-fixture';
import { makeTempDir } from '../support/temp';
import { wordF1 } from '../support/text-score';
import { text, withDeclaredSize, zipWithZeros } from '../support/zip-hostile';

const MB = 1024 * 1024;

const blockText = (block: Block): string =>
  block.kind === 'list'
    ? block.items.map((item) => inlineText(item.children)).join('\n')
    : block.kind === 'table'
      ? tableLines(block)
      : inlineText(block.children);

const headings = (document: ReadDocument): string[] =>
  document.blocks.filter((block) => block.kind === 'heading').map(blockText);

async function failure(promise: Promise<unknown>): Promise<UserFacingError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(UserFacingError);
  return error as UserFacingError;
}

describe('reading an EPUB book', () => {
  let book: ReadDocument;
  const progress: Array<[number, number]> = [];

  beforeAll(async () => {
    const temp = makeTempDir();
    const path = join(temp.path, 'delta.epub');
    writeFileSync(path, buildEpub());
    book = await readEpub({
      fileName: 'delta.epub',
      bytes: readFileSync(path),
      onProgress: (done, total) => progress.push([done, total]),
    });
    temp.remove();
  });

  it('brings back the words of every chapter (word F1 at least 0.98 against the known text)', () => {
    expect(wordF1(book.blocks.map(blockText).join('\n'), epubKnownText())).toBeGreaterThanOrEqual(0.98);
  });

  it('reads the chapters in spine order, not in manifest or file-name order', () => {
    const all = book.blocks.map(blockText).join('\n');
    const positions = CHAPTERS.map((chapter) => all.indexOf(chapter.text[0]));
    expect(positions.every((at) => at >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(progress).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
  });

  it('opens each chapter with a heading: its own, or its table-of-contents label when it has none', () => {
    expect(headings(book)).toEqual(['Arrival at the river mouth', 'The Channels', 'Appendix of soundings']);
  });

  it('opens a chapter whose heading says something else with its table-of-contents label, its heading under it', () => {
    const chapter = (body: string) =>
      new TextEncoder().encode(
        `<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>x</title></head><body>${body}</body></html>`,
      );
    const levels = (blocks: Block[]) =>
      blocks.flatMap((block) => (block.kind === 'heading' ? [`h${block.level} ${blockText(block)}`] : []));
    const numbered = chapterBlocks(
      chapter('<h1>Chapter One</h1><p>The harbour.</p><h2>At dawn</h2><p>Boats.</p>'),
      'The Harbour',
      'c1',
    );
    expect(levels(numbered)).toEqual(['h1 The Harbour', 'h2 Chapter One', 'h3 At dawn']);
    // A heading that already says the label is not said twice, whatever its case or punctuation.
    const same = chapterBlocks(chapter('<h2>THE HARBOUR.</h2><p>Boats.</p>'), 'The Harbour', 'c2');
    expect(levels(same)).toEqual(['h2 THE HARBOUR.']);
    const none = chapterBlocks(chapter('<p>Boats.</p><h1>Later</h1>'), 'The Harbour', 'c3');
    expect(levels(none)).toEqual(['h1 The Harbour', 'h2 Later']);
  });

  it('uses the toc.ncx labels for an EPUB 2 book without a nav document', async () => {
    const old = await readEpub({ fileName: 'old.epub', bytes: buildEpub({ ncx: true }) });
    expect(headings(old)).toEqual(['Arrival at the river mouth', 'The Channels', 'Appendix of soundings']);
  });

  it('gives an image as its alt text marked “[Image: …]”, in italics after its paragraph, and keeps a table as a table', () => {
    const lines = book.blocks.map(blockText);
    const at = lines.indexOf(`[Image: ${EPUB_ALT}]`);
    expect(lines[at - 1]).toBe('Sketch drawn');
    expect(blockRuns(book.blocks[at]!)).toEqual([{ kind: 'text', text: `[Image: ${EPUB_ALT}]`, italic: true }]);
    expect(lines.filter((line) => line.includes(EPUB_ALT))).toHaveLength(1);
    const table = book.blocks.find((block) => block.kind === 'table');
    expect(table?.rows.map((row) => row.cells.map((cell) => inlineText(cell.children)))).toEqual(SOUNDINGS);
  });

  it('reads XHTML as XML, so a self-closed anchor does not swallow the emphasis after it', () => {
    const runs = book.blocks.flatMap((block) => blockRuns(block));
    expect(runs).toContainEqual({ kind: 'text', text: 'drawn', italic: true });
  });

  it('takes title, authors and date from the package metadata', () => {
    expect(book.title).toBe(EPUB_TITLE);
    expect(book.facts.author).toBe(EPUB_AUTHORS.join(', '));
    expect(book.facts.createdAt).toBe(new Date(EPUB_DATE).toISOString());
    expect(book.facts.importer).toMatch(/jsdom \d+/);
  });

  it('stops with the abort reason when the read is cancelled', async () => {
    const controller = new AbortController();
    controller.abort(new Error('cancelled by the reader'));
    await expect(readEpub({ fileName: 'x.epub', bytes: buildEpub(), signal: controller.signal })).rejects.toThrow(
      'cancelled by the reader',
    );
  });
});

describe('a hostile or broken EPUB', () => {
  it('refuses a manifest entry that points out of the book', async () => {
    const error = await failure(
      readEpub({ fileName: 'out.epub', bytes: buildEpub({ manifestHref: `${'../'.repeat(3)}etc/passwd` }) }),
    );
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toContain('points outside the book');
  });

  it('refuses a zip entry whose name leads out of the archive', async () => {
    const error = await failure(
      readEpub({ fileName: 'slip.epub', bytes: buildEpub({ extra: { '../slip.xhtml': text('<p/>') } }) }),
    );
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toContain('leads outside the archive');
  });

  it('refuses a chapter that inflates past the limit', async () => {
    const bytes = zipWithZeros('OEBPS/text/intro.xhtml', EPUB_LIMITS.entryBytes + MB);
    const error = await failure(readEpub({ fileName: 'bomb.epub', bytes }));
    expect(error.code).toBe('TOO_LARGE');
    expect(error.message).toContain('over the 16 MB limit');
  });

  it('stops inflating a chapter that lies about its size', async () => {
    const bytes = withDeclaredSize(zipWithZeros('OEBPS/text/intro.xhtml', 2 * MB), 100);
    const error = await failure(readEpub({ fileName: 'liar.epub', bytes }));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toContain('is damaged');
  });

  it('refuses a book with more chapter files than allowed', async () => {
    const error = await failure(readEpub({ fileName: 'long.epub', bytes: buildEpub({ spineCount: MAX_CHAPTERS }) }));
    expect(error.code).toBe('TOO_LARGE');
    expect(error.message).toContain(`at most ${MAX_CHAPTERS.toLocaleString('en')}`);
  });

  it('refuses a chapter nested thousands of elements deep with a message, not a crash', async () => {
    const deep = `<html xmlns="http://www.w3.org/1999/xhtml"><body>${'<div>'.repeat(5000)}x${'</div>'.repeat(5000)}</body></html>`;
    const bytes = buildEpub({ extra: { 'OEBPS/text/intro.xhtml': text(deep) } });
    const error = await failure(readEpub({ fileName: 'deep.epub', bytes }));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toContain('nested more than 1,000 deep');
  });

  it('refuses a file cut short, and a zip that is not a book', async () => {
    const whole = buildEpub();
    const cut = await failure(readEpub({ fileName: 'cut.epub', bytes: whole.slice(0, whole.length / 2) }));
    expect(cut.message).toBe(
      '“cut.epub” is damaged or cut short (a download that did not finish, say): ' +
        'the list of its contents, kept at the end of the file, is missing. Nothing was imported.',
    );
    const other = await failure(readEpub({ fileName: 'other.epub', bytes: zipSync({ 'a.xhtml': text('<p>x</p>') }) }));
    expect(other.code).toBe('INVALID_INPUT');
    expect(other.message).toContain('not an EPUB book');
  });
});
