// A document's (or a margin note's) Lexical structure from outside (a bundle, an edit or a
// note sent over the contract) is never stored as sent: it is rebuilt here from the node types, text formats and attributes
// the app itself produces (see lexical-document.ts), so inline CSS, unknown node types,
// NodeState and unsafe links cannot reach the reader.
import { $createLinkNode, type LinkNode } from '@lexical/link';
import { $createListItemNode, $createListNode, type ListItemNode, type ListNode } from '@lexical/list';
import { $createHeadingNode, $createQuoteNode, type HeadingTagType } from '@lexical/rich-text';
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
  $createTabNode,
  $createTextNode,
  $getRoot,
  type ElementNode,
} from 'lexical';
import { MAX_TABLE_COLUMNS, MAX_TABLE_ROWS, isSafeLinkUrl } from './document-blocks';
import { $canonicalText, createDocumentEditor } from './lexical-document';

/** Bold, italic, underline, code, subscript and superscript: the formats the reader styles (Lexical's bit flags). */
const KNOWN_FORMATS = 1 | 2 | 8 | 16 | 32 | 64;
const HEADING_TAGS: readonly string[] = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];
const BLOCK_TYPES: readonly string[] = ['paragraph', 'heading', 'quote', 'list', 'table'];
/** Deeper than any list a person nests; a hostile edit could otherwise overflow the stack. */
const MAX_DEPTH = 64;

export interface RawNode {
  type: string;
  children: RawNode[];
  text?: string;
  fields: Record<string, unknown>;
}

export class IncomingDocumentError extends Error {}

/** A raw JSON value as a node: only its type, children and text are looked at. */
function rawNode(value: unknown, depth: number): RawNode {
  if (depth > MAX_DEPTH) throw new IncomingDocumentError(`the document is nested more than ${MAX_DEPTH} levels deep`);
  const fields =
    typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  const children = Array.isArray(fields.children) ? fields.children.map((child) => rawNode(child, depth + 1)) : [];
  return {
    type: typeof fields.type === 'string' ? fields.type : '',
    children,
    ...(typeof fields.text === 'string' ? { text: fields.text } : {}),
    fields,
  };
}

/** Inline content: text, line breaks, tabs and safe links; any other wrapper keeps its text and loses itself. */
function $appendInline(parent: ElementNode, nodes: readonly RawNode[], insideLink: boolean): void {
  for (const node of nodes) {
    if (node.type === 'linebreak') parent.append($createLineBreakNode());
    else if (node.type === 'tab') parent.append($createTabNode());
    else if (node.text !== undefined) {
      const text = $createTextNode(node.text);
      const format = typeof node.fields.format === 'number' ? node.fields.format & KNOWN_FORMATS : 0;
      if (format !== 0) text.setFormat(format);
      parent.append(text);
    } else if (
      node.type === 'link' &&
      !insideLink &&
      typeof node.fields.url === 'string' &&
      isSafeLinkUrl(node.fields.url)
    ) {
      const link: LinkNode = $createLinkNode(node.fields.url.trim(), {
        rel: 'noopener noreferrer',
        target: null,
        title: null,
      });
      $appendInline(link, node.children, true);
      parent.append(link);
    } else $appendInline(parent, node.children, insideLink);
  }
}

function $list(node: RawNode): ListNode {
  const start = node.fields.start;
  const list = $createListNode(
    node.fields.listType === 'number' ? 'number' : 'bullet',
    typeof start === 'number' && Number.isInteger(start) && start >= 0 && start <= 1_000_000_000 ? start : 1,
  );
  for (const child of node.children) {
    const item: ListItemNode = $createListItemNode();
    if (child.type === 'listitem') {
      for (const part of child.children) {
        if (part.type === 'list') item.append($list(part));
        else $appendInline(item, [part], false);
      }
    } else if (child.type === 'list') item.append($list(child));
    else $appendInline(item, [child], false);
    list.append(item);
  }
  return list;
}

/**
 * A table as the app writes one: rows of cells, each cell paragraphs of inline text, a cell a
 * header cell or not. Spans, widths, colours and styles are dropped; anything else inside a
 * cell becomes a paragraph of its text, anything else inside a table or row is left out. A
 * table past the caps the importers keep (MAX_TABLE_ROWS × MAX_TABLE_COLUMNS) is refused.
 */
