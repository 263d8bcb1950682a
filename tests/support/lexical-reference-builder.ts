// The Lexical-based document builder that src/shared/document-state.ts replaced, kept as the oracle its law test compares against.
// It builds the state in a headless editor update, so every normalization Lexical applies is applied for real.
import { $createLinkNode } from '@lexical/link';
import { $createListItemNode, $createListNode, type ListNode } from '@lexical/list';
import { $createHeadingNode, $createQuoteNode } from '@lexical/rich-text';
import {
  $createTableCellNode,
  $createTableNode,
  $createTableRowNode,
  TableCellHeaderStates,
  type TableNode,
} from '@lexical/table';
import {
  $createLineBreakNode,
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $isElementNode,
  type ElementNode,
} from 'lexical';
import type {
  Block,
  DocumentOutline,
  InlineRun,
  ListBlock,
  PageRef,
  TableBlock,
} from '../../src/shared/document-blocks';
import { boundedTables, isBlankBlock, shownByline, textRun } from '../../src/shared/document-blocks';
import { $canonicalText, createDocumentEditor } from '../../src/shared/lexical-document';
import type { PageMapEntry } from '../../src/shared/model';

/** The keys of the text nodes made from runs marked `uncertain`, while one document is built. */
let uncertainKeys: Set<string> | undefined;

function $appendInline(parent: ElementNode, runs: readonly InlineRun[]): void {
  for (const run of runs) {
    if (run.kind === 'break') {
      parent.append($createLineBreakNode());
    } else if (run.kind === 'link') {
      const link = $createLinkNode(run.url, { rel: 'noopener noreferrer', target: null, title: null });
      $appendInline(link, run.children);
      parent.append(link);
    } else if (run.text !== '') {
      const node = $createTextNode(run.text);
      if (run.bold) node.toggleFormat('bold');
      if (run.italic) node.toggleFormat('italic');
      if (run.code) node.toggleFormat('code');
      if (run.subscript) node.toggleFormat('subscript');
      if (run.superscript) node.toggleFormat('superscript');
      if (run.uncertain) uncertainKeys?.add(node.getKey());
      parent.append(node);
    }
  }
}

/**
 * Where the nodes in `keys` stand in the canonical text, walked the way getTextContent
 * joins it (block children separated by a blank line). Read before the update ends:
 * Lexical merges a run into its like-formatted neighbours when it normalizes the tree.
 */
function $rangesOf(keys: ReadonlySet<string>): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const walk = (element: ElementNode, start: number): void => {
    let offset = start;
    const children = element.getChildren();
    children.forEach((child, index) => {
      const size = child.getTextContentSize();
      if ($isElementNode(child)) walk(child, offset);
      else if (keys.has(child.getKey())) ranges.push([offset, offset + size]);
      offset += size;
      if ($isElementNode(child) && !child.isInline() && index < children.length - 1) offset += BLOCK_SEPARATOR_LENGTH;
    });
  };
  if (keys.size > 0) walk($getRoot(), 0);
  return ranges;
}

function $createList(block: ListBlock): ListNode {
  const list = $createListNode(block.ordered ? 'number' : 'bullet', block.start);
  for (const item of block.items) {
    const listItem = $createListItemNode();
    $appendInline(listItem, item.children);
    list.append(listItem);
    for (const nested of item.nested) {
      // Lexical nests a list inside its own list item, placed after the parent item.
      const holder = $createListItemNode();
      holder.append($createList(nested));
      list.append(holder);
    }
  }
  return list;
}

/**
 * A table as Lexical's table nodes: each cell holds one paragraph, short rows are padded
 * with empty cells so the grid is whole, and the header row's cells are header cells. Its
 * canonical text is what getTextContent gives any element: every cell's text, cells and
 * rows alike separated by a blank line.
 */
