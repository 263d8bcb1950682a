// What one document brings to the export and what its layout records for the later stages:
// the annotations that pass the filters, sorted into highlights, margin notes, orphans and
// document notes, and, as the body is set, where each fragment of its text went.
import type { Annotation } from '../../shared/annotations';
import { compareByPosition } from '../../shared/annotations';
import type { PdfExportOptions } from '../../shared/export-options';
import { passesExportFilters } from '../../shared/export-options';
import type { DocumentDetail, DocumentProvenance } from '../../shared/model';
import { hasNote } from './pdf-style';
import type { Fragment } from './pdf-text';

export interface ExportSource {
  detail: DocumentDetail;
  annotations: Annotation[];
  /** Where the original came from and where its pages begin; absent or null when not kept. */
  provenance?: DocumentProvenance | null;
}

export interface PlacedFragment {
  fragment: Fragment;
  page: number;
  x: number;
  /** Inked width: the last fragment on a line leaves out its trailing spaces. */
  width: number;
  top: number;
  bottom: number;
}

export interface MarginEntry {
  number: number;
  annotation: Annotation;
  page: number;
  desiredTop: number;
  markerBaseline: number;
}

export interface DocumentRun {
  source: ExportSource;
  /** The index of the document among those exported. */
  documentIndex: number;
  firstPage: number;
  included: Annotation[];
  highlights: Annotation[];
  entries: MarginEntry[];
  orphans: Annotation[];
  documentNotes: Annotation[];
  placed: PlacedFragment[];
  highlightPage: Map<string, number>;
  endnotes: MarginEntry[];
}

/** Index of the first placed fragment that ends after `offset` (fragments are in text order). */
export function firstPlacedEndingAfter(placed: readonly PlacedFragment[], offset: number): number {
  let low = 0;
  let high = placed.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (placed[middle]!.fragment.end <= offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The document's run; its margin notes are numbered from `firstNoteNumber`, so that numbers
 * carry on across the documents of one export and each number names one note.
 */
export function prepareRun(
  source: ExportSource,
  documentIndex: number,
  options: PdfExportOptions,
  firstNoteNumber = 1,
): DocumentRun {
  const included = source.annotations
    .filter((annotation) => passesExportFilters(annotation, options))
    .sort(compareByPosition);
  const anchored = included.filter((annotation) => annotation.target !== null && annotation.anchor.status !== 'orphan');
  const highlights = anchored.filter(
    (annotation) =>
      annotation.kind === 'highlight' && annotation.target!.position.end > annotation.target!.position.start,
  );
  // A margin note is a note: highlights without one keep their tags in the appendix and
  // in the PDF annotation, not in the margin (which stays readable at 1,000 highlights).
  const withMargin = anchored.filter((annotation) => options.includeNotes && hasNote(annotation));
  const entries = withMargin.map((annotation, index) => ({
    number: firstNoteNumber + index,
    annotation,
    page: -1,
    desiredTop: 0,
    markerBaseline: 0,
  }));
  return {
    source,
    documentIndex,
    firstPage: 0,
    included,
    highlights,
    entries,
    orphans: included.filter((annotation) => annotation.target !== null && annotation.anchor.status === 'orphan'),
    documentNotes: included.filter((annotation) => annotation.target === null && hasNote(annotation)),
    placed: [],
    highlightPage: new Map(),
    endnotes: [],
  };
}

/** The canonical offsets where a highlight or a margin note starts or ends, sorted: the body's text is cut there. */
export function boundariesOf(run: DocumentRun): number[] {
  const boundarySet = new Set<number>();
  for (const annotation of run.highlights) {
    boundarySet.add(annotation.target!.position.start);
    boundarySet.add(annotation.target!.position.end);
  }
  for (const entry of run.entries) boundarySet.add(entry.annotation.target!.position.start);
  return [...boundarySet].sort((a, b) => a - b);
}
