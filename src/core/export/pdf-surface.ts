// The page surface every stage of the export draws on: the pdfkit document with its fonts,
// the content and annotation writers, the pages and the cursor on the current one, and the
// primitives the stages share (lines flowed down the column across page breaks, lines at a
// fixed place, text, links and progress).
import type { PdfExportOptions } from '../../shared/export-options';
import type { PdfKitFont } from './pdf-content';
import { ContentWriter } from './pdf-content';
import type { PlacedFragment } from './pdf-document-run';
import type { FontKey, FontSet } from './pdf-fonts';
import { FONT_FILES, loadFonts } from './pdf-fonts';
import { AnnotationWriter } from './pdf-objects';
import { PdfOutput } from './pdf-output';
import {
  GUTTER,
  LINE_FACTOR,
  LINK_INK,
  MARGIN_BOTTOM,
  MARGIN_LEFT,
  MARGIN_RIGHT,
  MARGIN_TOP,
  NOTE_COLUMN_WIDTH,
} from './pdf-style';
import { PAPER, exportPiece, isSafeLink, rgb255 } from './pdf-style';
import type { EvidenceDossier } from '../../shared/evidence-export';
import type { Fragment, Line, Measurer, Rgb, StyledPiece } from './pdf-text';
import { breakIntoLines } from './pdf-text';
import { createPdfKitDocument, pageReference, selectFont, writerOf } from './pdfkit-internals';

export interface PdfExportContext {
  fontsDir: string;
  exporterName: string;
  exportedAt: Date;
  appVersion: string;
  /** The evidence bearing on the exported documents: grades on highlights, the "Claims and sources" appendix. */
  evidence?: EvidenceDossier;
  onProgress?: (done: number, total: number, stage: 'layout' | 'writing' | 'done') => void;
}

