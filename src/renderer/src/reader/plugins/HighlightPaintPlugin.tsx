// Paints the highlights (see paint.ts) whenever the annotations, the selected one or the text
// change, moves the window of painted highlights as the reader scrolls, and says on the
// article how many were painted for which document (benchmarks and tests read it).
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect, useMemo, useRef } from 'react';
import type { DomTextMap } from '../dom-map';
import { staticRangeForSpan } from '../dom-map';
import type { PaintableSpan, PaintOutcome } from '../paint';
import { HighlightPainter } from '../paint';
import type { BlockIndex } from '../visible-window';
import { buildBlockIndex, visibleWindow } from '../visible-window';

export interface HighlightPaintProps {
  map: DomTextMap | null;
  spans: readonly PaintableSpan[];
  selectedId: string | null;
  scroller: HTMLElement;
  article: HTMLElement;
  /** The document the spans belong to, written on the article once painted. */
  paintedFor: string | null;
  /** Changes once the whole document is laid out, when block positions are final. */
  settled: boolean;
}

function publish(article: HTMLElement, paintedFor: string | null, outcome: PaintOutcome): void {
  if (!paintedFor) return;
  article.dataset.paintedHighlights = String(outcome.painted);
  article.dataset.knownHighlights = String(outcome.total);
  article.dataset.highlightsPaintedFor = paintedFor;
}

/** Scrolling (and layout settling) moves the window of painted highlights, once a frame at most. */
export function registerPaintWindow(
  scroller: HTMLElement,
  index: BlockIndex,
  moved: (window: ReturnType<typeof visibleWindow>) => void,
) {
  let frame: number | undefined;
  const move = () => {
    frame = undefined;
    moved(visibleWindow(index, scroller));
  };
  const schedule = () => {
    frame ??= requestAnimationFrame(move);
  };
  scroller.addEventListener('scroll', schedule, { passive: true });
  const observer = new ResizeObserver(schedule);
  observer.observe(scroller);
  schedule();
  return () => {
    scroller.removeEventListener('scroll', schedule);
    observer.disconnect();
    if (frame !== undefined) cancelAnimationFrame(frame);
  };
}

export function HighlightPaintPlugin({
  map,
  spans,
  selectedId,
  scroller,
  article,
  paintedFor,
  settled,
}: HighlightPaintProps) {
  const [editor] = useLexicalComposerContext();
  const painterRef = useRef<HighlightPainter | null>(null);
  const blockIndex = useMemo(() => (map ? buildBlockIndex(editor, map) : null), [editor, map]);

  useEffect(() => {
    if (!map) return;
    painterRef.current ??= new HighlightPainter();
    const outcome = painterRef.current.paint({
      spans,
      selectedId,
      rangeFor: (start, end) => staticRangeForSpan(editor, map, start, end),
      textVersion: map,
      // With nothing to paint, no window: finding it reads the layout, which before the first
      // paint means laying out the whole document early.
      window: blockIndex && spans.length > 0 ? visibleWindow(blockIndex, scroller) : null,
    });
    publish(article, paintedFor, outcome);
  }, [editor, map, spans, selectedId, blockIndex, scroller, article, paintedFor]);

  useEffect(() => {
    if (!blockIndex) return undefined;
    return registerPaintWindow(scroller, blockIndex, (window) => {
      if (painterRef.current) publish(article, paintedFor, painterRef.current.setWindow(window));
    });
  }, [blockIndex, scroller, article, paintedFor, settled]);

  useEffect(
    () => () => {
      painterRef.current?.dispose();
      painterRef.current = null;
    },
    [],
  );
  return null;
}
