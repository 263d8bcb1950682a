// How many annotations the export dialog's filters keep, read before exporting, and the
// filter that matches nothing when none are kept: a misspelt tag should not export an empty PDF.
import { useEffect, useState } from 'react';
import type { Annotation, HighlightColor } from '../../../shared/annotations';
import type { MarginaliaClient } from '../../../shared/contract';
import type { PdfExportOptions, UnmatchedFilter } from '../../../shared/export-options';
import { annotationsExported, isFilteringExport, unmatchedExportFilters } from '../../../shared/export-options';
import { HIGHLIGHT_PALETTE } from '../../../shared/palette';
import { countOf } from '../../../shared/plural';

/** The annotations of the ticked documents; null while they load or when they cannot be read. */
export function useAnnotationsOf(client: MarginaliaClient, documentIds: readonly string[]): Annotation[] | null {
  const [annotations, setAnnotations] = useState<Annotation[] | null>(null);
  const key = documentIds.join('\n');
  useEffect(() => {
    let current = true;
    setAnnotations(null);
    const ids = key === '' ? [] : key.split('\n');
    void Promise.all(ids.map((documentId) => client.listAnnotations({ documentId }))).then((results) => {
      if (!current) return;
      const failed = results.some((result) => !result.ok);
      setAnnotations(failed ? null : results.flatMap((result) => (result.ok ? result.value : [])));
    });
    return () => {
      current = false;
    };
  }, [client, key]);
  return annotations;
}

export interface FilterOutcome {
  /** What to tell the person, or null while no filter applies. */
  message: string | null;
  /** The filters keep nothing: exporting would give a PDF without annotations. */
  keepsNothing: boolean;
}

function describeUnmatched({ kind, value }: UnmatchedFilter): string {
  if (kind === 'tag') return `No annotation of the ticked documents has the tag “${value}”.`;
  if (kind === 'author') return `No annotation of the ticked documents is by “${value}” (give the whole name).`;
  return `No highlight of the ticked documents is ${HIGHLIGHT_PALETTE[value as HighlightColor].label.toLowerCase()}.`;
}

/** What the filters do to these annotations, in words. */
export function filterOutcome(annotations: readonly Annotation[] | null, options: PdfExportOptions): FilterOutcome {
  if (!isFilteringExport(options) || annotations === null) return { message: null, keepsNothing: false };
  const kept = annotationsExported(annotations, options).length;
  const unmatched = unmatchedExportFilters(annotations, options);
  if (kept > 0) {
    const keeps = `The filters keep ${kept} of ${countOf(annotations.length, 'annotation')}.`;
    return { message: [keeps, ...unmatched.map(describeUnmatched)].join(' '), keepsNothing: false };
  }
  const why =
    unmatched.length > 0
      ? unmatched.map(describeUnmatched).join(' ')
      : 'No annotation of the ticked documents passes all these filters together.';
  return { message: `${why} Change the filters to export.`, keepsNothing: true };
}
