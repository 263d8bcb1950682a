// Line breaking for the PDF export. Text is cut into fragments that never straddle an
// annotation boundary, each with its measured position, so a highlight's quads cover
// exactly the glyphs of its quote and nothing else. Right-to-left runs (Arabic, Hebrew)
// are put in visual order per line by the Unicode Bidirectional Algorithm, and a
// right-to-left paragraph's lines are set flush right, as the reader shows them.
import type { Rgb } from '../../shared/palette';
import { RIGHT_TO_LEFT, RIGHT_TO_LEFT_LETTERS, embeddingLevelsOf, inVisualOrder, leveledPieces } from './pdf-bidi';
import type { FontFamily, FontKey, FontSet } from './pdf-fonts';
import { describeCharacter, fontKeyFor } from './pdf-fonts';

export type { Rgb } from '../../shared/palette';

export interface StyledPiece {
  text: string;
  /** Canonical offset of the first character, or -1 for text that is not the document's. */
  start: number;
  family: FontFamily;
  bold: boolean;
  italic: boolean;
  size: number;
  color: Rgb;
  link: string;
  /** How far below the line's baseline it is set (negative: above), for a subscript or superscript. */
  rise?: number;
}

/**
 * Part of a word an annotation boundary cuts, as the whole word's shaping sets it: the glyph
 * run the content writer draws for the part (opaque here) and its advance in thousandths of
 * the font size. Cut from the whole word, the glyphs and kerning on either side of the cut
 * are the ones the word has without it.
 */
export interface WordPart {
  run: string;
  width: number;
}

export interface Fragment {
  text: string;
  /** Canonical span drawn (start -1 when not document text). */
  start: number;
  end: number;
  fontKey: FontKey;
  size: number;
  color: Rgb;
  link: string;
  /** Offset from the line's left edge. */
  x: number;
  width: number;
  /** Width without trailing spaces, for the last fragment on a line. */
  inkWidth: number;
  /** When the first (or last) word is part of a word cut by an annotation boundary: its glyph run, cut from the whole word. */
  firstRun: string | null;
  lastRun: string | null;
  /** As StyledPiece's rise. */
  rise?: number;
}

export interface Line {
  /** In drawing order, left to right. */
  fragments: Fragment[];
  width: number;
  /** Whether right-to-left runs put the fragments out of text order. */
  reordered: boolean;
}

export interface Measurer {
  width(fontKey: FontKey, size: number, text: string): number;
  /** The parts of one word (joined, they are the word), each as the whole word sets it; null for a part that cannot be cut from it. */
  wordParts(fontKey: FontKey, parts: readonly string[]): ReadonlyArray<WordPart | null>;
}

interface Atom {
  id: number;
  text: string;
  start: number;
  /** Bidirectional embedding level: odd is right-to-left. */
  level: number;
  /** Offset of the first character in the text being broken into lines. */
  offset: number;
  fontKey: FontKey;
  size: number;
  color: Rgb;
  link: string;
  /** For a replacement glyph: how many code units of canonical text it stands for. */
  replacedLength?: number;
  rise?: number;
}

interface Token {
  atom: Atom;
  text: string;
  start: number;
  /** -1 until measured: a token that may be part of a word waits for the rest of it. */
  width: number;
  /** The glyph run of the token's letters when they are part of a word (see `WordPart`). */
  run: string | null;
}

const REPLACEMENT = '\uFFFD';

function isBreakingSpace(character: string): boolean {
  return character === ' ' || character === '\t';
}

