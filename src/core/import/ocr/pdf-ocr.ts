// Recognizes a PDF's scanned pages: each page with no text layer but an image on it is
// rendered (pdfjs-dist onto @napi-rs/canvas, about 300 dpi, bounded in size) and OCRed; its
// paragraphs go in at their page, between the pages read from the text layer.
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Block, PageRef } from '../../../shared/document-blocks';
import type { FormatInput, ReadDocument } from '../formats/format-reader';
import type { Pdfjs } from '../formats/pdf-library';
import { cleanTitle } from '../parsed-document';
import { withoutTitleParagraph } from './ocr-blocks';
import { ocrImporterName } from './ocr-engine';
import { DEFAULT_OCR } from './ocr-models';
import { recognizePages } from './ocr-pages';

/** Pages are rendered for OCR at this resolution, tesseract's best. */
export const OCR_DPI = 300;
/** A rendered page stays within this many pixels (an A4 page at 300 dpi is 8.7 million) and this long a side. */
export const MAX_RENDER_PIXELS = 20_000_000;
export const MAX_RENDER_SIDE = 10_000;

/**
 * The page the title was printed on once the scans are read: the first recognized page when OCR
 * gave the title; else the text layer's, unless a scanned page with words now comes before it
 * (the title would then stand, as the first page, ahead of a page printed before it).
 */
function titlePageAfterOcr(
  textLayers: PageRef | undefined,
  recognized: ReadonlyArray<{ page: number; blocks: readonly Block[] }>,
  titled: boolean,
  pageRef: (number: number) => PageRef,
): PageRef | undefined {
  const firstWithWords = recognized.find((page) => page.blocks.length > 0)?.page;
  if (titled) return firstWithWords === undefined ? undefined : pageRef(firstWithWords);
  if (textLayers === undefined || firstWithWords === undefined) return textLayers;
  return firstWithWords < textLayers.number ? undefined : textLayers;
}

export interface ScannedPdf extends ReadDocument {
  pagesWithoutText: number[];
}

/** The scale that renders a page of `width` × `height` points at OCR_DPI, or smaller to stay within the caps. */
export function renderScale(width: number, height: number): number {
  const dpiScale = OCR_DPI / 72;
  const pixelScale = Math.sqrt(MAX_RENDER_PIXELS / Math.max(1, width * height));
  const sideScale = MAX_RENDER_SIDE / Math.max(1, width, height);
  return Math.min(dpiScale, pixelScale, sideScale);
}

/** True when the page paints an image: a page without text and without images (blank, or only drawing) has nothing to recognize. */
async function paintsImage(pdfjs: Pdfjs, document: PDFDocumentProxy, number: number): Promise<boolean> {
  const imageOps = new Set(
    Object.entries(pdfjs.OPS)
      .filter(([name]) => /^paint.*Image/.test(name))
      .map(([, op]) => op),
  );
  try {
    const page = await document.getPage(number);
    const { fnArray } = await page.getOperatorList();
    page.cleanup();
    return fnArray.some((op) => imageOps.has(op));
  } catch {
    return false;
  }
}

/** The canvas pdfjs makes through its own factory: its copy of @napi-rs/canvas, whose paths and images it draws with. */
interface FactoryCanvas {
  canvas: { width: number; height: number };
  context: {
    fillStyle: string;
    fillRect(x: number, y: number, width: number, height: number): void;
    getImageData(x: number, y: number, width: number, height: number): { data: Uint8ClampedArray };
  };
}

/**
 * The canvas as a grey PGM image: tesseract reads it without decoding, where a PNG costs a
 * compression here and a decompression there (about a third of a second a page at 300 dpi),
 * and tesseract greys the page first anyway.
 */
