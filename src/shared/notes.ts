// Margin notes are small rich-text Lexical documents: bold, italic, inline code, links
// and lists. The same node set and Markdown transformers serve the note editor in the
// renderer and the conversions in core (plain text for search, Markdown for files).
import { createHeadlessEditor } from '@lexical/headless';
import { LinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import type { Transformer } from '@lexical/markdown';
import {
  $convertFromMarkdownString,
  $convertToMarkdownString,
  BOLD_ITALIC_STAR,
  BOLD_STAR,
  INLINE_CODE,
  ITALIC_STAR,
  ITALIC_UNDERSCORE,
  LINK,
  ORDERED_LIST,
  UNORDERED_LIST,
} from '@lexical/markdown';
import { $getRoot, type Klass, type LexicalEditor, type LexicalNode } from 'lexical';
import type { AnnotationNote } from './annotations';
import { $rebuildRoot, parseIncoming } from './incoming-document';

export const NOTE_NODES: ReadonlyArray<Klass<LexicalNode>> = [ListNode, ListItemNode, LinkNode];

export const NOTE_TRANSFORMERS: Transformer[] = [
  UNORDERED_LIST,
  ORDERED_LIST,
  INLINE_CODE,
  BOLD_ITALIC_STAR,
  BOLD_STAR,
  ITALIC_STAR,
  ITALIC_UNDERSCORE,
  LINK,
];

export const EMPTY_NOTE: AnnotationNote = { lexicalJson: '', text: '', markdown: '' };

function createNoteEditor(): LexicalEditor {
  return createHeadlessEditor({
    namespace: 'marginalia-note',
    nodes: [...NOTE_NODES],
    onError: (error) => {
      throw error;
    },
  });
}

/**
 * One headless editor serves every conversion: they are synchronous, and making an editor
 * costs more than converting a note (it matters when thousands arrive in a bundle or a sync).
 */
let sharedEditor: LexicalEditor | undefined;

function withNoteEditor(convert: (editor: LexicalEditor) => AnnotationNote): AnnotationNote {
  sharedEditor ??= createNoteEditor();
  try {
    return convert(sharedEditor);
  } catch (error) {
    sharedEditor = undefined;
    throw error;
  }
}

function noteFromEditor(editor: LexicalEditor, keptMarkdown?: string): AnnotationNote {
  const state = editor.getEditorState();
  const { text, markdown } = state.read(() => ({
    text: $getRoot().getTextContent().trim(),
    markdown: keptMarkdown ?? $convertToMarkdownString(NOTE_TRANSFORMERS).trim(),
  }));
  if (text === '') return EMPTY_NOTE;
  return { lexicalJson: JSON.stringify(state.toJSON()), text, markdown };
}

/**
 * A note from its serialized editor state, rebuilt from the parts a note may hold (as an
 * incoming document is: no inline styles, unknown nodes or unsafe links); throws when the
 * state is not a note at all.
 */
export function noteFromLexicalJson(lexicalJson: string): AnnotationNote {
  if (lexicalJson.trim() === '') return EMPTY_NOTE;
  const root = parseIncoming(lexicalJson);
  return withNoteEditor((editor) => {
    editor.update(() => $rebuildRoot(root, 'note'), { discrete: true });
    return noteFromEditor(editor);
  });
}

/**
 * A note from Markdown (the CLI's --note, say). With `keepMarkdown` the Markdown is stored
 * as given rather than as the editor would write it back: notes arriving from a bundle or a
 * workspace file keep their exact text, so merging the same file twice finds nothing changed.
 */
export function noteFromMarkdown(markdown: string, options: { keepMarkdown?: boolean } = {}): AnnotationNote {
  if (PLAIN_LINE.test(markdown)) return plainLineNote(markdown);
  return editorNoteFromMarkdown(markdown, options);
}

/** Characters that are markup anywhere in a line: escapes, code, emphasis, links, HTML, strikethrough, tables, headings. */
const INLINE_MARKUP = /[\\`*_[\]<>~|#]|(?<=\])\(/g;
/** What makes a line a list item or a quote: "- ", "+ ", "> ", "1. ", "1) " at its start. */
const LINE_MARKUP = /^(\s*)([-+>]|\d+[.)])/;

/**
 * Plain text (a Word comment's) as Markdown that reads back as exactly that text: "**stars**"
 * stays two stars each side, not bold. Each line stays a line; only what Markdown would read
 * as markup is escaped, so ordinary prose is stored as it is.
 */
export function plainTextAsMarkdown(text: string): string {
  return text
    .split('\n')
    .map((line) =>
      line
        .replace(INLINE_MARKUP, '\\$&')
        .replace(
          LINE_MARKUP,
          (_whole, indent: string, marker: string) => `${indent}${marker.replace(/[-+>.)]$/, '\\$&')}`,
        ),
    )
    .join('\n');
}

/** The same conversion, always through the editor. */
export function editorNoteFromMarkdown(markdown: string, options: { keepMarkdown?: boolean } = {}): AnnotationNote {
  if (markdown.trim() === '') return EMPTY_NOTE;
  return withNoteEditor((editor) => {
    editor.update(() => $convertFromMarkdownString(markdown, NOTE_TRANSFORMERS), { discrete: true });
    return noteFromEditor(editor, options.keepMarkdown ? markdown.trim() : undefined);
  });
}

/**
 * One line of words and ordinary punctuation, with nothing Markdown reads as markup (no
 * list marker can start it, no emphasis, code or link characters). Most notes are like
 * this, and a workspace rebuild converts tens of thousands of them.
 */
const PLAIN_LINE = /^\p{L}[\p{L}\p{N} ,.;:?!'"‘’“”()–—-]*(?<! )$/u;

/** The note the editor would make of a plain line (a test holds the two equal). */
function plainLineNote(line: string): AnnotationNote {
  const paragraph = {
    children: [{ detail: 0, format: 0, mode: 'normal', style: '', text: line, type: 'text', version: 1 }],
    direction: null,
    format: '',
    indent: 0,
    textFormat: 0,
    textStyle: '',
    type: 'paragraph',
    version: 1,
  };
  const root = { children: [paragraph], direction: null, format: '', indent: 0, type: 'root', version: 1 };
  return { lexicalJson: JSON.stringify({ root }), text: line, markdown: line };
}
