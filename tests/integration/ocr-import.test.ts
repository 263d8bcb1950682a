import { createCanvas } from '@napi-rs/canvas';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MarginaliaCore } from '../../src/core/core';
import type { DocumentImporter } from '../../src/core/import';
import { FORMAT_READERS } from '../../src/core/import/formats';
import { readPdf } from '../../src/core/import/formats/pdf';
import { readImage } from '../../src/core/import/ocr/image-reader';
import { ocrWorkerOptions, openOcr } from '../../src/core/import/ocr/ocr-engine';
import type { Block } from '../../src/shared/document-blocks';
import { blockRuns, inlineText } from '../../src/shared/document-blocks';
import type { DocumentSource, ImportProgress } from '../../src/shared/model';
import { UserFacingError } from '../../src/shared/result';
import {
  characterErrorRate,
  imagePdf,
  jpegOf,
  knownText,
  multiPageTiff,
  scannedPages,
  withPngSize,
} from '../support/ocr-fixtures';
import { importerFor } from '../support/importer';
import { makeTempDir } from '../support/temp';

// Scanned pages and images read offline with tesseract.js: the text recognized from clean
// 300 dpi renders of known text, pages kept, only the pages without text recognized, images
// refused by their header's size before decoding, progress per page, and Cancel storing nothing.

const TEXTS = [knownText(7), knownText(11), knownText(23)];
let pngs: Uint8Array[];

let temp: ReturnType<typeof makeTempDir>;
let core: MarginaliaCore;
beforeEach(async () => {
  pngs ??= await scannedPages(TEXTS);
  temp = makeTempDir();
  core = new MarginaliaCore({ dataDir: temp.path, host: 'cli', version: 'test' });
});
afterEach(() => {
  core.close();
  temp.remove();
});

function inProcess(): DocumentImporter {
  return importerFor(core, FORMAT_READERS);
}

function pageText(blocks: readonly Block[], page: number): string {
  return blocks
    .filter((block) => block.page?.number === page)
    .map((block) => inlineText(blockRuns(block)))
    .join(' ');
}

async function failureOf(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof UserFacingError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected the import to fail');
}

/** The PNG with a tIME chunk (year, month, day, hour, minute, second, UTC) after its IHDR. */
function pngWithTime(png: Uint8Array, [year, ...rest]: number[]): Uint8Array {
  const body = Buffer.concat([Buffer.from('tIME', 'latin1'), Buffer.from([year! >> 8, year! & 0xff, ...rest])]);
  const chunk = Buffer.alloc(12 + 7);
  chunk.writeUInt32BE(7, 0);
  body.copy(chunk, 4);
  chunk.writeUInt32BE(crc32(body), 4 + body.length);
  const ihdrEnd = 8 + 12 + 13;
  return Buffer.concat([png.subarray(0, ihdrEnd), chunk, png.subarray(ihdrEnd)]);
}

async function sourceOf(id: string): Promise<DocumentSource> {
  const result = await core.call('getDocumentSource', { id });
  if (!result.ok) throw new Error(result.error.message);
  return result.value as DocumentSource;
}

