// Switches the document between read-only reading and editing its text (Edit text).
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect } from 'react';

export function EditablePlugin({ editable }: { editable: boolean }) {
  const [editor] = useLexicalComposerContext();
  // Focus stays where it was: editor.focus() with no selection would put the caret at the end
  // of the document and scroll there, away from the passage being read.
  useEffect(() => editor.setEditable(editable), [editor, editable]);
  return null;
}
