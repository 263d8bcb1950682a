// What the export's cover says of a document's original, and the page of the original each
// annotation is on: the provenance a reader of the PDF needs to cite and check the source.
// Dates are written the same in every locale (the PDF is one file for every reader).
import type { Annotation } from '../../shared/annotations';
import { formatDate } from '../../shared/dates';
import type { DocumentOrigin, DocumentProvenance } from '../../shared/model';
import { pageAt, pageName } from '../../shared/page-map';
import { countOf } from '../../shared/plural';
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
function dayAndMinute(value: string): string {
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

/**
 * A row of the cover: text, or a digest, which the cover sets in monospace groups of eight
 * so a line breaks only between groups (a break inside one made it hard to compare).
 */
export type CoverRow = string | { label: string; digest: string };

/** A digest as groups of eight hex digits, "fd630c74 0d180926 …", the shape it is compared in. */
export function digestGroups(digest: string): string[] {
  return digest.match(/.{1,8}/g) ?? [];
}

/** The row as plain text (what a reader of the PDF copies; tests compare it). */
export function coverRowText(row: CoverRow): string {
  return typeof row === 'string' ? row : `${row.label}: ${digestGroups(row.digest).join(' ')}`;
}

/** When the file or message says it was made: a message's Date to the minute, as it was sent. */
function madeRow(provenance: DocumentProvenance): string {
  if (!provenance.createdAt) return '';
  // A message is sent at a moment, read in UTC: the day alone could be the sender's next day.
  if (provenance.sourceType === 'eml') return `Sent ${dayAndMinute(provenance.createdAt)} · `;
  return `Created ${readableDate(provenance.createdAt)} · `;
}

/** The cover's rows about the original; none for a document imported before provenance was kept. */
export function provenanceRows(provenance: DocumentProvenance | null | undefined): CoverRow[] {
  if (!provenance) return [];
  const rows: CoverRow[] = [
    `Original: ${provenance.fileName} · ${typeName(provenance.sourceType)} · ${formatSize(provenance.size)}`,
    { label: 'SHA-256', digest: provenance.sha256 },
    `Came from: ${originOnCover(provenance.origin, provenance.originUrl)}`,
  ];
  // Which version of a page fetched from the web the text is: pages change, so to the minute.
  if (provenance.capturedAt) rows.push(`Fetched: ${dayAndMinute(provenance.capturedAt)}`);
  // The date a file or message carries about itself: when it was made (or sent), not when it was published.
  rows.push(`${madeRow(provenance)}Imported ${readableDate(provenance.importedAt)} with ${provenance.importer}`);
  const facts: string[] = [];
  if (provenance.pageCount !== undefined) facts.push(countOf(provenance.pageCount, 'page'));
  if (provenance.ocr) {
    const { meanConfidence, lowConfidenceWords } = provenance.ocr;
    facts.push(
      `text recognized by OCR, mean confidence ${Math.round(meanConfidence)}%, ${lowConfidenceWords} unsure words`,
    );
  }
  if (facts.length > 0) rows.push(facts.join(' · ').replace(/^./, (first) => first.toUpperCase()));
  return rows;
}

const sameName = (a: string, b: string): boolean =>
  a.replace(/\s+/g, ' ').trim().toLowerCase() === b.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * Who wrote the original, said once: the byline the document shows, else the author its file
 * names (a message's sender, under From); the file's name is added only when it is another.
 */
export function authorRow(byline: string, provenance: DocumentProvenance | null | undefined): string | undefined {
  const label = provenance?.sourceType === 'eml' ? 'From' : 'Author';
  const shown = byline.trim();
  const filed = provenance?.author?.trim() ?? '';
  if (shown === '' && filed === '') return undefined;
  if (shown === '' || sameName(shown, filed)) return `${label}: ${shown || filed}`;
  if (filed === '') return `${label}: ${shown}`;
  return `${label}: ${shown} (the file names ${filed})`;
}

/** The page of the original an annotation starts on ("12", or its printed label), for a document with pages. */
export function originalPage(source: ExportSource, annotation: Annotation): string | undefined {
  const pageMap = source.provenance?.pageMap;
  if (!pageMap || pageMap.length === 0 || !annotation.target) return undefined;
  const entry = pageAt(pageMap, annotation.target.position.start);
  return entry ? pageName(entry) : undefined;
}
