// Writes page content operators for the PDF export directly: text as runs of a font's
// glyphs, filled rectangles and rules. pdfkit's text() measures, encodes and positions each
// call again and wraps it in option handling and a save/restore; an export of a long,
// heavily annotated document makes tens of thousands of such calls. Fonts, subsetting and
// embedding stay pdfkit's: this writer asks pdfkit's font for each word's glyphs once, and
// draws the parts of a word an annotation boundary cuts with glyphs cut from the whole word.
import type { FontKey } from './pdf-fonts';
import type { Rgb, WordPart } from './pdf-text';
import { wordEnd } from './pdf-text';

interface GlyphPosition {
  xAdvance: number;
  advanceWidth: number;
  xOffset: number;
  yOffset: number;
}

/**
 * The part of pdfkit's embedded font (pdfkit 0.20, pinned exactly in package.json) the
 * writer uses: `encode` adds the glyphs to the font's subset, widths and ToUnicode map.
 */
export interface PdfKitFont {
  readonly id: string;
  ref(): unknown;
  encode(text: string): [string[], GlyphPosition[]];
  layout(text: string, features: undefined, onlyWidth: true): { advanceWidth: number };
  layout(text: string): {
    glyphs: ReadonlyArray<{ readonly codePoints: readonly number[] }>;
    positions: GlyphPosition[];
  };
}

/** A word's glyphs (hex ids and positions) and where in the word each glyph's characters start. */
interface ShapedWord {
  glyphs: string[];
  positions: GlyphPosition[];
  /** Code unit offset of each glyph's first character, then the word's length. */
  starts: number[];
}

/** The part of pdfkit's document the writer uses: the current page's font resources and content. */
export interface PdfKitContentSink {
  readonly page: { readonly fonts: Record<string, unknown> };
  addContent(data: string | Uint8Array): unknown;
}

/** ".001" to ".999" without trailing zeros, by thousandths (the empty string for none). */
const THOUSANDTHS = Array.from({ length: 1000 }, (_, thousandths) =>
  thousandths === 0 ? '' : `.${String(thousandths).padStart(3, '0').replace(/0+$/, '')}`,
);

/**
 * PDF numbers with three decimals: a thousandth of a point is far below what shows. Put
 * together from whole thousandths, which is a third of the time of printing a fraction: an
 * annotated export prints some hundred thousand of them.
 */
export function num(value: number): string {
  const thousandths = Math.round(value * 1000);
  if (thousandths % 1000 === 0 || !Number.isFinite(thousandths)) return String(thousandths / 1000);
  const magnitude = Math.abs(thousandths);
  const whole = Math.floor(magnitude / 1000);
  return `${thousandths < 0 ? '-' : ''}${whole}${THOUSANDTHS[magnitude - whole * 1000]}`;
}

/** An RGB color's three operands. */
export function color(rgb: Rgb): string {
  return `${num(rgb[0])} ${num(rgb[1])} ${num(rgb[2])}`;
}

/** How far a rounded corner's control points sit from the corner (a circle's quarter as a Bézier). */
const KAPPA = 4 * ((Math.SQRT2 - 1) / 3);

export class ContentWriter {
  /** Per font, each word's TJ operands, or null when its glyphs need offsets (combining marks). */
  private readonly wordRuns = new Map<FontKey, Map<string, string | null>>();
  /** Per font, words cut by annotation boundaries, shaped whole; null where their glyphs cannot be cut (see `wordParts`). */
  private readonly shapedWords = new Map<FontKey, Map<string, ShapedWord | null>>();
  /** Per font, each measured string's advance in thousandths of the font size. */
  private readonly unitWidths = new Map<FontKey, Map<string, number>>();
  /** The font, size and fill the page's content last set; empty when unknown. */
  private fontId = '';
  private fontSize = -1;
  private fillColor = '';
  /** Operators for the current page not yet handed to pdfkit, which copies every string it is given byte by byte. */
  private pending: string[] = [];

  constructor(
    private readonly sink: PdfKitContentSink,
    private readonly fontFor: (fontKey: FontKey) => PdfKitFont,
  ) {}

  /** Hands what was drawn to the current page; call before pdfkit draws into it or leaves it. */
  flush(): void {
    if (this.pending.length === 0) return;
    this.pending.push('');
    this.sink.addContent(Buffer.from(this.pending.join('\n'), 'latin1'));
    this.pending = [];
  }

  /**
   * Forgets the text state the content set: after a switch of page (each page's content
   * ends in its own state) or after pdfkit drew into the page.
   */
  forgetState(): void {
    this.fontId = '';
    this.fontSize = -1;
    this.fillColor = '';
  }

  /** The width pdfkit's font gives `text` at `size`; one layout per string and font, whatever the size. */
  width(fontKey: FontKey, size: number, text: string): number {
    return this.unitWidth(fontKey, perFont(this.unitWidths, fontKey), text) * (size / 1000);
  }

