// What follows a document's text in the export, full width: the notes that did not fit in
// the margin ("Notes continued", linked both ways), the appendix of annotations by tag, and
// the orphaned annotations with the quotes they had.
import type { Annotation } from '../../shared/annotations';
import { evidencePhrases } from '../../shared/evidence-export';
import type { DocumentRun } from './pdf-document-run';
import { endnoteDestination, noteLines } from './pdf-margin-notes';
import { notePieces } from './pdf-note-text';
import { originalPage } from './pdf-provenance';
import { APPENDIX_QUOTE_LIMIT, BLOCK_STYLE, ENDNOTE_SIZE, LINE_FACTOR, MARGIN_LEFT, MUTED } from './pdf-style';
import { exportPiece, hasNote, solidOf } from './pdf-style';
import type { PageSurface } from './pdf-surface';

/** Everything after the text the options ask for. */
export async function renderBackMatter(surface: PageSurface, run: DocumentRun): Promise<void> {
  await renderEndnotes(surface, run);
  if (surface.options.includeAppendix) await renderAppendix(surface, run);
  if (surface.options.includeOrphans && run.orphans.length > 0) await renderOrphans(surface, run);
}

function sectionHeading(surface: PageSurface, text: string, documentIndex: number, level: 2 | 3 = 2): void {
  const size = level === 2 ? BLOCK_STYLE.h2.size : 11;
  surface.y = Math.max(surface.y, surface.marginBottom.get(surface.page) ?? 0);
  surface.y += size * 0.8;
  surface.ensureRoom(size * LINE_FACTOR * 3, documentIndex);
  const lines = surface.layout([exportPiece(text, size, { family: 'serif', bold: true })], surface.fullWidth);
  surface.flowLines(lines, MARGIN_LEFT, size, documentIndex, undefined);
  if (level === 2) {
    const stack = surface.outlineStack;
    const parent = stack[0]?.level === 0 ? stack[0].item : surface.doc.outline;
    parent.addItem(text);
  }
  surface.y += 4;
}

async function renderEndnotes(surface: PageSurface, run: DocumentRun): Promise<void> {
  if (run.endnotes.length === 0) return;
  const { documentIndex } = run;
  sectionHeading(surface, 'Notes continued', documentIndex);
  for (const entry of run.endnotes.sort((a, b) => a.number - b.number)) {
    const page = entry.page + 1;
    const lines = noteLines(surface, entry, surface.fullWidth, ENDNOTE_SIZE, ` · on page ${page} ↩`);
    surface.ensureRoom(ENDNOTE_SIZE * LINE_FACTOR * 2, documentIndex);
    surface.flowLines(lines, MARGIN_LEFT, ENDNOTE_SIZE, documentIndex, undefined, (top) => {
      surface.doc.addNamedDestination(endnoteDestination(run, entry), 'XYZ', MARGIN_LEFT, Math.max(0, top - 20), null);
      // Back to the highlight's page: a direct page link, no named destination to look up.
      const highlightPage = run.highlightPage.get(entry.annotation.id) ?? entry.page;
      if (highlightPage >= 0)
        surface.linkToPage(MARGIN_LEFT, top, surface.fullWidth, ENDNOTE_SIZE * LINE_FACTOR, highlightPage);
    });
    surface.y += 6;
    await surface.reportProgress();
  }
}

function quoteOf(annotation: Annotation): string {
  const exact = (annotation.target?.quote.exact ?? '').replace(/\s+/g, ' ').trim();
  // The appendix is an index back into the text, not a second copy of it.
  if (exact.length <= APPENDIX_QUOTE_LIMIT) return exact;
  return `${exact.slice(0, APPENDIX_QUOTE_LIMIT).replace(/\s+\S*$/, '')} …`;
}

/** `page` is the index of the page to link to, or -1 for no link. */
async function renderAnnotationItem(
  surface: PageSurface,
  annotation: Annotation,
  trailer: string,
  documentIndex: number,
  page: number,
): Promise<void> {
  const quoteSize = 8.8;
  const { fullWidth } = surface;
  const quote = surface.layout(
    [
      exportPiece(`“${quoteOf(annotation)}”`, quoteSize, { family: 'serif' }),
      exportPiece(trailer, quoteSize * 0.85, { color: MUTED }),
    ],
    fullWidth - 10,
  );
  surface.ensureRoom(quoteSize * LINE_FACTOR * 2, documentIndex);
  surface.flowLines(quote, MARGIN_LEFT + 10, quoteSize, documentIndex, undefined, (top) => {
    surface.content.fillRect(MARGIN_LEFT + 2, top + 2, 3, quoteSize, solidOf(annotation.color));
    if (page >= 0) surface.linkToPage(MARGIN_LEFT, top, fullWidth, quoteSize * LINE_FACTOR, page);
  });
  if (surface.options.includeNotes && hasNote(annotation)) {
    for (const pieces of notePieces(annotation.note, 8.6)) {
      const lines = surface.layout(pieces, fullWidth - 22, undefined, 'auto');
      surface.flowLines(lines, MARGIN_LEFT + 22, 8.6, documentIndex, undefined);
    }
  }
  surface.y += 3.5;
  await surface.reportProgress();
}

