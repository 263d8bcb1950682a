// The body of one document in the export: its first page and outline entry, its blocks
// (headings, paragraphs, lists, quotes, tables) set as real text cut at every annotation boundary,
// and the cover block under the title (source, byline, export, counts by tag, document notes).
import type { DocumentDetail } from '../../shared/model';
import type { PrintBlock } from '../../shared/print-model';
import { printBlocksOf } from '../../shared/print-model';
import type { DocumentRun } from './pdf-document-run';
import { boundariesOf } from './pdf-document-run';
import { renderTable } from './pdf-table';
import { BLOCK_STYLE, COVER_FILL, INK, LINE_FACTOR, MARGIN_LEFT, MARGIN_TOP, MUTED, RULE } from './pdf-style';
import type { CoverRow } from './pdf-provenance';
import { authorRow, coverDate, digestGroups, openingText, provenanceRows } from './pdf-provenance';
import { exportPiece, hasNote, raisedStyle } from './pdf-style';

import type { PageSurface } from './pdf-surface';
import type { Line, Rgb, StyledPiece } from './pdf-text';
import { countOf } from '../../shared/plural';

/** Sets a document's text from a new page; `severalDocuments` gives it an outline entry of its own. */
export async function renderBody(surface: PageSurface, run: DocumentRun, severalDocuments: boolean): Promise<void> {
  const { documentIndex } = run;
  surface.newPage(documentIndex);
  run.firstPage = surface.page;
  if (severalDocuments) {
    surface.outlineStack = [{ level: 0, item: surface.doc.outline.addItem(run.source.detail.title) }];
  } else {
    surface.outlineStack = [];
  }
  const boundaries = boundariesOf(run);
  const blocks = printBlocksOf(run.source.detail.lexicalJson);
  const bylineIndex = bylineIndexOf(blocks, run.source.detail);
  for (const [index, block] of blocks.entries()) {
    renderBlock(surface, block, index === 0, run, boundaries);
    if (index === Math.max(0, bylineIndex)) renderCoverBlock(surface, run, blocks);
    await surface.reportProgress();
  }
  if (blocks.length === 0) renderCoverBlock(surface, run, blocks);
}

/**
 * The document's first lines under its title (a byline, a message's five header lines and what
 * follows), which the cover does not repeat: the PDF showed an author and a sender twice.
 */
function openingOf(blocks: readonly PrintBlock[]): string {
  const lines = blocks.slice(1, 6).map((block) => block.runs.map((textRun) => textRun.text).join(''));
  return openingText(lines);
}

/** The byline paragraph the importer put under the title, if there is one. */
function bylineIndexOf(blocks: readonly PrintBlock[], detail: DocumentDetail): number {
  const candidate = blocks[1];
  if (!candidate || candidate.kind !== 'paragraph' || detail.byline.trim() === '') return 0;
  const text = candidate.runs.map((run) => run.text).join('');
  return text.trim() === detail.byline.trim() ? 1 : 0;
}

function blockSize(block: PrintBlock, first: boolean): { size: number; after: number } {
  if (block.kind === 'heading') {
    if (first) return BLOCK_STYLE.title;
    return block.level === 1
      ? BLOCK_STYLE.h1
      : block.level === 2
        ? BLOCK_STYLE.h2
        : block.level === 3
          ? BLOCK_STYLE.h3
          : BLOCK_STYLE.h4;
  }
  return block.kind === 'listItem' ? BLOCK_STYLE.list : BLOCK_STYLE.body;
}

