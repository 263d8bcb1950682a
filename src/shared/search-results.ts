// What a search returns: one page of hits grouped by document, each with a snippet split
// into plain and matching parts, the span to open the document at and the matches to
// mark there, plus the true number of hits in all and in each document.
import type { HighlightColor } from './annotations';
import type { PageSpan } from './page-map';
import type { AnchorStatus } from './selectors';
import type { SnippetPart } from './search-matching';

export interface TextSpan {
  start: number;
  end: number;
}

export interface SearchHit {
  kind: 'text' | 'annotation';
  /** Where a text hit stands: in a heading of the body, in an imported image's description ("[Image: ALT]"), or only in the title. */
  place?: 'heading' | 'image-description' | 'title';
  annotationId?: string;
  /** The passage: from the first match to the last (an annotation: its highlight). */
  start: number;
  end: number;
  /** The matches inside the passage, to mark in the reader. */
  marks: TextSpan[];
  snippet: SnippetPart[];
  color?: HighlightColor;
  tags?: string[];
  anchorStatus?: AnchorStatus;
  note?: string;
  /** The body heading the hit falls under (not the document's title), when one comes before it. */
  section?: string;
  /** The page(s) of the original the hit is on ("p. 3"), for a document with pages. */
  page?: PageSpan;
  /** An annotation's grade: its sources' best reliability and its credibility (either may be ''). */
  grade?: { reliability: string; credibility: string };
}

export interface SearchGroup {
  documentId: string;
  title: string;
  /** Hits in this document in all, on every page. */
  total: number;
  /** This page's hits in this document. */
  hits: SearchHit[];
}

export interface SearchResults {
  groups: SearchGroup[];
  /** Hits in all, on every page: one per annotation and one per passage of text. */
  total: number;
  /** Documents with at least one hit. */
  documents: number;
  /** Where this page starts among all hits; the next page starts at offset + its hits. */
  offset: number;
  problems: string[];
}

/** Hits per page unless a caller asks for another size, and the most one page may hold. */
export const SEARCH_PAGE_SIZE = 50;
export const MAX_SEARCH_PAGE_SIZE = 1000;

/** What a hit is, as a person reads it: the UI's label above its snippet, and the CLI's (in lowercase). */
export function searchHitLabel(hit: SearchHit): string {
  if (hit.kind === 'annotation') return hit.anchorStatus === 'orphan' ? 'Orphaned highlight' : 'Highlight';
  if (hit.place === 'image-description') return 'Image description';
  if (hit.place === 'heading') return 'Heading';
  return hit.place === 'title' ? 'Title' : 'Passage';
}
