import { createCanvas } from '@napi-rs/canvas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MarginaliaCore } from '../../src/core/core';
import type { Annotation } from '../../src/shared/annotations';
import type { OriginalPage } from '../../src/shared/model';
import { imagePdf, knownText, scannedPages } from '../support/ocr-fixtures';
import { makeTempDir } from '../support/temp';

// The original page of a document read by OCR (an image, a scanned PDF page): the picture
// itself, with an annotation's words outlined where OCR found them on it.

let temp: ReturnType<typeof makeTempDir>;
let core: MarginaliaCore;

async function call<T>(method: string, input: unknown): Promise<T> {
  const result = await core.call(method as never, input as never);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

/** A white picture with two lines of black text at known heights. */
function twoLinePng(): Uint8Array {
  const canvas = createCanvas(1200, 500);
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, 1200, 500);
  context.fillStyle = '#000000';
  context.font = '44px serif';
  context.fillText('Harbour survey teams recorded pottery.', 60, 120);
  context.fillText('Stone columns stood near the market.', 60, 340);
  return new Uint8Array(canvas.toBuffer('image/png'));
}

async function importAndAnnotate(fileName: string, bytes: Uint8Array, word: string) {
  const outcome = await call<{ document: { id: string } }>('importDocument', {
    fileName,
    dataBase64: Buffer.from(bytes).toString('base64'),
  });
  const documentId = outcome.document.id;
  const { text } = await call<{ text: string }>('getDocumentText', { id: documentId });
  const start = text.indexOf(word);
  expect(start).toBeGreaterThan(0);
  const annotation = await call<Annotation>('createAnnotation', { documentId, start, end: start + word.length });
  return { documentId, annotation };
}

beforeAll(() => {
  temp = makeTempDir();
  core = new MarginaliaCore({ dataDir: temp.path, host: 'cli', version: 'test' });
});

afterAll(() => {
  core.close();
  temp.remove();
});

describe('the original page of a recognized document', () => {
  it('shows an imported image as its page, with the annotated word outlined on its line', async () => {
    const { documentId, annotation } = await importAndAnnotate('note.png', twoLinePng(), 'columns');
    const page = await call<OriginalPage>('getOriginalPage', { documentId, page: 1, annotationId: annotation.id });
    expect([page.width, page.height, page.pageCount]).toEqual([1200, 500, 1]);
    expect(page.regions).toHaveLength(1);
    const [region] = page.regions;
    // "columns" is the second word of the second line, drawn with its baseline at 340 of 500.
    expect(region!.y).toBeGreaterThan(0.5);
    expect(region!.y + region!.height).toBeLessThan(0.75);
    expect(region!.x).toBeGreaterThan(0.12);
    expect(region!.x + region!.width).toBeLessThan(0.5);
  }, 120_000);

  it('outlines an annotation on a scanned PDF page, which has no text layer to search', async () => {
    const words = knownText(7, 20);
    const pdf = await imagePdf(await scannedPages([words]));
    const word = words.split(' ')[12]!.replace(/\W/g, '');
    const { documentId, annotation } = await importAndAnnotate('scan.pdf', pdf, word);
    const page = await call<OriginalPage>('getOriginalPage', { documentId, page: 1, annotationId: annotation.id });
    expect(page.regions.length).toBeGreaterThanOrEqual(1);
    expect(page.regions[0]!.width).toBeLessThan(0.5);
  }, 180_000);

  it('says an image has no page past its last', async () => {
    const { documentId } = await importAndAnnotate('again.png', twoLinePng(), 'Stone');
    const result = await core.call('getOriginalPage', { documentId, page: 2 });
    expect(result.ok ? '' : result.error.message).toMatch(/has 1 page; there is no page 2/);
  }, 60_000);
});
