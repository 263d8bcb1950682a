// A small, format-neutral description of an imported document's structure. Every
// importer (plain text, Markdown, HTML) produces these blocks; one builder turns them
// into the canonical Lexical document, so all formats share one rendering and one text.

export interface TextRun {
  kind: 'text';
  text: string;
  bold?: boolean;
  italic?: boolean;
  code?: boolean;
  /** Set below or above the line, as the "2" of H₂O or the "th" of 5th: the reader and export set it so. */
  subscript?: boolean;
  superscript?: boolean;
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

/** A later page beginning inside a block: a paragraph a page break cut in two and the reader joined again. */
export interface PageTurn {
  /** Where that page's text begins, in characters from the block's start. */
  at: number;
  page: PageRef;
}

export interface ParagraphBlock extends PlacedBlock {
  kind: 'paragraph';
  children: InlineRun[];
  role?: 'byline';
  /** Each page after `page` that this paragraph runs onto, where it begins. */
  pageTurns?: PageTurn[];
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

/** A table cell: its inline text (several paragraphs of a cell are joined with line breaks). */
export interface TableCell {
  children: InlineRun[];
}

export interface TableRowData {
  cells: TableCell[];
}

/**
 * A data table. Rows may differ in length (the reader and export pad short rows with empty
 * cells). `header` marks the first row as the header row.
 */
export interface TableBlock extends PlacedBlock {
  kind: 'table';
  header: boolean;
  rows: TableRowData[];
}

/**
 * The most a table keeps: past MAX_TABLE_COLUMNS the extra cells of a row join its last cell
 * (separated by " | "), and past MAX_TABLE_ROWS the table ends and the remaining rows follow
 * as a second table, so no text is lost and no table is too big to lay out.
 */
export const MAX_TABLE_ROWS = 500;
export const MAX_TABLE_COLUMNS = 30;

export type Block = HeadingBlock | ParagraphBlock | QuoteBlock | ListBlock | TableBlock;

export interface DocumentOutline {
  title: string;
  byline: string;
  blocks: Block[];
  /** The page the title was printed on, when it was taken from a page's own text (a PDF's first page). */
  titlePage?: PageRef;
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

/** The inline runs of a block that holds text directly; lists and tables hold theirs deeper. */
export function blockRuns(block: Block): readonly InlineRun[] {
  return block.kind === 'list' || block.kind === 'table' ? [] : block.children;
}

/** A table's text cell by cell, one cell a line, for finding quotes in it. */
export function tableLines(block: TableBlock, text: (runs: readonly InlineRun[]) => string = inlineText): string {
  return block.rows.map((row) => row.cells.map((cell) => text(cell.children)).join('\n')).join('\n');
}

/** Any block's plain text: list items and table cells one a line. */
export function blockPlainText(block: Block): string {
  if (block.kind === 'table') return tableLines(block);
  if (block.kind !== 'list') return inlineText(block.children);
  return block.items
    .map((item) => [inlineText(item.children), ...item.nested.map(blockPlainText)].join('\n'))
    .join('\n');
}

const comparable = (text: string): string => text.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * The byline to set under the title, or '' when the body's first blocks already name it: a page
 * whose article opens "By Leila Mansour · 12 October 2025" showed the name twice.
 */
export function shownByline(byline: string, blocks: readonly Block[]): string {
  const name = comparable(byline);
  if (name === '') return '';
  const opening = blocks.filter((block) => !isBlankBlock(block)).slice(0, 3);
  return opening.some((block) => comparable(blockPlainText(block)).includes(name)) ? '' : byline;
}

/** True when a block would render no visible text. */
export function isBlankBlock(block: Block): boolean {
  if (block.kind === 'list') return block.items.length === 0;
  if (block.kind === 'table')
    return block.rows.every((row) => row.cells.every((cell) => inlineText(cell.children).trim() === ''));
  return inlineText(block.children).trim() === '';
}

/** Only http(s) and mailto links survive import; anything else becomes plain text. */
export function isSafeLinkUrl(url: string): boolean {
  return /^(https?:|mailto:)/i.test(url.trim());
}

/** A row's cells within MAX_TABLE_COLUMNS: the overflow joins the last kept cell. */
function cappedCells(cells: readonly TableCell[]): TableCell[] {
  if (cells.length <= MAX_TABLE_COLUMNS) return [...cells];
  const kept = cells.slice(0, MAX_TABLE_COLUMNS - 1);
  const rest = cells.slice(MAX_TABLE_COLUMNS - 1);
  const joined: InlineRun[] = [];
  rest.forEach((cell, index) => {
    if (index > 0) joined.push(textRun(' | '));
    joined.push(...cell.children);
  });
  return [...kept, { children: joined }];
}

/**
 * Splits and caps a table to the bounds (see MAX_TABLE_ROWS, MAX_TABLE_COLUMNS); empty rows go.
 * Returns no table when nothing is left; the header flag stays with the first part only.
 */
export function boundedTables(table: TableBlock): TableBlock[] {
  const rows = table.rows.filter((row) => row.cells.length > 0).map((row) => ({ cells: cappedCells(row.cells) }));
  const parts: TableBlock[] = [];
  for (let start = 0; start < rows.length; start += MAX_TABLE_ROWS) {
    parts.push({
      ...table,
      header: start === 0 && table.header,
      rows: rows.slice(start, start + MAX_TABLE_ROWS),
    });
  }
  return parts;
}
