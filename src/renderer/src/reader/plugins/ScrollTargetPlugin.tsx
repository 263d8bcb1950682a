// Scrolls to what search, the annotation list and j/k ask for, then clears the request.
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect } from 'react';
import type { ScrollTarget } from '../../annotations/controller';
import type { DomTextMap } from '../dom-map';
import { rangeForSpan } from '../dom-map';

export function ScrollTargetPlugin({
  map,
  target,
  done,
}: {
  map: DomTextMap | null;
  target: ScrollTarget | null;
  done: () => void;
}) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    if (!target || !map) return;
    const range = rangeForSpan(editor, map, target.start, Math.max(target.end, target.start));
    if (!range) return;
    range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    done();
  }, [editor, map, target, done]);
  return null;
}
