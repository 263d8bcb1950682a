// Builds an imported document's canonical editor state directly: the JSON Lexical 0.52 would serialize, its text, pages and unsure runs.
import type { Block, DocumentOutline, InlineRun, ListBlock, PageRef, TableBlock, TextRun } from './document-blocks';
import { boundedTables, isBlankBlock, shownByline, textRun } from './document-blocks';
import type { PageMapEntry } from './model';

// The objects below are written field for field in the order Lexical's exportJSON writes them,
// so the JSON string is byte-identical to what an editor update followed by toJSON gives.

interface SerializedText {
  detail: 0;
  format: number;
  mode: 'normal';
  style: '';
  text: string;
  type: 'text';
  version: 1;
}

interface SerializedLineBreak {
  type: 'linebreak';
  version: 1;
}

interface SerializedElement {
  children: SerializedNode[];
  type: string;
  [field: string]: unknown;
}

type SerializedNode = SerializedText | SerializedLineBreak | SerializedElement;

/** Lexical joins the text of an element's block children with a blank line. */
const BLOCK_SEPARATOR = '\n\n';

/** Lexical's TextNode format bits (IS_BOLD, IS_ITALIC, IS_CODE, IS_SUBSCRIPT, IS_SUPERSCRIPT). */
const BOLD = 1;
const ITALIC = 2;
const CODE = 16;
const SUBSCRIPT = 32;
const SUPERSCRIPT = 64;

/** TableCellHeaderStates.NO_STATUS and .ROW. */
const NO_HEADER = 0;
const ROW_HEADER = 1;

/** The canonical text as it is written, and where the runs marked uncertain landed in it. */
class CanonicalText {
  text = '';
  readonly uncertain: Array<[number, number]> = [];

  write(text: string): void {
    this.text += text;
  }

  writeUncertain(text: string): void {
    this.uncertain.push([this.text.length, this.text.length + text.length]);
    this.text += text;
  }

  /** Writes each part, with the blank line Lexical puts between block children. */
  writeBlocks<T, R>(parts: readonly T[], writePart: (part: T, index: number) => R): R[] {
    return parts.map((part, index) => {
      if (index > 0) this.write(BLOCK_SEPARATOR);
      return writePart(part, index);
    });
  }
}

function formatOf(run: TextRun): number {
  // One or the other, as Lexical keeps them (a superscript inside a subscript is set raised).
  const raised = run.superscript ? SUPERSCRIPT : run.subscript ? SUBSCRIPT : 0;
  return (run.bold ? BOLD : 0) | (run.italic ? ITALIC : 0) | (run.code ? CODE : 0) | raised;
}

function isText(node: SerializedNode | undefined): node is SerializedText {
  return node?.type === 'text';
}

/**
 * Inline runs as text, line break and link nodes. Lexical never keeps an empty text node and
 * merges a text node into a like-formatted one just before it, so those are done here too.
 */
function inlineNodes(runs: readonly InlineRun[], out: CanonicalText): SerializedNode[] {
  const nodes: SerializedNode[] = [];
  for (const run of runs) {
    if (run.kind === 'break') {
      nodes.push({ type: 'linebreak', version: 1 });
      out.write('\n');
    } else if (run.kind === 'link') {
      nodes.push(linkNode(run.url, inlineNodes(run.children, out)));
    } else if (run.text !== '') {
      appendText(nodes, run);
      if (run.uncertain) out.writeUncertain(run.text);
      else out.write(run.text);
    }
  }
  return nodes;
}

function appendText(nodes: SerializedNode[], run: TextRun): void {
  const format = formatOf(run);
  const previous = nodes[nodes.length - 1];
  if (isText(previous) && previous.format === format) {
    previous.text += run.text;
    return;
  }
  nodes.push({ detail: 0, format, mode: 'normal', style: '', text: run.text, type: 'text', version: 1 });
}

function linkNode(url: string, children: SerializedNode[]): SerializedElement {
  const attributes = { rel: 'noopener noreferrer', target: null, title: null, url };
  return { children, ...attributes, direction: null, format: '', indent: 0, type: 'link', version: 1 };
}

