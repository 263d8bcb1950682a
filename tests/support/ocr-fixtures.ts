// Scanned pages made from known text: small pdfkit pages of plain sentences, rendered at
// 300 dpi with poppler's pdftoppm, then given back as PNG, JPEG, multi-page TIFF, or a PDF
// whose pages are only those images (a scan), or a PDF mixing a text page with an image page.
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import UTIF from 'utif2';
import { FONTS_DIR, makeTempDir } from './temp';

const SERIF = join(FONTS_DIR, 'DejaVuSerif.ttf');
/** A page of 5 × 3.2 inches: about 1500 × 960 pixels at 300 dpi, a few seconds of OCR. */
export const SMALL_PAGE: [number, number] = [360, 230];
/** A US Letter page, for the benchmark's full pages of text. */
export const LETTER_PAGE: [number, number] = [612, 792];
const MARGIN = 24;

const WORDS = (
  'harbour survey walls streets teams recorded pottery fragments valley road ancient city careful ' +
  'buildings measured northern gate stone columns market square temple coast season report drawings ' +
  'archive letters river bridge tower field evidence dating coins inscription'
).split(' ');

/** Deterministic sentences of plain words: the known text a page holds. */
export function knownText(seed: number, words = 40): string {
  let state = seed;
  const out: string[] = [];
  for (let index = 0; index < words; index++) {
    state = (state * 1103515245 + 12345) % 2147483648;
    out.push(WORDS[state % WORDS.length]!);
  }
  const sentences: string[] = [];
  for (let start = 0; start < out.length; start += 10) {
    const sentence = out.slice(start, start + 10).join(' ');
    sentences.push(`${sentence[0]!.toUpperCase()}${sentence.slice(1)}.`);
  }
  return sentences.join(' ');
}

/** A PDF with a text layer, one small page per text. */
export function textPdf(texts: readonly string[], size = SMALL_PAGE): Promise<Uint8Array> {
  const doc = new PDFDocument({ size, margin: MARGIN, autoFirstPage: false });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Uint8Array>((resolve) =>
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks)))),
  );
  for (const text of texts) {
    doc.addPage();
    doc.font(SERIF).fontSize(11).text(text, { lineGap: 2 });
  }
  doc.end();
  return done;
}

/** Each page of `pdf` rendered by pdftoppm (at 300 dpi unless said; a low one makes a poor scan), as PNG bytes. */
export function renderPages(pdf: Uint8Array, dpi = 300): Uint8Array[] {
  const temp = makeTempDir('marginalia-ocr-');
  try {
    writeFileSync(join(temp.path, 'in.pdf'), pdf);
    execFileSync('pdftoppm', ['-r', String(dpi), '-png', join(temp.path, 'in.pdf'), join(temp.path, 'page')]);
    return readdirSync(temp.path)
      .filter((name) => name.endsWith('.png'))
      .sort()
      .map((name) => new Uint8Array(readFileSync(join(temp.path, name))));
  } finally {
    temp.remove();
  }
}

/** Known texts rendered as scanned page images. */
export async function scannedPages(texts: readonly string[], size = SMALL_PAGE): Promise<Uint8Array[]> {
  return renderPages(await textPdf(texts, size));
}

/** A PDF of scanned pages: each PNG fills its page with no text layer; a string is set as text instead. */
export function imagePdf(pages: ReadonlyArray<Uint8Array | string>, size = SMALL_PAGE): Promise<Uint8Array> {
  const doc = new PDFDocument({ size, margin: MARGIN, autoFirstPage: false });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Uint8Array>((resolve) =>
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks)))),
  );
  for (const page of pages) {
    doc.addPage();
    if (typeof page === 'string') doc.font(SERIF).fontSize(11).text(page, { lineGap: 2 });
    else doc.image(Buffer.from(page), 0, 0, { width: size[0], height: size[1] });
  }
  doc.end();
  return done;
}

