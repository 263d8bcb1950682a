// The --json shape of an annotation: selectors, status, tags, color, note as text and
// Markdown, author, times, and the page of the original it is on. `annotate` and
// `annotations` print the same shape.
import type { Annotation } from '../shared/annotations';
import type { PageMapEntry } from '../shared/model';
import type { PageSpan } from '../shared/page-map';
import { pageSpan } from '../shared/page-map';
import type { CliSession } from './session';

/** Where each page of a document's original begins; empty for a document without pages. */
export async function pageMapOf(session: CliSession, documentId: string): Promise<PageMapEntry[]> {
  return (await session.call('getDocument', { id: documentId })).pageMap;
}

/** The pages an annotation's text lies on ("p. 3", as on its card in the app); none for a document note or an orphan. */
export function annotationPages(annotation: Annotation, pageMap: readonly PageMapEntry[]): PageSpan | undefined {
  const target = annotation.target;
  if (!target || annotation.anchor.status === 'orphan' || pageMap.length === 0) return undefined;
  return pageSpan(pageMap, target.position.start, target.position.end);
}

export function annotationJson(annotation: Annotation, pageMap: readonly PageMapEntry[]) {
  return {
    id: annotation.id,
    documentId: annotation.documentId,
    kind: annotation.kind,
    selectors: annotation.target ? [annotation.target.position, annotation.target.quote] : [],
    textSha256: annotation.target?.textSha256 ?? null,
    page: annotationPages(annotation, pageMap) ?? null,
    anchoring: annotation.anchor,
    tags: annotation.tags,
    color: annotation.color,
    note: { text: annotation.note.text, markdown: annotation.note.markdown },
    author: annotation.author,
    created: annotation.createdAt,
    modified: annotation.updatedAt,
  };
}
