// A table in the exported PDF: a simple ruled grid across the text width (columns as wide as
// their content asks, within bounds),
// each cell's text set as real, highlightable text. A row taller than what is left of the
// page continues on the next one line by line (its rules close at the page foot and reopen
// at the top), so text never overlaps and nothing is repeated.
import type { PrintBlock, PrintCell } from '../../shared/print-model';
import type { DocumentRun } from './pdf-document-run';
import { BLOCK_STYLE, INK, LINE_FACTOR, MARGIN_LEFT, MARGIN_TOP, RULE, raisedStyle } from './pdf-style';
import type { PageSurface } from './pdf-surface';
import type { Line, StyledPiece } from './pdf-text';

const SIZE = 9;
const PADDING = 4;
const RULE_WIDTH = 0.6;
const HEADER_FILL: [number, number, number] = [0.94, 0.94, 0.955];

function cellPieces(cell: PrintCell): StyledPiece[] {
  return cell.runs.map((run) => ({
    text: run.text,
    start: run.start,
    family: run.code ? 'mono' : 'serif',
    bold: cell.header || run.bold,
    italic: run.italic,
    ...raisedStyle(run.raised, run.code ? SIZE * 0.9 : SIZE),
    color: INK,
    link: run.link,
  }));
}

/** The rules around one page's part of a row: a line above and below, and one at every column edge. */
function drawRules(surface: PageSurface, top: number, bottom: number, widths: readonly number[]): void {
  const total = widths.reduce((sum, width) => sum + width, 0);
  surface.content.fillRect(MARGIN_LEFT, top, total, RULE_WIDTH, RULE);
  surface.content.fillRect(MARGIN_LEFT, bottom, total, RULE_WIDTH, RULE);
  let x = MARGIN_LEFT;
  for (const width of [0, ...widths]) {
    x += width;
    surface.content.fillRect(x, top, RULE_WIDTH, bottom - top + RULE_WIDTH, RULE);
  }
}

/** Where each column starts, from the left margin. */
function lefts(widths: readonly number[]): number[] {
  let x = MARGIN_LEFT;
  return widths.map((width) => ((x += width), x - width));
}

/**
 * Column widths from how much each column holds: its longest cell's length, up to a long
 * line's and at least its longest word's, so a column of figures stays narrow and one of prose gets room.
 */
function columnWidths(rows: readonly PrintCell[][], columns: number, total: number): number[] {
  const measures = Array.from({ length: columns }, (_, column) => {
    const cells = rows.map((row) => row[column]).filter((cell) => cell !== undefined);
    const words = cells.flatMap((cell) => cell.runs.flatMap((run) => run.text.split(/\s+/).map((part) => part.length)));
    return {
      // About 0.55 em a character in the serif: the longest word fits unbroken where it can.
      least: Math.max(3, ...words) * SIZE * 0.55 + PADDING * 2,
      weight: Math.min(Math.max(0, ...cells.map((cell) => cell.end - cell.start)), 60) + 1,
    };
  });
  const least = measures.reduce((sum, measure) => sum + measure.least, 0);
  if (least >= total) return measures.map((measure) => (total * measure.least) / least);
  const weights = measures.reduce((sum, measure) => sum + measure.weight, 0);
  return measures.map((measure) => measure.least + ((total - least) * measure.weight) / weights);
}

function renderRow(
  surface: PageSurface,
  cells: readonly Line[][],
  header: boolean,
  widths: readonly number[],
  run: DocumentRun,
): void {
  const lineHeight = SIZE * LINE_FACTOR;
  const lines = Math.max(1, ...cells.map((cell) => cell.length));
  const x = lefts(widths);
  // A row that fits on a page starts on the page where it all fits; a taller one starts here.
  const height = lines * lineHeight + PADDING * 2;
  const page = surface.contentBottom - MARGIN_TOP;
  surface.ensureRoom(height <= page ? height : lineHeight * 2 + PADDING * 2, run.documentIndex);
  let segmentTop = surface.y;
  const total = widths.reduce((sum, width) => sum + width, 0);
  if (header) surface.content.fillRect(MARGIN_LEFT, segmentTop, total, Math.min(height, page), HEADER_FILL);
  surface.y += PADDING;
  for (let index = 0; index < lines; index++) {
    if (surface.y + lineHeight > surface.contentBottom && surface.y > MARGIN_TOP + PADDING) {
      drawRules(surface, segmentTop, surface.y + PADDING, widths);
      surface.newPage(run.documentIndex);
      segmentTop = surface.y;
      surface.y += PADDING;
    }
    const top = surface.y;
    cells.forEach((cell, column) => {
      const line = cell[index];
      if (!line) return;
      surface.y = top;
      surface.flowLines([line], x[column]! + PADDING, SIZE, run.documentIndex, run.placed);
    });
    surface.y = top + lineHeight;
  }
  surface.y += PADDING;
  drawRules(surface, segmentTop, surface.y, widths);
}

/** Sets a table block: every row laid out in its columns, then drawn row by row. */
export function renderTable(
  surface: PageSurface,
  block: PrintBlock,
  run: DocumentRun,
  boundaries: readonly number[],
): void {
  const rows = block.rows ?? [];
  const columns = Math.max(1, ...rows.map((row) => row.length));
  const widths = columnWidths(rows, columns, surface.textWidth);
  surface.y += 2;
  for (const row of rows) {
    const cells = row.map((cell, column) =>
      surface.layout(cellPieces(cell), widths[column]! - PADDING * 2, boundaries, 'auto'),
    );
    while (cells.length < columns) cells.push([]);
    renderRow(
      surface,
      cells,
      row.some((cell) => cell.header),
      widths,
      run,
    );
  }
  surface.y += BLOCK_STYLE.body.after + 2;
}
