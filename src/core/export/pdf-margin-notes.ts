// Margin notes in the export: each note numbered and set level with its highlight in the
// column beside the text, with a numbered chip in the gutter, pushed down when the margin is
// crowded; a note too long for the margin leaves a stub there and continues after the text
// (see pdf-back-matter.ts), linked both ways.
import type { DocumentRun, MarginEntry } from './pdf-document-run';
import { firstPlacedEndingAfter } from './pdf-document-run';
import { LINE_FACTOR, MARGIN_LEFT, MARGIN_TOP, MUTED, NOTE_COLUMN_WIDTH, NOTE_SIZE, NOTE_SPACING } from './pdf-style';
import { notePieces } from './pdf-note-text';
import { unbrokenDate } from './pdf-provenance';
import { exportPiece, hasNote, solidOf } from './pdf-style';
import type { PageSurface } from './pdf-surface';
import type { Line, StyledPiece } from './pdf-text';

/** A note's lines: its number, author and time (and `withBackReference`), its paragraphs and its tags. */
export function noteLines(
  surface: PageSurface,
  entry: MarginEntry,
  width: number,
  size: number,
  withBackReference: string,
): Line[] {
  const { annotation } = entry;
  const { options } = surface;
  const note = options.includeNotes && hasNote(annotation);
  const tags =
    options.includeTags && annotation.tags.length > 0 ? annotation.tags.map((tag) => `#${tag}`).join('  ') : '';
  // Notes, tags and the appendix stay in the regular serif and sans faces the text and the
  // running heads already use: every further face is another font to parse and embed.
  const number: StyledPiece = exportPiece(`${entry.number}  `, size, { color: solidOf(annotation.color) });
  const tagPiece: StyledPiece = exportPiece(tags, size * 0.95, { color: solidOf(annotation.color) });
  if (!note && withBackReference === '') {
    // A highlight with tags and no note takes one line: its number and its tags.
    return surface.layout([number, tagPiece], width);
  }
  const lines = bylineLines(
    surface,
    number,
    annotation.author.name,
    `${unbrokenDate(annotation.updatedAt)}${withBackReference}`,
    {
      width,
      size,
    },
  );
  if (note) {
    for (const pieces of notePieces(annotation.note, size))
      lines.push(...surface.layout(pieces, width, undefined, 'auto'));
  }
  if (tags !== '') lines.push(...surface.layout([tagPiece], width));
  return lines;
}

/**
 * The number, author and time on one line when they fit; else the time on a line of its own
 * (a margin column is narrow), so no line ends in a dangling "·".
 */
function bylineLines(
  surface: PageSurface,
  number: StyledPiece,
  author: string,
  when: string,
  { width, size }: { width: number; size: number },
): Line[] {
  const muted = (text: string) => exportPiece(text, size * 0.92, { color: MUTED });
  const together = surface.layout([number, muted(`${author} · ${when}`)], width);
  if (together.length === 1) return together;
  return [...surface.layout([number, muted(author)], width), ...surface.layout([muted(when)], width)];
}

