// Between canonical offsets and the reader's DOM: a span of the canonical text becomes a
// DOM Range (for painting and positioning), and a DOM point (from a selection or the
// mouse) becomes a canonical offset. Built on the text map in src/shared, so it agrees
// with the offsets core stores.
import type { LexicalEditor } from 'lexical';
import { $getNearestNodeFromDOMNode, $isTextNode } from 'lexical';
import type { TextSegment } from '../../../shared/text-map';
import { $textSegments, segmentFrom } from '../../../shared/text-map';

export interface DomTextMap {
  segments: TextSegment[];
  byKey: Map<string, TextSegment>;
}

export function buildDomTextMap(editor: LexicalEditor): DomTextMap {
  const segments = editor.getEditorState().read($textSegments);
  return { segments, byKey: new Map(segments.map((segment) => [segment.key, segment])) };
}

function textNodeOf(editor: LexicalEditor, key: string): Text | null {
  const element = editor.getElementByKey(key);
  const child = element?.firstChild;
  return child && child.nodeType === Node.TEXT_NODE ? (child as Text) : null;
}

/** Where canonical [start, end) starts and ends, as text-node keys and offsets inside them. */
export interface SegmentSpan {
  startKey: string;
  startOffset: number;
  endKey: string;
  endOffset: number;
}

/**
 * The text nodes (by key) and offsets inside them that canonical [start, end) covers; null
 * when no text is there. A start in a separator moves to the next text; an end takes the
 * text its last character is in, so a span never reaches into the next block.
 */
export function segmentSpan(
  segments: readonly TextSegment[],
  lengthOf: (segment: TextSegment) => number,
  start: number,
  end: number,
): SegmentSpan | null {
  const firstIndex = segmentFrom(segments, start);
  const first = segments[firstIndex];
  if (!first) return null;
  const startOffset = Math.max(0, Math.min(lengthOf(first), start - first.start));
  if (end <= start) return { startKey: first.key, startOffset, endKey: first.key, endOffset: startOffset };
  let lastIndex = segmentFrom(segments, end - 1);
  if (lastIndex >= segments.length) lastIndex = segments.length - 1;
  const last = segments[Math.max(firstIndex, lastIndex)]!;
  return {
    startKey: first.key,
    startOffset,
    endKey: last.key,
    endOffset: Math.max(0, Math.min(lengthOf(last), end - last.start)),
  };
}

/** The DOM boundary points of canonical [start, end); null when the span has no rendered text. */
export function spanBoundaries(
  editor: LexicalEditor,
  map: DomTextMap,
  start: number,
  end: number,
): StaticRangeInit | null {
  // A segment's rendered length is its text node's (they agree unless the DOM is mid-update).
  const span = segmentSpan(map.segments, (segment) => textNodeOf(editor, segment.key)?.length ?? 0, start, end);
  if (!span) return null;
  const startNode = textNodeOf(editor, span.startKey);
  const endNode = textNodeOf(editor, span.endKey);
  if (!startNode || !endNode) return null;
  return { startContainer: startNode, startOffset: span.startOffset, endContainer: endNode, endOffset: span.endOffset };
}

/**
 * A static range for painting: unlike a live Range, the browser need not update it on
 * every DOM change, which keeps thousands of highlights cheap.
 */
export function staticRangeForSpan(
  editor: LexicalEditor,
  map: DomTextMap,
  start: number,
  end: number,
): StaticRange | null {
  const boundaries = spanBoundaries(editor, map, start, end);
  return boundaries ? new StaticRange(boundaries) : null;
}

/** A live DOM Range over canonical [start, end), for measuring and scrolling. */
export function rangeForSpan(editor: LexicalEditor, map: DomTextMap, start: number, end: number): Range | null {
  const boundaries = spanBoundaries(editor, map, start, end);
  if (!boundaries) return null;
  const range = document.createRange();
  range.setStart(boundaries.startContainer, boundaries.startOffset);
  range.setEnd(boundaries.endContainer, boundaries.endOffset);
  return range;
}

/** The first text node at or after a DOM point, for points between elements. */
function textPointFrom(node: Node, offset: number, root: Node): { node: Text; offset: number } | null {
  if (node.nodeType === Node.TEXT_NODE) return { node: node as Text, offset };
  const after = node.childNodes[offset];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  if (after) {
    walker.currentNode = after;
    const text = after.nodeType === Node.TEXT_NODE ? (after as Text) : (walker.nextNode() as Text | null);
    return text ? { node: text, offset: 0 } : null;
  }
  // Past the last child: the end of the last text inside node, else the next text after it.
  const inside = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
  let last: Text | null = null;
  while (inside.nextNode()) last = inside.currentNode as Text;
  if (last) return { node: last, offset: last.length };
  walker.currentNode = node;
  const next = walker.nextNode() as Text | null;
  return next ? { node: next, offset: 0 } : null;
}

/** The canonical offset of a DOM point inside the reader, or null outside the document text. */
export function offsetOfDomPoint(editor: LexicalEditor, map: DomTextMap, node: Node, offset: number): number | null {
  const root = editor.getRootElement();
  if (!root || !root.contains(node)) return null;
  const point = textPointFrom(node, offset, root);
  if (!point) return null;
  const key = editor.read(() => {
    const lexicalNode = $getNearestNodeFromDOMNode(point.node);
    return $isTextNode(lexicalNode) ? lexicalNode.getKey() : null;
  });
  const segment = key ? map.byKey.get(key) : undefined;
  return segment ? segment.start + Math.min(point.offset, segment.end - segment.start) : null;
}

/** The canonical offset of a collapsed caret inside the reader (after a click), if any. */
export function caretOffset(editor: LexicalEditor, map: DomTextMap): number | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || !selection.isCollapsed || !selection.anchorNode) return null;
  return offsetOfDomPoint(editor, map, selection.anchorNode, selection.anchorOffset);
}

/** The canonical span of the current DOM selection inside the reader, if any. */
export function selectionSpan(
  editor: LexicalEditor,
  map: DomTextMap,
): { start: number; end: number; rect: DOMRect } | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed || selection.toString().trim() === '')
    return null;
  const range = selection.getRangeAt(0);
  const start = offsetOfDomPoint(editor, map, range.startContainer, range.startOffset);
  const end = offsetOfDomPoint(editor, map, range.endContainer, range.endOffset);
  if (start === null || end === null || end <= start) return null;
  return { start, end, rect: range.getBoundingClientRect() };
}