/** The anchored annotations grouped by tag (an annotation under each of its tags), untagged last. */
function groupedByTag(run: DocumentRun): Map<string, Annotation[]> {
  const groups = new Map<string, Annotation[]>();
  for (const annotation of run.included) {
    if (annotation.target === null || annotation.anchor.status === 'orphan') continue;
    const keys = annotation.tags.length > 0 ? annotation.tags : [''];
    for (const key of keys) {
      const list = groups.get(key) ?? [];
      list.push(annotation);
      groups.set(key, list);
    }
  }
  const keys = [...groups.keys()].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)));
  return new Map(keys.map((key) => [key, groups.get(key)!]));
}

/**
 * Where an annotation is, for a document with pages: "p. 12 · page 3 here". A document without
 * pages says none: "page 1" alone read as a page of the original, which it does not have.
 */
function placeOf(run: DocumentRun, annotation: Annotation): string {
  const original = originalPage(run.source, annotation);
  if (original === undefined) return '';
  const page =
    (run.highlightPage.get(annotation.id) ??
      run.entries.find((entry) => entry.annotation.id === annotation.id)?.page ??
      -1) + 1;
  return `p. ${original}${page > 0 ? ` · page ${page} here` : ''}`;
}

async function renderAppendix(surface: PageSurface, run: DocumentRun): Promise<void> {
  const { documentIndex } = run;
  const groups = groupedByTag(run);
  sectionHeading(surface, 'Appendix: annotations by tag', documentIndex);
  if (groups.size === 0) {
    const lines = surface.layout(
      surface.plainPieces('This document has no annotations to list.', 9, { color: MUTED }),
      surface.fullWidth,
    );
    surface.flowLines(lines, MARGIN_LEFT, 9, documentIndex, undefined);
    return;
  }
  // An annotation with a margin note is listed under that note's number, to find one from the other.
  const noteNumbers = new Map(run.entries.map((entry) => [entry.annotation.id, entry.number]));
  for (const [key, list] of groups) {
    sectionHeading(surface, `${key === '' ? 'Untagged' : key} (${list.length})`, documentIndex, 3);
    for (const annotation of list) {
      const noteNumber = noteNumbers.get(annotation.id);
      // Whose it is, as the margin note says: a briefing weighs a reading by who made it.
      const phrases = [
        noteNumber === undefined ? '' : `note ${noteNumber}`,
        // Held together on one line (no-break spaces): "— Ada / Analyst" split the name.
        annotation.author.name.replace(/ /g, '\u00a0'),
        placeOf(run, annotation),
        ...evidencePhrases(surface.context.evidence?.annotations[annotation.id]),
      ];
      const trailer = phrases.some((phrase) => phrase !== '')
        ? `  — ${phrases.filter((phrase) => phrase !== '').join(' · ')}`
        : '';
      await renderAnnotationItem(
        surface,
        annotation,
        trailer,
        documentIndex,
        run.highlightPage.get(annotation.id) ?? -1,
      );
    }
  }
}

async function renderOrphans(surface: PageSurface, run: DocumentRun): Promise<void> {
  const { documentIndex } = run;
  sectionHeading(surface, `Orphaned annotations (${run.orphans.length})`, documentIndex);
  const explanation =
    'These quotes could not be found in the current text of the document; they are kept here as written.';
  const lines = surface.layout(surface.plainPieces(explanation, 8.6, { color: MUTED }), surface.fullWidth);
  surface.flowLines(lines, MARGIN_LEFT, 8.6, documentIndex, undefined);
  surface.y += 4;
  for (const annotation of run.orphans) {
    const tags = surface.options.includeTags && annotation.tags.length > 0 ? ` · ${annotation.tags.join(', ')}` : '';
    await renderAnnotationItem(surface, annotation, `  — ${annotation.author.name}${tags}`, documentIndex, -1);
  }
}
