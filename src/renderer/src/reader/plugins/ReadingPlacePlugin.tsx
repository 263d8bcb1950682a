// Holds the reading place when the text reflows (window resized, column width or text size
// changed): the passage at the top of the reader stays where it stood on screen.
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect } from 'react';
import { registerReadingPlace } from '../reading-place';

export function ReadingPlacePlugin({ scroller, article }: { scroller: HTMLElement; article: HTMLElement }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    let unregisterPlace: (() => void) | null = null;
    const unregisterRoot = editor.registerRootListener((root) => {
      unregisterPlace?.();
      unregisterPlace = root ? registerReadingPlace(scroller, article, root) : null;
    });
    return () => {
      unregisterRoot();
      unregisterPlace?.();
    };
  }, [editor, scroller, article]);
  return null;
}
