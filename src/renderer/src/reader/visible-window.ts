// Which part of the canonical text is on screen (give or take a screen above and below),
// found by a binary search over the document's top-level blocks. The highlight painter
// registers only the highlights there when a document has thousands of them.
import type { LexicalEditor } from 'lexical';
import { $getRoot, $isElementNode, $isTextNode, type LexicalNode } from 'lexical';
import type { DomTextMap } from './dom-map';
import type { PaintWindow } from './paint';

/** What the window needs of an element: where it is on screen (an HTMLElement, or a stand-in in tests). */
export interface Measurable {
  getBoundingClientRect(): { top: number; bottom: number; height: number };
}

export interface BlockIndex {
  elements: Measurable[];
  /** Canonical [start, end) of each block's text. */
  spans: Array<{ start: number; end: number }>;
}

function $firstText(node: LexicalNode): string | null {
  if ($isTextNode(node)) return node.getKey();
  if (!$isElementNode(node)) return null;
  for (const child of node.getChildren()) {
    const key = $firstText(child);
    if (key) return key;
  }
  return null;
}

function $lastText(node: LexicalNode): string | null {
  if ($isTextNode(node)) return node.getKey();
  if (!$isElementNode(node)) return null;
  const children = node.getChildren();
  for (let index = children.length - 1; index >= 0; index--) {
    const key = $lastText(children[index]!);
    if (key) return key;
  }
  return null;
}

export function buildBlockIndex(editor: LexicalEditor, map: DomTextMap): BlockIndex {
  const elements: Measurable[] = [];
  const spans: Array<{ start: number; end: number }> = [];
  editor.getEditorState().read(() => {
    let previousEnd = 0;
    for (const block of $getRoot().getChildren()) {
      const element = editor.getElementByKey(block.getKey());
      if (!element) continue;
      const first = $firstText(block);
      const last = $lastText(block);
      const start = first ? (map.byKey.get(first)?.start ?? previousEnd) : previousEnd;
      const end = last ? (map.byKey.get(last)?.end ?? start) : start;
      elements.push(element);
      spans.push({ start, end });
      previousEnd = end;
    }
  });
  return { elements, spans };
}

/** The index of the first of `elements` (in order down the page) whose bottom is at or below `y` (viewport coordinates). */
export function firstEndingBelow(elements: ArrayLike<Measurable>, y: number): number {
  let low = 0;
  let high = elements.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (elements[middle]!.getBoundingClientRect().bottom < y) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The canonical span from a screen above the viewport to a screen below it. */
export function visibleWindow(index: BlockIndex, scroller: Measurable, margin = 1): PaintWindow {
  if (index.elements.length === 0) return null;
  const viewport = scroller.getBoundingClientRect();
  const extra = viewport.height * margin;
  const first = Math.min(firstEndingBelow(index.elements, viewport.top - extra), index.elements.length - 1);
  const last = Math.min(firstEndingBelow(index.elements, viewport.bottom + extra), index.elements.length - 1);
  return { start: index.spans[first]!.start, end: index.spans[last]!.end };
}