  private unitWidth(fontKey: FontKey, widths: Map<string, number>, text: string): number {
    let width = widths.get(text);
    if (width === undefined) {
      // A line of several words is measured word by word, as pdfkit measures it and as text() draws it.
      const firstWordEnd = wordEnd(text);
      const word = firstWordEnd < text.length ? text.slice(0, firstWordEnd) : wordBeforeSpaces(text);
      width =
        word === text
          ? this.fontFor(fontKey).layout(text, undefined, true).advanceWidth
          : this.unitWidth(fontKey, widths, word) + this.unitWidth(fontKey, widths, text.slice(word.length));
      widths.set(text, width);
    }
    return width;
  }

  /**
   * The parts of one word, each cut from the shaping of the whole word: the glyphs and
   * kerning on either side of an annotation boundary stay the word's own, and the word is
   * shaped once. A part is null, and measured and drawn on its own, where a cut falls inside
   * a glyph (a ligature), and all are where glyphs are placed by offsets or may run right to
   * left.
   */
  wordParts(fontKey: FontKey, parts: readonly string[]): Array<WordPart | null> {
    const shapedWords = perFont(this.shapedWords, fontKey);
    const word = parts.join('');
    let shaped = shapedWords.get(word);
    if (shaped === undefined) {
      shaped = shapeWord(this.fontFor(fontKey), word);
      shapedWords.set(word, shaped);
    }
    let offset = 0;
    return parts.map((part) => {
      const from = offset;
      offset += part.length;
      return shaped ? cutFromWord(shaped, from, offset) : null;
    });
  }

  /**
   * Draws `text` starting at `x` on the baseline `baseline` (both from the page's top left).
   * Returns false, drawing nothing, for text whose glyphs are placed by offsets (combining
   * marks), which the caller draws another way. `firstRun` and `lastRun`, when given, are the
   * glyph runs of the first and last word's letters, cut from words an annotation boundary
   * cuts (see `wordParts`).
   */
  text(
    fontKey: FontKey,
    size: number,
    fill: Rgb,
    x: number,
    baseline: number,
    text: string,
    markedSpan: boolean,
    firstRun: string | null = null,
    lastRun: string | null = null,
  ): boolean {
    const font = this.fontFor(fontKey);
    const runs = perFont(this.wordRuns, fontKey);
    let operands = '';
    let wordStart = 0;
    // Words end after one space or tab, as pdfkit's font lays them out and caches them.
    for (let index = 0; index <= text.length; index++) {
      const code = index < text.length ? text.charCodeAt(index) : -1;
      if (code !== 32 && code !== 9 && !(code === -1 && wordStart < index)) continue;
      const word = text.slice(wordStart, code === -1 ? index : index + 1);
      const partRun = wordStart === 0 && firstRun !== null ? firstRun : code === -1 ? lastRun : null;
      wordStart = index + 1;
      const run = partRun === null ? this.glyphRun(font, runs, word) : this.withSpaces(font, runs, partRun, word);
      if (run === null) return false;
      operands += run;
    }
    const page = this.sink.page;
    let state = '';
    if (this.fontId !== font.id || this.fontSize !== size) {
      if (page.fonts[font.id] == null) page.fonts[font.id] = font.ref();
      state = `/${font.id} ${num(size)} Tf `;
      this.fontId = font.id;
      this.fontSize = size;
    }
    const fillColor = color(fill);
    if (this.fillColor !== fillColor) {
      state += `${fillColor} rg `;
      this.fillColor = fillColor;
    }
    // pdfkit's pages draw top-down: the text matrix flips the glyphs upright again.
    const content = `BT ${state}1 0 0 -1 ${num(x)} ${num(baseline)} Tm [${operands}] TJ ET`;
    this.pending.push(markedSpan ? `/Span BMC ${content} EMC` : content);
    return true;
  }

  private glyphRun(font: PdfKitFont, runs: Map<string, string | null>, word: string): string | null {
    let run = runs.get(word);
    if (run === undefined) {
      const letters = wordBeforeSpaces(word);
      run =
        letters === word
          ? glyphRunOf(font, word)
          : joinRuns(this.glyphRun(font, runs, letters), this.glyphRun(font, runs, word.slice(letters.length)));
      runs.set(word, run);
    }
    return run;
  }

  /** A part's run followed by the spaces that end its word, if any. */
  private withSpaces(font: PdfKitFont, runs: Map<string, string | null>, partRun: string, word: string): string | null {
    const letters = wordBeforeSpaces(word);
    return letters === word ? partRun : joinRuns(partRun, this.glyphRun(font, runs, word.slice(letters.length)));
  }

  fillRect(x: number, top: number, width: number, height: number, fill: Rgb): void {
    this.pending.push(`q ${color(fill)} rg ${num(x)} ${num(top)} ${num(width)} ${num(height)} re f Q`);
  }

