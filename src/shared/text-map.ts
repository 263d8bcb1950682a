// Where each Lexical text node sits in the canonical text. The walk reproduces
// getTextContent exactly (block children joined by a blank line, line breaks as "\n"),
// so canonical offsets and the nodes the reader renders always agree.
import { $getRoot, $isElementNode, $isLineBreakNode, $isTextNode, type LexicalNode } from 'lexical';

export interface TextSegment {
  /** The Lexical key of a TextNode. */
  key: string;
  start: number;
  end: number;
}

const BLOCK_SEPARATOR = '\n\n';

function $walk(node: LexicalNode, offset: number, segments: TextSegment[]): number {
  if ($isTextNode(node)) {
    const length = node.getTextContentSize();
    segments.push({ key: node.getKey(), start: offset, end: offset + length });
    return offset + length;
  }
  if ($isLineBreakNode(node)) return offset + 1;
  if (!$isElementNode(node)) return offset + node.getTextContentSize();
  const children = node.getChildren();
  let position = offset;
  children.forEach((child, index) => {
    position = $walk(child, position, segments);
    if ($isElementNode(child) && index !== children.length - 1 && !child.isInline()) position += BLOCK_SEPARATOR.length;
  });
  return position;
}

/** Text segments of the active editor state, in document order. */
export function $textSegments(): TextSegment[] {
  const segments: TextSegment[] = [];
  $walk($getRoot(), 0, segments);
  return segments;
}

/** The segment holding a canonical offset (the one starting there when two touch). */
export function segmentAt(segments: readonly TextSegment[], offset: number): TextSegment | undefined {
  let low = 0;
  let high = segments.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const segment = segments[middle]!;
    if (offset < segment.start) high = middle - 1;
    else if (offset >= segment.end) low = middle + 1;
    else return segment;
  }
  return undefined;
}

/** The first segment at or after an offset, for spans that start in a separator. */
export function segmentFrom(segments: readonly TextSegment[], offset: number): number {
  let low = 0;
  let high = segments.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (segments[middle]!.end <= offset) low = middle + 1;
    else high = middle;
  }
  return low;
}
