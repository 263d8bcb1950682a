// The search hit's matches stay marked in the text until the search is cleared or closed.
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect } from 'react';
import type { TextSpan } from '../../../../shared/search-results';
import type { DomTextMap } from '../dom-map';
import { rangeForSpan } from '../dom-map';
import { SEARCH_HIGHLIGHT, highlightsSupported } from '../paint';

export function SearchMarksPlugin({ map, spans }: { map: DomTextMap | null; spans: readonly TextSpan[] | null }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    if (!highlightsSupported()) return undefined;
    if (!spans || !map) {
      CSS.highlights.delete(SEARCH_HIGHLIGHT);
      return undefined;
    }
    const ranges = spans
      .map((span) => rangeForSpan(editor, map, span.start, span.end))
      .filter((range): range is Range => range !== null);
    CSS.highlights.set(SEARCH_HIGHLIGHT, new Highlight(...ranges));
    return () => {
      CSS.highlights.delete(SEARCH_HIGHLIGHT);
    };
  }, [editor, map, spans]);
  return null;
}
