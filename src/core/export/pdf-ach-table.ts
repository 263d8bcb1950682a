// An analysis of competing hypotheses as a ruled table in the export: hypotheses as columns
// (named in a legend with their scores and ranks), one row per piece of evidence (most
// diagnostic first) with its relevance, credibility, diagnosticity and ratings, then the
// weighted inconsistency and rank of each hypothesis (a shared rank as "1=" in the table, "tied"
// in the legend). A table taller than the page continues on the next with its header repeated;
// more hypotheses than fit across go in further tables. The footnote under the last table goes
// to the next page with the table's closing rows, never alone.
import type { AchMatrix } from '../../shared/evidence-export';
import { rankText, scoreText, unrankedUntilRated } from '../../shared/evidence-export';
import { INK, LINE_FACTOR, MARGIN_LEFT, MARGIN_TOP, MUTED, RULE, exportPiece } from './pdf-style';
import type { PageSurface } from './pdf-surface';
import type { Line, Rgb } from './pdf-text';

const SIZE = 8.5;
const PADDING = 3.5;
const RULE_WIDTH = 0.6;
const HEADER_FILL: Rgb = [0.94, 0.94, 0.955];
/** Relevance, credibility and diagnosticity: narrow columns of short words and figures. */
const FIXED = [60, 34, 40] as const;
const EVIDENCE_LEAST = 140;
const HYPOTHESIS_LEAST = 26;
const HYPOTHESIS_MOST = 64;
/** The space after a table, before whatever follows it. */
const TABLE_GAP = 6;
const SENSITIVE_NOTE = '* The ranking hangs on this row: without it, the hypotheses would rank differently.';
/** Consistent ratings tinted green, inconsistent ones red: light enough to print in grayscale. */
const RATING_FILL: Partial<Record<string, Rgb>> = {
  CC: [0.84, 0.93, 0.85],
  C: [0.92, 0.97, 0.92],
  I: [0.99, 0.92, 0.91],
  II: [0.97, 0.82, 0.81],
};

interface Cell {
  text: string;
  bold?: boolean;
  fill?: Rgb;
}

function clip(text: string, limit: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= limit ? flat : `${flat.slice(0, limit).replace(/\s+\S*$/, '')} …`;
}

/** Sets an analysis's matrix: the legend, then one table per group of hypotheses that fits across. */
export function renderAchMatrix(surface: PageSurface, given: AchMatrix, section: number): void {
  const matrix = unrankedUntilRated(given);
  if (matrix.ratedBy !== '') note(surface, `Ratings by ${matrix.ratedBy}.`, section);
  legend(surface, matrix, section);
  if (matrix.rows.length === 0 || matrix.hypotheses.length === 0) {
    note(surface, 'No evidence has been rated against hypotheses yet.', section);
    return;
  }
  if (matrix !== given) note(surface, 'Nothing rated yet: the hypotheses are not ranked.', section);
  const fixed = FIXED.reduce((sum, width) => sum + width, 0);
  const perTable = Math.max(1, Math.floor((surface.fullWidth - fixed - EVIDENCE_LEAST) / HYPOTHESIS_LEAST));
  const footnote = matrix.rows.some((row) => row.sensitive) ? noteLines(surface, SENSITIVE_NOTE) : [];
  for (let first = 0; first < matrix.hypotheses.length; first += perTable) {
    const columns = matrix.hypotheses.slice(first, first + perTable).map((_, index) => first + index);
    if (columns.length < matrix.hypotheses.length)
      note(surface, `Hypotheses H${first + 1}–H${columns[columns.length - 1]! + 1}:`, section);
    const last = first + perTable >= matrix.hypotheses.length;
    table(surface, matrix, columns, section, last ? footnote.length * SIZE * LINE_FACTOR : 0);
  }
  surface.flowLines(footnote, MARGIN_LEFT, SIZE, section, undefined);
  listUnder(surface, 'Notes on ratings:', matrix.cellNotes, section);
  listUnder(surface, 'Analysts disagree:', matrix.disagreements, section);
  surface.y += 4;
}

/** A heading and its lines under the matrix; the heading never ends a page without its first line. */
function listUnder(surface: PageSurface, heading: string, lines: readonly string[], section: number): void {
  if (lines.length === 0) return;
  const first = noteLines(surface, `  ${lines[0]!}`);
  surface.ensureRoom((1 + Math.min(first.length, 2)) * SIZE * LINE_FACTOR, section);
  note(surface, heading, section);
  for (const line of lines) note(surface, `  ${line}`, section);
}