function renderBlock(
  surface: PageSurface,
  block: PrintBlock,
  first: boolean,
  run: DocumentRun,
  boundaries: readonly number[],
): void {
  if (block.kind === 'table') {
    renderTable(surface, block, run, boundaries);
    return;
  }
  const { documentIndex } = run;
  const { size, after } = blockSize(block, first);
  const heading = block.kind === 'heading';
  const indent = block.kind === 'quote' ? 14 : block.kind === 'listItem' ? 16 * (block.depth + 1) : 0;
  const pieces: StyledPiece[] = block.runs.map((textRun) => ({
    text: textRun.text,
    start: textRun.start,
    family: textRun.code ? 'mono' : 'serif',
    bold: heading || textRun.bold,
    italic: block.kind === 'quote' ? !textRun.italic : textRun.italic,
    ...raisedStyle(textRun.raised, textRun.code ? size * 0.9 : size),
    color: INK,
    link: textRun.link,
  }));
  const lines = surface.layout(pieces, surface.textWidth - indent, boundaries, 'auto');
  if (lines.length === 0) return;
  const lineHeight = size * LINE_FACTOR;
  if (heading && !first) {
    surface.y += size * 0.5;
    // Keep a heading with the first line that follows it.
    surface.ensureRoom(lineHeight * lines.length + BLOCK_STYLE.body.size * LINE_FACTOR * 2, documentIndex);
  }
  const startPage = surface.page;
  const startY = surface.y;
  surface.flowLines(lines, MARGIN_LEFT + indent, size, documentIndex, run.placed, (_top, baseline) => {
    if (heading) addOutlineItem(surface, block);
    if (block.kind === 'listItem') {
      surface.drawText('serif', size, MUTED, MARGIN_LEFT + indent - 14, baseline, block.marker);
    }
  });
  if (block.kind === 'quote') {
    const top = surface.page === startPage ? startY : MARGIN_TOP;
    surface.content.fillRect(MARGIN_LEFT + 3, top + 2, 2, surface.y - top - 4, RULE);
  }
  surface.y += after;
}

const COVER_INK: Rgb = [0.2, 0.2, 0.24];

function addOutlineItem(surface: PageSurface, block: PrintBlock): void {
  const title = block.runs
    .map((run) => run.text)
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
  if (title === '') return;
  const level = block.level;
  const stack = surface.outlineStack;
  while (stack.length > 0 && stack[stack.length - 1]!.level >= level) stack.pop();
  const parent = stack[stack.length - 1]?.item ?? surface.doc.outline;
  const item = parent.addItem(title.slice(0, 200));
  stack.push({ level, item });
}

/** The rows naming the original and its author: each fact once, under one label. */
function originRows(run: DocumentRun, opening: string): CoverRow[] {
  const { detail, provenance } = run.source;
  const rows: CoverRow[] = [];
  // The Original row names the file; "Source" is its name only where provenance was never kept.
  if (!provenance) rows.push(`Source: ${detail.sourceName}${detail.siteName ? ` · ${detail.siteName}` : ''}`);
  else if (detail.siteName) rows.push(`Site: ${detail.siteName}`);
  const author = authorRow(detail.byline, provenance, opening);
  if (author) rows.push(author);
  // A PDF's creation date (or a message's Date) was taken as its date at import: that is the
  // file's own metadata, said below as when it was created, not a publication date.
  const published = detail.publishedAt.trim();
  if (published !== '' && published !== provenance?.createdAt) rows.push(`Published: ${coverDate(published)}`);
  const about = provenanceRows(provenance, opening);
  return provenance ? [about[0]!, ...rows, ...about.slice(1)] : rows;
}

/** The rows of the cover block: where the document came from, who exported it, what it holds. */
function coverRows(surface: PageSurface, run: DocumentRun, opening: string): CoverRow[] {
  const rows = originRows(run, opening);
  rows.push(`Exported by ${surface.context.exporterName} on ${coverDate(surface.context.exportedAt)}`);
  const withNotes = surface.options.includeNotes;
  const highlights = run.highlights.length;
  // An export without notes says so, rather than count notes it does not print (trial).
  const notes = withNotes ? countOf(run.included.filter(hasNote).length, 'note') : 'notes not included';
  rows.push(
    `Annotations: ${countOf(highlights, 'highlight')} · ${notes}` +
      (run.orphans.length > 0 ? ` · ${run.orphans.length} orphaned` : ''),
  );
  const byTag = new Map<string, number>();
  for (const annotation of run.included) for (const tag of annotation.tags) byTag.set(tag, (byTag.get(tag) ?? 0) + 1);
  const tagSummary = [...byTag.entries()]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([tag, count]) => `${tag} (${count})`);
  rows.push(tagSummary.length > 0 ? `By tag: ${tagSummary.join(' · ')}` : 'By tag: no tags');
  if (withNotes)
    for (const note of run.documentNotes) rows.push(`Document note by ${note.author.name}: ${note.note.text.trim()}`);
  return rows;
}

