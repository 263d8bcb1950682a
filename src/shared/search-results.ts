// What a search returns: hits grouped by document, each with a snippet split into plain
// and matching parts and the span to open the document at.
import type { HighlightColor } from './annotations';
import type { AnchorStatus } from './selectors';
import type { SnippetPart } from './search-query';

export interface SearchHit {
  kind: 'text' | 'annotation';
  annotationId?: string;
  start: number;
  end: number;
  snippet: SnippetPart[];
  color?: HighlightColor;
  tags?: string[];
  anchorStatus?: AnchorStatus;
  note?: string;
}

export interface SearchGroup {
  documentId: string;
  title: string;
  hits: SearchHit[];
}

export interface SearchResults {
  groups: SearchGroup[];
  total: number;
  problems: string[];
}
