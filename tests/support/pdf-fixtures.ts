// Builds PDFs with pdfkit from known text, laid out line by line so the test knows every
// word's page: a spanning title, two columns, running heads, "Page N of M" feet, words
// hyphenated at line ends, a heading, a list, a footnote, ligature characters and a NUL.
import PDFDocument from 'pdfkit';
import { join } from 'node:path';
import { FONTS_DIR } from './temp';

/** `label` is a heading set in bold at the body's size. */
export type FixtureBlock = { kind: 'heading' | 'label' | 'paragraph' | 'item'; text: string };

export interface BuiltPdf {
  bytes: Uint8Array;
  /** The words a reader should recover, in reading order, each with its page (ligatures as letters). */
  words: Array<{ word: string; page: number }>;
  /** Words hyphenated across a line end. */
  hyphenated: string[];
  pageCount: number;
  /** The running heads and feet put on every page. */
  furniture: string[];
}

export interface FixtureOptions {
  info?: PDFKit.DocumentInfo;
  userPassword?: string;
  romanPageLabels?: boolean;
  /** A page with no text at all after the text pages. */
  blankPageAtEnd?: boolean;
}

const SERIF = join(FONTS_DIR, 'DejaVuSerif.ttf');
const SERIF_BOLD = join(FONTS_DIR, 'DejaVuSerif-Bold.ttf');
const COLUMNS = [72, 315];
const COLUMN_WIDTH = 225;
const BODY_TOP = 110;
const BODY_BOTTOM = 670;
const LINE = 13;

export const RUNNING_HEAD = 'Coastal Survey Report';
export const RUNNING_HEAD_RIGHT = 'Spring Season';
export const FOOTNOTE = '1 Measurements were taken with a total station during the second campaign.';
export const TITLE = 'Ruins of the Coastal City';

const VOCABULARY = (
  'the survey recorded walls and streets near the harbour where international teams ' +
  'documented archaeological remains with careful reconstruction of administrative buildings ' +
  'and fortifications along a well-known road that crossed the \ufb01eld toward the \ufb02oor of ' +
  'the valley while pottery fragments suggested continuous occupation over several centuries'
).split(' ');

/** Deterministic filler text: the same words in the same order every run. */
export function sentences(seed: number, count: number): string {
  let state = seed;
  const next = (): number => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state;
  };
  const out: string[] = [];
  for (let index = 0; index < count; index++) {
    const length = 9 + (next() % 9);
    const words = Array.from({ length }, () => VOCABULARY[next() % VOCABULARY.length]!);
    words[0] = words[0]!.charAt(0).toUpperCase() + words[0]!.slice(1);
    out.push(`${words.join(' ')}.`);
  }
  return out.join(' ');
}

export function fixtureBlocks(): FixtureBlock[] {
  const blocks: FixtureBlock[] = [];
  for (let index = 0; index < 13; index++) {
    if (index === 4) blocks.push({ kind: 'heading', text: 'Findings at the Harbour' });
    if (index === 9) blocks.push({ kind: 'label', text: 'Dating the Quay Walls' });
    blocks.push({ kind: 'paragraph', text: sentences(index + 7, 6) });
    if (index === 6) {
      blocks.push({ kind: 'item', text: 'Walls of dressed stone along the northern quay.' });
      blocks.push({ kind: 'item', text: 'A paved street leading from the theatre down to the sea.' });
    }
  }
  blocks[2]!.text += ' The \ufb01eld crew swept the \ufb02oor of the site o\ufb03ce by a well-known road.';
  // One NUL inside a word's neighbourhood: a reader must drop it, not print it.
  blocks[1]!.text = blocks[1]!.text.replace(' the ', ' the\u0000 ');
  return blocks;
}

interface Cursor {
  page: number;
  column: number;
  y: number;
}

