// What a screen reader is told when the caret enters an annotation: its tags and its note
// (or that it has none), so a person reading by keyboard hears what a pointer's hover shows.
import type { Annotation } from '../../../shared/annotations';
import { annotationAt } from '../annotations/controller';

/** Notes are cut here: a live region reads everything it is given, at once. */
const NOTE_LIMIT = 200;

export function describeAnnotation(annotation: Annotation): string {
  const parts = [annotation.kind === 'highlight' ? 'Highlight' : 'Annotation'];
  parts.push(annotation.tags.length > 0 ? `tagged ${annotation.tags.join(', ')}` : 'no tags');
  const note = annotation.note.text.trim();
  const said = note.length > NOTE_LIMIT ? `${note.slice(0, NOTE_LIMIT)}…` : note;
  return `${parts.join(', ')}. ${note ? `Note: ${said}` : 'No note.'}`;
}

/**
 * The announcement for a caret at `offset`: the innermost annotation there, said once on
 * entering it (an empty string while the caret stays in it or is outside every annotation).
 */
export function announcementFor(
  annotations: readonly Annotation[],
  offset: number | null,
  previousId: string | null,
): { id: string | null; text: string } {
  const annotation = offset === null ? undefined : annotationAt(annotations, offset);
  if (!annotation) return { id: null, text: '' };
  if (annotation.id === previousId) return { id: annotation.id, text: '' };
  return { id: annotation.id, text: describeAnnotation(annotation) };
}
