// A note as the export sets it: its paragraphs and list items, with the bold, italic, code and
// links the reader shows, read from the note's own editor state rather than its plain text.
import type { AnnotationNote } from '../../shared/annotations';
import type { LexicalEditor } from 'lexical';
import { createDocumentEditor } from '../../shared/lexical-document';
import type { PrintBlock } from '../../shared/print-model';
import { $printBlocks } from '../../shared/print-model';
import { exportPiece } from './pdf-style';
import type { StyledPiece } from './pdf-text';

/** How far a nested list item is set in, in spaces before its marker. */
const INDENT = '   ';

/** One editor reads every note's state: making one costs more than reading a note, and an export may hold thousands. */
let reader: LexicalEditor | undefined;

function blocksOf(lexicalJson: string): PrintBlock[] | null {
  if (lexicalJson.trim() === '') return null;
  try {
    reader ??= createDocumentEditor();
    return reader.parseEditorState(lexicalJson).read($printBlocks);
  } catch {
    // A state the document editor cannot read (none is stored so) falls back to the plain text.
    return null;
  }
}

function blockPieces(block: PrintBlock, size: number, style: Partial<StyledPiece>): StyledPiece[] {
  const marker = block.marker === '' ? [] : [exportPiece(`${INDENT.repeat(block.depth)}${block.marker} `, size, style)];
  const runs = block.runs.map((run) =>
    exportPiece(run.text, size, {
      ...style,
      bold: run.bold,
      italic: run.italic,
      family: run.code ? 'mono' : (style.family ?? 'sans'),
      link: run.link,
    }),
  );
  return [...marker, ...runs];
}

/** The note's paragraphs, each as the pieces to lay out at `size`; its plain text's where it has no editor state. */
export function notePieces(note: AnnotationNote, size: number, style: Partial<StyledPiece> = {}): StyledPiece[][] {
  const blocks = blocksOf(note.lexicalJson);
  const paragraphs = blocks
    ? blocks.map((block) => blockPieces(block, size, style))
    : note.text.split(/\n+/).map((paragraph) => [exportPiece(paragraph, size, style)]);
  return paragraphs.filter((pieces) => pieces.some((piece) => piece.text.trim() !== ''));
}
