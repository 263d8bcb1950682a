// Turns what tesseract recognized on one page (blocks, paragraphs, lines, words with their
// confidence) into paragraphs of the page, words under the confidence threshold marked.
import type { Block, PageRef, ParagraphBlock, TextRun } from '../../../shared/document-blocks';
import { inlineText } from '../../../shared/document-blocks';
import { lineEndJoin } from '../line-join';

/**
 * Words recognized with a confidence under this (tesseract's 0–100) are marked as unsure.
 * On clean 300 dpi text tesseract gives right words 90–96; misread ones mostly fall under 70.
 */
export const LOW_CONFIDENCE = 70;

/** A box on the page image, in pixels from its top left corner. */
export interface OcrBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface OcrWord {
  text: string;
  confidence: number;
  /** Where the word stands on the page image (the original page view outlines annotations by it). */
  bbox?: OcrBox;
}

export interface OcrLine {
  words: readonly OcrWord[];
  /** Where the line sits: absent, the line's place is unknown and it is always text. */
  bbox?: OcrBox;
  /** The baseline's two ends. */
  baseline?: OcrBox;
  /** Tesseract's measure of the line's text: its row height is close to the type's size (45 px for 11 pt at 300 dpi). */
  rowAttributes?: { rowHeight: number };
}

export interface OcrParagraph {
  lines: readonly OcrLine[];
}

export interface OcrBlock {
  paragraphs: readonly OcrParagraph[] | null;
}

/** Confidence over all the words recognized so far. */
export class ConfidenceTally {
  words = 0;
  low = 0;
  private sum = 0;

  add(confidence: number): boolean {
    this.words += 1;
    this.sum += confidence;
    const low = confidence < LOW_CONFIDENCE;
    if (low) this.low += 1;
    return low;
  }

  /** The mean word confidence, to one decimal (0 when nothing was recognized). */
  mean(): number {
    return this.words === 0 ? 0 : Math.round((this.sum / this.words) * 10) / 10;
  }
}

interface Token {
  text: string;
  uncertain: boolean;
}

/** A paragraph's words in reading order, line-end hyphens joined; separators are the spaces between tokens. */
function tokensOf(paragraph: OcrParagraph, tally: ConfidenceTally): Token[] {
  const tokens: Token[] = [];
  for (const line of paragraph.lines) {
    line.words.forEach((word, index) => {
      const text = word.text.replace(/\s+/g, '');
      if (text === '') return;
      const uncertain = tally.add(word.confidence);
      const previous = tokens.at(-1);
      const join = index === 0 && previous !== undefined ? lineEndJoin(previous.text, text) : 'apart';
      if (previous === undefined || join === 'apart') {
        tokens.push({ text, uncertain });
        return;
      }
      previous.text = (join === 'joined' ? previous.text.slice(0, -1) : previous.text) + text;
      previous.uncertain ||= uncertain;
    });
  }
  return tokens;
}

/** Runs for the tokens: each unsure word a run of its own (so its place can be recorded), the rest joined. */
function runsOf(tokens: readonly Token[]): TextRun[] {
  const runs: TextRun[] = [];
  let plain = '';
  tokens.forEach((token, index) => {
    const space = index === 0 ? '' : ' ';
    if (!token.uncertain) {
      plain += space + token.text;
      return;
    }
    plain += space;
    if (plain !== '') runs.push({ kind: 'text', text: plain });
    plain = '';
    runs.push({ kind: 'text', text: token.text, uncertain: true });
  });
  if (plain !== '') runs.push({ kind: 'text', text: plain });
  return runs;
}

/** One page's paragraphs, in tesseract's reading order (blocks, then paragraphs within them). */
export function pageParagraphs(
  blocks: readonly OcrBlock[] | null,
  page: PageRef,
  tally: ConfidenceTally,
): ParagraphBlock[] {
  const paragraphs: ParagraphBlock[] = [];
  for (const block of blocks ?? []) {
    for (const paragraph of block.paragraphs ?? []) {
      const tokens = tokensOf(paragraph, tally);
      if (tokens.length > 0) paragraphs.push({ kind: 'paragraph', children: runsOf(tokens), page });
    }
  }
  return paragraphs;
}

/** A paragraph's text as the reader gives it (line-end hyphens joined), counting none of its words. */
export function paragraphText(paragraph: OcrParagraph): string {
  return tokensOf(paragraph, new ConfidenceTally())
    .map((token) => token.text)
    .join(' ');
}

/**
 * The blocks without the first page's paragraph that says the title: the reader shows that
 * already, as for a PDF's title heading. It need not come first (a one-page scan keeps its
 * running head above it). One with an unsure word stays, so it can be seen and corrected.
 */
export function withoutTitleParagraph(blocks: Block[], title: string): Block[] {
  const same = (text: string): string => text.replace(/\s+/g, ' ').trim().toLocaleLowerCase();
  const firstPage = blocks[0]?.page?.number;
  const at = blocks.findIndex(
    (block) =>
      block.kind === 'paragraph' &&
      block.page?.number === firstPage &&
      same(inlineText(block.children)) === same(title),
  );
  const found = blocks[at];
  if (found?.kind !== 'paragraph' || found.children.some((run) => run.kind === 'text' && run.uncertain)) return blocks;
  return [...blocks.slice(0, at), ...blocks.slice(at + 1)];
}