describe('OCR of scanned PDFs', () => {
  it('reads a scanned PDF page by page with a character error rate of at most 2 %, reporting each page recognized', async () => {
    const progress: Array<[number, number, string | undefined]> = [];
    const read = await readPdf({
      fileName: 'scan.pdf',
      bytes: await imagePdf(pngs.slice(0, 2)),
      onProgress: (done, total, stage) => progress.push([done, total, stage]),
    });
    expect(characterErrorRate(TEXTS[0]!, pageText(read.blocks, 1))).toBeLessThanOrEqual(0.02);
    expect(characterErrorRate(TEXTS[1]!, pageText(read.blocks, 2))).toBeLessThanOrEqual(0.02);
    expect(progress.filter(([, , stage]) => stage === 'recognizing')).toEqual([
      [0, 2, 'recognizing'],
      [1, 2, 'recognizing'],
      [2, 2, 'recognizing'],
    ]);
    expect(read.facts.ocr).toMatchObject({ pagesRecognized: 2, languages: 'eng' });
    expect(read.facts.ocr!.meanConfidence).toBeGreaterThan(80);
    expect(read.pagesWithoutText).toEqual([]);
  });

  it('recognizes only the image page of a mixed PDF and keeps every block at its page', async () => {
    const progress: Array<[number, number, string | undefined]> = [];
    const read = await readPdf({
      fileName: 'mixed.pdf',
      bytes: await imagePdf([TEXTS[0]!, pngs[1]!, TEXTS[2]!]),
      onProgress: (done, total, stage) => progress.push([done, total, stage]),
    });
    expect(progress.filter(([, , stage]) => stage === 'recognizing')).toEqual([
      [0, 1, 'recognizing'],
      [1, 1, 'recognizing'],
    ]);
    expect(read.blocks.map((block) => block.page?.number)).toEqual(
      [...read.blocks.map((block) => block.page?.number)].sort(),
    );
    expect(pageText(read.blocks, 1).replace(/\s+/g, ' ')).toBe(TEXTS[0]);
    expect(characterErrorRate(TEXTS[1]!, pageText(read.blocks, 2))).toBeLessThanOrEqual(0.02);
    expect(pageText(read.blocks, 3).replace(/\s+/g, ' ')).toBe(TEXTS[2]);
    expect(read.facts.ocr?.pagesRecognized).toBe(1);
    // The title is page 1's own text, and page 1 still comes first: the title stays on it.
    expect(read.titlePage).toEqual({ number: 1 });
  });

  it('gives a title taken from page 2 no page when a scanned page 1 is read before it', async () => {
    const read = await readPdf({ fileName: 'mixed.pdf', bytes: await imagePdf([pngs[0]!, TEXTS[1]!]) });
    expect(read.title).not.toBe('mixed');
    expect(read.blocks[0]!.page?.number).toBe(1);
    expect(read.titlePage).toBeUndefined();
  });
});