  fillRoundedRect(x: number, top: number, width: number, height: number, radius: number, fill: Rgb): void {
    const r = Math.max(0, Math.min(radius, width / 2, height / 2));
    const c = r * (1 - KAPPA);
    const right = x + width;
    const bottom = top + height;
    const path = [
      `${num(x + r)} ${num(top)} m`,
      `${num(right - r)} ${num(top)} l`,
      `${num(right - c)} ${num(top)} ${num(right)} ${num(top + c)} ${num(right)} ${num(top + r)} c`,
      `${num(right)} ${num(bottom - r)} l`,
      `${num(right)} ${num(bottom - c)} ${num(right - c)} ${num(bottom)} ${num(right - r)} ${num(bottom)} c`,
      `${num(x + r)} ${num(bottom)} l`,
      `${num(x + c)} ${num(bottom)} ${num(x)} ${num(bottom - c)} ${num(x)} ${num(bottom - r)} c`,
      `${num(x)} ${num(top + r)} l`,
      `${num(x)} ${num(top + c)} ${num(x + c)} ${num(top)} ${num(x + r)} ${num(top)} c`,
    ];
    this.pending.push(`q ${color(fill)} rg ${path.join(' ')} h f Q`);
  }

  horizontalRule(x1: number, x2: number, y: number, lineWidth: number, stroke: Rgb): void {
    this.pending.push(`q ${color(stroke)} RG ${num(lineWidth)} w ${num(x1)} ${num(y)} m ${num(x2)} ${num(y)} l S Q`);
  }
}

/** The cache of one font in a per-font cache, made on first use. */
function perFont<T>(caches: Map<FontKey, Map<string, T>>, fontKey: FontKey): Map<string, T> {
  let cache = caches.get(fontKey);
  if (!cache) {
    cache = new Map();
    caches.set(fontKey, cache);
  }
  return cache;
}

/**
 * `text` without the spaces and tabs it ends in, so "said" and "said " cost one shaping;
 * the whole of it when it is only spaces, or when it may hold right-to-left letters (the
 * shaper puts their trailing space first). No bundled face kerns against a space or forms
 * a ligature across one (a unit test checks every face), so the parts get the glyphs and
 * widths the whole would.
 */
function wordBeforeSpaces(text: string): string {
  let end = text.length;
  while (end > 0 && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end -= 1;
  if (end === 0 || end === text.length || !isLeftToRight(text, end)) return text;
  return text.slice(0, end);
}

/** Whether `text` holds nothing that may run right to left: below Hebrew, or general punctuation. */
function isLeftToRight(text: string, end = text.length): boolean {
  for (let index = 0; index < end; index++) {
    const code = text.charCodeAt(index);
    if (code >= 0x0590 && !(code >= 0x2000 && code <= 0x20cf)) return false;
  }
  return true;
}

/** A word's glyphs with where each starts in the word; null where they cannot be cut by character (see `wordParts`). */
function shapeWord(font: PdfKitFont, word: string): ShapedWord | null {
  if (!isLeftToRight(word)) return null;
  const { glyphs, positions } = font.layout(word);
  const starts: number[] = [];
  let offset = 0;
  for (let index = 0; index < glyphs.length; index++) {
    const position = positions[index]!;
    if (position.xOffset || position.yOffset) return null;
    let length = 0;
    for (const codePoint of glyphs[index]!.codePoints) length += codePoint > 0xffff ? 2 : 1;
    if (length === 0) return null;
    starts.push(offset);
    offset += length;
  }
  if (offset !== word.length) return null;
  starts.push(offset);
  return { glyphs: font.encode(word)[0], positions, starts };
}

/** The glyphs of code units [from, to) of a shaped word, or null when a cut falls inside a glyph. */
function cutFromWord(word: ShapedWord, from: number, to: number): WordPart | null {
  const first = word.starts.indexOf(from);
  const end = word.starts.indexOf(to, first + 1);
  if (first < 0 || end < 0 || end === first) return null;
  return glyphSpanOf(word.glyphs, word.positions, first, end - 1);
}

/** Two runs of TJ operands as one, the glyph strings where they meet joined. */
function joinRuns(first: string | null, second: string | null): string | null {
  if (first === null || second === null) return null;
  if (first.endsWith('> ') && second.startsWith('<')) return `${first.slice(0, -2)}${second.slice(1)}`;
  return first + second;
}

/**
 * A word's TJ operands: its glyphs as hex, cut where the font moves the next glyph
 * (kerning), with the adjustment between. Null when a glyph is placed by an offset.
 */
function glyphRunOf(font: PdfKitFont, word: string): string | null {
  const [glyphs, positions] = font.encode(word);
  if (positions.some((position) => position.xOffset || position.yOffset)) return null;
  return glyphs.length === 0 ? '' : glyphSpanOf(glyphs, positions, 0, glyphs.length - 1).run;
}

/** TJ operands and advance (thousandths of the size) of glyphs first..last. */
function glyphSpanOf(
  glyphs: readonly string[],
  positions: readonly GlyphPosition[],
  first: number,
  last: number,
): WordPart {
  let operands = '';
  let hex = '';
  let width = 0;
  for (let index = first; index <= last; index++) {
    const position = positions[index]!;
    hex += glyphs[index];
    width += position.xAdvance;
    const adjustment = position.xAdvance - position.advanceWidth;
    if (adjustment !== 0) {
      operands += `<${hex}> ${num(-adjustment)} `;
      hex = '';
    }
  }
  if (hex !== '') operands += `<${hex}> `;
  return { run: operands, width };
}
