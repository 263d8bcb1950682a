// The reader's caret and keyboard selection live in the DOM selection of the read-only text
// (what a mouse selection makes too), so `h`, `t`, `n` and the selection toolbar treat both
// alike. These helpers read and set it in canonical offsets and find where to draw the caret.
import type { LexicalEditor } from 'lexical';
import type { DomTextMap } from './dom-map';
import { offsetOfDomPoint, spanBoundaries } from './dom-map';

/** The document selection when both its ends are inside the reader's text. */
export function selectionInside(root: HTMLElement | null): Selection | null {
  const selection = window.getSelection();
  if (!root || !selection || selection.rangeCount === 0 || !selection.anchorNode || !selection.focusNode) return null;
  return root.contains(selection.anchorNode) && root.contains(selection.focusNode) ? selection : null;
}

/** Anchor and focus of the reader's selection in canonical offsets (equal for a caret). */
export function selectionOffsets(editor: LexicalEditor, map: DomTextMap): { anchor: number; focus: number } | null {
  const selection = selectionInside(editor.getRootElement());
  if (!selection) return null;
  const anchor = offsetOfDomPoint(editor, map, selection.anchorNode!, selection.anchorOffset);
  const focus = offsetOfDomPoint(editor, map, selection.focusNode!, selection.focusOffset);
  return anchor === null || focus === null ? null : { anchor, focus };
}

/**
 * The DOM point of a canonical offset. At a block's end the point can sit at the end of that
 * block or the start of the next; a selection's end belongs at the former (or it would take in
 * the blank line between them), its start and a caret at the latter.
 */
export function domPointAt(
  editor: LexicalEditor,
  map: DomTextMap,
  offset: number,
  side: 'start' | 'end',
): { node: Node; offset: number } | null {
  const span = side === 'end' && offset > 0 ? spanBoundaries(editor, map, offset - 1, offset) : null;
  if (span) return { node: span.endContainer, offset: span.endOffset };
  const point = spanBoundaries(editor, map, offset, offset);
  return point ? { node: point.startContainer, offset: point.startOffset } : null;
}

/**
 * Selects canonical [anchor → focus], keeping its direction; when they are equal, a caret on
 * `caretSide` of a block boundary (a caret moving forward stays at the end of its block).
 */
export function selectOffsets(
  editor: LexicalEditor,
  map: DomTextMap,
  anchor: number,
  focus: number,
  caretSide: 'start' | 'end' = 'start',
): boolean {
  const side = (later: boolean) => (anchor === focus ? caretSide : later ? 'end' : 'start');
  const from = domPointAt(editor, map, anchor, side(anchor > focus));
  const to = domPointAt(editor, map, focus, side(focus > anchor));
  const selection = window.getSelection();
  if (!from || !to || !selection) return false;
  selection.setBaseAndExtent(from.node, from.offset, to.node, to.offset);
  return true;
}

/** The viewport rectangle where the caret at a DOM point is drawn: a zero-width line box. */
export function caretRectAt(node: Node, offset: number): { left: number; top: number; height: number } | null {
  const range = document.createRange();
  range.setStart(node, offset);
  range.collapse(true);
  const collapsed = range.getClientRects()[0];
  if (collapsed && collapsed.height > 0) return { left: collapsed.left, top: collapsed.top, height: collapsed.height };
  // A collapsed range at a node's edge can have no box: measure the character beside it.
  const length = node.nodeType === Node.TEXT_NODE ? (node as Text).length : node.childNodes.length;
  if (offset < length) {
    range.setEnd(node, offset + 1);
    const next = range.getClientRects()[0];
    if (next) return { left: next.left, top: next.top, height: next.height };
  }
  if (offset > 0) {
    range.setStart(node, offset - 1);
    range.setEnd(node, offset);
    const rects = range.getClientRects();
    const previous = rects[rects.length - 1];
    if (previous) return { left: previous.right, top: previous.top, height: previous.height };
  }
  return null;
}

/** Where the caret should start when the reader gets focus without one: the first line in view. */
export function caretPointInView(root: HTMLElement, scroller: HTMLElement): { node: Node; offset: number } | null {
  const view = scroller.getBoundingClientRect();
  const text = root.getBoundingClientRect();
  const x = Math.max(text.left, view.left) + 2;
  for (let y = Math.max(text.top, view.top) + 8; y < Math.min(text.bottom, view.bottom); y += 12) {
    const point = caretPointAt(x, y);
    if (!point || !root.contains(point.node) || point.node.nodeType !== Node.TEXT_NODE) continue;
    // The first line that shows whole: one cut at the view's top edge put the caret out of sight (trial).
    const line = caretRectAt(point.node, point.offset);
    if (!line || line.top >= view.top) return point;
  }
  return null;
}

/** The DOM point under viewport coordinates. */
export function caretPointAt(x: number, y: number): { node: Node; offset: number } | null {
  const withPosition = document as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  };
  const position = withPosition.caretPositionFromPoint?.(x, y);
  if (position) return { node: position.offsetNode, offset: position.offset };
  const range = document.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

/** Scrolls the reader just enough that the caret's line is in view, with a line's room around it. */
export function keepInView(scroller: HTMLElement, rect: { top: number; height: number }): void {
  const view = scroller.getBoundingClientRect();
  const room = rect.height * 2;
  if (rect.top < view.top + room) scroller.scrollTop -= view.top + room - rect.top;
  else if (rect.top + rect.height > view.bottom - room)
    scroller.scrollTop += rect.top + rect.height - (view.bottom - room);
}
