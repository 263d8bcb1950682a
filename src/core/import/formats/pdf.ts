// Reads a PDF's text layer into blocks in the order a person reads them: columns, without
// running heads and page numbers, paragraphs and headings rebuilt, footnotes at their page's end.
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Block, PageRef } from '../../../shared/document-blocks';
import { inlineText } from '../../../shared/document-blocks';
import { UserFacingError } from '../../../shared/result';
import { cleanTitle } from '../parsed-document';
import type { FormatInput, ReadDocument } from './format-reader';
import type { PageGroups } from './pdf-blocks';
import { buildBlocks, joinContinuations, largestOnFirstPage } from './pdf-blocks';
import type { PageFrame } from './pdf-furniture';
import { removeFurniture } from './pdf-furniture';
import { readingOrder, splitFootnotes } from './pdf-layout';
import type { Pdfjs } from './pdf-library';
import { openPdf, pdfjsLibrary } from './pdf-library';
import type { PdfLine, PdfPiece } from './pdf-lines';
import { buildLines, cleanPdfText } from './pdf-lines';
import { readMetadata } from './pdf-metadata';
import { joinLines } from './pdf-paragraphs';
import type { LineGroup, TextStyle } from './pdf-paragraphs';
import type { PdfTable } from './pdf-tables';
import { takeTables } from './pdf-tables';
import { takeSideTables } from './pdf-side-boxes';
import { groupRegion } from './pdf-paragraphs';
import { TextStyleTally } from './pdf-text-style';
import { recognizeScannedPages } from '../ocr/pdf-ocr';

export const MAX_PDF_PAGES = 5000;
/** More separately placed pieces of text than this on one page is not prose; the layout work grows with it. */
export const MAX_PIECES_PER_PAGE = 100_000;

export interface PdfReadDocument extends ReadDocument {
  /** Pages (numbers from 1) with no text of their own that OCR did not fill: blank pages, drawings, or scans with no words found. */
  pagesWithoutText: number[];
}

interface TextItemLike {
  str: string;
  transform: number[];
  width: number;
  fontName: string;
}

function piecesOf(items: readonly unknown[]): PdfPiece[] {
  const pieces: PdfPiece[] = [];
  for (const item of items as Array<Partial<TextItemLike>>) {
    if (typeof item.str !== 'string' || !item.transform || typeof item.width !== 'number') continue;
    const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = item.transform;
    // Rotated or mirrored text is margin furniture (stamps, line numbers); reading it would scramble lines.
    if (a <= 0 || Math.abs(b) > 0.01 * a) continue;
    pieces.push({
      text: cleanPdfText(item.str),
      x,
      y,
      width: item.width,
      size: Math.hypot(c, d),
      font: item.fontName ?? '',
    });
  }
  return pieces;
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason;
}

function pageRef(number: number, labels: readonly string[] | null): PageRef {
  const label = labels?.[number - 1]?.trim();
  return label && label !== String(number) ? { number, label: label.slice(0, 50) } : { number };
}

/** One page's lines; a page pdf.js cannot read counts as a page without text rather than failing the file. */
async function readFrame(
  document: PDFDocumentProxy,
  number: number,
  fileName: string,
  tally: TextStyleTally,
): Promise<PageFrame> {
  let items: readonly unknown[];
  let view: number[];
  try {
    const page = await document.getPage(number);
    view = page.view;
    items = (await page.getTextContent()).items;
    page.cleanup();
  } catch {
    return { top: 0, bottom: 0, lines: [] };
  }
  if (items.length > MAX_PIECES_PER_PAGE) {
    throw new UserFacingError(
      'TOO_LARGE',
      `Page ${number} of “${fileName}” has more than ${MAX_PIECES_PER_PAGE.toLocaleString('en')} separate pieces of text; Marginalia cannot lay it out.`,
    );
  }
  const pieces = piecesOf(items);
  tally.add(pieces);
  const [, bottom = 0, , top = 0] = view;
  return { top, bottom, lines: buildLines(pieces) };
}

async function readFrames(document: PDFDocumentProxy, input: FormatInput, tally: TextStyleTally): Promise<PageFrame[]> {
  const frames: PageFrame[] = [];
  const total = document.numPages;
  for (let number = 1; number <= total; number++) {
    throwIfAborted(input.signal);
    frames.push(await readFrame(document, number, input.fileName, tally));
    input.onProgress?.(number, total);
  }
  throwIfAborted(input.signal);
  return frames;
}

/** Lists set side by side: each column a list of its own, left to right, each line an item. */
function listGroups(table: PdfTable, size: number): LineGroup[] {
  const columns = table.rows[0]?.length ?? 0;
  return Array.from({ length: columns }, (_, column) =>
    table.rows
      .map((row) => row[column] ?? '')
      .filter((text) => text !== '')
      .map((text, index): LineGroup => ({
        kind: 'item',
        text,
        size,
        bold: false,
        ordered: false,
        newList: index === 0,
      })),
  ).flat();
}

/**
 * A region's groups, a table standing where its stand-in line stood among the region's lines; a
 * table beside the text goes after the paragraph holding the line above its stand-in.
 */