/** A digest's lines: its groups spread evenly over as few lines as fit, under the label's indent. */
function digestLines(surface: PageSurface, row: Exclude<CoverRow, string>, size: number, width: number): Line[] {
  const style = { color: COVER_INK };
  const label = `${row.label}: `;
  const indent = surface.measurer.width('sans', size, label);
  const groups = digestGroups(row.digest);
  const mono = (text: string) => exportPiece(text, size * 0.92, { ...style, family: 'mono' });
  const greedy = surface.layout([mono(groups.join(' '))], width - indent).length;
  const perLine = Math.ceil(groups.length / Math.max(1, greedy));
  const lines: Line[] = [];
  for (let at = 0; at < groups.length; at += perLine) {
    const pieces = [mono(groups.slice(at, at + perLine).join(' '))];
    if (at === 0) pieces.unshift(exportPiece(label, size, style));
    const [line] = surface.layout(pieces, Number.MAX_SAFE_INTEGER);
    if (at > 0) for (const fragment of line!.fragments) fragment.x += indent;
    lines.push(line!);
  }
  return lines;
}

/**
 * A cover date as coverDate writes it ("December 2, 2026, 09:49 UTC") with the word that labels it
 * ("Imported", "Published:", "on"), if any: the two are kept on one line.
 */
const LABELLED_COVER_DATE =
  /(?:[^\s·]+ )?\b(?:January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}(?:, \d{2}:\d{2} UTC)?/g;

function coverLines(surface: PageSurface, row: CoverRow, size: number, width: number): Line[] {
  if (typeof row !== 'string') return digestLines(surface, row, size, width);
  // No-break spaces inside each date: one wrapped at a line's end read "Imported December 2, 2026, / 09:49 UTC";
  // and between it and its label: "… · Imported" at a line's end, the date on the next, read as two facts.
  const unbroken = row.replace(LABELLED_COVER_DATE, (date) => date.replace(/ /g, '\u00a0'));
  const lay = (text: string) => surface.layout(surface.plainPieces(text, size, { color: COVER_INK }), width);
  const whole = lay(unbroken);
  // A row of facts (“Created … · Imported …”) too long for one line puts each on a line of its own:
  // wrapped as one, a line ended in a dangling “·”.
  const facts = unbroken.split(' · ');
  return whole.length > 1 && facts.length > 1 ? facts.flatMap(lay) : whole;
}

function renderCoverBlock(surface: PageSurface, run: DocumentRun, blocks: readonly PrintBlock[]): void {
  const padding = 9;
  const size = 8.6;
  const width = surface.textWidth - padding * 2;
  const lines = coverRows(surface, run, openingOf(blocks)).flatMap((row) => coverLines(surface, row, size, width));
  const height = lines.length * size * LINE_FACTOR + padding * 2;
  surface.y += 2;
  surface.ensureRoom(Math.min(height, 200), run.documentIndex);
  if (surface.y + height <= surface.contentBottom) {
    surface.content.fillRoundedRect(MARGIN_LEFT, surface.y, surface.textWidth, height, 4, COVER_FILL);
  }
  surface.y += padding;
  surface.flowLines(lines, MARGIN_LEFT + padding, size, run.documentIndex, undefined);
  surface.y += padding + 12;
}
