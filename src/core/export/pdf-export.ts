// Lays out documents with their annotations as a briefing-ready PDF: the text with
// embedded fonts, highlights as real /Highlight annotations (QuadPoints on exactly the
// quoted glyphs, with appearance streams), numbered margin notes, endnotes for notes that
// don't fit, an appendix by tag, an outline, running headers and page numbers.
import PDFDocument from 'pdfkit';
import type { Annotation, HighlightColor } from '../../shared/annotations';
import { compareByPosition } from '../../shared/annotations';
import type { PdfExportOptions } from '../../shared/export-options';
import { passesExportFilters } from '../../shared/export-options';
import type { DocumentDetail } from '../../shared/model';
import type { PrintBlock } from '../../shared/print-model';
import { printBlocksOf } from '../../shared/print-model';
import type { PdfKitContentSink, PdfKitFont } from './pdf-content';
import { ContentWriter } from './pdf-content';
import type { FontKey, FontSet } from './pdf-fonts';
import { FONT_FILES, loadFonts } from './pdf-fonts';
import type { PdfKitObjectSink } from './pdf-objects';
import { AnnotationWriter } from './pdf-objects';
import type { PdfKitWriter } from './pdf-output';
import { PdfOutput } from './pdf-output';
import type { Fragment, Line, Measurer, Rgb, StyledPiece } from './pdf-text';
import { breakIntoLines } from './pdf-text';

export interface ExportSource {
  detail: DocumentDetail;
  annotations: Annotation[];
}

export interface PdfExportContext {
  fontsDir: string;
  exporterName: string;
  exportedAt: Date;
  appVersion: string;
  onProgress?: (done: number, total: number, stage: 'layout' | 'writing' | 'done') => void;
}

export interface RenderedPdf {
  bytes: Buffer;
  pageCount: number;
  highlightCount: number;
  noteCount: number;
  warnings: string[];
}

const PAPER: Record<PdfExportOptions['paper'], { size: string; width: number; height: number }> = {
  a4: { size: 'A4', width: 595.28, height: 841.89 },
  letter: { size: 'LETTER', width: 612, height: 792 },
};

const MARGIN_TOP = 64;
const MARGIN_BOTTOM = 60;
const MARGIN_LEFT = 56;
const MARGIN_RIGHT = 40;
const NOTE_COLUMN_WIDTH = 150;
const GUTTER = 27;
const LINE_FACTOR = 1.42;
const NOTE_SPACING = 7;

const INK: Rgb = [0.1, 0.1, 0.12];
const MUTED: Rgb = [0.42, 0.42, 0.46];
const LINK_INK: Rgb = [0.09, 0.3, 0.66];
const RULE: Rgb = [0.78, 0.78, 0.8];
const COVER_FILL: Rgb = [0.955, 0.955, 0.965];

/** Highlight washes, multiplied over the text: strong on screen, light for printing. */
const WASH: Record<PdfExportOptions['colorScheme'], Record<HighlightColor, Rgb>> = {
  screen: {
    yellow: [1, 0.89, 0.3],
    green: [0.6, 0.88, 0.6],
    blue: [0.62, 0.8, 1],
    pink: [1, 0.66, 0.84],
    purple: [0.8, 0.7, 0.97],
    orange: [1, 0.77, 0.52],
    red: [1, 0.62, 0.62],
    gray: [0.8, 0.8, 0.8],
  },
  print: {
    yellow: [1, 0.95, 0.62],
    green: [0.8, 0.94, 0.8],
    blue: [0.8, 0.9, 1],
    pink: [1, 0.84, 0.92],
    purple: [0.9, 0.85, 0.98],
    orange: [1, 0.88, 0.76],
    red: [1, 0.82, 0.82],
    gray: [0.9, 0.9, 0.9],
  },
};

/** Marker and chip colors, solid enough to read as small type. */
const SOLID: Record<HighlightColor, Rgb> = {
  yellow: [0.8, 0.62, 0],
  green: [0.2, 0.58, 0.3],
  blue: [0.2, 0.45, 0.85],
  pink: [0.82, 0.28, 0.56],
  purple: [0.5, 0.33, 0.85],
  orange: [0.86, 0.48, 0.1],
  red: [0.8, 0.2, 0.2],
  gray: [0.45, 0.45, 0.45],
};

const BLOCK_STYLE = {
  h1: { size: 20, after: 10 },
  h2: { size: 15.5, after: 7 },
  h3: { size: 13, after: 6 },
  h4: { size: 11.5, after: 5 },
  body: { size: 10.5, after: 7.5 },
  list: { size: 10.5, after: 3.5 },
} as const;

const NOTE_SIZE = 7.8;
const APPENDIX_QUOTE_LIMIT = 95;
const ENDNOTE_SIZE = 9;