/**
 * A paragraph exports the format of its first text child as its textFormat (0 when it has none):
 * ParagraphNode.exportJSON falls back to that because a headless editor never reconciles the
 * paragraph's own text format. Other elements write no textFormat at all.
 */
function paragraphNode(children: SerializedNode[]): SerializedElement {
  const textFormat = children.find(isText)?.format ?? 0;
  return { children, direction: null, format: '', indent: 0, textFormat, textStyle: '', type: 'paragraph', version: 1 };
}

/** An element with no fields of its own beyond Lexical's ElementNode ones. */
function plainElement(type: string, children: SerializedNode[]): SerializedElement {
  return { children, direction: null, format: '', indent: 0, type, version: 1 };
}

/** A list item; `indent` is how many list items it sits inside, as ListItemNode.getIndent counts. */
function listItemNode(children: SerializedNode[], indent: number, value: number): SerializedElement {
  return { children, indent, value, direction: null, format: '', type: 'listitem', version: 1 };
}

/** A list node around its (already numbered) items. */
function listNode(block: ListBlock, items: SerializedNode[]): SerializedElement {
  const listType = block.ordered ? 'number' : 'bullet';
  const tag = block.ordered ? 'ol' : 'ul';
  const fields = { listType, start: block.start, tag };
  return { children: items, ...fields, direction: null, format: '', indent: 0, type: 'list', version: 1 };
}

/**
 * A list's items, each followed by one holder item per nested list (Lexical nests a list inside
 * its own item). The list transform numbers items from `firstValue`; a holder takes the number of
 * the item after it and does not advance the count. Returns the number the next item would get.
 */
function listItems(
  block: ListBlock,
  depth: number,
  firstValue: number,
  out: CanonicalText,
): { items: SerializedNode[]; nextValue: number } {
  let value = firstValue;
  const children = block.items.flatMap((item) => [{ item }, ...item.nested.map((nested) => ({ nested }))]);
  const items = out.writeBlocks(children, (child) => {
    if ('item' in child) return listItemNode(inlineNodes(child.item.children, out), depth, value++);
    return listItemNode([nestedList(child.nested, depth + 1, out)], depth, value);
  });
  return { items, nextValue: value };
}

function nestedList(block: ListBlock, depth: number, out: CanonicalText): SerializedElement {
  return listNode(block, listItems(block, depth, block.start, out).items);
}

/**
 * A table as Lexical's table nodes: each cell holds one paragraph, short rows are padded with
 * empty cells so the grid is whole, and the header row's cells are header cells.
 */
function tableNode(block: TableBlock, out: CanonicalText): SerializedElement {
  const columns = Math.max(...block.rows.map((row) => row.cells.length));
  const rows = out.writeBlocks(block.rows, (row, rowIndex) => {
    const headerState = block.header && rowIndex === 0 ? ROW_HEADER : NO_HEADER;
    const cells = out.writeBlocks(
      Array.from({ length: columns }, (_, column) => row.cells[column]),
      (cell) => {
        const paragraph = paragraphNode(inlineNodes(cell?.children ?? [], out));
        const fields = { backgroundColor: null, colSpan: 1, headerState, rowSpan: 1 };
        return {
          children: [paragraph],
          ...fields,
          direction: null,
          format: '',
          indent: 0,
          type: 'tablecell',
          version: 1,
        };
      },
    );
    return plainElement('tablerow', cells);
  });
  return plainElement('table', rows);
}

/** One root child, and the length of its text, as it stands once the update is done. */
interface RootChild {
  node: SerializedElement;
  textLength: number;
}

/** A list at the end of the root so far, which a following list of its type joins. */
interface OpenList {
  child: RootChild;
  ordered: boolean;
  nextValue: number;
}

/** The running root: its children, and the last of them if it is a list. */
class RootWriter {
  readonly children: RootChild[] = [];
  private openList: OpenList | undefined;

  constructor(readonly out: CanonicalText) {}

