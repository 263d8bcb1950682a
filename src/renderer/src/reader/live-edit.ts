// While a document is being corrected, annotations follow the edits: each change is one
// contiguous replacement (what typing, deleting or pasting makes), so offsets before it
// stay, offsets after it shift by the change in length, and offsets inside it clamp.
import type { Annotation } from '../../../shared/annotations';

export interface TextChange {
  at: number;
  removed: number;
  inserted: number;
}

export function diffTexts(before: string, after: string): TextChange | null {
  if (before === after) return null;
  let prefix = 0;
  const limit = Math.min(before.length, after.length);
  while (prefix < limit && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix += 1;
  let suffix = 0;
  while (
    suffix < limit - prefix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  ) {
    suffix += 1;
  }
  return { at: prefix, removed: before.length - prefix - suffix, inserted: after.length - prefix - suffix };
}

export function mapOffset(offset: number, change: TextChange, edge: 'start' | 'end'): number {
  if (offset <= change.at) return offset;
  if (offset >= change.at + change.removed) return offset + change.inserted - change.removed;
  // Inside the replaced text: a start moves to the replacement's start, an end to its end.
  return edge === 'start' ? change.at : change.at + change.inserted;
}

export function followEdit(annotations: readonly Annotation[], change: TextChange): Annotation[] {
  return annotations.map((annotation) => {
    if (!annotation.target) return annotation;
    const { start, end } = annotation.target.position;
    const nextStart = mapOffset(start, change, 'start');
    const nextEnd = Math.max(nextStart, mapOffset(end, change, 'end'));
    if (nextStart === start && nextEnd === end) return annotation;
    return {
      ...annotation,
      target: { ...annotation.target, position: { ...annotation.target.position, start: nextStart, end: nextEnd } },
    };
  });
}