/** What the document says of itself in its metadata. */
export interface PdfMetadata {
  title: string;
  keywords: string[];
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export class PageSurface {
  readonly doc: PDFKit.PDFDocument;
  readonly fonts: FontSet;
  readonly paper: { width: number; height: number };
  readonly textWidth: number;
  readonly noteX: number;
  /** Notes, the appendix and orphans come after the text and need no margin column. */
  readonly fullWidth: number;
  /** Where the margin notes on a page end, so full-width sections start below them. */
  readonly marginBottom = new Map<number, number>();
  /** Characters no bundled font has, named for the warning. */
  readonly missing = new Set<string>();
  readonly content: ContentWriter;
  readonly annotations: AnnotationWriter;
  readonly measurer: Measurer;
  /** For each page, the index of the document it belongs to. */
  readonly pageDocument: number[] = [];
  /** The outline items headings nest under: the document's own when several are exported. */
  outlineStack: Array<{ level: number; item: PDFKit.PDFOutline }> = [];
  page = -1;
  y = 0;
  private readonly pdfKitFonts = new Map<FontKey, PdfKitFont>();
  private readonly output: PdfOutput;
  private expectedPages = 1;
  private lastReportedPage = -1;

  constructor(
    readonly options: PdfExportOptions,
    readonly context: PdfExportContext,
    metadata: PdfMetadata,
  ) {
    this.fonts = loadFonts(context.fontsDir);
    const paper = PAPER[options.paper];
    this.paper = paper;
    const withMargin = options.includeNotes;
    this.textWidth = paper.width - MARGIN_LEFT - MARGIN_RIGHT - (withMargin ? NOTE_COLUMN_WIDTH + GUTTER : 0);
    this.noteX = MARGIN_LEFT + this.textWidth + GUTTER;
    this.fullWidth = paper.width - MARGIN_LEFT - MARGIN_RIGHT;
    this.doc = createPdfKitDocument({
      size: paper.size,
      margin: 0,
      autoFirstPage: false,
      bufferPages: true,
      pdfVersion: '1.7',
      displayTitle: true,
      info: {
        Title: metadata.title,
        Author: context.exporterName,
        Subject: 'Annotated export from Marginalia',
        Keywords: metadata.keywords.join(', '),
        Creator: `Marginalia ${context.appVersion}`,
        CreationDate: context.exportedAt,
        ModDate: context.exportedAt,
      },
    });
    this.output = new PdfOutput(writerOf(this.doc));
    for (const key of Object.keys(FONT_FILES) as FontKey[]) this.doc.registerFont(key, this.fonts.buffers[key]);
    this.content = new ContentWriter(this.doc, (fontKey) => this.pdfKitFont(fontKey));
    this.annotations = new AnnotationWriter(this.doc, (index) => pageReference(this.doc, index));
    this.measurer = {
      width: (fontKey, size, text) => this.content.width(fontKey, size, text),
      wordParts: (fontKey, parts) => this.content.wordParts(fontKey, parts),
    };
  }

  /** pdfkit's font object for a face, loaded on first use. */
  private pdfKitFont(fontKey: FontKey): PdfKitFont {
    let font = this.pdfKitFonts.get(fontKey);
    if (!font) {
      font = selectFont(this.doc, fontKey);
      this.pdfKitFonts.set(fontKey, font);
    }
    return font;
  }

  /** Ends the document and gives its bytes. */
  async finish(): Promise<Buffer> {
    this.content.flush();
    const pageCount = this.pageDocument.length;
    this.context.onProgress?.(pageCount, pageCount, 'writing');
    const ended = new Promise<void>((resolve, reject) => {
      this.doc.on('end', resolve);
      this.doc.on('error', reject);
    });
    // The output goes to PdfOutput, not through the stream; reading it lets the stream end.
    this.doc.resume();
    this.doc.end();
    await ended;
    this.context.onProgress?.(pageCount, pageCount, 'done');
    return this.output.bytes();
  }

  /** A first guess at the page count, for progress, from the text's length. */
  expectPages(totalCharacters: number, documents: number, bodySize: number): void {
    const charactersPerPage =
      (this.textWidth / (bodySize * 0.5)) *
      ((this.paper.height - MARGIN_TOP - MARGIN_BOTTOM) / (bodySize * LINE_FACTOR));
    this.expectedPages = Math.max(1, Math.ceil(totalCharacters / charactersPerPage) + documents);
  }

  // ---- pages -------------------------------------------------------------------------

  /** Every page's content stream starts with a fresh graphics state. */
  goToPage(page: number): void {
    this.content.flush();
    this.doc.switchToPage(page);
    this.content.forgetState();
  }

  newPage(documentIndex: number): void {
    this.content.flush();
    this.doc.addPage({ size: PAPER[this.options.paper].size, margin: 0 });
    this.content.forgetState();
    this.page += 1;
    this.pageDocument.push(documentIndex);
    this.y = MARGIN_TOP;
  }

  get contentBottom(): number {
    return this.paper.height - MARGIN_BOTTOM;
  }

  ensureRoom(height: number, documentIndex: number): void {
    if (this.y + height > this.contentBottom && this.y > MARGIN_TOP) this.newPage(documentIndex);
  }

  async reportProgress(): Promise<void> {
    if (this.page === this.lastReportedPage) return;
    this.lastReportedPage = this.page;
    this.expectedPages = Math.max(this.expectedPages, this.page + 2);
    this.context.onProgress?.(this.page, this.expectedPages, 'layout');
    await yieldToEventLoop();
  }

  // ---- text ----------------------------------------------------------------------------

  private drawFragment(fragment: Fragment, x: number, baseline: number, top: number, height: number): void {
    if (fragment.text.trim() === '') return;
    // Document text goes in its own marked-content span per fragment, so text extractors
    // keep the runs an annotation starts or ends in apart instead of merging them.
    this.drawText(
      fragment.fontKey,
      fragment.size,
      fragment.link !== '' ? LINK_INK : fragment.color,
      x + fragment.x,
      baseline + (fragment.rise ?? 0),
      fragment.text,
      fragment.start >= 0,
      fragment.firstRun,
      fragment.lastRun,
    );
    if (fragment.link !== '' && isSafeLink(fragment.link)) {
      this.doc.link(x + fragment.x, top, fragment.inkWidth, height, fragment.link);
    }
  }

  /**
   * Text on a baseline (with the glyph runs of a first or last word an annotation boundary
   * cuts, see `Fragment`); through pdfkit only when its glyphs are placed by offsets
   * (combining marks).
   */
  drawText(
    fontKey: FontKey,
    size: number,
    color: Rgb,
    x: number,
    baseline: number,
    text: string,
    markedSpan = false,
    firstRun: string | null = null,
    lastRun: string | null = null,
  ): void {
    if (this.content.text(fontKey, size, color, x, baseline, text, markedSpan, firstRun, lastRun)) return;
    this.content.flush();
    if (markedSpan) this.doc.markContent('Span');
    // The writer sets fonts and fills pdfkit does not know of, so all three are set here.
    this.doc.font(fontKey).fontSize(size).fillColor(rgb255(color));
    this.doc.text(text, x, baseline, { lineBreak: false, baseline: 'alphabetic' });
    if (markedSpan) this.doc.endMarkedContent();
    this.content.forgetState();
  }

  /**
   * Places lines in the current column, breaking pages as needed; records where each
   * fragment of the document's text went in `placed`, when given.
   */
  flowLines(
    lines: readonly Line[],
    x: number,
    size: number,
    documentIndex: number,
    placed: PlacedFragment[] | undefined,
    onFirstLine?: (top: number, baseline: number) => void,
  ): void {
    const lineHeight = size * LINE_FACTOR;
    lines.forEach((line, index) => {
      this.ensureRoom(lineHeight, documentIndex);
      const top = this.y;
      const glyphTop = top + (lineHeight - size * 1.164) / 2;
      const baseline = glyphTop + size * 0.928;
      if (index === 0) onFirstLine?.(top, baseline);
      for (const fragment of line.fragments) this.drawFragment(fragment, x, baseline, top, lineHeight);
      if (placed) {
        // Placed in text order, which right-to-left runs on the line do not follow.
        const inTextOrder = line.reordered
          ? line.fragments.filter((fragment) => fragment.start >= 0).sort((a, b) => a.start - b.start)
          : line.fragments;
        for (const fragment of inTextOrder) {
          if (fragment.start < 0) continue;
          placed.push({
            fragment,
            page: this.page,
            x: x + fragment.x,
            width: fragment.inkWidth,
            top: glyphTop - 0.6,
            bottom: baseline + size * 0.236 + 0.6,
          });
        }
      }
      this.y += lineHeight;
    });
  }

  /** Lines at a fixed place (the margin column), not flowed: the caller has made room. */
  drawLinesAt(lines: readonly Line[], x: number, top: number, size: number): void {
    const lineHeight = size * LINE_FACTOR;
    lines.forEach((line, index) => {
      const lineTop = top + index * lineHeight;
      const baseline =
        lineTop +
        (lineHeight - line.fragments.reduce((max, fragment) => Math.max(max, fragment.size), size) * 1.164) / 2 +
        size * 0.928;
      for (const fragment of line.fragments) this.drawFragment(fragment, x, baseline, lineTop, lineHeight);
    });
  }

  plainPieces(text: string, size: number, style: Partial<StyledPiece> = {}): StyledPiece[] {
    return [exportPiece(text, size, style)];
  }

  /** Document text and notes take their paragraphs' own direction ('auto'); the export's own lines run left to right. */
  layout(
    pieces: StyledPiece[],
    width: number,
    boundaries?: readonly number[],
    direction: 'auto' | 'ltr' = 'ltr',
  ): Line[] {
    return breakIntoLines(pieces, width, this.measurer, this.fonts, this.missing, boundaries, direction);
  }

  /** A link to a page by index: a direct page reference needs no entry in the named-destination tree. */
  linkToPage(x: number, y: number, width: number, height: number, page: number): void {
    this.annotations.pageLink({ left: x, top: y, right: x + width, bottom: y + height }, page);
  }
}
