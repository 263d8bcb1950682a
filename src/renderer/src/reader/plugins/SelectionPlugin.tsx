// Follows the DOM selection in the read-only text (made with the mouse or the keyboard) and
// reports it in canonical offsets: the selected span (for the selection toolbar and `h`), the
// caret (for `n`) and where the selection's focus is (for what a screen reader is told).
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import type { LexicalEditor } from 'lexical';
import { useEffect, useRef } from 'react';
import { flushSync } from 'react-dom';
import type { DomTextMap } from '../dom-map';
import { caretOffset, selectionSpan } from '../dom-map';
import { selectionOffsets } from '../dom-caret';

export interface ReaderSelection {
  span: { start: number; end: number; rect: DOMRect } | null;
  /** A collapsed caret's offset. */
  caret: number | null;
  /** The moving end of the selection (the caret when collapsed). */
  focus: number | null;
}

export const NO_SELECTION: ReaderSelection = { span: null, caret: null, focus: null };

export function readSelection(editor: LexicalEditor, map: DomTextMap): ReaderSelection {
  if (editor.isEditable()) return NO_SELECTION;
  return {
    span: selectionSpan(editor, map),
    caret: caretOffset(editor, map),
    focus: selectionOffsets(editor, map)?.focus ?? null,
  };
}

function sameSelection(a: ReaderSelection, b: ReaderSelection): boolean {
  return (
    a.caret === b.caret &&
    a.focus === b.focus &&
    a.span?.start === b.span?.start &&
    a.span?.end === b.span?.end &&
    a.span?.rect.top === b.span?.rect.top &&
    a.span?.rect.left === b.span?.rect.left
  );
}

export function registerSelection(
  editor: LexicalEditor,
  map: () => DomTextMap | null,
  onChange: (selection: ReaderSelection) => void,
): () => void {
  let last = NO_SELECTION;
  const publish = () => {
    const current = map();
    const next = current ? readSelection(editor, current) : NO_SELECTION;
    if (sameSelection(last, next)) return;
    last = next;
    onChange(next);
  };
  // The first reading waits until after the first paint: asking the page for its selection
  // makes the browser lay out the whole document, which on mount came before it was shown.
  let initial: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => (initial = setTimeout(publish, 0)));
  document.addEventListener('selectionchange', publish);
  // The browser reports a selection change a task later; a key pressed at once (h right after
  // Shift+Arrow) must act on the selection as it is now, with the commands it enables.
  const beforeKey = () => flushSync(publish);
  return mergeRegister(
    () => {
      cancelAnimationFrame(frame);
      clearTimeout(initial);
      document.removeEventListener('selectionchange', publish);
    },
    editor.registerEditableListener(publish),
    editor.registerRootListener((root) => {
      if (!root) return undefined;
      root.addEventListener('keydown', beforeKey, true);
      return () => root.removeEventListener('keydown', beforeKey, true);
    }),
  );
}

export function SelectionPlugin({
  map,
  onChange,
}: {
  map: DomTextMap | null;
  onChange: (selection: ReaderSelection) => void;
}) {
  const [editor] = useLexicalComposerContext();
  const mapRef = useRef(map);
  mapRef.current = map;
  useEffect(() => registerSelection(editor, () => mapRef.current, onChange), [editor, onChange, map]);
  return null;
}
