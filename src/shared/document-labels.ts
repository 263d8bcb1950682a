// How to tell documents apart whose titles are alike: who a document came from, which
// version of its text it is and when that text last changed, for the app and the CLI.
import { formatDate as formatAnyDate } from './dates';
import type { DocumentSummary, SourceType } from './model';

type LabelFields = Pick<DocumentSummary, 'originName' | 'textVersion' | 'textUpdatedAt' | 'importedAt'>;

/** The distinguishing line: "From Rui · version 1a2b3c4 · text edited <date>"; `formatDate` renders dates for the reader. */
export function originLine(
  doc: LabelFields,
  formatDate: (iso: string) => string = (iso) => formatAnyDate(iso, 'iso-day'),
): string {
  const from = doc.originName ? `From ${doc.originName}` : 'Imported here';
  // Minutes, not milliseconds: an import stamps both times a moment apart.
  const edited =
    doc.textUpdatedAt.slice(0, 16) !== doc.importedAt.slice(0, 16)
      ? ` · text edited ${formatDate(doc.textUpdatedAt)}`
      : '';
  return `${from} · version ${doc.textVersion}${edited}`;
}

/**
 * The date a document's row shows, in the app's library and `marginalia list` alike: an e-mail
 * message's own date (its Date header, else when it was imported), any other document's import date.
 */
export function rowDate(doc: Pick<DocumentSummary, 'sourceType' | 'publishedAt' | 'importedAt'>): string {
  return doc.sourceType === 'eml' ? doc.publishedAt || doc.importedAt : doc.importedAt;
}

/**
 * The time zone a document's own date (a message's Date, a file's creation date) is shown in:
 * UTC, as `marginalia list` and the exported PDF give it, so that it reads the same on every
 * machine and the day does not move with the viewer's zone (a message sent on 9 November read
 * as November 8 in California). An import time is the viewer's own event, shown in their zone.
 */
export const OWN_DATE_TIME_ZONE = 'UTC';

/** The zone of the date a document's row shows (rowDate): a message's own date's, else the viewer's. */
export function rowDateZone(doc: Pick<DocumentSummary, 'sourceType' | 'publishedAt'>): { timeZone?: string } {
  return doc.sourceType === 'eml' && doc.publishedAt ? { timeZone: OWN_DATE_TIME_ZONE } : {};
}

/**
 * What a document's own date is, as the reader's line over its title names it ("Sent June 4, 2026"):
 * a message's Date header says when it was sent, a PDF's metadata when the file was created, an
 * EPUB's or a web page's when it was published. The other types carry no date of their own.
 */
export function ownDateLabel(sourceType: SourceType): string {
  switch (sourceType) {
    case 'eml':
      return 'Sent';
    case 'pdf':
      return 'Created';
    default:
      return 'Published';
  }
}

/**
 * What the original file's own date (its provenance's createdAt) is, as the Source panel names it:
 * when a message was sent, a PDF or Word file created, a page saved (an MHTML file's Date), an image
 * captured (a scan's or a photo's own time); for a book or a web page, when it was published.
 */
export function originalDateLabel(sourceType: SourceType): string {
  switch (sourceType) {
    case 'eml':
      return 'Sent';
    case 'pdf':
    case 'docx':
      return 'Created';
    case 'mhtml':
      return 'Saved';
    case 'image':
      return 'Captured';
    default:
      return 'Published';
  }
}

/** The ids of documents that share their title (case-insensitively) with another document. */
export function sharedTitleIds(documents: readonly Pick<DocumentSummary, 'id' | 'title'>[]): Set<string> {
  const byTitle = new Map<string, string[]>();
  for (const doc of documents) {
    const key = doc.title.trim().toLocaleLowerCase();
    byTitle.set(key, [...(byTitle.get(key) ?? []), doc.id]);
  }
  return new Set([...byTitle.values()].filter((ids) => ids.length > 1).flat());
}
