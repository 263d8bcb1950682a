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

type Distinguished = Pick<
  DocumentSummary,
  'id' | 'title' | 'sourceName' | 'originName' | 'textVersion' | 'textUpdatedAt' | 'importedAt'
>;

/**
 * Each same-titled document's distinguishing line, by id, as the library's rows show it. Where
 * that line is the same too (a PDF and an encrypted copy of it: one title, one text, both
 * imported here), the original's file name goes first: "report-locked.pdf · Imported here · version 1649a73".
 */
export function distinctions(documents: readonly Distinguished[]): Map<string, string> {
  const shared = sharedTitleIds(documents);
  const lines = documents
    .filter((doc) => shared.has(doc.id))
    .map((doc) => ({ doc, key: doc.title.trim().toLocaleLowerCase(), line: originLine(doc, formatDay) }));
  const count = new Map<string, number>();
  for (const { key, line } of lines) count.set(`${key}\n${line}`, (count.get(`${key}\n${line}`) ?? 0) + 1);
  return new Map(
    lines.map(({ doc, key, line }) => [
      doc.id,
      (count.get(`${key}\n${line}`) ?? 0) > 1 && doc.sourceName !== '' ? `${doc.sourceName} · ${line}` : line,
    ]),
  );
}