class Layout {
  readonly words: BuiltPdf['words'] = [];
  readonly hyphenated: string[] = [];
  readonly cursor: Cursor = { page: 1, column: 0, y: 150 };
  constructor(readonly doc: PDFKit.PDFDocument) {}

  private advance(height: number): void {
    if (this.cursor.y + height <= BODY_BOTTOM) return;
    if (this.cursor.column === 0) this.cursor.column = 1;
    else {
      this.doc.addPage();
      this.cursor.page += 1;
      this.cursor.column = 0;
    }
    this.cursor.y = BODY_TOP;
  }

  /** Draws one line and records its words (those that start on it) with the page it landed on. */
  private put(text: string, words: readonly string[], indent: number, lineHeight: number): void {
    this.advance(lineHeight);
    this.doc.text(text, COLUMNS[this.cursor.column]! + indent, this.cursor.y, { lineBreak: false });
    this.cursor.y += lineHeight;
    for (const word of words) {
      const clean = word
        .replace(/\u0000/g, '')
        .replace(/\ufb01/g, 'fi')
        .replace(/\ufb02/g, 'fl')
        .replace(/\ufb03/g, 'ffi');
      if (clean !== '' && clean !== '•') this.words.push({ word: clean, page: this.cursor.page });
    }
  }

  /** Greedy line breaking; a long lowercase word that does not fit is hyphenated. */
  flow(text: string, firstIndent: number, restIndent: number, lineHeight: number, hyphenate: boolean): void {
    let line: string[] = [];
    let carried = '';
    let indent = firstIndent;
    const shown = (): string => [carried, ...line].filter((part) => part !== '').join(' ');
    const fits = (candidate: string): boolean => this.doc.widthOfString(candidate) <= COLUMN_WIDTH - indent;
    const flush = (text: string, words: string[]): void => {
      this.put(text, words, indent, lineHeight);
      indent = restIndent;
      carried = '';
      line = [];
    };
    for (const word of text.split(' ')) {
      if (fits(`${shown()} ${word}`.trim())) {
        line.push(word);
        continue;
      }
      const cut = hyphenate && /^[a-z]{8,}$/.test(word) ? this.cutPoint(shown(), word, fits) : 0;
      if (cut > 0) {
        flush(`${shown()} ${word.slice(0, cut)}-`, [...line, word]);
        this.hyphenated.push(word);
        carried = word.slice(cut);
      } else {
        flush(shown(), line);
        line = [word];
      }
    }
    if (shown() !== '') flush(shown(), line);
  }

  private cutPoint(shown: string, word: string, fits: (candidate: string) => boolean): number {
    for (let cut = word.length - 3; cut >= 3; cut--) if (fits(`${shown} ${word.slice(0, cut)}-`)) return cut;
    return 0;
  }
}

function lay(doc: PDFKit.PDFDocument, blocks: readonly FixtureBlock[]): Layout {
  const layout = new Layout(doc);
  doc.font(SERIF_BOLD).fontSize(22).text(TITLE, 72, 80, { lineBreak: false });
  layout.words.push(...TITLE.split(' ').map((word) => ({ word, page: 1 })));
  for (const block of blocks) {
    if (block.kind === 'heading') {
      layout.cursor.y += 8;
      doc.font(SERIF_BOLD).fontSize(14);
      layout.flow(block.text, 0, 0, 20, false);
    } else if (block.kind === 'label') {
      layout.cursor.y += 6;
      doc.font(SERIF_BOLD).fontSize(10);
      layout.flow(block.text, 0, 0, LINE + 3, false);
    } else if (block.kind === 'item') {
      doc.font(SERIF).fontSize(10);
      layout.flow(`• ${block.text}`, 0, 10, LINE, false);
    } else {
      doc.font(SERIF).fontSize(10);
      layout.flow(block.text, 14, 0, LINE, true);
    }
  }
  return layout;
}