describe('importing images', () => {
  it('imports a PNG through the worker with progress events, its MIME type and its OCR facts', async () => {
    const events: ImportProgress[] = [];
    core.events.subscribe((envelope) => {
      if (envelope.event === 'importProgress') events.push(envelope.payload);
    });
    const result = await core.call('importDocument', {
      fileName: 'page.png',
      // Its tIME chunk is when it was scanned: the Source panel's Captured.
      dataBase64: Buffer.from(pngWithTime(pngs[0]!, [2025, 10, 11, 9, 30, 5])).toString('base64'),
      jobId: 'png-job',
    });
    if (!result.ok) throw new Error(result.error.message);
    const { document } = result.value as { document: { id: string; sourceType: string; title: string } };
    expect([document.sourceType, document.title]).toEqual(['image', 'page']);
    const text = core.documents.canonicalText(document.id);
    expect(characterErrorRate(TEXTS[0]!, text.slice('page'.length))).toBeLessThanOrEqual(0.02);
    const { provenance } = await sourceOf(document.id);
    expect(provenance).toMatchObject({
      sourceType: 'image',
      mimeType: 'image/png',
      pageCount: 1,
      createdAt: '2025-10-11T09:30:05.000Z',
    });
    expect(provenance?.ocr).toMatchObject({ threshold: 70, textLength: text.length });
    for (const word of provenance!.ocr!.uncertain!) expect(text.slice(word.start, word.end)).toBe(word.text);
    expect(events.filter((event) => event.stage === 'recognizing').map((event) => [event.done, event.total])).toEqual([
      [0, 1],
      [1, 1],
    ]);
  });

  it('imports a JPEG and a multi-page TIFF, one page per frame', async () => {
    const importer = inProcess();
    const jpeg = await importer.importFile('photo.jpg', await jpegOf(pngs[2]!));
    expect(
      characterErrorRate(TEXTS[2]!, core.documents.canonicalText(jpeg.document.id).slice('photo'.length)),
    ).toBeLessThanOrEqual(0.02);
    expect((await sourceOf(jpeg.document.id)).provenance?.mimeType).toBe('image/jpeg');

    const tiff = await importer.importFile('pages.tiff', await multiPageTiff(pngs.slice(0, 2)));
    const { provenance } = await sourceOf(tiff.document.id);
    expect(provenance).toMatchObject({ mimeType: 'image/tiff', pageCount: 2 });
    expect(provenance?.pageMap.map((entry) => entry.number)).toEqual([1, 2]);
    const text = core.documents.canonicalText(tiff.document.id);
    const second = provenance!.pageMap[1]!.start;
    expect(characterErrorRate(TEXTS[0]!, text.slice(provenance!.pageMap[0]!.start, second))).toBeLessThanOrEqual(0.02);
    expect(characterErrorRate(TEXTS[1]!, text.slice(second))).toBeLessThanOrEqual(0.02);
  });

  it('refuses an image whose header says 30,000 × 30,000 pixels before decoding or recognizing anything', async () => {
    const progress: number[] = [];
    const started = Date.now();
    const failure = await failureOf(
      readImage({
        fileName: 'huge.png',
        bytes: withPngSize(pngs[0]!, 30_000, 30_000),
        onProgress: (done) => progress.push(done),
      }),
    );
    expect(failure.code).toBe('TOO_LARGE');
    expect(failure.message).toContain('30,000 × 30,000 pixels');
    expect(failure.message).toContain('at most 20,000 pixels a side and 40 megapixels');
    expect(progress).toEqual([]);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(core.documents.list()).toEqual([]);
  });

  it('says a PNG cut short is damaged and a blank page holds no text, without failing the process', async () => {
    const cut = await failureOf(readImage({ fileName: 'cut.png', bytes: pngs[0]!.slice(0, 2000) }));
    expect(cut).toEqual({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/^“cut.png” could not be read as an image; it may be damaged or cut short/),
    });
    const canvas = createCanvas(600, 400);
    const context = canvas.getContext('2d');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, 600, 400);
    const blank = await failureOf(readImage({ fileName: 'blank.png', bytes: await canvas.encode('png') }));
    expect(blank).toEqual({
      code: 'EMPTY_FILE',
      message: 'No text was recognized in “blank.png”: OCR found no words on it.',
    });
    const renamed = await failureOf(readImage({ fileName: 'memo.docx', bytes: await canvas.encode('png') }));
    expect(renamed.message).toBe(
      'No text was recognized in “memo.docx”: OCR found no words on it. ' +
        'Its bytes are a PNG image, whatever its name says, so it was read as one.',
    );
  });

  it('stops when the import is cancelled while recognizing, and stores nothing', async () => {
    const events: ImportProgress[] = [];
    core.events.subscribe((envelope) => {
      if (envelope.event !== 'importProgress') return;
      events.push(envelope.payload);
      if (envelope.payload.stage === 'recognizing') void core.call('cancelImport', { jobId: 'scan-job' });
    });
    const result = await core.call('importDocument', {
      fileName: 'scan.pdf',
      dataBase64: Buffer.from(await imagePdf(pngs)).toString('base64'),
      jobId: 'scan-job',
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('CANCELLED');
    expect(events.filter((event) => event.stage === 'recognizing').map((event) => event.done)).toEqual([0]);
    expect(core.documents.list()).toEqual([]);
  });
});

describe('the OCR engine offline', () => {
  it('reads its English model from the installed package and writes no cache', async () => {
    const cache = makeTempDir('marginalia-ocr-cache-');
    try {
      const options = ocrWorkerOptions({ languages: 'eng' }, cache.path);
      expect(options.langPath).not.toMatch(/^[a-z]+:/i);
      expect(existsSync(join(options.langPath, 'eng.traineddata.gz'))).toBe(true);
      const session = await openOcr({ languages: 'eng' }, cache.path);
      try {
        const blocks = await session.recognize(pngs[0]!);
        expect(blocks.length).toBeGreaterThan(0);
      } finally {
        await session.close();
      }
      expect(readdirSync(cache.path)).toEqual([]);
    } finally {
      cache.remove();
    }
  });
});
