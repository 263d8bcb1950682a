// A freshly opened document stays at its top while its blocks settle (scroll anchoring would
// otherwise drift it), until anything scrolls it; and the reading progress follows the scroll.
// Resize observers run after layout, so an anchoring shift is undone before its scroll event is
// seen, and reading sizes there costs no extra layout.
import { useEffect, useRef, useState } from 'react';

/** Whether the document is still pinned to its top, and what to call once it is scrolled. */
export interface PinState {
  pinned: boolean;
  onScrolled: () => void;
}

export function registerScrollPin(
  scroller: HTMLElement,
  article: HTMLElement,
  onProgress: (percent: number) => void,
  pin: PinState = { pinned: true, onScrolled: () => undefined },
): () => void {
  let pinnedToTop = pin.pinned;
  const update = () => {
    const range = scroller.scrollHeight - scroller.clientHeight;
    onProgress(range <= 0 ? 100 : Math.round((scroller.scrollTop / range) * 100));
  };
  // Only layout changes re-pin; a scroll of any kind is left where it went.
  const relayout = () => {
    if (pinnedToTop && scroller.scrollTop !== 0) scroller.scrollTop = 0;
    update();
  };
  const onScroll = () => {
    if (pinnedToTop && scroller.scrollTop !== 0) {
      pinnedToTop = false;
      pin.onScrolled();
    }
    update();
  };
  scroller.addEventListener('scroll', onScroll, { passive: true });
  // The observers' first call (after the first layout) pins and measures: reading the sizes
  // here, on mount, forced a layout of the whole document before it was painted.
  const observer = new ResizeObserver(relayout);
  observer.observe(scroller);
  observer.observe(article);
  return () => {
    scroller.removeEventListener('scroll', onScroll);
    observer.disconnect();
  };
}

/**
 * Pins each newly opened document to its top and returns the reading progress in percent. A
 * document once scrolled stays unpinned when the reader's elements come again: pinned anew, the
 * next resize sent a reader far down a text back to its top (CI, reading-place.spec).
 */
export function useScrollPin(scroller: HTMLElement | null, article: HTMLElement | null, documentId: string): number {
  const [progress, setProgress] = useState(0);
  const scrolled = useRef<string | null>(null);
  useEffect(() => {
    if (!scroller || !article) return undefined;
    return registerScrollPin(scroller, article, setProgress, {
      pinned: scrolled.current !== documentId,
      onScrolled: () => {
        scrolled.current = documentId;
      },
    });
  }, [scroller, article, documentId]);
  return progress;
}

/** Whether the browser has been idle since the document opened: then every block is laid out. */
export function useSettled(documentId: string): boolean {
  const [settled, setSettled] = useState(false);
  useEffect(() => {
    setSettled(false);
    const settle = () => setSettled(true);
    const idle = window.requestIdleCallback?.(settle, { timeout: 1000 });
    const timer = idle === undefined ? setTimeout(settle, 300) : undefined;
    return () => {
      if (idle !== undefined) window.cancelIdleCallback(idle);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [documentId]);
  return settled;
}