/** Index of the first value in a sorted array that is at least `value`. */
function lowerBound(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Splits pieces where the font changes (fallback for uncovered characters) and at the
 * given canonical offsets (sorted); records characters no font covers in `missing`.
 */
function pushAtom(
  atoms: Atom[],
  piece: StyledPiece,
  level: number,
  pieceOffset: number,
  from: number,
  to: number,
  family: FontFamily,
  drawn?: string,
  replacedLength?: number,
): void {
  if (to <= from) return;
  const atom: Atom = {
    id: atoms.length,
    text: drawn ?? piece.text.slice(from, to),
    start: piece.start >= 0 ? piece.start + from : -1,
    level,
    offset: pieceOffset + from,
    fontKey: fontKeyFor(family, piece.bold, piece.italic),
    size: piece.size,
    color: piece.color,
    link: piece.link,
  };
  if (replacedLength !== undefined) atom.replacedLength = replacedLength;
  if (piece.rise) atom.rise = piece.rise;
  atoms.push(atom);
}

/** `levels`, when given, holds each piece's embedding level; without it every piece is left to right. */
function atomsOf(
  pieces: readonly StyledPiece[],
  levels: readonly number[] | undefined,
  boundaries: readonly number[],
  fonts: FontSet,
  missing: Set<string>,
): Atom[] {
  const atoms: Atom[] = [];
  let pieceOffset = 0;
  for (let pieceIndex = 0; pieceIndex < pieces.length; pieceIndex++) {
    const piece = pieces[pieceIndex]!;
    const level = levels?.[pieceIndex] ?? 0;
    const { text } = piece;
    const canonical = piece.start >= 0;
    let boundary = canonical ? lowerBound(boundaries, piece.start + 1) : boundaries.length;
    let runStart = 0;
    let runFamily: FontFamily = piece.family;
    let index = 0;
    while (index < text.length) {
      const codePoint = text.codePointAt(index)!;
      const length = codePoint > 0xffff ? 2 : 1;
      if (canonical && boundary < boundaries.length && boundaries[boundary] === piece.start + index) {
        pushAtom(atoms, piece, level, pieceOffset, runStart, index, runFamily);
        runStart = index;
        boundary += 1;
      }
      if (codePoint < 0x20) {
        // A line break is its own atom; other control characters are drawn as spaces.
        pushAtom(atoms, piece, level, pieceOffset, runStart, index, runFamily);
        pushAtom(atoms, piece, level, pieceOffset, index, index + length, runFamily, codePoint === 0x0a ? '\n' : ' ');
        runStart = index + length;
      } else {
        const family: FontFamily | undefined = fonts.covers(piece.family, codePoint)
          ? piece.family
          : fonts.covers('sans', codePoint)
            ? 'sans'
            : undefined;
        if (family === undefined) {
          missing.add(describeCharacter(String.fromCodePoint(codePoint)));
          pushAtom(atoms, piece, level, pieceOffset, runStart, index, runFamily);
          pushAtom(atoms, piece, level, pieceOffset, index, index + length, 'sans', REPLACEMENT, length);
          runStart = index + length;
        } else if (family !== runFamily) {
          pushAtom(atoms, piece, level, pieceOffset, runStart, index, runFamily);
          runStart = index;
          runFamily = family;
        }
      }
      index += length;
      if (canonical) while (boundary < boundaries.length && boundaries[boundary]! < piece.start + index) boundary += 1;
    }
    pushAtom(atoms, piece, level, pieceOffset, runStart, text.length, runFamily);
    pieceOffset += text.length;
  }
  return atoms;
}

/**
 * Where the word starting at `from` and the spaces or tabs after it end (a run of spaces
 * alone, where it starts with one). A line break never falls inside: atoms hold it alone.
 * A loop rather than a global regex: matchAll copies the regex for each atom and allocates
 * a match for each token, and this runs for every word exported (half the time, measured
 * on 30,000 atoms). The content writer measures several words one by one with it too.
 */
export function wordEnd(text: string, from = 0): number {
  let index = from;
  while (index < text.length && !isBreakingSpace(text[index]!)) index += 1;
  while (index < text.length && isBreakingSpace(text[index]!)) index += 1;
  return index;
}

/**
 * Breaks styled text into lines no wider than `maxWidth`. With `direction` 'auto' each
 * paragraph takes the direction of its first strong letter (a paragraph of Arabic is set
 * right to left and flush right); with 'ltr' right-to-left runs sit in left-to-right lines.
 */
export function breakIntoLines(
  pieces: readonly StyledPiece[],
  maxWidth: number,
  measurer: Measurer,
  fonts: FontSet,
  missing: Set<string>,
  boundaries: readonly number[] = [],
  direction: 'auto' | 'ltr' = 'ltr',
): Line[] {
  const levels = pieces.some((piece) => RIGHT_TO_LEFT.test(piece.text))
    ? embeddingLevelsOf(pieces.map((piece) => piece.text).join(''), direction)
    : undefined;
  const leveled = levels ? leveledPieces(pieces, levels) : undefined;
  const atoms = atomsOf(leveled?.pieces ?? pieces, leveled?.levels, boundaries, fonts, missing);
  const units: Token[][] = [];
  let unit: Token[] = [];
  for (const atom of atoms) {
    for (let from = 0, to = 0; from < atom.text.length; from = to) {
      to = wordEnd(atom.text, from);
      const text = atom.text.slice(from, to);
      const start = atom.start < 0 ? -1 : atom.start + from;
      if (text === '\n') {
        if (unit.length > 0) units.push(measuredUnit(unit, measurer));
        units.push([{ atom, text, start, width: 0, run: null }]);
        unit = [];
        continue;
      }
      const endsWord = isBreakingSpace(text[text.length - 1] ?? '');
      // Most words are one token, measured at once; a word an annotation boundary cuts is measured when all its parts are known.
      const width = endsWord && unit.length === 0 ? measurer.width(atom.fontKey, atom.size, text) : -1;
      unit.push({ atom, text, start, width, run: null });
      if (endsWord) {
        units.push(measuredUnit(unit, measurer));
        unit = [];
      }
    }
  }
  if (unit.length > 0) units.push(measuredUnit(unit, measurer));

  const lines: Token[][] = [];
  let line: Token[] = [];
  let lineWidth = 0;
  for (const tokens of units) {
    if (tokens[0]?.text === '\n') {
      line.push(tokens[0]);
      lines.push(line);
      line = [];
      lineWidth = 0;
      continue;
    }
    const width = tokens.reduce((sum, token) => sum + token.width, 0);
    const trailing = trailingSpaceWidth(tokens[tokens.length - 1]!, measurer);
    if (line.length > 0 && lineWidth + width - trailing > maxWidth) {
      lines.push(line);
      line = [];
      lineWidth = 0;
    }
    if (width - trailing > maxWidth) {
      for (const piece of splitWideUnit(tokens, maxWidth - lineWidth, maxWidth, measurer)) {
        if (piece.newLine && line.length > 0) {
          lines.push(line);
          line = [];
          lineWidth = 0;
        }
        line.push(...piece.tokens);
        lineWidth += piece.tokens.reduce((sum, token) => sum + token.width, 0);
      }
      continue;
    }
    line.push(...tokens);
    lineWidth += width;
  }
  if (line.length > 0) lines.push(line);
  return lines.map((tokens) => {
    const visual = levels ? inVisualOrder(tokens) : tokens;
    const laidOut = toLine(visual, measurer);
    laidOut.reordered = visual !== tokens;
    // A right-to-left paragraph's lines end at the right margin.
    const paragraphLevel = levels?.paragraphs.find((paragraph) => tokens[0]!.atom.offset <= paragraph.end)?.level ?? 0;
    if (paragraphLevel % 2 === 1) {
      const shift = maxWidth - laidOut.width;
      for (const fragment of laidOut.fragments) fragment.x += shift;
    }
    return laidOut;
  });
}

/**
 * Measures what is left to measure of a unit (a word and the spaces after it). A unit of
 * several tokens is a word cut by annotation boundaries (or by a change of style): its parts
 * in one face and size, left to right, are measured and later drawn as cut from the whole
 * word, which also shapes the word once instead of once per part.
 */
function measuredUnit(unit: Token[], measurer: Measurer): Token[] {
  let from = 0;
  while (unit.length > 1 && from < unit.length) {
    let to = from + 1;
    while (to < unit.length && sameWord(unit[to - 1]!.atom, unit[to]!.atom)) to += 1;
    // Spaces after the word are not part of it.
    while (to - from > 1 && unit[to - 1]!.text.trim() === '') to -= 1;
    if (to - from > 1) measureParts(unit.slice(from, to), measurer);
    from = to;
  }
  for (const token of unit)
    if (token.width < 0) token.width = measurer.width(token.atom.fontKey, token.atom.size, token.text);
  return unit;
}

function measureParts(tokens: readonly Token[], measurer: Measurer): void {
  const { fontKey, size } = tokens[0]!.atom;
  const last = tokens[tokens.length - 1]!;
  const lastLetters = last.text.replace(TRAILING_SPACES, '');
  const parts = tokens.map((token) => (token === last ? lastLetters : token.text));
  measurer.wordParts(fontKey, parts).forEach((part, index) => {
    if (!part) return;
    const token = tokens[index]!;
    const spaces = token === last ? last.text.slice(lastLetters.length) : '';
    token.run = part.run;
    token.width = part.width * (size / 1000) + (spaces === '' ? 0 : measurer.width(fontKey, size, spaces));
  });
}

const TRAILING_SPACES = /[ \t]+$/;

function sameWord(left: Atom, right: Atom): boolean {
  return left.fontKey === right.fontKey && left.size === right.size && left.level % 2 === 0 && right.level % 2 === 0;
}

/** Cuts a word too wide for any line (a long URL, say) at character boundaries. */
function splitWideUnit(
  tokens: Token[],
  firstRoom: number,
  maxWidth: number,
  measurer: Measurer,
): Array<{ tokens: Token[]; newLine: boolean }> {
  const out: Array<{ tokens: Token[]; newLine: boolean }> = [];
  let current: Token[] = [];
  let room = firstRoom;
  let used = 0;
  let newLine = false;
  for (const token of tokens) {
    let text = '';
    let start = token.start;
    let index = 0;
    for (const character of token.text) {
      const width = measurer.width(token.atom.fontKey, token.atom.size, character);
      if (used + width > room && (used > 0 || text !== '')) {
        if (text !== '') current.push(makeToken(token, text, start, measurer));
        out.push({ tokens: current, newLine });
        current = [];
        newLine = true;
        room = maxWidth;
        used = 0;
        text = '';
        start = token.start < 0 ? -1 : token.start + index;
      }
      text += character;
      used += width;
      index += character.length;
    }
    if (text !== '') current.push(makeToken(token, text, start, measurer));
  }
  if (current.length > 0) out.push({ tokens: current, newLine });
  return out;
}

function makeToken(from: Token, text: string, start: number, measurer: Measurer): Token {
  return { atom: from.atom, text, start, width: measurer.width(from.atom.fontKey, from.atom.size, text), run: null };
}

function trailingSpaceWidth(token: { text: string; atom: Atom }, measurer: Measurer): number {
  let spaces = 0;
  for (let index = token.text.length - 1; index >= 0 && isBreakingSpace(token.text[index]!); index--) spaces += 1;
  return spaces === 0 ? 0 : spaces * measurer.width(token.atom.fontKey, token.atom.size, ' ');
}

/**
 * Joins a line's tokens into fragments, one per atom. Positions are the sums of the
 * tokens' measured widths: a break opportunity follows a space, and no font kerns
 * against a space, so drawing the joined text lands on the same positions.
 */
function toLine(tokens: Token[], measurer: Measurer): Line {
  const fragments: Fragment[] = [];
  let x = 0;
  let index = 0;
  while (index < tokens.length) {
    const first = tokens[index]!;
    let text = first.text;
    let width = first.width;
    let last = first;
    // A right-to-left run's words stay apart: each is shaped on its own, in visual order.
    const joins = first.atom.level % 2 === 0;
    for (index += 1; joins && index < tokens.length && tokens[index]!.atom.id === first.atom.id; index += 1) {
      last = tokens[index]!;
      text += last.text;
      width += last.width;
    }
    if (!joins && !RIGHT_TO_LEFT_LETTERS.test(text)) {
      // The font shaper turns a run around only when it holds right-to-left letters; a
      // right-to-left run of spaces and punctuation is turned around here.
      text = [...text].reverse().join('');
      width = measurer.width(first.atom.fontKey, first.atom.size, text);
    }
    // Only the last fragment's trailing spaces are invisible; inside a line they are ink.
    const isLast = index === tokens.length && joins;
    fragments.push({
      text,
      start: first.start,
      end: first.start < 0 ? -1 : first.start + canonicalLength(first.atom, text),
      fontKey: first.atom.fontKey,
      size: first.atom.size,
      color: first.atom.color,
      link: first.atom.link,
      x,
      width,
      inkWidth: isLast && last.text !== '\n' ? width - trailingSpaceWidth(last, measurer) : width,
      firstRun: joins ? first.run : null,
      lastRun: joins ? last.run : null,
      ...(first.atom.rise ? { rise: first.atom.rise } : {}),
    });
    x += width;
  }
  return { fragments, width: x, reordered: false };
}

/** A replacement glyph stands for one uncovered character, which may be two code units. */
function canonicalLength(atom: Atom, text: string): number {
  return atom.replacedLength ?? text.length;
}