function noteLines(surface: PageSurface, text: string): Line[] {
  return surface.layout(surface.plainPieces(text, SIZE, { color: MUTED }), surface.fullWidth, undefined, 'auto');
}

function note(surface: PageSurface, text: string, section: number): void {
  surface.flowLines(noteLines(surface, text), MARGIN_LEFT, SIZE, section, undefined);
}

/** "rank 2", "rank 3 (tied)", or "tied for first" as the window and the CLI name a shared first place; '' unranked. */
function standingText(rank: number, tied: boolean): string {
  if (rank === 0) return '';
  if (!tied) return `rank ${rank}`;
  return rank === 1 ? 'tied for first' : `rank ${rank} (tied)`;
}

function legend(surface: PageSurface, matrix: AchMatrix, section: number): void {
  matrix.hypotheses.forEach((hypothesis, index) => {
    const standing = standingText(hypothesis.rank, hypothesis.tied);
    const facts = `weighted inconsistency ${scoreText(hypothesis.inconsistency)}${standing ? ` · ${standing}` : ''}`;
    const pieces = [
      exportPiece(`H${index + 1}  `, SIZE, { bold: true }),
      ...surface.plainPieces(hypothesis.label, SIZE, { family: 'serif' }),
      exportPiece(`  — ${facts}`, SIZE * 0.92, { color: MUTED }),
    ];
    const lines = surface.layout(pieces, surface.fullWidth - 10, undefined, 'auto');
    surface.flowLines(lines, MARGIN_LEFT + 4, SIZE, section, undefined);
  });
  surface.y += 4;
}

/**
 * One table of the matrix for some of its hypotheses; `keepWith` is the height of what must
 * follow it on the same page (the footnote under the last table), 0 when nothing must.
 */
function table(
  surface: PageSurface,
  matrix: AchMatrix,
  columns: readonly number[],
  section: number,
  keepWith: number,
): void {
  const fixed = FIXED.reduce((sum, width) => sum + width, 0);
  const hypothesisWidth = Math.min(HYPOTHESIS_MOST, (surface.fullWidth - fixed - EVIDENCE_LEAST) / columns.length);
  const named = hypothesisWidth >= 50;
  const cells = tableCells(matrix, columns, named);
  const hypothesisWidths = wholeWordWidths(
    surface,
    cells.header.slice(FIXED.length + 1),
    hypothesisWidth,
    surface.fullWidth - fixed - hypothesisWidth * columns.length - EVIDENCE_LEAST,
  );
  const spent = hypothesisWidths.reduce((sum, width) => sum + width, 0);
  const widths = [surface.fullWidth - fixed - spent, ...FIXED, ...hypothesisWidths];
  const { header, body, footer } = cells;
  drawTable(surface, matrix.question, { header, rows: [...body, ...footer], closing: body.length - 1 }, widths, {
    section,
    keepWith,
  });
}

/**
 * Hypothesis columns each at least as wide as its header's longest word, so a label is never
 * cut inside a word ("breakwat/er"): the room comes from columns whose words are shorter, then
 * from the evidence column down to its least; what is left is shared out evenly.
 */
function wholeWordWidths(surface: PageSurface, headers: readonly Cell[], base: number, spare: number): number[] {
  const needs = headers.map((cell) => {
    const words = cell.text.split(/\s+/).map((word) => surface.measurer.width('sansBold', SIZE, word));
    return Math.max(HYPOTHESIS_LEAST, Math.ceil(Math.max(0, ...words) + PADDING * 2 + 1));
  });
  const needed = needs.reduce((sum, width) => sum + width, 0);
  const even = base * headers.length;
  if (needed > even + Math.max(0, spare)) return headers.map(() => base);
  const total = Math.max(even, needed);
  return needs.map((need) => need + (total - needed) / headers.length);
}

