// Hands the reader's Lexical editor and a fresh text map to the React layers above it,
// after every update that changes the document.
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import type { LexicalEditor } from 'lexical';
import { useEffect } from 'react';
import type { DomTextMap } from './dom-map';
import { buildDomTextMap } from './dom-map';

export interface ReaderBridgeProps {
  onReady: (editor: LexicalEditor, map: DomTextMap) => void;
}

export function ReaderBridgePlugin({ onReady }: ReaderBridgeProps) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    const publish = () => onReady(editor, buildDomTextMap(editor));
    if (editor.getRootElement()) publish();
    return mergeRegister(
      editor.registerRootListener((root) => {
        if (root) publish();
      }),
      editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
        if (dirtyElements.size > 0 || dirtyLeaves.size > 0) publish();
      }),
    );
  }, [editor, onReady]);
  return null;
}