function groupsOf(region: readonly PdfLine[], tables: ReadonlyMap<PdfLine, PdfTable>, style: TextStyle): LineGroup[] {
  const groups: LineGroup[] = [];
  let run: PdfLine[] = [];
  let asides = new Map<PdfLine, LineGroup[]>();
  const flush = (): void => {
    groups.push(...groupRegion(run, style, asides));
    run = [];
    asides = new Map();
  };
  for (const line of region) {
    const table = tables.get(line);
    if (!table) {
      run.push(line);
      continue;
    }
    if (table.lists) {
      flush();
      groups.push(...listGroups(table, line.size));
      continue;
    }
    const group: LineGroup = { kind: 'table', text: line.text, size: line.size, bold: false, table };
    const anchor = run[run.length - 1];
    if (table.beside && anchor) {
      asides.set(anchor, [...(asides.get(anchor) ?? []), group]);
      continue;
    }
    flush();
    groups.push(group);
  }
  flush();
  return groups;
}

/**
 * Tables are looked for on the whole page and again in each of its columns, before the columns are
 * split, a table in a box beside the text first.
 */
function groupsWithTables(body: readonly PdfLine[], style: TextStyle): LineGroup[] {
  const tables = new Map<PdfLine, PdfTable>();
  const isBold = (font: string): boolean => style.boldFonts.has(font);
  const take = (lines: readonly PdfLine[]): PdfLine[] => {
    const beside = takeSideTables(
      lines.filter((line) => !tables.has(line)),
      isBold,
    );
    const found = takeTables(
      beside.lines.filter((line) => !beside.tables.has(line)),
      isBold,
    );
    for (const [line, table] of [...beside.tables, ...found.tables]) tables.set(line, table);
    const kept = lines.filter((line) => tables.has(line) && !found.tables.has(line) && !beside.tables.has(line));
    return [...found.lines, ...beside.tables.keys(), ...kept];
  };
  return readingOrder(body, 0, take).flatMap((region) => groupsOf(region, tables, style));
}

function groupPages(frames: readonly PageFrame[], style: TextStyle, labels: readonly string[] | null): PageGroups[] {
  const bodies = removeFurniture(frames, style.bodySize);
  return bodies.map((lines, index) => {
    const { body, footnotes } = splitFootnotes(lines, style.bodySize);
    return {
      page: pageRef(index + 1, labels),
      groups: groupsWithTables(body, style),
      footnotes: footnotes.map((note) => joinLines(note.map((line) => line.text))),
    };
  });
}

/** Text compared as a title: spacing and case aside. */
function sameTitle(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLocaleLowerCase();
}

/** The page's own title heading, when it says the document's title: the reader shows that already. */
function withoutTitleHeading(blocks: Block[], title: string): Block[] {
  const first = blocks[0];
  if (first?.kind === 'heading' && sameTitle(inlineText(first.children)) === sameTitle(title)) return blocks.slice(1);
  return blocks;
}

/**
 * The page the title was printed on: the first page with text, when the title is words of its
 * own (its largest text, or a line saying the metadata's title). A title only the metadata
 * gives belongs to no page: a reader would not look for it on page 1, so the "p. 1" rule stays
 * below it, where page 1's own words begin, and a search hit in it names no page rather than
 * sending the reader to an original page that does not show it.
 */
function titlePageOf(pages: readonly PageGroups[], title: string): PageRef | undefined {
  const first = pages.find((page) => page.groups.length > 0);
  if (!first) return undefined;
  return first.groups.some((group) => sameTitle(group.text) === sameTitle(title)) ? first.page : undefined;
}

async function readOpenDocument(
  pdfjs: Pdfjs,
  document: PDFDocumentProxy,
  input: FormatInput,
): Promise<PdfReadDocument> {
  if (document.numPages > MAX_PDF_PAGES) {
    throw new UserFacingError(
      'TOO_LARGE',
      `“${input.fileName}” has ${document.numPages.toLocaleString('en')} pages; ` +
        `Marginalia imports PDFs of at most ${MAX_PDF_PAGES.toLocaleString('en')} pages.`,
    );
  }
  const metadata = await readMetadata(pdfjs, document);
  const labels = await document.getPageLabels().catch(() => null);
  const tally = new TextStyleTally();
  const frames = await readFrames(document, input, tally);
  const pages = joinContinuations(groupPages(frames, tally.style(), labels));
  const fallbackTitle = largestOnFirstPage(pages) || input.fileName.replace(/\.pdf$/i, '');
  const withoutText = pages.filter((page) => page.groups.length === 0 && page.footnotes.length === 0);
  const title = cleanTitle(metadata.title, cleanTitle(fallbackTitle, input.fileName));
  const titlePage = titlePageOf(pages, title);
  return {
    title,
    ...(titlePage ? { titlePage } : {}),
    byline: metadata.author,
    publishedAt: metadata.createdAt,
    siteName: '',
    blocks: withoutTitleHeading(buildBlocks(pages), title),
    facts: {
      importer: `pdfjs-dist ${pdfjs.version}`,
      pageCount: document.numPages,
      ...(metadata.author ? { author: metadata.author } : {}),
      ...(metadata.createdAt ? { createdAt: metadata.createdAt } : {}),
    },
    pagesWithoutText: withoutText.map((page) => page.page.number),
  };
}

/** A FormatReader for PDF: the text layer, and OCR of the pages that have none but carry an image (scans). */
export async function readPdf(input: FormatInput): Promise<PdfReadDocument> {
  throwIfAborted(input.signal);
  const pdfjs = await pdfjsLibrary();
  const document = await openPdf(pdfjs, input);
  try {
    const read = await readOpenDocument(pdfjs, document, input);
    if (read.pagesWithoutText.length === 0) return read;
    const labels = await document.getPageLabels().catch(() => null);
    return await recognizeScannedPages(pdfjs, document, read, input, (number) => pageRef(number, labels));
  } finally {
    await document.destroy();
  }
}
