// Lays out documents with their annotations as a briefing-ready PDF, stage by stage on one
// page surface (pdf-surface.ts): for each document its body (pdf-body.ts), its highlights as
// real /Highlight annotations (pdf-highlights.ts), its margin notes (pdf-margin-notes.ts)
// and what follows the text (pdf-back-matter.ts); after all documents, the evidence bearing
// on them (pdf-evidence.ts); then running heads and page numbers on
// every page (pdf-running-heads.ts).
import type { PdfExportOptions } from '../../shared/export-options';
import { passesExportFilters } from '../../shared/export-options';
import { dossierIsEmpty } from '../../shared/evidence-export';
import { countOf } from '../../shared/plural';
import { renderBackMatter } from './pdf-back-matter';
import { renderBody } from './pdf-body';
import { renderEvidenceAppendix } from './pdf-evidence';
import type { ExportSource } from './pdf-document-run';
import { prepareRun } from './pdf-document-run';
import { paintHighlights } from './pdf-highlights';
import { placeMarginNotes } from './pdf-margin-notes';
import { drawRunningHeadsAndPageNumbers } from './pdf-running-heads';
import { BLOCK_STYLE } from './pdf-style';
import type { PdfExportContext } from './pdf-surface';
import { PageSurface } from './pdf-surface';

export interface RenderedPdf {
  bytes: Buffer;
  pageCount: number;
  highlightCount: number;
  noteCount: number;
  warnings: string[];
}

/** Renders sources (documents with their annotations) into one annotated PDF. */
export async function renderAnnotatedPdf(
  sources: readonly ExportSource[],
  options: PdfExportOptions,
  context: PdfExportContext,
): Promise<RenderedPdf> {
  // A viewer shows this title: a combined export's names what it holds, as its file name does.
  const others = sources.length - 1;
  const title = `${sources[0]!.detail.title}${others > 0 ? ` and ${countOf(others, 'other')}` : ''}`;
  const keywords = [
    ...new Set(
      sources.flatMap((source) =>
        source.annotations
          .filter((annotation) => passesExportFilters(annotation, options))
          .flatMap((annotation) => annotation.tags),
      ),
    ),
  ].sort();
  const surface = new PageSurface(options, context, { title, keywords });
  const totalCharacters = sources.reduce((sum, source) => sum + source.detail.textLength, 0);
  surface.expectPages(totalCharacters, sources.length, BLOCK_STYLE.body.size);
  let highlightCount = 0;
  let noteCount = 0;
  const highlightPages = new Map<string, number>();
  let nextNoteNumber = 1;
  for (const [documentIndex, source] of sources.entries()) {
    const run = prepareRun(source, documentIndex, options, nextNoteNumber);
    nextNoteNumber += run.entries.length;
    await renderBody(surface, run, sources.length > 1);
    highlightCount += paintHighlights(surface, run);
    noteCount += placeMarginNotes(surface, run);
    await renderBackMatter(surface, run);
    for (const [id, page] of run.highlightPage) highlightPages.set(id, page);
  }
  const evidence = context.evidence;
  if (options.includeEvidence && evidence && !dossierIsEmpty(evidence))
    await renderEvidenceAppendix(surface, evidence, sources.length, highlightPages);
  drawRunningHeadsAndPageNumbers(surface, sources);
  const bytes = await surface.finish();
  const warnings: string[] = [];
  if (surface.missing.size > 0) {
    warnings.push(
      `No bundled font has these characters; they are shown as “\uFFFD” in the PDF: ${[...surface.missing].join(', ')}.`,
    );
  }
  return { bytes, pageCount: surface.pageDocument.length, highlightCount, noteCount, warnings };
}
