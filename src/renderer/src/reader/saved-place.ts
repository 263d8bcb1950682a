// The reading place as a text offset, to keep between visits: read from the line at the top of
// the view, and given back by scrolling that line to the top again.
import type { LexicalEditor } from 'lexical';
import type { DomTextMap } from './dom-map';
import { offsetOfDomPoint, rangeForSpan } from './dom-map';
import { readingPlaceOf, rememberReadingPlaces } from './reading-place';

/**
 * How far below the reader's top edge a restored line stands: clear of the progress bar, with a
 * little room above, and still the line the place is read from (the first reaching 8 px down).
 */
const RESTORED_LINE_DEPTH = 12;

/** The text offset of the line at the top of the view; 0 at the very top. */
export function offsetAtTop(editor: LexicalEditor, map: DomTextMap, scroller: HTMLElement): number | null {
  const root = editor.getRootElement();
  if (!root) return null;
  if (scroller.scrollTop <= 0) return 0;
  const place = readingPlaceOf(scroller, root);
  if (!place) return null;
  const point = place.point ?? { node: place.block, offset: 0 };
  return offsetOfDomPoint(editor, map, point.node, point.offset);
}

/** Scrolls the reader so the line holding `offset` stands at its top; false when the text has no such place. */
export function scrollOffsetToTop(
  editor: LexicalEditor,
  map: DomTextMap,
  scroller: HTMLElement,
  offset: number,
  textLength: number,
): boolean {
  const start = Math.min(offset, Math.max(0, textLength - 1));
  const range = rangeForSpan(editor, map, start, Math.min(start + 1, textLength));
  const line = range?.getClientRects()[0];
  if (!line) return false;
  scroller.scrollTop += line.top - scroller.getBoundingClientRect().top - RESTORED_LINE_DEPTH;
  // Taken as the place to hold at once: the text still settling (a font arriving after a reload)
  // could reflow it before this scroll's event is seen, and the place then read would be past it.
  rememberReadingPlaces();
  return true;
}
