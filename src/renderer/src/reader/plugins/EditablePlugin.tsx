// Switches the document between read-only reading and editing its text (Edit text).
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect } from 'react';

export function EditablePlugin({ editable }: { editable: boolean }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    editor.setEditable(editable);
    if (editable) editor.focus();
  }, [editor, editable]);
  return null;
}
