// Where each margin card sits: measured heights laid out by `layoutMargin`, again whenever a
// card grows or shrinks (a note typed, expanded or selected), in the margin's own coordinates.
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { layoutMargin } from './layout';

/** A card's height before it has been measured. */
const UNMEASURED_HEIGHT = 80;

/**
 * The anchors' tops are measured from the top of the reader's page, but the cards are placed in
 * the margin, which begins lower on that page (its own top margin, whatever the stylesheet makes
 * it): measured from the page, every card stood that much below its line. An anchor above the
 * margin's top (a document note or an orphan, measured at 0) goes to the margin's top.
 */
function inMargin(anchorTop: number, marginTop: number): number {
  return Math.max(0, anchorTop - marginTop);
}

export function useMarginLayout(
  ids: readonly string[],
  anchorTops: ReadonlyMap<string, number>,
  selectedId: string | null,
) {
  const slots = useRef(new Map<string, HTMLDivElement>());
  const margin = useRef<HTMLElement | null>(null);
  /** Where the margin begins on the page, as last read in layout (read there, not in render). */
  const marginTop = useRef(0);
  const [tops, setTops] = useState<Map<string, number>>(new Map());
  const [resized, setResized] = useState(0);
  const key = ids.join('\n');

  useEffect(() => {
    const observer = new ResizeObserver(() => setResized((count) => count + 1));
    for (const element of slots.current.values()) observer.observe(element);
    return () => observer.disconnect();
  }, [key, anchorTops]);

  useLayoutEffect(() => {
    marginTop.current = margin.current?.offsetTop ?? 0;
    const items = ids.map((id) => ({
      id,
      anchorTop: inMargin(anchorTops.get(id) ?? 0, marginTop.current),
      height: slots.current.get(id)?.offsetHeight ?? UNMEASURED_HEIGHT,
    }));
    const next = layoutMargin(items, selectedId);
    setTops((previous) => {
      if (previous.size === next.size && [...next].every(([id, top]) => previous.get(id) === top)) return previous;
      return next;
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for `ids`
  }, [key, anchorTops, selectedId, resized]);

  const slotRef = useCallback(
    (id: string) => (element: HTMLDivElement | null) => {
      if (element) slots.current.set(id, element);
      else slots.current.delete(id);
    },
    [],
  );

  /** The card's top: laid out, else level with its text until it has been measured. */
  const topOf = (id: string) => tops.get(id) ?? inMargin(anchorTops.get(id) ?? 0, marginTop.current);
  return { marginRef: margin, slotRef, topOf };
}
