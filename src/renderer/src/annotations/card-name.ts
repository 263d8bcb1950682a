// The accessible name of a margin card: what it is on (its quote), then its tags and its
// note when it has them, so a screen reader moving between cards hears what each holds.
import type { Annotation } from '../../../shared/annotations';
import { annotationLabel } from '../../../shared/annotations';

/** How much of a note the name reads out; the card itself holds all of it. */
export const NOTE_IN_NAME = 120;

export function cardName(annotation: Pick<Annotation, 'kind' | 'target' | 'tags' | 'note'>): string {
  const parts = [`Note on “${annotationLabel(annotation)}”`];
  if (annotation.tags.length > 0) parts.push(`tags ${annotation.tags.join(', ')}`);
  const note = annotation.note.text.replace(/\s+/g, ' ').trim();
  if (note !== '') parts.push(`note: ${note.length > NOTE_IN_NAME ? `${note.slice(0, NOTE_IN_NAME - 1)}…` : note}`);
  return parts.join('; ');
}
