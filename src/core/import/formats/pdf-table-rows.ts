// Gathers a page's lines into bands a table row could fill: the lines on one baseline, and with
// them the further lines of cells that wrap (set half a line up and down when the row's other
// cells are centred, or a line down when they are set at the top).
import type { PdfLine } from './pdf-lines';

/** A piece of a band's text, with the line it came from. */
export interface Part {
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
  font: string;
  line: PdfLine;
}

/** Lines on one baseline, or a table row's lines; its pieces left to right. */
export interface Band {
  /** The top baseline. */
  y: number;
  /** The bottom baseline. */
  bottom: number;
  size: number;
  lines: PdfLine[];
  parts: Part[];
}

/** Baselines closer than this many ems are one row of a table whose cells are centred beside a wrapped cell. */
const HALF_LINE_EMS = 0.8;
/** A wrapped cell's next line is at most this many ems below. */
const NEXT_LINE_EMS = 1.35;
/** A cell's wrapped lines start within this many ems of its first. */
const SAME_START_EMS = 0.3;

function partsOf(line: PdfLine): Part[] {
  const parts = line.parts ?? [{ text: line.text, x0: line.x0, x1: line.x1 }];
  return parts
    .filter((part) => part.text !== '')
    .map((part) => ({ ...part, y: line.y, size: line.size, font: line.font, line }));
}

function baselinesOf(lines: readonly PdfLine[]): Band[] {
  const sorted = [...lines].sort((a, b) => b.y - a.y || a.x0 - b.x0);
  const rows: Band[] = [];
  for (const line of sorted) {
    const row = rows[rows.length - 1];
    if (row && Math.abs(row.y - line.y) < 0.5 * Math.max(row.size, line.size)) {
      row.lines.push(line);
      row.size = Math.max(row.size, line.size);
    } else rows.push({ y: line.y, bottom: line.y, size: line.size, lines: [line], parts: [] });
  }
  for (const row of rows) row.parts = row.lines.flatMap(partsOf).sort((a, b) => a.x0 - b.x0);
  return rows;
}

/**
 * The narrower lines go on (or lead into) cells of the wider, `gap` away: they fill fewer cells,
 * and each of their pieces starts where one of the wider's does and ends before the next of the
 * wider's begins (a line of prose below a table runs across its columns).
 */
function wrapsWith(wide: Band, narrow: Band, gap: number): boolean {
  const em = Math.max(wide.size, narrow.size);
  if (gap > NEXT_LINE_EMS * em || narrow.parts.length >= wide.parts.length) return false;
  return narrow.parts.every((part) => {
    const start = wide.parts.find((other) => Math.abs(part.x0 - other.x0) <= SAME_START_EMS * em);
    const after = start && wide.parts.find((other) => other.x0 > start.x1);
    return start !== undefined && (after === undefined || part.x1 < after.x0);
  });
}

const single = (band: Band): boolean => band.y === band.bottom;

/**
 * Whether a baseline belongs to the band above, whose last baseline is `previous`: half a line
 * below it (cells centred beside a wrapped one), the further line of a wrapped cell, or the line
 * a lone first line of a cell centred beside it (three lines or more) leads into. A line that
 * could go on the band above but leads into the next baseline, closer below, starts a band.
 */
function joinsAbove(band: Band, previous: Band, baseline: Band, next: Band | undefined): boolean {
  const gap = previous.y - baseline.y;
  if (gap < HALF_LINE_EMS * Math.max(previous.size, baseline.size)) return true;
  if (single(band) && wrapsWith(baseline, band, gap)) return true;
  if (!wrapsWith(band, baseline, gap)) return false;
  return !(next && baseline.y - next.y < gap && wrapsWith(next, baseline, baseline.y - next.y));
}

/** The page's lines in bands, top to bottom. */
export function bandsOf(lines: readonly PdfLine[]): Band[] {
  const baselines = baselinesOf(lines);
  const bands: Band[] = [];
  baselines.forEach((baseline, index) => {
    const band = bands[bands.length - 1];
    const previous = baselines[index - 1];
    if (band && previous && joinsAbove(band, previous, baseline, baselines[index + 1])) {
      band.lines.push(...baseline.lines);
      band.parts = [...band.parts, ...baseline.parts].sort((a, b) => a.x0 - b.x0);
      band.bottom = baseline.y;
      band.size = Math.max(band.size, baseline.size);
    } else bands.push({ ...baseline, lines: [...baseline.lines], parts: [...baseline.parts] });
  });
  return bands;
}
