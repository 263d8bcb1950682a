// A small, format-neutral description of an imported document's structure. Every
// importer (plain text, Markdown, HTML) produces these blocks; one builder turns them
// into the canonical Lexical document, so all formats share one rendering and one text.

export interface TextRun {
  kind: 'text';
  text: string;
  bold?: boolean;
  italic?: boolean;
  code?: boolean;
  /** Recognized (OCR) text read with low confidence: its place in the canonical text is recorded for the reader to mark. */
  uncertain?: boolean;
}

export interface LinkRun {
  kind: 'link';
  url: string;
  children: TextRun[];
}

export interface LineBreakRun {
  kind: 'break';
}

export type InlineRun = TextRun | LinkRun | LineBreakRun;

export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

/** The page of the original a block was read from (PDF, scanned images): its number from 1 and its printed label. */
export interface PageRef {
  number: number;
  /** The page's own label where the file gives one ("xii", "A-3"); else absent. */
  label?: string;
}

/** Where a block stood in the original file, for formats that have pages. */
interface PlacedBlock {
  page?: PageRef;
}

export interface HeadingBlock extends PlacedBlock {
  kind: 'heading';
  level: HeadingLevel;
  children: InlineRun[];
}

export interface ParagraphBlock extends PlacedBlock {
  kind: 'paragraph';
  children: InlineRun[];
  role?: 'byline';
}

export interface QuoteBlock extends PlacedBlock {
  kind: 'quote';
  children: InlineRun[];
}

export interface ListItem {
  children: InlineRun[];
  nested: ListBlock[];
}

export interface ListBlock extends PlacedBlock {
  kind: 'list';
  ordered: boolean;
  start: number;
  items: ListItem[];
}

export type Block = HeadingBlock | ParagraphBlock | QuoteBlock | ListBlock;

export interface DocumentOutline {
  title: string;
  byline: string;
  blocks: Block[];
}

export function textRun(text: string, marks: Omit<TextRun, 'kind' | 'text'> = {}): TextRun {
  return { kind: 'text', text, ...marks };
}

/** Plain text of inline runs, used for titles and emptiness checks. */
export function inlineText(runs: readonly InlineRun[]): string {
  return runs
    .map((run) => {
      if (run.kind === 'text') return run.text;
      if (run.kind === 'link') return inlineText(run.children);
      return '\n';
    })
    .join('');
}

/** True when a block would render no visible text. */
export function isBlankBlock(block: Block): boolean {
  if (block.kind === 'list') return block.items.length === 0;
  return inlineText(block.children).trim() === '';
}

/** Only http(s) and mailto links survive import; anything else becomes plain text. */
export function isSafeLinkUrl(url: string): boolean {
  return /^(https?:|mailto:)/i.test(url.trim());
}
