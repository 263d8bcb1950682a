// While the text is being corrected (Edit text), reports each change as one replacement so
// the painted annotations can follow it (see live-edit.ts).
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { LexicalEditor } from 'lexical';
import { useEffect } from 'react';
import { $canonicalText } from '../../../../shared/lexical-document';
import type { TextChange } from '../live-edit';
import { diffTexts } from '../live-edit';

export function registerLiveEdit(editor: LexicalEditor, onChange: (change: TextChange) => void): () => void {
  let previous = editor.getEditorState().read($canonicalText);
  return editor.registerUpdateListener(({ editorState, dirtyElements, dirtyLeaves }) => {
    if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
    const text = editorState.read($canonicalText);
    const change = diffTexts(previous, text);
    previous = text;
    if (change) onChange(change);
  });
}

export function LiveEditPlugin({
  editing,
  onChange,
}: {
  editing: boolean;
  onChange: (change: TextChange | null) => void;
}) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    // Leaving edit mode drops the followed positions: the saved text re-anchors them for real.
    if (!editing) {
      onChange(null);
      return undefined;
    }
    return registerLiveEdit(editor, onChange);
  }, [editor, editing, onChange]);
  return null;
}
