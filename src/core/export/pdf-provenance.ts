// What the export's cover says of a document's original, and the page of the original each
// annotation is on: the provenance a reader of the PDF needs to cite and check the source.
// Dates are written the same in every locale (the PDF is one file for every reader).
import type { Annotation } from '../../shared/annotations';
import { formatDate } from '../../shared/dates';
import type { DocumentOrigin, DocumentProvenance } from '../../shared/model';
import { pageAt, pageName } from '../../shared/page-map';
import { formatSize, typeName } from '../../shared/provenance-labels';
import type { ExportSource } from './pdf-document-run';

/** A date as "March 5, 2024" (UTC, English, as the rest of the PDF); text that is no date stays as it is. */
export function readableDate(value: string): string {
  const trimmed = value.trim();
  // Only a date the text spells as ISO 8601 is rewritten; "Spring 2024" is the document's own words.
  if (!/^\d{4}-\d{2}-\d{2}/.test(trimmed) || !Number.isFinite(Date.parse(trimmed))) return trimmed;
  return formatDate(trimmed, 'long-day', { locale: 'en-US', timeZone: 'UTC' });
}

/** "March 5, 2024, 10:15 UTC"; text that is no date stays as it is. */
function fetchedAt(value: string): string {
  const day = readableDate(value);
  if (day === value.trim()) return day;
  return `${day}, ${formatDate(value, 'utc-minute').slice(11)}`;
}

/** Where the original came from, as the exported PDF may say it: never a path on the exporter's computer. */
function originOnCover(origin: DocumentOrigin, originUrl: string | undefined): string {
  switch (origin.kind) {
    case 'file':
      return originUrl ? `a file saved from ${originUrl}` : 'a file on the exporter’s computer';
    case 'upload':
      return originUrl ? `a file saved from ${originUrl}` : 'a file opened in the browser';
    case 'url':
      return origin.url;
    case 'attachment':
      return `attachment “${origin.attachmentName}” of the e-mail ${origin.messageId || 'it came in'}`;
    case 'bundle':
      return 'a note bundle';
  }
}

/** The cover's rows about the original; none for a document imported before provenance was kept. */
export function provenanceRows(provenance: DocumentProvenance | null | undefined): string[] {
  if (!provenance) return [];
  const rows = [
    `Original: ${provenance.fileName} · ${typeName(provenance.sourceType)} · ${formatSize(provenance.size)}`,
    `SHA-256: ${provenance.sha256}`,
    `Came from: ${originOnCover(provenance.origin, provenance.originUrl)}`,
  ];
  // Which version of a page fetched from the web the text is: pages change, so to the minute.
  if (provenance.capturedAt) rows.push(`Fetched: ${fetchedAt(provenance.capturedAt)}`);
  // The date a file or message carries about itself: when it was made (or sent), not when it was published.
  const made = provenance.sourceType === 'eml' ? 'Sent' : 'Created';
  const captured = provenance.createdAt ? `${made} ${readableDate(provenance.createdAt)} · ` : '';
  rows.push(`${captured}Imported ${readableDate(provenance.importedAt)} with ${provenance.importer}`);
  const facts: string[] = [];
  if (provenance.pageCount !== undefined) facts.push(`${provenance.pageCount} pages`);
  if (provenance.author) facts.push(`author: ${provenance.author}`);
  if (provenance.ocr) {
    const { meanConfidence, lowConfidenceWords } = provenance.ocr;
    facts.push(
      `text recognized by OCR, mean confidence ${Math.round(meanConfidence)}%, ${lowConfidenceWords} unsure words`,
    );
  }
  if (facts.length > 0) rows.push(facts.join(' · ').replace(/^./, (first) => first.toUpperCase()));
  return rows;
}

/** The page of the original an annotation starts on ("12", or its printed label), for a document with pages. */
export function originalPage(source: ExportSource, annotation: Annotation): string | undefined {
  const pageMap = source.provenance?.pageMap;
  if (!pageMap || pageMap.length === 0 || !annotation.target) return undefined;
  const entry = pageAt(pageMap, annotation.target.position.start);
  return entry ? pageName(entry) : undefined;
}