function decorate(doc: PDFKit.PDFDocument, pageCount: number): void {
  for (let index = 0; index < pageCount; index++) {
    doc.switchToPage(index);
    doc.font(SERIF).fontSize(8);
    doc.text(RUNNING_HEAD, 72, 40, { lineBreak: false });
    doc.text(RUNNING_HEAD_RIGHT, 470, 40, { lineBreak: false });
    doc.text(`Page ${index + 1} of ${pageCount}`, 280, 740, { lineBreak: false });
  }
  doc.switchToPage(0);
  doc.moveTo(72, 688).lineTo(200, 688).stroke();
  doc.font(SERIF).fontSize(8).text(FOOTNOTE, 72, 694, { lineBreak: false });
}

export async function buildFixturePdf(options: FixtureOptions = {}): Promise<BuiltPdf> {
  const doc = new PDFDocument({
    size: 'LETTER',
    bufferPages: true,
    margin: 0,
    ...(options.info ? { info: options.info } : {}),
    ...(options.userPassword ? { userPassword: options.userPassword, ownerPassword: 'owner', pdfVersion: '1.7' } : {}),
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  const layout = lay(doc, fixtureBlocks());
  const pageCount = layout.cursor.page;
  decorate(doc, pageCount);
  const footnoteWords = FOOTNOTE.split(' ').map((word) => ({ word, page: 1 }));
  if (options.blankPageAtEnd) doc.addPage();
  if (options.romanPageLabels) {
    (doc as unknown as { _root: { data: Record<string, unknown> } })._root.data.PageLabels = { Nums: [0, { S: 'r' }] };
  }
  doc.end();
  await ended;
  return {
    bytes: new Uint8Array(Buffer.concat(chunks)),
    words: [...layout.words, ...footnoteWords],
    hyphenated: layout.hyphenated,
    pageCount: pageCount + (options.blankPageAtEnd ? 1 : 0),
    furniture: [RUNNING_HEAD, RUNNING_HEAD_RIGHT, 'Page 1 of'],
  };
}

export const PDF_TABLE = [
  ['Site', 'Depth in metres', 'Status'],
  ['Mill ford', '0.4', 'Open to herders'],
  ['Old bridge', '3.2', 'Cracked arches'],
  ['North quay', '5.0', 'Silted'],
  // An empty cell: nothing is drawn there, and the last cell must still find its column.
  ['South pier', '', 'Rebuilt'],
];
const TABLE_COLUMNS = [72, 220, 360];

/** One page in one column: a title, a paragraph, a table with a bold header row, a closing paragraph. */
export async function buildTablePdf(): Promise<{
  bytes: Uint8Array;
  knownText: string;
  before: string;
  after: string;
}> {
  const doc = new PDFDocument({ size: 'LETTER', margin: 0 });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  const before = sentences(3, 4);
  const after = sentences(5, 3);
  doc.font(SERIF_BOLD).fontSize(18).text(TITLE, 72, 72, { lineBreak: false });
  doc.font(SERIF).fontSize(10);
  doc.text(before, 72, 110, { width: 468, lineGap: 3 });
  let y = doc.y + 14;
  PDF_TABLE.forEach((row, index) => {
    doc.font(index === 0 ? SERIF_BOLD : SERIF).fontSize(10);
    row.forEach((cell, column) => {
      if (cell !== '') doc.text(cell, TABLE_COLUMNS[column]!, y, { lineBreak: false });
    });
    y += LINE + 3;
  });
  doc
    .font(SERIF)
    .fontSize(10)
    .text(after, 72, y + 14, { width: 468, lineGap: 3 });
  doc.end();
  await ended;
  const knownText = [TITLE, before, ...PDF_TABLE.flat().filter((cell) => cell !== ''), after]
    .join('\n')
    .replace(/\ufb01/g, 'fi')
    .replace(/\ufb02/g, 'fl');
  return { bytes: new Uint8Array(Buffer.concat(chunks)), knownText, before, after };
}
