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

/**
 * Every date on the cover in one form: "March 5, 2024, 10:15 UTC" when it has a time, "March 5,
 * 2024" when it is a day alone (a time it never had would be made up); other text stays as it is.
 */
export function coverDate(value: string | Date): string {
  const text = (typeof value === 'string' ? value : value.toISOString()).trim();
  const day = readableDate(text);
  if (day === text || !/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(text)) return day;
  return `${day}, ${formatDate(text, 'utc-minute').slice(11)}`;
}

/** A date as coverDate writes it, with no-break spaces: a line never breaks inside it ("December 2, 2026, / 09:49 UTC"). */
export function unbrokenDate(value: string | Date): string {
  return coverDate(value).replace(/ /g, '\u00a0');
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
function madeRow(provenance: DocumentProvenance, opening: string): string {
  if (!provenance.createdAt) return '';
  if (provenance.sourceType !== 'eml') return `Created ${coverDate(provenance.createdAt)} · `;
  // The message's own Date line, printed under the cover, already says when it was sent.
  if (/(^|\n)date: /.test(opening)) return '';
  // A message is sent at a moment, read in UTC: the day alone could be the sender's next day.
  return `Sent ${coverDate(provenance.createdAt)} · `;
}

/**
 * The cover's rows about the original; none for a document imported before provenance was kept.
 * `opening` is the document's first lines, as `openingText` gives them: what they say, the cover leaves out.
 */
export function provenanceRows(provenance: DocumentProvenance | null | undefined, opening = ''): CoverRow[] {
  if (!provenance) return [];
  // The page count beside the type it counts: alone on a row, "3 pages" was read as the export's length (trial).
  const pages = provenance.pageCount !== undefined ? ` · ${countOf(provenance.pageCount, 'page')}` : '';
  const rows: CoverRow[] = [
    `Original: ${provenance.fileName} · ${typeName(provenance.sourceType)}${pages} · ${formatSize(provenance.size)}`,
    { label: 'SHA-256', digest: provenance.sha256 },
    `Came from: ${originOnCover(provenance.origin, provenance.originUrl)}`,
  ];
  // Which version of a page fetched from the web the text is: pages change, so to the minute.
  if (provenance.capturedAt) rows.push(`Fetched: ${coverDate(provenance.capturedAt)}`);
  // The date a file or message carries about itself: when it was made (or sent), not when it was published.
  rows.push(`${madeRow(provenance, opening)}Imported ${coverDate(provenance.importedAt)} with ${provenance.importer}`);
  if (provenance.ocr) {
    const { meanConfidence, lowConfidenceWords } = provenance.ocr;
    rows.push(
      `Text recognized by OCR, mean confidence ${Math.round(meanConfidence)}%, ${lowConfidenceWords} unsure words`,
    );
  }
  return rows;
}

const comparable = (text: string): string => text.replace(/\s+/g, ' ').trim().toLowerCase();

/** The text of the document's first lines, each on a line of its own and compared in lowercase. */
export function openingText(lines: readonly string[]): string {
  return lines.map(comparable).join('\n');
}

/** True when `text` holds `name` as whole words ("ap" is not in "apple"). */
function namesWhole(text: string, name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}])`, 'u').test(text);
}

/**
 * Who wrote the original, said once: the byline the document shows, else the author its file
 * names (a message's sender, under From); the file's name is added only when it is another.
 * A name the document's opening already prints (its byline, a message's From line) is left out.
 */
export function authorRow(
  byline: string,
  provenance: DocumentProvenance | null | undefined,
  opening = '',
): string | undefined {
  const label = provenance?.sourceType === 'eml' ? 'From' : 'Author';
  const printed = (name: string): boolean => name === '' || namesWhole(opening, comparable(name));
  let shown = byline.trim();
  let filed = provenance?.author?.trim() ?? '';
  if (comparable(shown) === comparable(filed)) filed = '';
  if (printed(shown)) shown = '';
  if (printed(filed)) filed = '';
  if (shown === '' && filed === '') return undefined;
  if (filed === '') return `${label}: ${shown}`;
  if (shown === '' && byline.trim() !== '') return `${label} in the file’s metadata: ${filed}`;
  return shown === '' ? `${label}: ${filed}` : `${label}: ${shown} (the file names ${filed})`;
}

/** The page of the original an annotation starts on ("12", or its printed label), for a document with pages. */
export function originalPage(source: ExportSource, annotation: Annotation): string | undefined {
  const pageMap = source.provenance?.pageMap;
  if (!pageMap || pageMap.length === 0 || !annotation.target) return undefined;
  const entry = pageAt(pageMap, annotation.target.position.start);
  return entry ? pageName(entry) : undefined;
}