function $createTable(block: TableBlock): TableNode {
  const table = $createTableNode();
  const columns = Math.max(...block.rows.map((row) => row.cells.length));
  block.rows.forEach((row, rowIndex) => {
    const rowNode = $createTableRowNode();
    const header = block.header && rowIndex === 0;
    for (let column = 0; column < columns; column++) {
      const cell = $createTableCellNode(header ? TableCellHeaderStates.ROW : TableCellHeaderStates.NO_STATUS);
      const paragraph = $createParagraphNode();
      $appendInline(paragraph, row.cells[column]?.children ?? []);
      cell.append(paragraph);
      rowNode.append(cell);
    }
    table.append(rowNode);
  });
  return table;
}

function $appendBlock(block: Block): void {
  const root = $getRoot();
  switch (block.kind) {
    case 'heading': {
      const heading = $createHeadingNode(`h${block.level}`);
      $appendInline(heading, block.children);
      root.append(heading);
      return;
    }
    case 'quote': {
      const quote = $createQuoteNode();
      $appendInline(quote, block.children);
      root.append(quote);
      return;
    }
    case 'list':
      root.append($createList(block));
      return;
    case 'table':
      root.append($createTable(block));
      return;
    case 'paragraph': {
      const paragraph = $createParagraphNode();
      $appendInline(paragraph, block.children);
      root.append(paragraph);
      return;
    }
  }
}

/** Lexical joins the text of a root's block children with a blank line. */
const BLOCK_SEPARATOR_LENGTH = 2;

/**
 * Where the page changes in the canonical text: the start of each root child whose block
 * begins a new page. `pages[i]` is the page of root child i (undefined for the title, the
 * byline and blocks without pages).
 */
function $pageMapOf(pages: ReadonlyArray<PageRef | undefined>): PageMapEntry[] {
  const map: PageMapEntry[] = [];
  let offset = 0;
  let current: PageRef | undefined;
  $getRoot()
    .getChildren()
    .forEach((child, index) => {
      const page = pages[index];
      const changed = page !== undefined && (current?.number !== page.number || current.label !== page.label);
      if (changed) map.push({ start: offset, number: page.number, ...(page.label ? { label: page.label } : {}) });
      if (page !== undefined) current = page;
      offset += child.getTextContent().length + BLOCK_SEPARATOR_LENGTH;
    });
  return map;
}

/**
 * Builds the canonical editor state for a document: title heading, byline, then the body,
 * where its pages begin, and where the runs marked `uncertain` (low-confidence OCR) are.
 */
export function buildDocumentStateWithLexical(outline: DocumentOutline): {
  lexicalJson: string;
  text: string;
  pageMap: PageMapEntry[];
  uncertain: Array<[number, number]>;
} {
  const editor = createDocumentEditor();
  const pages: Array<PageRef | undefined> = [];
  const keys = new Set<string>();
  let uncertain: Array<[number, number]> = [];
  uncertainKeys = keys;
  try {
    editor.update(
      () => {
        $getRoot().clear();
        $appendBlock({ kind: 'heading', level: 1, children: [textRun(outline.title)] });
        pages.push(undefined);
        const byline = shownByline(outline.byline, outline.blocks);
        if (byline !== '') {
          $appendBlock({ kind: 'paragraph', role: 'byline', children: [textRun(byline, { italic: true })] });
          pages.push(undefined);
        }
        for (const block of outline.blocks) {
          if (isBlankBlock(block)) continue;
          for (const part of block.kind === 'table' ? boundedTables(block) : [block]) {
            $appendBlock(part);
            pages.push(block.page);
          }
        }
        uncertain = $rangesOf(keys);
      },
      { discrete: true },
    );
  } finally {
    uncertainKeys = undefined;
  }
  const state = editor.getEditorState();
  const pageMap = pages.some((page) => page !== undefined) ? state.read(() => $pageMapOf(pages)) : [];
  return { lexicalJson: JSON.stringify(state.toJSON()), text: state.read($canonicalText), pageMap, uncertain };
}
