// Groups a region's lines into paragraphs, headings and list items, from line spacing,
// first-line indents, font size, font weight and list marks; joins words broken across lines.
import type { PageTurn } from '../../../shared/document-blocks';
import { lineEndJoin } from '../line-join';
import type { PdfLine } from './pdf-lines';

/** What the whole document's text says about its body text. */
export interface TextStyle {
  bodySize: number;
  /** Fonts that look like bold versions of the body font. */
  boldFonts: ReadonlySet<string>;
}

export interface LineGroup {
  kind: 'paragraph' | 'heading' | 'item' | 'table';
  text: string;
  size: number;
  /** For headings: bold text at body size ranks below every larger heading. */
  bold: boolean;
  /** For list items. */
  ordered?: boolean;
  number?: number;
  /** For list items: the first item of a list of its own, though a list stands just before it. */
  newList?: boolean;
  /** For tables: the cells' text, row by row, and whether the first row is a header row. */
  table?: { rows: string[][]; header: boolean };
  /** For a paragraph joined across a page break: where each later page's text begins in it. */
  pageTurns?: PageTurn[];
}

const BULLET = /^([•◦▪▫‣∙●○■□–—*-])\s+/;
const NUMBERED = /^(\d{1,3})[.)]\s+/;
const LETTERED = /^\(?([a-z])[.)]\s+/;

function listMark(text: string): { ordered: boolean; number: number; rest: string } | undefined {
  const bullet = BULLET.exec(text);
  if (bullet) return { ordered: false, number: 1, rest: text.slice(bullet[0].length) };
  const numbered = NUMBERED.exec(text);
  if (numbered) return { ordered: true, number: Number(numbered[1]), rest: text.slice(numbered[0].length) };
  const lettered = LETTERED.exec(text);
  if (lettered) return { ordered: true, number: lettered[1]!.charCodeAt(0) - 96, rest: text.slice(lettered[0].length) };
  return undefined;
}

/**
 * Pieces of one baseline that were split by wide spaces belong together again inside a region;
 * `members` gets each joined line's pieces.
 */
function mergeBaselines(region: readonly PdfLine[], members: Map<PdfLine, PdfLine[]>): PdfLine[] {
  const merged: PdfLine[] = [];
  for (const line of region) {
    const last = merged[merged.length - 1];
    if (last && Math.abs(last.y - line.y) < 0.5 * Math.max(last.size, line.size) && line.x0 >= last.x1) {
      const joined = { ...last, text: `${last.text} ${line.text}`, x1: line.x1, size: Math.max(last.size, line.size) };
      members.set(joined, [...(members.get(last) ?? []), line]);
      members.delete(last);
      merged[merged.length - 1] = joined;
    } else {
      const copy = { ...line };
      members.set(copy, [line]);
      merged.push(copy);
    }
  }
  return merged;
}

/**
 * Lines joined as lineEndJoin says (a word broken at a line's end joined, a hyphen that is part
 * of the word kept with no space after it), a soft hyphen at a line's end dropped; other lines
 * join with a space.
 */
