// Highlights in the export: each anchored highlight becomes a real PDF /Highlight
// annotation with quads on exactly the glyphs of its quote, line by line, one annotation per
// page it spans (the first named by the annotation's id, the others `id#2`, ...).
import type { Annotation } from '../../shared/annotations';
import type { AnnotationEvidence } from '../../shared/evidence-export';
import { evidencePhrases } from '../../shared/evidence-export';
import type { PdfExportOptions } from '../../shared/export-options';
import type { DocumentRun } from './pdf-document-run';
import { firstPlacedEndingAfter } from './pdf-document-run';
import { originalPage } from './pdf-provenance';
import { hasNote, washOf } from './pdf-style';
import type { PageSurface } from './pdf-surface';
import type { Rgb } from './pdf-text';

interface Quad {
  page: number;
  x1: number;
  x2: number;
  top: number;
  bottom: number;
}

/** Paints the run's highlights over its placed text; returns how many were painted. */
export function paintHighlights(surface: PageSurface, run: DocumentRun): number {
  let painted = 0;
  for (const annotation of run.highlights) {
    const { start, end } = annotation.target!.position;
    const quads = quadsFor(run, start, end);
    if (quads.length === 0) continue;
    run.highlightPage.set(annotation.id, quads[0]!.page);
    const pages = [...new Set(quads.map((quad) => quad.page))];
    pages.forEach((page, part) => {
      surface.goToPage(page);
      addHighlightAnnotation(
        surface,
        annotation,
        quads.filter((quad) => quad.page === page),
        washOf(annotation.color, surface.options.colorScheme),
        part,
        originalPage(run.source, annotation),
      );
    });
    painted += 1;
  }
  surface.goToPage(surface.page);
  return painted;
}

/** The placed fragments inside [start, end), grouped into one quad per line. */
function quadsFor(run: DocumentRun, start: number, end: number): Quad[] {
  const placed = run.placed;
  const low = firstPlacedEndingAfter(placed, start);
  const quads: Quad[] = [];
  for (let index = low; index < placed.length; index++) {
    const item = placed[index]!;
    if (item.fragment.start >= end) break;
    if (item.fragment.end <= start || item.width <= 0) continue;
    const last = quads[quads.length - 1];
    // Fragments side by side on a line make one quad; a right-to-left run can put the
    // next fragment in text order elsewhere on the line, which takes a quad of its own.
    const besideLast =
      last !== undefined &&
      last.page === item.page &&
      Math.abs(last.top - item.top) < 0.01 &&
      (Math.abs(last.x2 - item.x) < 0.01 || Math.abs(item.x + item.width - last.x1) < 0.01);
    if (besideLast) {
      last.x1 = Math.min(last.x1, item.x);
      last.x2 = Math.max(last.x2, item.x + item.width);
      last.bottom = Math.max(last.bottom, item.bottom);
      last.top = Math.min(last.top, item.top);
    } else {
      quads.push({ page: item.page, x1: item.x, x2: item.x + item.width, top: item.top, bottom: item.bottom });
    }
  }
  return quads;
}

/** A highlight's /Contents: its note as plain text, then its tags as the options include them, its grade and sources. */
function annotationContents(
  annotation: Annotation,
  options: PdfExportOptions,
  page: string | undefined,
  evidence: AnnotationEvidence | undefined,
): string {
  const parts: string[] = [];
  if (options.includeNotes && hasNote(annotation)) parts.push(annotation.note.text.trim());
  if (options.includeTags && annotation.tags.length > 0) parts.push(`Tags: ${annotation.tags.join(', ')}`);
  const phrases = evidencePhrases(evidence);
  if (phrases.length > 0) parts.push(phrases.join('\n'));
  // The page of the original, so a reader of the PDF can cite the source itself.
  if (page !== undefined) parts.push(`p. ${page}`);
  return parts.join('\n\n');
}

function addHighlightAnnotation(
  surface: PageSurface,
  annotation: Annotation,
  quads: readonly Quad[],
  color: Rgb,
  part: number,
  page: string | undefined,
): void {
  surface.annotations.highlight({
    boxes: quads.map((quad) => ({ left: quad.x1, right: quad.x2, top: quad.top, bottom: quad.bottom })),
    color,
    contents: annotationContents(
      annotation,
      surface.options,
      page,
      surface.context.evidence?.annotations[annotation.id],
    ),
    author: annotation.author.name,
    modified: new Date(annotation.updatedAt),
    created: new Date(annotation.createdAt),
    name: part === 0 ? annotation.id : `${annotation.id}#${part + 1}`,
    subject: annotation.tags.length > 0 ? annotation.tags.join(', ') : 'Highlight',
  });
}
