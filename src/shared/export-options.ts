// What a person can choose when exporting an annotated PDF, shared by the export dialog,
// the CLI and the core, with the defaults every host starts from.
import type { Annotation, HighlightColor } from './annotations';
import { isTagWithin } from './annotations';
import { countOf } from './plural';

export const PAPER_SIZES = ['a4', 'letter'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];

export const COLOR_SCHEMES = ['screen', 'print'] as const;
export type ColorScheme = (typeof COLOR_SCHEMES)[number];

export interface PdfExportOptions {
  paper: PaperSize;
  /** "print" uses lighter washes that save ink and stay legible in grayscale. */
  colorScheme: ColorScheme;
  includeNotes: boolean;
  includeTags: boolean;
  includeAppendix: boolean;
  includeOrphans: boolean;
  /** The "Claims and sources" appendix (sources, claims and analyses bearing on the documents), when there are any. */
  includeEvidence: boolean;
  /** Keep only annotations carrying one of these tags (children included); empty keeps all. */
  tags: string[];
  colors: HighlightColor[];
  /** Author display names or ids; empty keeps all. */
  authors: string[];
}

export const DEFAULT_PDF_EXPORT_OPTIONS: PdfExportOptions = {
  paper: 'a4',
  colorScheme: 'screen',
  includeNotes: true,
  includeTags: true,
  includeAppendix: true,
  includeOrphans: true,
  includeEvidence: true,
  tags: [],
  colors: [],
  authors: [],
};

export function resolvePdfExportOptions(partial: Partial<PdfExportOptions> | undefined): PdfExportOptions {
  return { ...DEFAULT_PDF_EXPORT_OPTIONS, ...(partial ?? {}) };
}

/** Whether the annotation is by this author: the id, or the whole display name in any case (as search's author:). */
export function isByAuthor(annotation: Annotation, author: string): boolean {
  const wanted = author.toLocaleLowerCase();
  return annotation.author.name.toLocaleLowerCase() === wanted || annotation.author.id.toLocaleLowerCase() === wanted;
}

/** Whether an annotation passes the tag, color and author filters. */
export function passesExportFilters(annotation: Annotation, options: PdfExportOptions): boolean {
  if (options.colors.length > 0 && !options.colors.includes(annotation.color)) return false;
  if (options.authors.length > 0 && !options.authors.some((author) => isByAuthor(annotation, author))) return false;
  if (
    options.tags.length > 0 &&
    !annotation.tags.some((tag) => options.tags.some((wanted) => isTagWithin(tag, wanted)))
  )
    return false;
  return true;
}

/** One filter value that no annotation has: a misspelt tag, an author who annotated none of these documents. */
export interface UnmatchedFilter {
  kind: 'tag' | 'author' | 'color';
  value: string;
}

type ExportFilters = Pick<PdfExportOptions, 'tags' | 'authors' | 'colors'>;

/** The filter values no annotation here has, each of which alone would keep nothing from its kind of filter. */
export function unmatchedExportFilters(annotations: readonly Annotation[], filters: ExportFilters): UnmatchedFilter[] {
  const tags = filters.tags
    .filter((wanted) => !annotations.some((annotation) => annotation.tags.some((tag) => isTagWithin(tag, wanted))))
    .map((value) => ({ kind: 'tag' as const, value }));
  const authors = filters.authors
    .filter((author) => !annotations.some((annotation) => isByAuthor(annotation, author)))
    .map((value) => ({ kind: 'author' as const, value }));
  const colors = filters.colors
    .filter((color) => !annotations.some((annotation) => annotation.color === color))
    .map((value) => ({ kind: 'color' as const, value }));
  return [...tags, ...authors, ...colors];
}

/** The annotations an export with these options keeps: the filters, and orphans only when they are included. */
export function annotationsExported(annotations: readonly Annotation[], options: PdfExportOptions): Annotation[] {
  return annotations.filter(
    (annotation) =>
      passesExportFilters(annotation, options) && (options.includeOrphans || annotation.anchor.status !== 'orphan'),
  );
}