/** Sets the run's margin notes beside their highlights, page by page; returns how many notes there were. */
export function placeMarginNotes(surface: PageSurface, run: DocumentRun): number {
  if (run.entries.length === 0) return 0;
  for (const entry of run.entries) {
    const { start } = entry.annotation.target!.position;
    const fragment = run.placed[firstPlacedEndingAfter(run.placed, start)] ?? run.placed[run.placed.length - 1];
    if (!fragment) continue;
    entry.page = fragment.page;
    entry.desiredTop = fragment.top;
    entry.markerBaseline = fragment.bottom - NOTE_SIZE * 0.5;
  }
  const byPage = new Map<number, MarginEntry[]>();
  for (const entry of run.entries) {
    if (entry.page < 0) continue;
    const list = byPage.get(entry.page) ?? [];
    list.push(entry);
    byPage.set(entry.page, list);
  }
  let placed = 0;
  const lineHeight = NOTE_SIZE * LINE_FACTOR;
  for (const [page, entries] of byPage) {
    surface.goToPage(page);
    let cursor = MARGIN_TOP;
    // Below the last chip drawn on this page: two notes on one line got their chips on one spot (trial).
    let chipsBottom = 0;
    // Notes of one line in their numbers' order, so their chips read down 2, 3, as the notes do.
    entries.sort((a, b) => a.desiredTop - b.desiredTop || a.number - b.number);
    for (const entry of entries) {
      const lines = noteLines(surface, entry, NOTE_COLUMN_WIDTH, NOTE_SIZE, '');
      const height = lines.length * lineHeight;
      const top = Math.max(entry.desiredTop, cursor);
      const beside = top + height <= surface.contentBottom && height <= (surface.contentBottom - MARGIN_TOP) * 0.45;
      chipsBottom = drawMarker(surface, entry, beside ? '' : endnoteDestination(run, entry), chipsBottom);
      if (beside) {
        drawNoteAt(surface, entry, lines, top);
        cursor = top + height + NOTE_SPACING;
        surface.marginBottom.set(page, cursor);
      } else {
        run.endnotes.push(entry);
        cursor = drawEndnoteStub(surface, run, entry, page, cursor);
      }
      placed += 1;
    }
  }
  surface.goToPage(surface.page);
  return placed;
}

/** The destination of a note's continuation after the text. */
export function endnoteDestination(run: DocumentRun, entry: MarginEntry): string {
  return `endnote-${run.source.detail.id}-${entry.number}`;
}

/** In the margin, where a note continues after the text: a linked stub, when it fits. Returns the margin's new cursor. */
function drawEndnoteStub(
  surface: PageSurface,
  run: DocumentRun,
  entry: MarginEntry,
  page: number,
  cursor: number,
): number {
  const lineHeight = NOTE_SIZE * LINE_FACTOR;
  const stub = surface.layout(
    [
      exportPiece(`${entry.number}  `, NOTE_SIZE, { color: solidOf(entry.annotation.color) }),
      exportPiece('continues in the notes after the text', NOTE_SIZE, { color: MUTED }),
    ],
    NOTE_COLUMN_WIDTH,
  );
  const stubTop = Math.max(entry.desiredTop, cursor);
  if (stubTop + stub.length * lineHeight > surface.contentBottom) return cursor;
  surface.drawLinesAt(stub, surface.noteX, stubTop, NOTE_SIZE);
  surface.doc.goTo(surface.noteX, stubTop, NOTE_COLUMN_WIDTH, stub.length * lineHeight, endnoteDestination(run, entry));
  const below = stubTop + stub.length * lineHeight + NOTE_SPACING;
  surface.marginBottom.set(page, below);
  return below;
}

/** Height of a note's numbered chip, and the room left between two chips stacked in the gutter. */
const CHIP_HEIGHT = 9;
const CHIP_GAP = 1;

/**
 * The numbered chip in the gutter, beside its highlight's first line or, when a chip is
 * already there, just below it (not below `floor`); it links to the note only when the note
 * is not beside it. Returns the chip's bottom.
 */
function drawMarker(surface: PageSurface, entry: MarginEntry, destination: string, floor: number): number {
  const x = MARGIN_LEFT + surface.textWidth + 7;
  const label = String(entry.number);
  const size = 6.4;
  const labelWidth = surface.measurer.width('sans', size, label);
  const width = Math.max(9, labelWidth + 4);
  const top = Math.max(entry.desiredTop + 1, floor + CHIP_GAP);
  surface.content.fillRoundedRect(x, top, width, CHIP_HEIGHT, 2, solidOf(entry.annotation.color));
  surface.drawText('sans', size, [1, 1, 1], x + (width - labelWidth) / 2, top + 7, label);
  if (destination !== '') surface.doc.goTo(x, top, width, CHIP_HEIGHT, destination);
  return top + CHIP_HEIGHT;
}

function drawNoteAt(surface: PageSurface, entry: MarginEntry, lines: readonly Line[], top: number): void {
  const height = lines.length * NOTE_SIZE * LINE_FACTOR;
  surface.content.fillRect(surface.noteX - 6, top + 1, 1.6, height - 2, solidOf(entry.annotation.color));
  surface.drawLinesAt(lines, surface.noteX, top, NOTE_SIZE);
}