  /** Appends a block; returns where its text begins. */
  append(block: Block): number {
    if (this.children.length > 0) this.out.write(BLOCK_SEPARATOR);
    const start = this.out.text.length;
    // Lexical's list transform merges a list into the list of the same type just before it.
    if (block.kind === 'list' && this.openList?.ordered === block.ordered) {
      this.extendList(this.openList, block, start);
      return start;
    }
    if (block.kind === 'list') {
      const { items, nextValue } = listItems(block, 0, block.start, this.out);
      const child = this.push(listNode(block, items), start);
      this.openList = { child, ordered: block.ordered, nextValue };
    } else {
      this.openList = undefined;
      this.push(blockNode(block, this.out), start);
    }
    return start;
  }

  private push(node: SerializedElement, start: number): RootChild {
    const child = { node, textLength: this.out.text.length - start };
    this.children.push(child);
    return child;
  }

  /** Appends a list's items to the open list, numbered on from it (the open list's start wins). */
  private extendList(open: OpenList, block: ListBlock, start: number): void {
    const { items, nextValue } = listItems(block, 0, open.nextValue, this.out);
    open.nextValue = nextValue;
    open.child.node.children.push(...items);
    open.child.textLength += BLOCK_SEPARATOR.length + this.out.text.length - start;
  }
}

function blockNode(block: Exclude<Block, ListBlock>, out: CanonicalText): SerializedElement {
  switch (block.kind) {
    case 'heading': {
      const children = inlineNodes(block.children, out);
      return { children, tag: `h${block.level}`, direction: null, format: '', indent: 0, type: 'heading', version: 1 };
    }
    case 'quote':
      return plainElement('quote', inlineNodes(block.children, out));
    case 'table':
      return tableNode(block, out);
    case 'paragraph':
      return paragraphNode(inlineNodes(block.children, out));
  }
}

/** Where a block's text begins, and its page (none for the byline, blocks without pages, and a title no page printed). */
interface PlacedStart {
  start: number;
  page: PageRef | undefined;
}

/**
 * Where the page changes in the canonical text: the start of each block that begins a new
 * page, and where a later page begins inside a paragraph joined across a page break. Counted
 * by block, not by root child: a list Lexical merges into the list before it still begins its
 * page where its own first item begins.
 */
function pageMapOf(starts: readonly PlacedStart[]): PageMapEntry[] {
  const map: PageMapEntry[] = [];
  let current: PageRef | undefined;
  for (const { start, page } of starts) {
    if (page === undefined) continue;
    if (current?.number !== page.number || current.label !== page.label)
      map.push({ start, number: page.number, ...(page.label ? { label: page.label } : {}) });
    current = page;
  }
  return map;
}

/**
 * Builds the canonical editor state for a document: title heading, byline (unless the body's
 * opening already names it: shownByline), then the body, where its pages begin, and where the
 * runs marked `uncertain` (low-confidence OCR) are.
 */
export function buildDocumentState(outline: DocumentOutline): {
  lexicalJson: string;
  text: string;
  pageMap: PageMapEntry[];
  uncertain: Array<[number, number]>;
} {
  const out = new CanonicalText();
  const root = new RootWriter(out);
  // A title printed on a page begins that page: its rule stands above the title, and a match in it has the page.
  const titleStart = root.append({ kind: 'heading', level: 1, children: [textRun(outline.title)] });
  const starts: PlacedStart[] = [{ start: titleStart, page: outline.titlePage }];
  // Every reader's document goes through here, so none shows a byline its opening already names.
  const byline = shownByline(outline.byline, outline.blocks);
  if (byline !== '') root.append({ kind: 'paragraph', role: 'byline', children: [textRun(byline, { italic: true })] });
  for (const block of outline.blocks) {
    if (isBlankBlock(block)) continue;
    for (const part of block.kind === 'table' ? boundedTables(block) : [block]) {
      const start = root.append(part);
      starts.push({ start, page: block.page });
      // A paragraph joined across a page break: the later page begins inside it.
      if (part.kind === 'paragraph')
        for (const turn of part.pageTurns ?? []) starts.push({ start: start + turn.at, page: turn.page });
    }
  }
  const pageMap = pageMapOf(starts);
  const rootNode = plainElement(
    'root',
    root.children.map((child) => child.node),
  );
  return { lexicalJson: JSON.stringify({ root: rootNode }), text: out.text, pageMap, uncertain: out.uncertain };
}
