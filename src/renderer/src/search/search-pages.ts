// Search results shown a page at a time, and the line that tells same-titled documents' results apart.
import { formatDate } from '../../../shared/dates';
import { originLine, sharedTitleIds } from '../../../shared/document-labels';
import type { DocumentSummary } from '../../../shared/model';
import type { SearchResults } from '../../../shared/search-results';

/** Adds a page to the results shown; a document split across pages stays one group. */
export function appendPage(shown: SearchResults, page: SearchResults): SearchResults {
  const groups = [...shown.groups];
  for (const group of page.groups) {
    const last = groups.at(-1);
    if (last?.documentId === group.documentId)
      groups[groups.length - 1] = { ...last, hits: [...last.hits, ...group.hits] };
    else groups.push(group);
  }
  return { ...page, groups, offset: 0 };
}

/** How many hits are shown so far. */
export const shownCount = (results: SearchResults) => results.groups.reduce((sum, group) => sum + group.hits.length, 0);

const formatDay = (iso: string) => formatDate(iso, 'day');

/** Each same-titled document's distinguishing line, by id, as the library's rows show it. */
export function distinctions(documents: readonly DocumentSummary[]): Map<string, string> {
  const shared = sharedTitleIds(documents);
  return new Map(documents.filter((doc) => shared.has(doc.id)).map((doc) => [doc.id, originLine(doc, formatDay)]));
}
