// Measures where each margin card's text starts, relative to the page, again whenever the
// page's size changes (fonts, width, blocks laid out), so the cards sit level with their text.
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { LexicalEditor } from 'lexical';
import { useLayoutEffect } from 'react';
import type { Annotation } from '../../../../shared/annotations';
import type { DomTextMap } from '../dom-map';
import { rangeForSpan } from '../dom-map';

export function measureAnchorTops(
  editor: LexicalEditor,
  map: DomTextMap,
  page: HTMLElement,
  annotations: readonly Annotation[],
): Map<string, number> {
  const pageTop = page.getBoundingClientRect().top;
  const tops = new Map<string, number>();
  for (const annotation of annotations) {
    if (!annotation.target || annotation.anchor.status === 'orphan') {
      tops.set(annotation.id, 0);
      continue;
    }
    const range = rangeForSpan(editor, map, annotation.target.position.start, annotation.target.position.end);
    const rect = range?.getClientRects()[0] ?? range?.getBoundingClientRect();
    if (rect) tops.set(annotation.id, Math.max(0, rect.top - pageTop));
  }
  return tops;
}

export function MarginMeasurePlugin({
  map,
  page,
  annotations,
  settled,
  onMeasured,
}: {
  map: DomTextMap | null;
  page: HTMLElement;
  annotations: readonly Annotation[];
  settled: boolean;
  onMeasured: (tops: Map<string, number>) => void;
}) {
  const [editor] = useLexicalComposerContext();
  useLayoutEffect(() => {
    if (!map) return undefined;
    const measure = () => onMeasured(measureAnchorTops(editor, map, page, annotations));
    // No measuring here: the observer's first call comes after layout, where reading positions
    // is free; measuring in the effect forced a layout of the whole document before its first paint.
    const observer = new ResizeObserver(measure);
    observer.observe(page);
    return () => observer.disconnect();
  }, [editor, map, page, annotations, settled, onMeasured]);
  return null;
}