function $table(node: RawNode): TableNode {
  const rows = node.children
    .filter((child) => child.type === 'tablerow')
    .map((row) => row.children.filter((child) => child.type === 'tablecell'))
    .filter((cells) => cells.length > 0);
  if (rows.length > MAX_TABLE_ROWS)
    throw new IncomingDocumentError(
      `a table has ${rows.length} rows, more than the ${MAX_TABLE_ROWS} a document keeps`,
    );
  const table = $createTableNode();
  const columns = Math.max(0, ...rows.map((cells) => cells.length));
  for (const cells of rows) {
    if (cells.length > MAX_TABLE_COLUMNS)
      throw new IncomingDocumentError(
        `a table row has ${cells.length} cells, more than the ${MAX_TABLE_COLUMNS} a document keeps`,
      );
    const rowNode = $createTableRowNode();
    for (const cell of cells) {
      const header = cell.fields.headerState === TableCellHeaderStates.ROW;
      const cellNode = $createTableCellNode(header ? TableCellHeaderStates.ROW : TableCellHeaderStates.NO_STATUS);
      for (const part of cell.children) {
        const paragraph = $createParagraphNode();
        $appendInline(paragraph, part.type === 'paragraph' ? part.children : [part], false);
        cellNode.append(paragraph);
      }
      // Lexical needs a block in every cell, and the app writes one even for an empty cell.
      if (cellNode.getChildrenSize() === 0) cellNode.append($createParagraphNode());
      rowNode.append(cellNode);
    }
    // A ragged row is padded, as the importers pad theirs, so the grid stays whole.
    for (let column = cells.length; column < columns; column++)
      rowNode.append($createTableCellNode().append($createParagraphNode()));
    table.append(rowNode);
  }
  return table;
}

/** A margin note has no headings or quotes: they become paragraphs there. */
export type IncomingKind = 'document' | 'note';

function $block(node: RawNode, kind: IncomingKind): ElementNode {
  if (node.type === 'list') return $list(node);
  if (node.type === 'table' && kind === 'document') {
    const table = $table(node);
    if (table.getChildrenSize() > 0) return table;
  }
  const tag = node.fields.tag;
  const block =
    kind === 'note'
      ? $createParagraphNode()
      : node.type === 'heading'
        ? $createHeadingNode((typeof tag === 'string' && HEADING_TAGS.includes(tag) ? tag : 'h2') as HeadingTagType)
        : node.type === 'quote'
          ? $createQuoteNode()
          : $createParagraphNode();
  $appendInline(block, node.children, false);
  return block;
}

/** Parses serialized Lexical JSON from outside into raw nodes; throws IncomingDocumentError when it is not a document. */
export function parseIncoming(lexicalJson: string): RawNode {
  let parsed: unknown;
  try {
    parsed = JSON.parse(lexicalJson);
  } catch {
    throw new IncomingDocumentError('the document is not valid JSON');
  }
  const root = rawNode((parsed as { root?: unknown } | null)?.root, 0);
  if (root.type !== 'root') throw new IncomingDocumentError('the document has no root');
  return root;
}

/** Inside an editor update: replaces the root's content with the rebuilt one. */
export function $rebuildRoot(root: RawNode, kind: IncomingKind): void {
  const target = $getRoot();
  target.clear();
  for (const child of root.children) {
    target.append(
      BLOCK_TYPES.includes(child.type)
        ? $block(child, kind)
        : $block({ type: 'paragraph', children: [child], fields: {} }, kind),
    );
  }
}

/**
 * Rebuilds a serialized document from known parts only: paragraphs, headings h1–h6, quotes,
 * bullet and numbered lists, tables (rows of cells of paragraphs, a header row), text with
 * bold, italic, underline and code, line breaks, tabs, and links to http, https and mailto. Styles, alignment, indents, unknown attributes and
 * NodeState are dropped; an unknown node keeps its text (an unknown block becomes a
 * paragraph, an unknown inline wrapper or an unsafe link leaves its text in place). The
 * app's own documents come back unchanged. Throws IncomingDocumentError when it is not JSON
 * or not a document at all.
 */
export function rebuildIncomingDocument(lexicalJson: string): { lexicalJson: string; text: string } {
  const root = parseIncoming(lexicalJson);
  const editor = createDocumentEditor();
  editor.update(() => $rebuildRoot(root, 'document'), { discrete: true });
  const state = editor.getEditorState();
  return { lexicalJson: JSON.stringify(state.toJSON()), text: state.read($canonicalText) };
}