export function joinLines(texts: readonly string[]): string {
  let joined = '';
  for (const text of texts) {
    const join = lineEndJoin(joined, text);
    if (joined === '') joined = text;
    else if (join === 'joined') joined = joined.slice(0, -1) + text;
    else if (join === 'hyphen kept') joined += text;
    else if (joined.endsWith('\u00ad')) joined = joined.slice(0, -1) + text;
    else joined = `${joined} ${text}`;
  }
  return joined
    .replace(/\u00ad/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

interface RegionShape {
  left: number;
  right: number;
  spacing: number | undefined;
}

function shapeOf(lines: readonly PdfLine[]): RegionShape {
  const gaps: number[] = [];
  for (let index = 1; index < lines.length; index++) {
    const gap = lines[index - 1]!.y - lines[index]!.y;
    if (gap > 0 && Math.abs(lines[index - 1]!.size - lines[index]!.size) < 0.5) gaps.push(gap);
  }
  return {
    left: Math.min(...lines.map((line) => line.x0)),
    right: Math.max(...lines.map((line) => line.x1)),
    spacing: median(gaps),
  };
}

function startsNewGroup(group: readonly PdfLine[], line: PdfLine, shape: RegionShape, style: TextStyle): boolean {
  const first = group[0]!;
  const prev = group[group.length - 1]!;
  if (Math.abs(line.size - prev.size) > 0.12 * Math.max(line.size, prev.size)) return true;
  if (style.boldFonts.has(line.font) !== style.boldFonts.has(prev.font)) return true;
  const gap = prev.y - line.y;
  // A heading's lines stand at its own size's spacing, wider than the text's: a heading wrapped
  // onto a second line was read as two headings (trial).
  const heading = line.size >= style.bodySize * 1.15;
  const expected = heading ? Math.max(shape.spacing ?? 0, 1.3 * line.size) : (shape.spacing ?? 1.25 * line.size);
  if (gap > expected * 1.3 + 0.5 || gap < 0) return true;
  if (listMark(line.text)) return true;
  const em = line.size;
  const mark = listMark(first.text);
  if (mark) {
    // An item's further lines hang under its text, after the mark; a numbered heading's ("2. Methods
    // and …") may also run on under its number.
    const textStart = first.x0 + ((first.x1 - first.x0) * (first.text.length - mark.rest.length)) / first.text.length;
    if (!heading && Math.abs(line.x0 - textStart) > 0.3 * em) return true;
  } else if (line.x0 > shape.left + 0.8 * em && prev.x0 <= shape.left + 0.5 * em) return true;
  const width = shape.right - shape.left;
  // Short against the region and against the lines around it: beside a box the text's measure is narrower.
  const around = Math.max(line.x1, group[group.length - 2]?.x1 ?? line.x1);
  const short = shape.right - prev.x1 > 0.25 * width && around - prev.x1 > 0.1 * width;
  return short && /[.!?:]["”’)]?$/.test(prev.text);
}

function describe(lines: readonly PdfLine[], style: TextStyle): LineGroup {
  const size = lines[0]!.size;
  const bold = lines.every((line) => style.boldFonts.has(line.font));
  const text = joinLines(lines.map((line) => line.text));
  // Dot leaders ("Introduction . . . . 1") mark a table of contents entry, which is no heading.
  const short = lines.length <= 3 && text.length <= 200 && !/(\.\s?){4}/.test(text);
  const larger = size >= style.bodySize * 1.15;
  const boldLabel = bold && size >= style.bodySize * 0.95 && lines.length <= 2 && !/[.,;:]$/.test(text);
  // "1. Introduction" in a larger or bold face is a numbered heading, not a list.
  if (short && (larger || boldLabel)) return { kind: 'heading', text, size, bold };
  const mark = listMark(lines[0]!.text);
  if (!mark) return { kind: 'paragraph', text, size, bold };
  const itemText = joinLines([mark.rest, ...lines.slice(1).map((line) => line.text)]);
  return { kind: 'item', text: itemText, size, bold, ordered: mark.ordered, number: mark.number };
}

/**
 * A region's lines (top to bottom) as paragraphs, headings and list items; `asides` (a table set
 * beside the text) follow the group holding the line they are keyed by.
 */
export function groupRegion(
  region: readonly PdfLine[],
  style: TextStyle,
  asides: ReadonlyMap<PdfLine, LineGroup[]> = new Map(),
): LineGroup[] {
  const members = new Map<PdfLine, PdfLine[]>();
  const lines = mergeBaselines(region, members);
  if (lines.length === 0) return [];
  const shape = shapeOf(lines);
  const groups: PdfLine[][] = [];
  for (const line of lines) {
    const current = groups[groups.length - 1];
    if (!current || startsNewGroup(current, line, shape, style)) groups.push([line]);
    else current.push(line);
  }
  return groups.flatMap((group) => [
    describe(group, style),
    ...group.flatMap((line) => members.get(line) ?? []).flatMap((line) => asides.get(line) ?? []),
  ]);
}
