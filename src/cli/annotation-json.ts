// The --json shape of an annotation: selectors, status, tags, color, note as text and
// Markdown, author, times. `annotate` and `annotations` print the same shape.
import type { Annotation } from '../shared/annotations';

export function annotationJson(annotation: Annotation) {
  return {
    id: annotation.id,
    documentId: annotation.documentId,
    kind: annotation.kind,
    selectors: annotation.target ? [annotation.target.position, annotation.target.quote] : [],
    textSha256: annotation.target?.textSha256 ?? null,
    anchoring: annotation.anchor,
    tags: annotation.tags,
    color: annotation.color,
    note: { text: annotation.note.text, markdown: annotation.note.markdown },
    author: annotation.author,
    created: annotation.createdAt,
    modified: annotation.updatedAt,
  };
}
