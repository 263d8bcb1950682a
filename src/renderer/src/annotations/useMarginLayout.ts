// Where each margin card sits: measured heights laid out by `layoutMargin`, again whenever a
// card grows or shrinks (a note typed, expanded or selected).
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { layoutMargin } from './layout';

/** A card's height before it has been measured. */
const UNMEASURED_HEIGHT = 80;

export function useMarginLayout(
  ids: readonly string[],
  anchorTops: ReadonlyMap<string, number>,
  selectedId: string | null,
) {
  const slots = useRef(new Map<string, HTMLDivElement>());
  const [tops, setTops] = useState<Map<string, number>>(new Map());
  const [resized, setResized] = useState(0);
  const key = ids.join('\n');

  useEffect(() => {
    const observer = new ResizeObserver(() => setResized((count) => count + 1));
    for (const element of slots.current.values()) observer.observe(element);
    return () => observer.disconnect();
  }, [key, anchorTops]);

  useLayoutEffect(() => {
    const items = ids.map((id) => ({
      id,
      anchorTop: anchorTops.get(id) ?? 0,
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
  const topOf = (id: string) => tops.get(id) ?? anchorTops.get(id) ?? 0;
  return { slotRef, topOf };
}
