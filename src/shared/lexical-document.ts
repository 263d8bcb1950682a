// The canonical Lexical document: the node set every host registers, the builder
// that turns imported blocks into an editor state (document-state.ts), and the canonical
// plain text that annotation offsets index into. Node (headless) and the renderer both call
// $canonicalText on the same state, so their texts are identical by construction.
import { createHeadlessEditor } from '@lexical/headless';
import { LinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { TableCellNode, TableNode, TableRowNode } from '@lexical/table';
import { $getRoot, type Klass, type LexicalEditor, type LexicalNode } from 'lexical';

// Built without an editor (an update took ~2 s per 100,000 paragraphs); re-exported for the callers that read states too.
export { buildDocumentState } from './document-state';

export const DOCUMENT_NODES: ReadonlyArray<Klass<LexicalNode>> = [
  HeadingNode,
  QuoteNode,
  ListNode,
  ListItemNode,
  LinkNode,
  TableNode,
  TableRowNode,
  TableCellNode,
];

export function createDocumentEditor(): LexicalEditor {
  return createHeadlessEditor({
    namespace: 'marginalia-document',
    nodes: [...DOCUMENT_NODES],
    onError: (error) => {
      throw error;
    },
  });
}

/** The canonical plain text of the active editor state. */
export function $canonicalText(): string {
  return $getRoot().getTextContent();
}

/** The canonical plain text of a serialized document, computed without a DOM. */
export function canonicalTextOf(lexicalJson: string): string {
  const editor = createDocumentEditor();
  const state = editor.parseEditorState(lexicalJson);
  return state.read($canonicalText);
}

/** A word in any script: a run of letters or digits, joined by apostrophes or hyphens. */
const WORD = /[\p{L}\p{N}\p{M}]+(?:['’\-][\p{L}\p{N}\p{M}]+)*/gu;

/**
 * Counts words in any script. Counted with test(), which keeps no match: match() built an array
 * of every word, 3.5 million strings for a 500,000-line log, a second of its import.
 */
export function countWords(text: string): number {
  WORD.lastIndex = 0;
  let count = 0;
  while (WORD.test(text)) count++;
  return count;
}
