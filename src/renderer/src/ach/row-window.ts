// Which of the matrix's rows are drawn: those in view in its scrolling box and a few on either
// side, so a rating on a 500-row matrix lays out tens of rows, not thousands of cells. The
// active row is scrolled into the window when the keyboard moves to it.
import type { RefObject } from 'react';
import { useCallback, useLayoutEffect, useRef, useState } from 'react';

/** Rows drawn beyond each edge of the view. */
const OVERSCAN = 8;
/** Until a row was measured; the CSS gives rows this height. */
const ROW_HEIGHT_GUESS = 72;
/** Drawn before the box was measured (and where nothing is measured, as in tests). */
const FIRST_WINDOW = 40;

export interface RowWindow {
  /** The scrolling box around the grid. */
  scroller: RefObject<HTMLDivElement | null>;
  first: number;
  last: number;
  rowHeight: number;
  onScroll: () => void;
}

export function windowFor(
  scrollTop: number,
  viewHeight: number,
  headerHeight: number,
  rowHeight: number,
  count: number,
): { first: number; last: number } {
  if (viewHeight <= 0) return { first: 0, last: Math.min(count, FIRST_WINDOW) };
  const top = Math.max(0, scrollTop - headerHeight);
  const first = Math.min(Math.max(0, count - 1), Math.max(0, Math.floor(top / rowHeight) - OVERSCAN));
  const last = Math.min(count, Math.floor(top / rowHeight) + Math.ceil(viewHeight / rowHeight) + OVERSCAN);
  return { first, last: Math.max(first, last) };
}

/** `activeIndex`: the body row the keyboard is on (-1: the header). */
export function useRowWindow(count: number, activeIndex: number): RowWindow {
  const scroller = useRef<HTMLDivElement>(null);
  const [range, setRange] = useState(() => ({ first: 0, last: Math.min(count, FIRST_WINDOW) }));
  const rowHeight = useRef(ROW_HEIGHT_GUESS);
  const measure = useCallback(() => {
    const box = scroller.current;
    if (!box) return;
    const row = box.querySelector<HTMLElement>('tbody tr[data-row]');
    if (row && row.offsetHeight > 0) rowHeight.current = row.offsetHeight;
    const header = box.querySelector<HTMLElement>('thead')?.offsetHeight ?? 0;
    const next = windowFor(box.scrollTop, box.clientHeight, header, rowHeight.current, count);
    setRange((old) => (old.first === next.first && old.last === next.last ? old : next));
  }, [count]);
  useLayoutEffect(measure, [measure]);
  useLayoutEffect(() => {
    const box = scroller.current;
    if (!box || activeIndex < 0 || box.clientHeight <= 0) return;
    const header = box.querySelector<HTMLElement>('thead')?.offsetHeight ?? 0;
    const top = header + activeIndex * rowHeight.current;
    const bottom = top + rowHeight.current;
    if (top - header < box.scrollTop) box.scrollTo({ top: top - header });
    else if (bottom > box.scrollTop + box.clientHeight) box.scrollTo({ top: bottom - box.clientHeight });
    measure();
  }, [activeIndex, measure]);
  return { scroller, ...range, rowHeight: rowHeight.current, onScroll: measure };
}
