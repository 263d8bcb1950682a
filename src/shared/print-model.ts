// The document as a printer sees it: blocks of styled runs, each run knowing where it sits
// in the canonical text. The walk mirrors $textSegments (and so getTextContent) offset for
// offset, which is what lets an exported page place every highlight on the right glyphs.
import { $isLinkNode } from '@lexical/link';
import { $isListItemNode, $isListNode, type ListNode } from '@lexical/list';
import { $isHeadingNode, $isQuoteNode } from '@lexical/rich-text';
import { $isTableCellNode, $isTableNode, $isTableRowNode, TableCellHeaderStates, type TableNode } from '@lexical/table';
import { $getRoot, $isElementNode, $isLineBreakNode, $isTextNode, type ElementNode, type LexicalNode } from 'lexical';
import { createDocumentEditor } from './lexical-document';

export interface PrintRun {
  /** The run's characters; a line break is a run of "\n". */
  text: string;
  /** Canonical offset of the run's first character. */
  start: number;
  bold: boolean;
  italic: boolean;
  code: boolean;
  /** Set below the line (H₂O's 2) or above it (5th's th); absent for text on the line. */
  raised?: 'subscript' | 'superscript';
  link: string;
}

export type PrintBlockKind = 'heading' | 'paragraph' | 'quote' | 'listItem' | 'table';

/** A table cell: its paragraphs' runs (a line break between paragraphs), where it starts and ends. */
export interface PrintCell {
  runs: PrintRun[];
  header: boolean;
  start: number;
  end: number;
}

export interface PrintBlock {
  kind: PrintBlockKind;
  /** Heading level 1–6; 0 for other blocks. */
  level: number;
  /** List nesting depth, 0 outside lists. */
  depth: number;
  /** "•" or "3." for list items; empty otherwise. */
  marker: string;
  runs: PrintRun[];
  /** A table's rows of cells (kind 'table' only; its `runs` are empty). */
  rows?: PrintCell[][];
  start: number;
  end: number;
}

const BLOCK_SEPARATOR_LENGTH = 2;

interface WalkState {
  offset: number;
  blocks: PrintBlock[];
}

function $collectInline(node: LexicalNode, state: WalkState, runs: PrintRun[], link: string): void {
  if ($isTextNode(node)) {
    const text = node.getTextContent();
    const raised = (['subscript', 'superscript'] as const).find((format) => node.hasFormat(format));
    runs.push({
      text,
      start: state.offset,
      bold: node.hasFormat('bold'),
      italic: node.hasFormat('italic'),
      code: node.hasFormat('code'),
      ...(raised ? { raised } : {}),
      link,
    });
    state.offset += text.length;
    return;
  }
  if ($isLineBreakNode(node)) {
    runs.push({ text: '\n', start: state.offset, bold: false, italic: false, code: false, link });
    state.offset += 1;
    return;
  }
  if ($isElementNode(node)) {
    const href = $isLinkNode(node) ? node.getURL() : link;
    for (const child of node.getChildren()) $collectInline(child, state, runs, href);
    return;
  }
  state.offset += node.getTextContentSize();
}

function $textBlock(
  node: ElementNode,
  state: WalkState,
  kind: PrintBlockKind,
  level: number,
  depth: number,
  marker: string,
): void {
  const start = state.offset;
  const runs: PrintRun[] = [];
  for (const child of node.getChildren()) $collectInline(child, state, runs, '');
  state.blocks.push({ kind, level, depth, marker, runs, start, end: state.offset });
}

function $walkList(list: ListNode, state: WalkState, depth: number): void {
  const items = list.getChildren();
  items.forEach((item, index) => {
    if ($isListItemNode(item)) {
      const nested = item.getChildren().find($isListNode);
      if (nested && item.getChildrenSize() === 1) {
        $walkList(nested, state, depth + 1);
      } else {
        const marker = list.getListType() === 'number' ? `${item.getValue()}.` : depth % 2 === 0 ? '•' : '◦';
        $textBlock(item, state, 'listItem', 0, depth, marker);
      }
    } else if ($isElementNode(item)) {
      $textBlock(item, state, 'paragraph', 0, depth, '');
    } else {
      state.offset += item.getTextContentSize();
    }
    if ($isElementNode(item) && index !== items.length - 1 && !item.isInline()) state.offset += BLOCK_SEPARATOR_LENGTH;
  });
}

/** Whether a node's text is followed by a block separator among its siblings (as getTextContent does). */
function separated(node: LexicalNode, index: number, count: number): boolean {
  return $isElementNode(node) && index !== count - 1 && !node.isInline();
}

/** One cell's paragraphs as one run list: a "\n" run stands for the blank line between two (it is not text). */
function $cell(cell: ElementNode, state: WalkState): PrintCell {
  const start = state.offset;
  const runs: PrintRun[] = [];
  const parts = cell.getChildren();
  parts.forEach((part, index) => {
    $collectInline(part, state, runs, '');
    if (separated(part, index, parts.length)) {
      runs.push({ text: '\n', start: -1, bold: false, italic: false, code: false, link: '' });
      state.offset += BLOCK_SEPARATOR_LENGTH;
    }
  });
  const header = $isTableCellNode(cell) && cell.getHeaderStyles() !== TableCellHeaderStates.NO_STATUS;
  return { runs, header, start, end: state.offset };
}

function $table(table: TableNode, state: WalkState): void {
  const start = state.offset;
  const rows: PrintCell[][] = [];
  const rowNodes = table.getChildren();
  rowNodes.forEach((row, rowIndex) => {
    const cells: PrintCell[] = [];
    if ($isTableRowNode(row)) {
      const cellNodes = row.getChildren();
      cellNodes.forEach((cell, index) => {
        if ($isElementNode(cell)) cells.push($cell(cell, state));
        else state.offset += cell.getTextContentSize();
        if (separated(cell, index, cellNodes.length)) state.offset += BLOCK_SEPARATOR_LENGTH;
      });
    } else state.offset += row.getTextContentSize();
    rows.push(cells);
    if (separated(row, rowIndex, rowNodes.length)) state.offset += BLOCK_SEPARATOR_LENGTH;
  });
  state.blocks.push({ kind: 'table', level: 0, depth: 0, marker: '', runs: [], rows, start, end: state.offset });
}

/** The printable blocks of the active editor state, in reading order. */
export function $printBlocks(): PrintBlock[] {
  const state: WalkState = { offset: 0, blocks: [] };
  const children = $getRoot().getChildren();
  children.forEach((child, index) => {
    if ($isHeadingNode(child)) {
      $textBlock(child, state, 'heading', Number(child.getTag().slice(1)), 0, '');
    } else if ($isQuoteNode(child)) {
      $textBlock(child, state, 'quote', 0, 0, '');
    } else if ($isListNode(child)) {
      $walkList(child, state, 0);
    } else if ($isTableNode(child)) {
      $table(child, state);
    } else if ($isElementNode(child)) {
      $textBlock(child, state, 'paragraph', 0, 0, '');
    } else {
      state.offset += child.getTextContentSize();
    }
    if ($isElementNode(child) && index !== children.length - 1 && !child.isInline())
      state.offset += BLOCK_SEPARATOR_LENGTH;
  });
  return state.blocks;
}

/** The printable blocks of a serialized document, computed without a DOM. */
export function printBlocksOf(lexicalJson: string): PrintBlock[] {
  const state = createDocumentEditor().parseEditorState(lexicalJson);
  return state.read($printBlocks);
}
