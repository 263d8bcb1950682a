// Pure questions about a document's annotations: which one is at an offset, which are
// shown under the filters, who wrote them, which comes next in reading order.
import type { Annotation } from '../../../shared/annotations';
import { compareByPosition, isTagWithin } from '../../../shared/annotations';

// The app and the CLI both ask it (highlighting a span twice reuses the first highlight).
export { exactHighlight } from '../../../shared/annotations';

/** The innermost (shortest) anchored highlight covering the offset. */
export function annotationAt(annotations: readonly Annotation[], offset: number): Annotation | undefined {
  let best: Annotation | undefined;
  for (const annotation of annotations) {
    if (annotation.kind !== 'highlight' || !annotation.target || annotation.anchor.status === 'orphan') continue;
    const { start, end } = annotation.target.position;
    if (offset < start || offset >= end) continue;
    if (!best || end - start < best.target!.position.end - best.target!.position.start) best = annotation;
  }
  return best;
}

/** Inserts into a list kept in reading order, without re-sorting it. */
export function insertInOrder(list: readonly Annotation[], annotation: Annotation): Annotation[] {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (compareByPosition(list[middle]!, annotation) <= 0) low = middle + 1;
    else high = middle;
  }
  return [...list.slice(0, low), annotation, ...list.slice(low)];
}

export interface AnnotationFilters {
  /** A tag path: its annotations and those of its children. */
  tag: string | null;
  /** One author's layer, or everyone's (null). */
  authorId: string | null;
}

export function filterAnnotations(annotations: readonly Annotation[], filters: AnnotationFilters): Annotation[] {
  const { tag, authorId } = filters;
  return annotations.filter(
    (annotation) =>
      (!tag || annotation.tags.some((path) => isTagWithin(path, tag))) &&
      (!authorId || annotation.author.id === authorId),
  );
}

/** Everyone who wrote one of the annotations, by name. */
export function authorsOf(annotations: readonly Annotation[]): { id: string; name: string }[] {
  const byId = new Map<string, string>();
  for (const annotation of annotations) byId.set(annotation.author.id, annotation.author.name);
  return [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}

/** A place j / k can go: an annotation's id and its span of the text. */
export interface StepStop {
  id: string;
  start: number;
  end: number;
}

/**
 * What j / k step through, in reading order: the shown anchored annotations once they have
 * loaded, and until then the highlights painted from the early spans, so a key pressed as soon
 * as the highlights show is not lost.
 */
export function stepStops(
  shown: readonly Annotation[],
  early: { documentId: string; ids: string[]; starts: number[]; ends: number[] } | null,
  documentId: string | null,
  loadedFor: string | null,
): StepStop[] {
  if (loadedFor !== documentId && early && early.documentId === documentId) {
    const stops = early.ids.map((id, index) => ({ id, start: early.starts[index]!, end: early.ends[index]! }));
    return stops.sort((a, b) => a.start - b.start || b.end - a.end);
  }
  return shown
    .filter((annotation) => annotation.target && annotation.anchor.status !== 'orphan')
    .sort(compareByPosition)
    .map(({ id, target }) => ({ id, start: target!.position.start, end: target!.position.end }));
}

/** j / k: the next or previous stop in reading order, round the end; none when there are none. */
export function stepFrom(
  stops: readonly StepStop[],
  selectedId: string | null,
  direction: 1 | -1,
): StepStop | undefined {
  if (stops.length === 0) return undefined;
  const index = stops.findIndex((stop) => stop.id === selectedId);
  if (index === -1) return direction === 1 ? stops[0] : stops[stops.length - 1];
  return stops[(index + direction + stops.length) % stops.length];
}