interface PlacedFragment {
  fragment: Fragment;
  page: number;
  x: number;
  /** Inked width: the last fragment on a line leaves out its trailing spaces. */
  width: number;
  top: number;
  bottom: number;
}

interface MarginEntry {
  number: number;
  annotation: Annotation;
  page: number;
  desiredTop: number;
  markerBaseline: number;
}

interface DocumentRun {
  source: ExportSource;
  firstPage: number;
  included: Annotation[];
  highlights: Annotation[];
  entries: MarginEntry[];
  orphans: Annotation[];
  documentNotes: Annotation[];
  placed: PlacedFragment[];
  highlightPage: Map<string, number>;
  endnotes: MarginEntry[];
}

/** Index of the first placed fragment that ends after `offset` (fragments are in text order). */
function firstPlacedEndingAfter(placed: readonly PlacedFragment[], offset: number): number {
  let low = 0;
  let high = placed.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (placed[middle]!.fragment.end <= offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

function rgb255(color: Rgb): [number, number, number] {
  return [Math.round(color[0] * 255), Math.round(color[1] * 255), Math.round(color[2] * 255)];
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function formatDate(iso: string | Date): string {
  const date = typeof iso === 'string' ? new Date(iso) : iso;
  if (Number.isNaN(date.getTime())) return String(iso);
  return date.toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
}

function isSafeLink(url: string): boolean {
  return /^(https?:|mailto:)/i.test(url);
}

/** Text of the export's own (not the document's): sans in ink unless `style` says otherwise. */
function exportPiece(text: string, size: number, style: Partial<StyledPiece> = {}): StyledPiece {
  return { text, start: -1, family: 'sans', bold: false, italic: false, size, color: INK, link: '', ...style };
}

function hasNote(annotation: Annotation): boolean {
  return annotation.note.text.trim() !== '';
}

/** Composes one PDF from several documents; create, call render once, read the bytes. */
class PdfComposer {
  private readonly doc: PDFKit.PDFDocument;
  private readonly fonts: FontSet;
  private readonly paper: { width: number; height: number };
  private readonly textWidth: number;
  private readonly noteX: number;
  /** Notes, the appendix and orphans come after the text and need no margin column. */
  private readonly fullWidth: number;
  /** Where the margin notes on a page end, so full-width sections start below them. */
  private readonly marginBottom = new Map<number, number>();
  private readonly missing = new Set<string>();
  private readonly content: ContentWriter;
  private readonly annotations: AnnotationWriter;
  private readonly pdfKitFonts = new Map<FontKey, PdfKitFont>();
  private readonly measurer: Measurer;
  private readonly pageDocument: number[] = [];
  private readonly output: PdfOutput;
  private page = -1;
  private y = 0;
  private highlightCount = 0;
  private noteCount = 0;
  private expectedPages = 1;
  private lastReportedPage = -1;
  private outlineStack: Array<{ level: number; item: PDFKit.PDFOutline }> = [];

  constructor(
    private readonly options: PdfExportOptions,
    private readonly context: PdfExportContext,
    title: string,
    keywords: string[],
  ) {
    this.fonts = loadFonts(context.fontsDir);
    const paper = PAPER[options.paper];
    this.paper = paper;
    const withMargin = options.includeNotes;
    this.textWidth = paper.width - MARGIN_LEFT - MARGIN_RIGHT - (withMargin ? NOTE_COLUMN_WIDTH + GUTTER : 0);
    this.noteX = MARGIN_LEFT + this.textWidth + GUTTER;
    this.fullWidth = paper.width - MARGIN_LEFT - MARGIN_RIGHT;
    this.doc = new PDFDocument({
      size: paper.size,
      margin: 0,
      autoFirstPage: false,
      bufferPages: true,
      pdfVersion: '1.7',
      displayTitle: true,
      info: {
        Title: title,
        Author: context.exporterName,
        Subject: 'Annotated export from Marginalia',
        Keywords: keywords.join(', '),
        Creator: `Marginalia ${context.appVersion}`,
        CreationDate: context.exportedAt,
        ModDate: context.exportedAt,
      },
    });
    this.output = new PdfOutput(this.doc as unknown as PdfKitWriter);
    for (const key of Object.keys(FONT_FILES) as FontKey[]) this.doc.registerFont(key, this.fonts.buffers[key]);
    this.content = new ContentWriter(this.doc as unknown as PdfKitContentSink, (fontKey) => this.pdfKitFont(fontKey));
    this.annotations = new AnnotationWriter(this.doc as unknown as PdfKitObjectSink);
    this.measurer = {
      width: (fontKey, size, text) => this.content.width(fontKey, size, text),
      wordParts: (fontKey, parts) => this.content.wordParts(fontKey, parts),
    };
  }

  /** pdfkit's font object for a face, loaded on first use. */
  private pdfKitFont(fontKey: FontKey): PdfKitFont {
    let font = this.pdfKitFonts.get(fontKey);
    if (!font) {
      this.doc.font(fontKey);
      font = (this.doc as unknown as { _font: PdfKitFont })._font;
      this.pdfKitFonts.set(fontKey, font);
    }
    return font;
  }

  async render(sources: readonly ExportSource[]): Promise<RenderedPdf> {
    const totalCharacters = sources.reduce((sum, source) => sum + source.detail.textLength, 0);
    const charactersPerPage =
      (this.textWidth / (BLOCK_STYLE.body.size * 0.5)) *
      ((this.paper.height - MARGIN_TOP - MARGIN_BOTTOM) / (BLOCK_STYLE.body.size * LINE_FACTOR));
    this.expectedPages = Math.max(1, Math.ceil(totalCharacters / charactersPerPage) + sources.length);
    for (const [index, source] of sources.entries()) {
      await this.renderDocument(source, index, sources.length > 1);
    }
    this.drawRunningHeadsAndPageNumbers(sources);
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
    const warnings: string[] = [];
    if (this.missing.size > 0) {
      warnings.push(
        `No bundled font has these characters; they are shown as “\uFFFD” in the PDF: ${[...this.missing].join(', ')}.`,
      );
    }
    return {
      bytes: this.output.bytes(),
      pageCount,
      highlightCount: this.highlightCount,
      noteCount: this.noteCount,
      warnings,
    };
  }

  /** Every page's content stream starts with a fresh graphics state. */
  private goToPage(page: number): void {
    this.content.flush();
    this.doc.switchToPage(page);
    this.content.forgetState();
  }

  // ---- pages -------------------------------------------------------------------------

  private newPage(documentIndex: number): void {
    this.content.flush();
    this.doc.addPage({ size: PAPER[this.options.paper].size, margin: 0 });
    this.content.forgetState();
    this.page += 1;
    this.pageDocument.push(documentIndex);
    this.y = MARGIN_TOP;
  }

  private get contentBottom(): number {
    return this.paper.height - MARGIN_BOTTOM;
  }

  private ensureRoom(height: number, documentIndex: number): void {
    if (this.y + height > this.contentBottom && this.y > MARGIN_TOP) this.newPage(documentIndex);
  }

  private async reportProgress(): Promise<void> {
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
      baseline,
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
  private drawText(
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

  /** Places lines in the current column, breaking pages as needed; returns where each fragment went. */
  private flowLines(
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

  private plainPieces(text: string, size: number, style: Partial<StyledPiece> = {}): StyledPiece[] {
    return [exportPiece(text, size, style)];
  }

  /** Document text and notes take their paragraphs' own direction ('auto'); the export's own lines run left to right. */
  private layout(
    pieces: StyledPiece[],
    width: number,
    boundaries?: readonly number[],
    direction: 'auto' | 'ltr' = 'ltr',
  ): Line[] {
    return breakIntoLines(pieces, width, this.measurer, this.fonts, this.missing, boundaries, direction);
  }

  // ---- one document --------------------------------------------------------------------

  private async renderDocument(source: ExportSource, documentIndex: number, severalDocuments: boolean): Promise<void> {
    const run = this.prepareRun(source);
    this.newPage(documentIndex);
    run.firstPage = this.page;
    if (severalDocuments) {
      this.outlineStack = [{ level: 0, item: this.doc.outline.addItem(source.detail.title) }];
    } else {
      this.outlineStack = [];
    }
    const boundarySet = new Set<number>();
    for (const annotation of run.highlights) {
      boundarySet.add(annotation.target!.position.start);
      boundarySet.add(annotation.target!.position.end);
    }
    for (const entry of run.entries) boundarySet.add(entry.annotation.target!.position.start);
    const boundaries = [...boundarySet].sort((a, b) => a - b);

    const blocks = printBlocksOf(source.detail.lexicalJson);
    const bylineIndex = this.bylineIndex(blocks, source.detail);
    for (const [index, block] of blocks.entries()) {
      this.renderBlock(block, index === 0, documentIndex, run, boundaries);
      if (index === Math.max(0, bylineIndex)) this.renderCoverBlock(run, documentIndex);
      await this.reportProgress();
    }
    if (blocks.length === 0) this.renderCoverBlock(run, documentIndex);

    this.paintHighlights(run);
    this.placeMarginNotes(run);
    await this.renderEndnotes(run, documentIndex);
    if (this.options.includeAppendix) await this.renderAppendix(run, documentIndex);
    if (this.options.includeOrphans && run.orphans.length > 0) await this.renderOrphans(run, documentIndex);
  }

  private prepareRun(source: ExportSource): DocumentRun {
    const included = source.annotations
      .filter((annotation) => passesExportFilters(annotation, this.options))
      .sort(compareByPosition);
    const anchored = included.filter(
      (annotation) => annotation.target !== null && annotation.anchor.status !== 'orphan',
    );
    const highlights = anchored.filter(
      (annotation) =>
        annotation.kind === 'highlight' && annotation.target!.position.end > annotation.target!.position.start,
    );
    // A margin note is a note: highlights without one keep their tags in the appendix and
    // in the PDF annotation, not in the margin (which stays readable at 1,000 highlights).
    const withMargin = anchored.filter((annotation) => this.options.includeNotes && hasNote(annotation));
    const entries = withMargin.map((annotation, index) => ({
      number: index + 1,
      annotation,
      page: -1,
      desiredTop: 0,
      markerBaseline: 0,
    }));
    return {
      source,
      firstPage: 0,
      included,
      highlights,
      entries,
      orphans: included.filter((annotation) => annotation.target !== null && annotation.anchor.status === 'orphan'),
      documentNotes: included.filter((annotation) => annotation.target === null && hasNote(annotation)),
      placed: [],
      highlightPage: new Map(),
      endnotes: [],
    };
  }

  /** The byline paragraph the importer put under the title, if there is one. */
  private bylineIndex(blocks: readonly PrintBlock[], detail: DocumentDetail): number {
    const candidate = blocks[1];
    if (!candidate || candidate.kind !== 'paragraph' || detail.byline.trim() === '') return 0;
    const text = candidate.runs.map((run) => run.text).join('');
    return text.trim() === detail.byline.trim() ? 1 : 0;
  }

  private blockSize(block: PrintBlock): { size: number; after: number } {
    if (block.kind === 'heading') {
      return block.level === 1
        ? BLOCK_STYLE.h1
        : block.level === 2
          ? BLOCK_STYLE.h2
          : block.level === 3
            ? BLOCK_STYLE.h3
            : BLOCK_STYLE.h4;
    }
    return block.kind === 'listItem' ? BLOCK_STYLE.list : BLOCK_STYLE.body;
  }

  private renderBlock(
    block: PrintBlock,
    first: boolean,
    documentIndex: number,
    run: DocumentRun,
    boundaries: readonly number[],
  ): void {
    const { size, after } = this.blockSize(block);
    const heading = block.kind === 'heading';
    const indent = block.kind === 'quote' ? 14 : block.kind === 'listItem' ? 16 * (block.depth + 1) : 0;
    const pieces: StyledPiece[] = block.runs.map((textRun) => ({
      text: textRun.text,
      start: textRun.start,
      family: textRun.code ? 'mono' : 'serif',
      bold: heading || textRun.bold,
      italic: block.kind === 'quote' ? !textRun.italic : textRun.italic,
      size: textRun.code ? size * 0.9 : size,
      color: INK,
      link: textRun.link,
    }));
    const lines = this.layout(pieces, this.textWidth - indent, boundaries, 'auto');
    if (lines.length === 0) return;
    const lineHeight = size * LINE_FACTOR;
    if (heading && !first) {
      this.y += size * 0.5;
      // Keep a heading with the first line that follows it.
      this.ensureRoom(lineHeight * lines.length + BLOCK_STYLE.body.size * LINE_FACTOR * 2, documentIndex);
    }
    const startPage = this.page;
    const startY = this.y;
    this.flowLines(lines, MARGIN_LEFT + indent, size, documentIndex, run.placed, (top, baseline) => {
      if (heading) this.addOutlineItem(block);
      if (block.kind === 'listItem') {
        this.drawText('serif', size, MUTED, MARGIN_LEFT + indent - 14, baseline, block.marker);
      }
      void top;
    });
    if (block.kind === 'quote') {
      const top = this.page === startPage ? startY : MARGIN_TOP;
      this.content.fillRect(MARGIN_LEFT + 3, top + 2, 2, this.y - top - 4, RULE);
    }
    this.y += after;
  }

  private addOutlineItem(block: PrintBlock): void {
    const title = block.runs
      .map((run) => run.text)
      .join('')
      .replace(/\s+/g, ' ')
      .trim();
    if (title === '') return;
    const level = block.level;
    while (this.outlineStack.length > 0 && this.outlineStack[this.outlineStack.length - 1]!.level >= level)
      this.outlineStack.pop();
    const parent = this.outlineStack[this.outlineStack.length - 1]?.item ?? this.doc.outline;
    const item = parent.addItem(title.slice(0, 200));
    this.outlineStack.push({ level, item });
  }

  private renderCoverBlock(run: DocumentRun, documentIndex: number): void {
    const { detail } = run.source;
    const rows: string[] = [];
    rows.push(`Source: ${detail.sourceName}${detail.siteName ? ` · ${detail.siteName}` : ''}`);
    if (detail.byline.trim() !== '') rows.push(`Byline: ${detail.byline}`);
    if (detail.publishedAt.trim() !== '') rows.push(`Published: ${detail.publishedAt}`);
    rows.push(`Exported by ${this.context.exporterName} on ${formatDate(this.context.exportedAt)}`);
    const notes = run.included.filter(hasNote).length;
    rows.push(
      `Annotations: ${run.highlights.length} highlight${run.highlights.length === 1 ? '' : 's'} · ${notes} note${notes === 1 ? '' : 's'}` +
        (run.orphans.length > 0 ? ` · ${run.orphans.length} orphaned` : ''),
    );
    const byTag = new Map<string, number>();
    for (const annotation of run.included) for (const tag of annotation.tags) byTag.set(tag, (byTag.get(tag) ?? 0) + 1);
    const tagSummary = [...byTag.entries()]
      .sort((a, b) => a[0].localeCompare(b[0]))
      .map(([tag, count]) => `${tag} (${count})`);
    rows.push(tagSummary.length > 0 ? `By tag: ${tagSummary.join(' · ')}` : 'By tag: no tags');
    for (const note of run.documentNotes) rows.push(`Document note by ${note.author.name}: ${note.note.text.trim()}`);

    const padding = 9;
    const size = 8.6;
    const lines = rows.flatMap((row) =>
      this.layout(this.plainPieces(row, size, { color: [0.2, 0.2, 0.24] }), this.textWidth - padding * 2),
    );
    const height = lines.length * size * LINE_FACTOR + padding * 2;
    this.y += 2;
    this.ensureRoom(Math.min(height, 200), documentIndex);
    if (this.y + height <= this.contentBottom) {
      this.content.fillRoundedRect(MARGIN_LEFT, this.y, this.textWidth, height, 4, COVER_FILL);
    }
    this.y += padding;
    this.flowLines(lines, MARGIN_LEFT + padding, size, documentIndex, undefined);
    this.y += padding + 12;
  }

  // ---- highlights ----------------------------------------------------------------------

  /** The placed fragments inside [start, end), grouped into one quad per line. */
  private quadsFor(
    run: DocumentRun,
    start: number,
    end: number,
  ): Array<{ page: number; x1: number; x2: number; top: number; bottom: number }> {
    const placed = run.placed;
    const low = firstPlacedEndingAfter(placed, start);
    const quads: Array<{ page: number; x1: number; x2: number; top: number; bottom: number }> = [];
    for (let index = low; index < placed.length; index++) {
      const item = placed[index]!;
      if (item.fragment.start >= end) break;
      if (item.fragment.end <= start || item.width <= 0) continue;
      const last = quads[quads.length - 1];
      // Fragments side by side on a line make one quad; a right-to-left run can put the
      // next fragment in text order elsewhere on the line, which takes a quad of its own.
      const besideLast =
        last !== undefined &&
        last.page === item.page &&
        Math.abs(last.top - item.top) < 0.01 &&
        (Math.abs(last.x2 - item.x) < 0.01 || Math.abs(item.x + item.width - last.x1) < 0.01);
      if (besideLast) {
        last.x1 = Math.min(last.x1, item.x);
        last.x2 = Math.max(last.x2, item.x + item.width);
        last.bottom = Math.max(last.bottom, item.bottom);
        last.top = Math.min(last.top, item.top);
      } else {
        quads.push({ page: item.page, x1: item.x, x2: item.x + item.width, top: item.top, bottom: item.bottom });
      }
    }
    return quads;
  }

  private paintHighlights(run: DocumentRun): void {
    const wash = WASH[this.options.colorScheme];
    for (const annotation of run.highlights) {
      const { start, end } = annotation.target!.position;
      const quads = this.quadsFor(run, start, end);
      if (quads.length === 0) continue;
      run.highlightPage.set(annotation.id, quads[0]!.page);
      const pages = [...new Set(quads.map((quad) => quad.page))];
      pages.forEach((page, part) => {
        this.goToPage(page);
        this.addHighlightAnnotation(
          annotation,
          quads.filter((quad) => quad.page === page),
          wash[annotation.color],
          part,
        );
      });
      this.highlightCount += 1;
    }
    this.goToPage(this.page);
  }

  private annotationContents(annotation: Annotation): string {
    const parts: string[] = [];
    if (this.options.includeNotes && hasNote(annotation)) parts.push(annotation.note.text.trim());
    if (this.options.includeTags && annotation.tags.length > 0) parts.push(`Tags: ${annotation.tags.join(', ')}`);
    return parts.join('\n\n');
  }

  private addHighlightAnnotation(
    annotation: Annotation,
    quads: ReadonlyArray<{ x1: number; x2: number; top: number; bottom: number }>,
    color: Rgb,
    part: number,
  ): void {
    this.annotations.highlight({
      boxes: quads.map((quad) => ({ left: quad.x1, right: quad.x2, top: quad.top, bottom: quad.bottom })),
      color,
      contents: this.annotationContents(annotation),
      author: annotation.author.name,
      modified: new Date(annotation.updatedAt),
      created: new Date(annotation.createdAt),
      name: part === 0 ? annotation.id : `${annotation.id}#${part + 1}`,
      subject: annotation.tags.length > 0 ? annotation.tags.join(', ') : 'Highlight',
    });
  }

  // ---- margin notes --------------------------------------------------------------------

  private noteLines(entry: MarginEntry, width: number, size: number, withBackReference: string): Line[] {
    const { annotation } = entry;
    const note = this.options.includeNotes && hasNote(annotation);
    const tags =
      this.options.includeTags && annotation.tags.length > 0 ? annotation.tags.map((tag) => `#${tag}`).join('  ') : '';
    // Notes, tags and the appendix stay in the regular serif and sans faces the text and the
    // running heads already use: every further face is another font to parse and embed.
    const number: StyledPiece = exportPiece(`${entry.number}  `, size, { color: SOLID[annotation.color] });
    const tagPiece: StyledPiece = exportPiece(tags, size * 0.95, { color: SOLID[annotation.color] });
    if (!note && withBackReference === '') {
      // A highlight with tags and no note takes one line: its number and its tags.
      return this.layout([number, tagPiece], width);
    }
    const lines = this.layout(
      [
        number,
        exportPiece(
          `${annotation.author.name} · ${formatDate(annotation.updatedAt)}${withBackReference}`,
          size * 0.92,
          { color: MUTED },
        ),
      ],
      width,
    );
    if (note) {
      for (const paragraph of annotation.note.text.split(/\n+/)) {
        if (paragraph.trim() === '') continue;
        lines.push(...this.layout(this.plainPieces(paragraph, size), width, undefined, 'auto'));
      }
    }
    if (tags !== '') lines.push(...this.layout([tagPiece], width));
    return lines;
  }

  private placeMarginNotes(run: DocumentRun): void {
    if (run.entries.length === 0) return;
    for (const entry of run.entries) {
      const { start } = entry.annotation.target!.position;
      const fragment = run.placed[firstPlacedEndingAfter(run.placed, start)] ?? run.placed[run.placed.length - 1];
      if (!fragment) continue;
      entry.page = fragment.page;
      entry.desiredTop = fragment.top;
      entry.markerBaseline = fragment.bottom - NOTE_SIZE * 0.5;
    }
    const byPage = new Map<number, MarginEntry[]>();
    for (const entry of run.entries) {
      if (entry.page < 0) continue;
      const list = byPage.get(entry.page) ?? [];
      list.push(entry);
      byPage.set(entry.page, list);
    }
    const lineHeight = NOTE_SIZE * LINE_FACTOR;
    for (const [page, entries] of byPage) {
      this.goToPage(page);
      let cursor = MARGIN_TOP;
      entries.sort((a, b) => a.desiredTop - b.desiredTop);
      for (const entry of entries) {
        const lines = this.noteLines(entry, NOTE_COLUMN_WIDTH, NOTE_SIZE, '');
        const height = lines.length * lineHeight;
        const top = Math.max(entry.desiredTop, cursor);
        if (top + height <= this.contentBottom && height <= (this.contentBottom - MARGIN_TOP) * 0.45) {
          this.drawMarker(entry, '');
          this.drawNoteAt(entry, lines, top);
          cursor = top + height + NOTE_SPACING;
          this.marginBottom.set(page, cursor);
        } else {
          run.endnotes.push(entry);
          this.drawMarker(entry, `endnote-${run.source.detail.id}-${entry.number}`);
          const stub = this.layout(
            [
              exportPiece(`${entry.number}  `, NOTE_SIZE, { color: SOLID[entry.annotation.color] }),
              exportPiece('continues in the notes after the text', NOTE_SIZE, { color: MUTED }),
            ],
            NOTE_COLUMN_WIDTH,
          );
          const stubTop = Math.max(entry.desiredTop, cursor);
          if (stubTop + stub.length * lineHeight <= this.contentBottom) {
            this.drawLinesAt(stub, this.noteX, stubTop, NOTE_SIZE);
            this.doc.goTo(
              this.noteX,
              stubTop,
              NOTE_COLUMN_WIDTH,
              stub.length * lineHeight,
              `endnote-${run.source.detail.id}-${entry.number}`,
            );
            cursor = stubTop + stub.length * lineHeight + NOTE_SPACING;
            this.marginBottom.set(page, cursor);
          }
        }
        this.noteCount += 1;
      }
    }
    this.goToPage(this.page);
  }

  /** The numbered chip in the gutter; it links to the note only when the note is not beside it. */
  private drawMarker(entry: MarginEntry, destination: string): void {
    const x = MARGIN_LEFT + this.textWidth + 7;
    const label = String(entry.number);
    const size = 6.4;
    const labelWidth = this.measurer.width('sans', size, label);
    const width = Math.max(9, labelWidth + 4);
    const top = entry.desiredTop + 1;
    this.content.fillRoundedRect(x, top, width, 9, 2, SOLID[entry.annotation.color]);
    this.drawText('sans', size, [1, 1, 1], x + (width - labelWidth) / 2, top + 7, label);
    if (destination !== '') this.doc.goTo(x, top, width, 9, destination);
  }

  private drawLinesAt(lines: readonly Line[], x: number, top: number, size: number): void {
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

  private drawNoteAt(entry: MarginEntry, lines: readonly Line[], top: number): void {
    const height = lines.length * NOTE_SIZE * LINE_FACTOR;
    this.content.fillRect(this.noteX - 6, top + 1, 1.6, height - 2, SOLID[entry.annotation.color]);
    this.drawLinesAt(lines, this.noteX, top, NOTE_SIZE);
  }

  // ---- sections after the text -----------------------------------------------------------

  private sectionHeading(text: string, documentIndex: number, level: 2 | 3 = 2): void {
    const size = level === 2 ? BLOCK_STYLE.h2.size : 11;
    this.y = Math.max(this.y, this.marginBottom.get(this.page) ?? 0);
    this.y += size * 0.8;
    this.ensureRoom(size * LINE_FACTOR * 3, documentIndex);
    const lines = this.layout([exportPiece(text, size, { family: 'serif', bold: true })], this.fullWidth);
    this.flowLines(lines, MARGIN_LEFT, size, documentIndex, undefined);
    if (level === 2) {
      const parent = this.outlineStack[0]?.level === 0 ? this.outlineStack[0].item : this.doc.outline;
      parent.addItem(text);
    }
    this.y += 4;
  }

  private async renderEndnotes(run: DocumentRun, documentIndex: number): Promise<void> {
    if (run.endnotes.length === 0) return;
    this.sectionHeading('Notes continued', documentIndex);
    for (const entry of run.endnotes.sort((a, b) => a.number - b.number)) {
      const page = entry.page + 1;
      const lines = this.noteLines(entry, this.fullWidth, ENDNOTE_SIZE, ` · on page ${page} ↩`);
      this.ensureRoom(ENDNOTE_SIZE * LINE_FACTOR * 2, documentIndex);
      this.flowLines(lines, MARGIN_LEFT, ENDNOTE_SIZE, documentIndex, undefined, (top) => {
        this.doc.addNamedDestination(
          `endnote-${run.source.detail.id}-${entry.number}`,
          'XYZ',
          MARGIN_LEFT,
          Math.max(0, top - 20),
          null,
        );
        // Back to the highlight's page: a direct page link, no named destination to look up.
        const highlightPage = run.highlightPage.get(entry.annotation.id) ?? entry.page;
        if (highlightPage >= 0)
          this.linkToPage(MARGIN_LEFT, top, this.fullWidth, ENDNOTE_SIZE * LINE_FACTOR, highlightPage);
      });
      this.y += 6;
      await this.reportProgress();
    }
  }

  private quoteOf(annotation: Annotation): string {
    const exact = (annotation.target?.quote.exact ?? '').replace(/\s+/g, ' ').trim();
    // The appendix is an index back into the text, not a second copy of it.
    if (exact.length <= APPENDIX_QUOTE_LIMIT) return exact;
    return `${exact.slice(0, APPENDIX_QUOTE_LIMIT).replace(/\s+\S*$/, '')} …`;
  }

  /** A link to a page by index: a direct page reference needs no entry in the named-destination tree. */
  private linkToPage(x: number, y: number, width: number, height: number, page: number): void {
    this.annotations.pageLink({ left: x, top: y, right: x + width, bottom: y + height }, page);
  }

  /** `page` is the index of the page to link to, or -1 for no link. */
  private async renderAnnotationItem(
    annotation: Annotation,
    trailer: string,
    documentIndex: number,
    page: number,
  ): Promise<void> {
    const quoteSize = 8.8;
    const quote = this.layout(
      [
        exportPiece(`“${this.quoteOf(annotation)}”`, quoteSize, { family: 'serif' }),
        exportPiece(trailer, quoteSize * 0.85, { color: MUTED }),
      ],
      this.fullWidth - 10,
    );
    this.ensureRoom(quoteSize * LINE_FACTOR * 2, documentIndex);
    this.flowLines(quote, MARGIN_LEFT + 10, quoteSize, documentIndex, undefined, (top) => {
      this.content.fillRect(MARGIN_LEFT + 2, top + 2, 3, quoteSize, SOLID[annotation.color]);
      if (page >= 0) this.linkToPage(MARGIN_LEFT, top, this.fullWidth, quoteSize * LINE_FACTOR, page);
    });
    if (this.options.includeNotes && hasNote(annotation)) {
      for (const paragraph of annotation.note.text.split(/\n+/)) {
        if (paragraph.trim() === '') continue;
        this.flowLines(
          this.layout(this.plainPieces(paragraph, 8.6), this.fullWidth - 22, undefined, 'auto'),
          MARGIN_LEFT + 22,
          8.6,
          documentIndex,
          undefined,
        );
      }
    }
    this.y += 3.5;
    await this.reportProgress();
  }

  private async renderAppendix(run: DocumentRun, documentIndex: number): Promise<void> {
    const anchored = run.included.filter(
      (annotation) => annotation.target !== null && annotation.anchor.status !== 'orphan',
    );
    this.sectionHeading('Appendix: annotations by tag', documentIndex);
    if (anchored.length === 0) {
      this.flowLines(
        this.layout(this.plainPieces('This document has no annotations to list.', 9, { color: MUTED }), this.fullWidth),
        MARGIN_LEFT,
        9,
        documentIndex,
        undefined,
      );
      return;
    }
    const groups = new Map<string, Annotation[]>();
    for (const annotation of anchored) {
      const keys = annotation.tags.length > 0 ? annotation.tags : [''];
      for (const key of keys) {
        const list = groups.get(key) ?? [];
        list.push(annotation);
        groups.set(key, list);
      }
    }
    const keys = [...groups.keys()].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)));
    for (const key of keys) {
      const list = groups.get(key)!;
      this.sectionHeading(`${key === '' ? 'Untagged' : key} (${list.length})`, documentIndex, 3);
      for (const annotation of list) {
        const page =
          (run.highlightPage.get(annotation.id) ??
            run.entries.find((entry) => entry.annotation.id === annotation.id)?.page ??
            -1) + 1;
        const trailer = page > 0 ? `  — page ${page}` : '';
        await this.renderAnnotationItem(annotation, trailer, documentIndex, run.highlightPage.get(annotation.id) ?? -1);
      }
    }
  }

  private async renderOrphans(run: DocumentRun, documentIndex: number): Promise<void> {
    this.sectionHeading(`Orphaned annotations (${run.orphans.length})`, documentIndex);
    this.flowLines(
      this.layout(
        this.plainPieces(
          'These quotes could not be found in the current text of the document; they are kept here as written.',
          8.6,
          { color: MUTED },
        ),
        this.fullWidth,
      ),
      MARGIN_LEFT,
      8.6,
      documentIndex,
      undefined,
    );
    this.y += 4;
    for (const annotation of run.orphans) {
      const tags = this.options.includeTags && annotation.tags.length > 0 ? ` · ${annotation.tags.join(', ')}` : '';
      await this.renderAnnotationItem(annotation, `  — ${annotation.author.name}${tags}`, documentIndex, -1);
    }
  }

  // ---- running heads -----------------------------------------------------------------------

  private drawRunningHeadsAndPageNumbers(sources: readonly ExportSource[]): void {
    const total = this.pageDocument.length;
    const firstPages = new Set<number>();
    this.pageDocument.forEach((documentIndex, page) => {
      if (page === 0 || this.pageDocument[page - 1] !== documentIndex) firstPages.add(page);
    });
    const right = this.paper.width - MARGIN_RIGHT;
    for (let page = 0; page < total; page++) {
      this.goToPage(page);
      const source = sources[this.pageDocument[page]!]!;
      if (!firstPages.has(page)) {
        const size = 7.8;
        const byline = `Annotated by ${this.context.exporterName}`;
        const bylineWidth = this.measurer.width('sans', size, byline);
        const titleLines = this.layout(
          this.plainPieces(source.detail.title.replace(/\s+/g, ' '), size, { color: MUTED }),
          right - MARGIN_LEFT - bylineWidth - 24,
        );
        let title =
          titleLines[0]?.fragments
            .map((fragment) => fragment.text)
            .join('')
            .trimEnd() ?? '';
        if (titleLines.length > 1) title = `${title.replace(/\s+\S*$/, '')} …`;
        this.drawText('sans', size, MUTED, MARGIN_LEFT, 36, title);
        this.drawText('sans', size, MUTED, right - bylineWidth, 36, byline);
        this.content.horizontalRule(MARGIN_LEFT, right, 42, 0.5, RULE);
      }
      const label = `Page ${page + 1} of ${total}`;
      const size = 8;
      const width = this.measurer.width('sans', size, label);
      this.drawText('sans', size, MUTED, (this.paper.width - width) / 2, this.paper.height - 30, label);
    }
  }
}

/** Renders sources (documents with their annotations) into one annotated PDF. */
export async function renderAnnotatedPdf(
  sources: readonly ExportSource[],
  options: PdfExportOptions,
  context: PdfExportContext,
): Promise<RenderedPdf> {
  const title = sources.length === 1 ? sources[0]!.detail.title : `Marginalia export: ${sources.length} documents`;
  const keywords = [
    ...new Set(
      sources.flatMap((source) =>
        source.annotations
          .filter((annotation) => passesExportFilters(annotation, options))
          .flatMap((annotation) => annotation.tags),
      ),
    ),
  ].sort();
  const composer = new PdfComposer(options, context, title, keywords);
  return composer.render(sources);
}
