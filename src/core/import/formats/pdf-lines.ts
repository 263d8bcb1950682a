// Turns a page's positioned text pieces into lines: pieces on one baseline (superscripts
// included) that sit close together, with the text cleaned of ligatures and control characters.
import { superscriptText } from './note-marks';

/** One piece of text as pdfjs places it, in PDF user space (y grows upwards). */
export interface PdfPiece {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
  font: string;
}

/** One piece of a line's text as the PDF placed it, its ink only (no edge spaces): table cells are told apart by them. */
export interface PdfPart {
  text: string;
  x0: number;
  x1: number;
}

export interface PdfLine {
  text: string;
  x0: number;
  x1: number;
  /** Baseline of the line's largest text. */
  y: number;
  /** Size of the line's largest text. */
  size: number;
  /** The font carrying most of the line's characters. */
  font: string;
  /** The pieces the line was joined from, left to right; absent, the line is one piece. */
  parts?: PdfPart[];
}

const LIGATURES: Record<string, string> = {
  '\ufb00': 'ff',
  '\ufb01': 'fi',
  '\ufb02': 'fl',
  '\ufb03': 'ffi',
  '\ufb04': 'ffl',
  '\ufb05': 'st',
  '\ufb06': 'st',
};

/** Ligatures become their letters; NUL and other control characters (tabs become spaces) go. */
export function cleanPdfText(raw: string): string {
  return (
    raw
      .replace(/[\ufb00-\ufb06]/g, (ligature) => LIGATURES[ligature] ?? ligature)
      .replace(/\t/g, ' ')
      // These are exactly the characters removed.
      .replace(/[\u0000-\u001f\u007f-\u009f\ufffe\uffff]/g, '')
  );
}

/** A gap wider than this (in ems) between pieces on one baseline starts a new line: a column gutter or a table cell. */
const GAP_SPLIT_EMS = 0.8;
/** Pieces whose baselines differ by less than this (in ems of the larger) share a line, so superscripts stay. */
const BASELINE_EMS = 0.5;

function groupByBaseline(pieces: readonly PdfPiece[]): PdfPiece[][] {
  const sorted = [...pieces].sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: Array<{ anchor: PdfPiece; pieces: PdfPiece[] }> = [];
  for (const piece of sorted) {
    const current = groups[groups.length - 1];
    const limit = BASELINE_EMS * Math.max(piece.size, current?.anchor.size ?? 0);
    if (current && Math.abs(current.anchor.y - piece.y) < limit) {
      current.pieces.push(piece);
      if (piece.size > current.anchor.size) current.anchor = piece;
    } else {
      groups.push({ anchor: piece, pieces: [piece] });
    }
  }
  return groups.map((group) => group.pieces);
}

function splitByGaps(pieces: readonly PdfPiece[]): PdfPiece[][] {
  const sorted = [...pieces].sort((a, b) => a.x - b.x);
  const runs: PdfPiece[][] = [];
  let end = -Infinity;
  for (const piece of sorted) {
    const current = runs[runs.length - 1];
    const em = Math.max(piece.size, current?.[0]?.size ?? 0);
    if (current && piece.x - end <= GAP_SPLIT_EMS * em) {
      current.push(piece);
      end = Math.max(end, piece.x + piece.width);
    } else {
      runs.push([piece]);
      end = piece.x + piece.width;
    }
  }
  return runs;
}

/** A piece set smaller than the line's text and raised above its baseline: a footnote mark or an exponent. */
function isRaised(piece: PdfPiece, line: PdfPiece): boolean {
  return piece.size <= line.size * 0.85 && piece.y - line.y >= line.size * 0.2;
}

/**
 * Joins a line's pieces, adding a space where the gap between them is wider than a letter's
 * kerning; a raised mark against its word is kept apart from it (note-marks.ts).
 */
function joinPieces(pieces: readonly PdfPiece[], line: PdfPiece): string {
  let text = '';
  let end = -Infinity;
  for (const piece of pieces) {
    const gap = piece.x - end;
    const needsSpace = text !== '' && gap > piece.size * 0.15 && !/\s$/.test(text) && !/^\s/.test(piece.text);
    const mark = needsSpace || !isRaised(piece, line) ? undefined : superscriptText(text, piece.text);
    text += mark ?? (needsSpace ? ' ' : '') + piece.text;
    end = piece.x + piece.width;
  }
  return text.replace(/\s+/g, ' ').trim();
}

function dominantFont(pieces: readonly PdfPiece[]): string {
  const counts = new Map<string, number>();
  for (const piece of pieces) counts.set(piece.font, (counts.get(piece.font) ?? 0) + piece.text.length);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
}

/** A piece's ink: edge spaces count in pdf.js's width but would hide the gap between two table cells. */
function partOf(piece: PdfPiece): PdfPart {
  const text = piece.text.trim();
  const length = piece.text.length;
  const lead = piece.text.length - piece.text.trimStart().length;
  const trail = piece.text.length - piece.text.trimEnd().length;
  const advance = piece.width / Math.max(1, length);
  return { text, x0: piece.x + lead * advance, x1: piece.x + piece.width - trail * advance };
}

function lineOf(pieces: readonly PdfPiece[]): PdfLine {
  const largest = pieces.reduce((best, piece) => (piece.size > best.size ? piece : best));
  return {
    text: joinPieces(pieces, largest),
    x0: Math.min(...pieces.map((piece) => piece.x)),
    x1: Math.max(...pieces.map((piece) => piece.x + piece.width)),
    y: largest.y,
    size: largest.size,
    font: dominantFont(pieces),
    parts: pieces.map(partOf),
  };
}

/** The page's lines, top to bottom and left to right; pieces far apart on one baseline are separate lines. */
export function buildLines(pieces: readonly PdfPiece[]): PdfLine[] {
  const visible = pieces.filter((piece) => piece.text.trim() !== '' && piece.size > 0);
  return groupByBaseline(visible)
    .flatMap((group) => splitByGaps(group).map(lineOf))
    .filter((line) => line.text !== '');
}
