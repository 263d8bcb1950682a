// An annotation as the evidence views show it (PassageRef): its document's title, the quote
// shortened, and the page it is on ("p. 3") for documents with pages, as the reader shows it.
import type { PassageRef } from '../../shared/evidence';
import type { PageMapEntry } from '../../shared/model';
import { pageSpan } from '../../shared/page-map';
import type { AnnotationRow } from '../annotations';
import type { EvidenceContext } from './context';

/** Quotes longer than this are cut at a word and end with "…". */
export const MAX_PASSAGE_QUOTE = 160;

export function shortenQuote(text: string, max = MAX_PASSAGE_QUOTE): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const atWord = cut.lastIndexOf(' ');
  return `${(atWord > max / 2 ? cut.slice(0, atWord) : cut).trimEnd()}…`;
}

/** Builds PassageRefs, reading each document's title and page map once per instance. */
export class Passages {
  private readonly documents = new Map<string, { title: string; pageMap: PageMapEntry[] }>();

  constructor(private readonly context: EvidenceContext) {}

  /** The passage of an annotation that exists, else undefined. */
  of(annotationId: string): PassageRef | undefined {
    const row = this.context.annotationRow(annotationId);
    return row ? this.fromRow(row) : undefined;
  }

  fromRow(row: AnnotationRow): PassageRef {
    const document = this.document(row.document_id);
    const page =
      row.kind === 'document' || row.anchor_status === 'orphan'
        ? undefined
        : pageSpan(document.pageMap, row.start_offset, row.end_offset);
    return {
      annotationId: row.id,
      documentId: row.document_id,
      documentTitle: document.title,
      quote: shortenQuote(row.exact !== '' ? row.exact : row.note_text),
      page: page?.text ?? '',
    };
  }

  /** A document's title (read once per instance). */
  documentTitle(id: string): string {
    return this.document(id).title;
  }

  private document(id: string): { title: string; pageMap: PageMapEntry[] } {
    let found = this.documents.get(id);
    if (!found) {
      const { documents } = this.context.deps;
      found = { title: documents.summary(id).title, pageMap: documents.pageMap(id) };
      this.documents.set(id, found);
    }
    return found;
  }
}
