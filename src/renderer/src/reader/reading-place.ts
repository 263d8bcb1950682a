// The reading place held through a reflow: the block at the top of the reader (or, where that
// block began above the view, the line of it at the top) stays where it stood on screen when the
// window is resized, the column's width or the text size changes, or blocks above are laid out.
import { firstEndingBelow } from './visible-window';

/** Where the reader was reading, and the scroll position it was read at. */
export interface ReadingPlace {
  block: Element;
  /** The text at the top of the view, when the block began above it; else the block's top is the place. */
  point: { node: Node; offset: number } | null;
  /** How far the place stood below the reader's top edge (px). */
  offset: number;
  scrollTop: number;
}

/** How far below the view's top edge the place is looked for: below the sticky progress bar, and past
 *  the last few pixels of a paragraph scrolled nearly out of view (the one below is being read). */
const TOP_LINE_DEPTH = 8;

/** The top of the line a DOM point is on, in viewport coordinates. */
function lineTop(point: { node: Node; offset: number }): number | undefined {
  const length = point.node.textContent?.length ?? 0;
  if (length === 0) return undefined;
  const range = document.createRange();
  const start = Math.min(point.offset, length - 1);
  range.setStart(point.node, start);
  range.setEnd(point.node, start + 1);
  return range.getClientRects()[0]?.top;
}

/** The first character of `text` whose line reaches below `y`, by a binary search down its lines. */
function firstOffsetBelow(range: Range, text: Text, y: number): number {
  let low = 0;
  let high = text.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    range.setStart(text, middle);
    range.setEnd(text, middle + 1);
    if ((range.getClientRects()[0]?.bottom ?? y) < y) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The first character of `block` on a line reaching below `y` (the line at the top of the view),
 * found from the text's own boxes: hit-testing there landed on the block's start instead.
 */
function pointAtTop(block: Element, y: number) {
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node as Text;
    range.selectNodeContents(text);
    if (text.length === 0 || range.getBoundingClientRect().bottom < y) continue;
    const point = { node: text, offset: firstOffsetBelow(range, text, y) };
    const top = lineTop(point);
    if (top !== undefined) return { point, top };
  }
  return null;
}

/** The place being read: the first of the text's blocks still showing at the top of the view. */
export function readingPlaceOf(scroller: HTMLElement, root: HTMLElement): ReadingPlace | null {
  // At the very top the reader stays at the top (see scroll-pin.ts): there is no place to hold.
  if (scroller.scrollTop <= 0) return null;
  const viewTop = scroller.getBoundingClientRect().top;
  const block = root.children[firstEndingBelow(root.children, viewTop + TOP_LINE_DEPTH)];
  if (!block) return null;
  const blockTop = block.getBoundingClientRect().top;
  const line = blockTop < viewTop ? pointAtTop(block, viewTop + TOP_LINE_DEPTH) : null;
  return {
    block,
    point: line?.point ?? null,
    offset: (line?.top ?? blockTop) - viewTop,
    scrollTop: scroller.scrollTop,
  };
}

/** Scrolls the reader so the place stands where it stood; returns it as now held, or null when it is gone. */
export function holdReadingPlace(scroller: HTMLElement, place: ReadingPlace): ReadingPlace | null {
  if (!place.block.isConnected || (place.point && !place.point.node.isConnected)) return null;
  const top = place.point ? lineTop(place.point) : place.block.getBoundingClientRect().top;
  if (top === undefined) return null;
  const drift = top - scroller.getBoundingClientRect().top - place.offset;
  if (Math.abs(drift) >= 1) scroller.scrollTop += drift;
  return { ...place, scrollTop: scroller.scrollTop };
}

/** Each registered reader's way to take its place now. */
const rememberers = new Set<() => void>();

/**
 * Takes each reader's place now, before a change the app makes reflows the text (text size, font,
 * reading width). A scroll's event comes with the next frame drawn; on a busy machine that can be
 * after the change, when the place it would read has already moved.
 */
export function rememberReadingPlaces(): void {
  for (const remember of rememberers) remember();
}

/**
 * Remembers the place at each scroll and holds it at each change of the reader's, the article's or
 * the text's size. The browser's own scroll anchoring is turned off here: it gives up whenever a
 * reflow changes an enclosing element's margins or padding, as a new text size (em) or window
 * height (the article's 30vh of room below) does, and a shift of its own could not be told from a
 * scroll the reader (or a command) made.
 */
export function registerReadingPlace(scroller: HTMLElement, article: HTMLElement, root: HTMLElement): () => void {
  // Registered again mid-reading (its elements came anew), the place is where the reader is now.
  let place: ReadingPlace | null = readingPlaceOf(scroller, root);
  const anchoring = scroller.style.overflowAnchor;
  scroller.style.overflowAnchor = 'none';
  // A scroll to where the place was held (the hold's own) leaves the place as it is.
  const remember = () => {
    if (place?.scrollTop !== scroller.scrollTop) place = readingPlaceOf(scroller, root);
  };
  const hold = () => {
    if (!place) return;
    // Scrolled since (a command, a jump to a note) and not yet told: that scroll is the new place.
    if (place.scrollTop !== scroller.scrollTop) remember();
    else place = holdReadingPlace(scroller, place) ?? readingPlaceOf(scroller, root);
  };
  scroller.addEventListener('scroll', remember, { passive: true });
  rememberers.add(remember);
  const observer = new ResizeObserver(hold);
  for (const element of [scroller, article, root]) observer.observe(element);
  return () => {
    scroller.removeEventListener('scroll', remember);
    rememberers.delete(remember);
    observer.disconnect();
    scroller.style.overflowAnchor = anchoring;
  };
}