export function greyPgm(rgba: Uint8ClampedArray | Uint8Array, width: number, height: number): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${width} ${height}\n255\n`);
  const image = new Uint8Array(header.length + width * height);
  image.set(header);
  for (let pixel = 0, at = header.length; pixel < rgba.length; pixel += 4, at++) {
    // ITU-R BT.601 luma in eighths of 256: the weights tesseract's own greying uses, near enough.
    image[at] = (rgba[pixel]! * 77 + rgba[pixel + 1]! * 150 + rgba[pixel + 2]! * 29) >> 8;
  }
  return image;
}

interface CanvasFactory {
  create(width: number, height: number): FactoryCanvas;
  destroy(canvas: FactoryCanvas): void;
}

/**
 * One page drawn on a white canvas, as grey PGM bytes. The canvas comes from pdfjs's factory:
 * pdfjs draws with its own copy of @napi-rs/canvas, and mixing objects of two copies crashes.
 */
async function renderPage(document: PDFDocumentProxy, number: number): Promise<Uint8Array> {
  const page = await document.getPage(number);
  const base = page.getViewport({ scale: 1 });
  const viewport = page.getViewport({ scale: renderScale(base.width, base.height) });
  const factory = document.canvasFactory as CanvasFactory;
  const drawn = factory.create(Math.max(1, Math.ceil(viewport.width)), Math.max(1, Math.ceil(viewport.height)));
  try {
    drawn.context.fillStyle = '#ffffff';
    drawn.context.fillRect(0, 0, drawn.canvas.width, drawn.canvas.height);
    await page.render({
      canvas: drawn.canvas as unknown as HTMLCanvasElement,
      canvasContext: drawn.context as unknown as CanvasRenderingContext2D,
      viewport,
    }).promise;
    const { width, height } = drawn.canvas;
    return greyPgm(drawn.context.getImageData(0, 0, width, height).data, width, height);
  } finally {
    page.cleanup();
    factory.destroy(drawn);
  }
}

/** The blocks read from the text layer with each recognized page's paragraphs put in at its page. */
function mergeByPage(
  textBlocks: readonly Block[],
  recognized: ReadonlyArray<{ page: number; blocks: Block[] }>,
): Block[] {
  const merged: Block[] = [];
  let next = 0;
  for (const block of textBlocks) {
    const page = block.page?.number ?? 0;
    while (next < recognized.length && recognized[next]!.page < page) merged.push(...recognized[next++]!.blocks);
    merged.push(block);
  }
  while (next < recognized.length) merged.push(...recognized[next++]!.blocks);
  return merged;
}

/**
 * OCRs the pages the text layer left empty that carry an image, and returns the document
 * with their text in place and the OCR facts; a PDF with none comes back as it was.
 */
export async function recognizeScannedPages<T extends ScannedPdf>(
  pdfjs: Pdfjs,
  document: PDFDocumentProxy,
  read: T,
  input: FormatInput,
  pageRef: (number: number) => PageRef,
): Promise<T> {
  const scanned: number[] = [];
  for (const number of read.pagesWithoutText) {
    input.signal?.throwIfAborted();
    if (await paintsImage(pdfjs, document, number)) scanned.push(number);
  }
  if (scanned.length === 0) return read;
  const recognized = await recognizePages(
    {
      count: scanned.length,
      page: (index) => pageRef(scanned[index]!),
      image: (index) => renderPage(document, scanned[index]!),
    },
    input,
  );
  const pages = recognized.pages.map((blocks, index) => ({ page: scanned[index]!, blocks }));
  // A title the text layer's reader fell back to the file name for (no metadata, no text) gives
  // way to the first scanned page's largest text, as the text layer's first page's would.
  const fromFileName = read.title === cleanTitle(input.fileName.replace(/\.pdf$/i, ''), input.fileName);
  const merged = mergeByPage(read.blocks, pages);
  const titled = fromFileName && recognized.title !== '';
  const title = titled ? cleanTitle(recognized.title, read.title) : read.title;
  return {
    ...read,
    titlePage: titlePageAfterOcr(read.titlePage, pages, titled, pageRef),
    title,
    // Only the paragraph OCR titled by goes: a text layer's paragraph that its title was taken from stays.
    blocks: titled ? withoutTitleParagraph(merged, title) : merged,
    facts: {
      ...read.facts,
      importer: `${read.facts.importer}, ${ocrImporterName((input.ocr ?? DEFAULT_OCR).languages)}`,
      ocr: recognized.ocr,
    },
    pagesWithoutText: read.pagesWithoutText.filter(
      (number) => !scanned.includes(number) || pages.find((page) => page.page === number)!.blocks.length === 0,
    ),
  };
}