/** The header, a row per piece of evidence, and the weighted inconsistency and rank rows. */
function tableCells(
  matrix: AchMatrix,
  columns: readonly number[],
  named: boolean,
): { header: Cell[]; body: Cell[][]; footer: Cell[][] } {
  const header: Cell[] = [
    { text: 'Evidence (most diagnostic first)' },
    { text: 'Relevance' },
    { text: 'Cred.' },
    { text: 'Diag.' },
    ...columns.map((column) => ({
      text: named ? `H${column + 1} ${clip(matrix.hypotheses[column]!.label, 40)}` : `H${column + 1}`,
    })),
  ].map((cell) => ({ ...cell, bold: true, fill: HEADER_FILL }));
  const body: Cell[][] = matrix.rows.map((row) => [
    { text: `${row.kind === 'claim' ? 'Claim: ' : ''}${clip(row.label, 160)}` },
    { text: row.relevance },
    { text: row.credibility || '–' },
    { text: `${scoreText(row.diagnosticity)}${row.sensitive ? ' *' : ''}` },
    ...columns.map((column) => {
      const rating = row.ratings[column] ?? '';
      return { text: rating === 'NA' ? 'N/A' : rating || '·', fill: RATING_FILL[rating] };
    }),
  ]);
  const blank = (text: string): Cell[] => [{ text, bold: true }, { text: '' }, { text: '' }, { text: '' }];
  const footer: Cell[][] = [
    [
      ...blank('Weighted inconsistency'),
      ...columns.map((column) => ({ text: scoreText(matrix.hypotheses[column]!.inconsistency), bold: true })),
    ],
    [
      ...blank('Rank'),
      ...columns.map((column) => {
        const { rank, tied } = matrix.hypotheses[column]!;
        return { text: rankText(rank, tied) || '–', bold: true };
      }),
    ],
  ];
  return { header, body, footer };
}

/**
 * Draws the header and the rows, continuing on a new page under the header again. From the
 * `closing` row (the last piece of evidence) to the end, the rows and what is kept with the
 * table go to the next page together when they do not all fit on this one.
 */
function drawTable(
  surface: PageSurface,
  question: string,
  cells: { header: Cell[]; rows: Cell[][]; closing: number },
  widths: readonly number[],
  place: { section: number; keepWith: number },
): void {
  const { section } = place;
  const headerLines = layoutRow(surface, cells.header, widths);
  const laid = cells.rows.map((row) => layoutRow(surface, row, widths));
  const closingHeight =
    laid.slice(cells.closing).reduce((sum, lines) => sum + rowHeight(lines), 0) + TABLE_GAP + place.keepWith;
  // A closing group taller than a continued page could hold is left to break where it must.
  const continuedTop = MARGIN_TOP + SIZE * LINE_FACTOR + rowHeight(headerLines);
  const keepsTogether = continuedTop + closingHeight <= surface.contentBottom;
  const needs = (index: number): number =>
    index === cells.closing && keepsTogether ? closingHeight : rowHeight(laid[index]!);
  surface.y += 2;
  // The header never ends a page alone: it starts where the first row (or the closing group) fits under it.
  surface.ensureRoom(rowHeight(headerLines) + needs(0), section);
  drawRow(surface, cells.header, headerLines, widths);
  laid.forEach((lines, index) => {
    if (surface.y + needs(index) > surface.contentBottom) {
      surface.newPage(section);
      note(surface, `${clip(question, 80)} (continued)`, section);
      drawRow(surface, cells.header, headerLines, widths);
    }
    drawRow(surface, cells.rows[index]!, lines, widths);
  });
  surface.y += TABLE_GAP;
}

function layoutRow(surface: PageSurface, row: readonly Cell[], widths: readonly number[]): Line[][] {
  return row.map((cell, column) =>
    surface.layout(
      surface.plainPieces(cell.text, SIZE, {
        family: column === 0 ? 'serif' : 'sans',
        bold: cell.bold ?? false,
        color: INK,
      }),
      widths[column]! - PADDING * 2,
      undefined,
      'auto',
    ),
  );
}

function rowHeight(lines: readonly Line[][]): number {
  return Math.max(1, ...lines.map((cell) => cell.length)) * SIZE * LINE_FACTOR + PADDING * 2;
}

/** One row at the current height, rules around it; the caller has made room for it. */
function drawRow(
  surface: PageSurface,
  row: readonly Cell[],
  lines: readonly Line[][],
  widths: readonly number[],
): void {
  const top = surface.y;
  const height = rowHeight(lines);
  let x = MARGIN_LEFT;
  row.forEach((cell, column) => {
    const width = widths[column]!;
    if (cell.fill) surface.content.fillRect(x, top, width, height, cell.fill);
    surface.drawLinesAt(lines[column]!, x + PADDING, top + PADDING, SIZE);
    x += width;
  });
  const total = widths.reduce((sum, width) => sum + width, 0);
  surface.content.fillRect(MARGIN_LEFT, top, total, RULE_WIDTH, RULE);
  surface.content.fillRect(MARGIN_LEFT, top + height, total, RULE_WIDTH, RULE);
  let edge = MARGIN_LEFT;
  for (const width of [0, ...widths]) {
    edge += width;
    surface.content.fillRect(edge, top, RULE_WIDTH, height + RULE_WIDTH, RULE);
  }
  surface.y = top + height;
}