async function pixelsOf(png: Uint8Array): Promise<{ width: number; height: number; rgba: Uint8Array }> {
  const image = await loadImage(Buffer.from(png));
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  const { data } = context.getImageData(0, 0, image.width, image.height);
  return {
    width: image.width,
    height: image.height,
    rgba: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
  };
}

/** A PNG re-encoded as a JPEG (quality 92). */
export async function jpegOf(png: Uint8Array): Promise<Uint8Array> {
  const image = await loadImage(Buffer.from(png));
  const canvas = createCanvas(image.width, image.height);
  canvas.getContext('2d').drawImage(image, 0, 0);
  return new Uint8Array(await canvas.encode('jpeg', 92));
}

function frameDirectory(width: number, height: number, offset: number): Record<string, unknown> {
  return {
    t256: [width],
    t257: [height],
    t258: [8, 8, 8, 8],
    t259: [1],
    t262: [2],
    t273: [offset],
    t277: [4],
    t278: [height],
    t279: [width * height * 4],
    t284: [1],
    t338: [1],
  };
}

/** An uncompressed multi-page TIFF, one RGBA frame per PNG. */
export async function multiPageTiff(pngs: readonly Uint8Array[]): Promise<Uint8Array> {
  const frames = await Promise.all(pngs.map(pixelsOf));
  const layout = (base: number) => {
    let offset = base;
    return frames.map((frame) => {
      const directory = frameDirectory(frame.width, frame.height, offset);
      offset += frame.rgba.length;
      return directory;
    });
  };
  const encode = (directories: Array<Record<string, unknown>>) =>
    new Uint8Array(UTIF.encode(directories as unknown as UTIF.IFD[]));
  const base = encode(layout(0)).length + 64;
  const header = encode(layout(base));
  const bytes = new Uint8Array(base + frames.reduce((sum, frame) => sum + frame.rgba.length, 0));
  bytes.set(header, 0);
  let offset = base;
  for (const frame of frames) {
    bytes.set(frame.rgba, offset);
    offset += frame.rgba.length;
  }
  return bytes;
}

/** A PNG's bytes with the width and height in its header changed (the pixels left as they were). */
export function withPngSize(png: Uint8Array, width: number, height: number): Uint8Array {
  const copy = new Uint8Array(png);
  const view = new DataView(copy.buffer);
  view.setUint32(16, width);
  view.setUint32(20, height);
  return copy;
}

/** Levenshtein distance over characters, in one row of memory. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** Character error rate of `read` against `expected`, spaces made single. */
export function characterErrorRate(expected: string, read: string): number {
  const clean = (text: string) => text.replace(/\s+/g, ' ').trim();
  const truth = clean(expected);
  return editDistance(truth, clean(read)) / Math.max(1, truth.length);
}

/** A page of 5 × 4.4 inches, tall enough for a running head and a foot apart from the text. */
export const FURNISHED_PAGE: [number, number] = [360, 320];

/**
 * A PDF with a text layer as a book sets it: a heading in 20 pt opens the first page, a running
 * head in 9 pt tops the later ones, and each page ends in "Page N of M" or a bare number.
 */
export function furnishedPdf(texts: readonly string[], heading: string, runningHead: string): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: FURNISHED_PAGE, margin: MARGIN, autoFirstPage: false });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Uint8Array>((resolve) =>
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks)))),
  );
  texts.forEach((text, index) => {
    doc.addPage();
    if (index > 0) doc.font(SERIF).fontSize(9).text(runningHead, MARGIN, 14, { lineBreak: false });
    doc
      .font(SERIF)
      .fontSize(20)
      .text(index === 0 ? heading : '', MARGIN, 44);
    doc
      .font(SERIF)
      .fontSize(11)
      .text(text, MARGIN, index === 0 ? 80 : 48, { lineGap: 2 });
    const foot = index % 2 === 0 ? `Page ${index + 1} of ${texts.length}` : String(index + 1);
    doc
      .font(SERIF)
      .fontSize(9)
      .text(foot, MARGIN, FURNISHED_PAGE[1] - 30, { lineBreak: false });
  });
  doc.end();
  return done;
}