/** Whether any tag, author or color filter applies. */
export function isFilteringExport(filters: ExportFilters): boolean {
  return filters.tags.length + filters.authors.length + filters.colors.length > 0;
}

/** The distinct author names of these annotations, sorted, for saying which authors exist. */
export function authorNamesOf(annotations: readonly Annotation[]): string[] {
  return [...new Set(annotations.map((annotation) => annotation.author.name))].sort((a, b) => a.localeCompare(b));
}

/** What each include option would add for these documents: the export dialog greys out an option with nothing behind it. */
export interface IncludedContents {
  annotations: number;
  /** Annotations with a note. */
  notes: number;
  /** Annotations with a tag. */
  tagged: number;
  orphans: number;
  /** Sources, claims and analyses the “Claims and sources” appendix would list. */
  evidence: number;
}

/** What the export dialog says before exporting, from the core. */
export interface ExportContents {
  /** How many annotations each document of the library has, by id (a document with none may be left out). */
  annotationsByDocument: Record<string, number>;
  /** What the chosen documents have together, before any filter. */
  chosen: IncludedContents;
}

/** The counts of these annotations that the include options look at (evidence aside: the core knows it). */
export function includedContentsOf(annotations: readonly Annotation[]): Omit<IncludedContents, 'evidence'> {
  return {
    annotations: annotations.length,
    notes: annotations.filter((annotation) => annotation.note.text.trim() !== '').length,
    tagged: annotations.filter((annotation) => annotation.tags.length > 0).length,
    orphans: annotations.filter((annotation) => annotation.anchor.status === 'orphan').length,
  };
}

export interface PdfExportResult {
  fileName: string;
  dataBase64: string;
  pageCount: number;
  /** Highlights drawn, notes printed and orphans listed, across all documents. */
  highlightCount: number;
  noteCount: number;
  /** Characters no bundled font covers, and anything else the reader of the PDF should know. */
  warnings: string[];
}

/** A safe file name for an exported PDF, from the document title. */
export function pdfFileNameFor(title: string): string {
  return `${fileStemFor(title, 'Marginalia export')} (annotated).pdf`;
}

/**
 * The file name of one export: the document's title for one document; for several, the first
 * one's (in the export's order) and how many others, “Field notes and 2 others (annotated).pdf”,
 * so the name says what is inside. The first title is cut at a word to stay readable in a file list.
 */
export function pdfFileNameForDocuments(titles: readonly string[]): string {
  if (titles.length <= 1) return pdfFileNameFor(titles[0] ?? '');
  const first = cutAtWord(fileStemFor(titles[0]!, 'Untitled'), MAX_COMBINED_TITLE_CHARACTERS);
  const others = titles.length - 1;
  return `${first} and ${countOf(others, 'other')} (annotated).pdf`;
}

/** How much of the first title a combined export's name keeps: enough to know it by. */
const MAX_COMBINED_TITLE_CHARACTERS = 60;

/** `text` whole when it has at most `max` characters, else cut at the last word that fits, with “…”. */
function cutAtWord(text: string, max: number): string {
  const characters = Array.from(text);
  if (characters.length <= max) return text;
  const head = characters.slice(0, max - 1).join('');
  const atWord = head.replace(/\s+\S*$/, '');
  return `${(atWord.length >= head.length / 2 ? atWord : head).replace(/[\s,;.–—-]+$/, '')}…`;
}

/** A title made safe for a file name: no path or control characters, at most 200 bytes, cut at a word. */
export function fileStemFor(title: string, fallback: string): string {
  const cleaned = title
    .normalize('NFC')
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return fitToBytes(cleaned, MAX_NAME_BYTES).replace(/^\.+/, '') || fallback;
}

/** File systems allow 255 bytes per name; leave room for the suffix. */
const MAX_NAME_BYTES = 200;

function utf8Length(character: string): number {
  const codePoint = character.codePointAt(0) ?? 0;
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

function fitToBytes(text: string, limit: number): string {
  let bytes = 0;
  let out = '';
  for (const character of text) {
    bytes += utf8Length(character);
    if (bytes > limit) return out.replace(/\s+\S*$/, '').trim() || out.trim();
    out += character;
  }
  return out;
}
