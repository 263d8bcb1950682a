// The export's page geometry, type sizes and inks, and the small helpers every stage of the
// layout shares (the export's own text pieces; dates are written by pdf-provenance.ts's coverDate).
import type { Annotation, HighlightColor } from '../../shared/annotations';
import type { PdfExportOptions } from '../../shared/export-options';
import { HIGHLIGHT_PALETTE } from '../../shared/palette';
import type { PrintRun } from '../../shared/print-model';
import type { Rgb, StyledPiece } from './pdf-text';

export const PAPER: Record<PdfExportOptions['paper'], { size: string; width: number; height: number }> = {
  a4: { size: 'A4', width: 595.28, height: 841.89 },
  letter: { size: 'LETTER', width: 612, height: 792 },
};

export const MARGIN_TOP = 64;
export const MARGIN_BOTTOM = 60;
export const MARGIN_LEFT = 56;
export const MARGIN_RIGHT = 40;
export const NOTE_COLUMN_WIDTH = 150;
export const GUTTER = 27;
export const LINE_FACTOR = 1.42;
export const NOTE_SPACING = 7;

export const INK: Rgb = [0.1, 0.1, 0.12];
export const MUTED: Rgb = [0.42, 0.42, 0.46];
export const LINK_INK: Rgb = [0.09, 0.3, 0.66];
export const RULE: Rgb = [0.78, 0.78, 0.8];
export const COVER_FILL: Rgb = [0.955, 0.955, 0.965];

export const BLOCK_STYLE = {
  title: { size: 20, after: 10 },
  // A Heading 1 of the text itself is a step below the title, which is also an h1.
  h1: { size: 17.5, after: 8.5 },
  h2: { size: 15.5, after: 7 },
  h3: { size: 13, after: 6 },
  h4: { size: 11.5, after: 5 },
  body: { size: 10.5, after: 7.5 },
  list: { size: 10.5, after: 3.5 },
} as const;

export const NOTE_SIZE = 7.8;
export const APPENDIX_QUOTE_LIMIT = 95;
export const ENDNOTE_SIZE = 9;

/** A highlight's wash, multiplied over the text: strong on screen, light for printing. */
export function washOf(color: HighlightColor, scheme: PdfExportOptions['colorScheme']): Rgb {
  const { pdf } = HIGHLIGHT_PALETTE[color];
  return scheme === 'print' ? pdf.printWash : pdf.screenWash;
}

/** A color's marker and chip fill, solid enough to read as small type. */
export function solidOf(color: HighlightColor): Rgb {
  return HIGHLIGHT_PALETTE[color].pdf.solid;
}

export function rgb255(color: Rgb): [number, number, number] {
  return [Math.round(color[0] * 255), Math.round(color[1] * 255), Math.round(color[2] * 255)];
}

export function isSafeLink(url: string): boolean {
  return /^(https?:|mailto:)/i.test(url);
}

/** The size and rise of a run set below or above the line (H₂O, 5th), as a browser sets <sub> and <sup>. */
export function raisedStyle(raised: PrintRun['raised'], size: number): { size: number; rise?: number } {
  if (raised === undefined) return { size };
  return { size: size * 0.75, rise: raised === 'subscript' ? size * 0.2 : -size * 0.35 };
}

/** Text of the export's own (not the document's): sans in ink unless `style` says otherwise. */
export function exportPiece(text: string, size: number, style: Partial<StyledPiece> = {}): StyledPiece {
  return { text, start: -1, family: 'sans', bold: false, italic: false, size, color: INK, link: '', ...style };
}

export function hasNote(annotation: Annotation): boolean {
  return annotation.note.text.trim() !== '';
}
