// The export's direct content writer must set text exactly as pdfkit would: the same glyphs,
// the same kerning, the same widths, or highlight quads (measured) would drift from the ink.
import { join } from 'node:path';
import fc from 'fast-check';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import type { PdfKitContentSink, PdfKitFont } from '../../src/core/export/pdf-content';
import { ContentWriter, num } from '../../src/core/export/pdf-content';
import { FONT_FILES, loadFonts } from '../../src/core/export/pdf-fonts';
import type { FontKey } from '../../src/core/export/pdf-fonts';
import { breakIntoLines } from '../../src/core/export/pdf-text';
import type { Measurer, StyledPiece } from '../../src/core/export/pdf-text';
import { selectFont } from '../../src/core/export/pdfkit-internals';

const FONTS_DIR = join(import.meta.dirname, '..', '..', 'resources', 'fonts');

function setUp() {
  const fonts = loadFonts(FONTS_DIR);
  const doc = new PDFDocument({ autoFirstPage: false });
  for (const key of Object.keys(FONT_FILES) as FontKey[]) doc.registerFont(key, fonts.buffers[key]);
  const pdfKitFonts = new Map<FontKey, PdfKitFont>();
  const fontFor = (key: FontKey): PdfKitFont => {
    let font = pdfKitFonts.get(key);
    if (!font) {
      font = selectFont(doc, key);
      pdfKitFonts.set(key, font);
    }
    return font;
  };
  const written: string[] = [];
  const sink: PdfKitContentSink = {
    page: { fonts: {} },
    addContent: (data: string | Uint8Array) =>
      written.push(
        ...Buffer.from(data)
          .toString('latin1')
          .split('\n')
          .filter((line) => line !== ''),
      ),
  };
  return { writer: new ContentWriter(sink, fontFor), fontFor, sink, written };
}

/** Glyph ids and the advance (thousandths of the size) a TJ array sets, read back from the operator. */
function readTj(content: string, font: PdfKitFont): { glyphs: string[]; advance: number } {
  const array = /\[(.*)\] TJ/.exec(content)![1]!;
  const widths = (font as unknown as { widths: number[] }).widths;
  const glyphs: string[] = [];
  let advance = 0;
  for (const token of array.matchAll(/<([0-9a-f]*)>|(-?\d+(?:\.\d+)?)/g)) {
    if (token[1] !== undefined) {
      for (let index = 0; index < token[1].length; index += 4) {
        const glyph = token[1].slice(index, index + 4);
        glyphs.push(glyph);
        advance += widths[Number.parseInt(glyph, 16)]!;
      }
    } else {
      advance -= Number(token[2]);
    }
  }
  return { glyphs, advance };
}

const CHARACTERS = [...'AVAWTaToYoLTffiflkyv.,;:-—–“”‘’éèçñüøßÆœ0123456789 '];

describe('the PDF content writer', () => {
  it('sets any Latin text with the glyphs, kerning and width pdfkit gives it, in every text face', () => {
    const { writer, fontFor, written } = setUp();
    const text = fc
      .array(fc.constantFrom(...CHARACTERS), { minLength: 1, maxLength: 40 })
      .map((characters) => characters.join(''));
    const fontKey = fc.constantFrom<FontKey>('serif', 'serifBold', 'serifItalic', 'sans', 'sansBold', 'mono');
    fc.assert(
      fc.property(text, fontKey, (sample, key) => {
        written.length = 0;
        expect(writer.text(key, 10, [0, 0, 0], 0, 20, sample, false)).toBe(true);
        writer.flush();
        const font = fontFor(key);
        const [pdfKitGlyphs] = font.encode(sample);
        const drawn = readTj(written[0]!, font);
        expect(drawn.glyphs).toEqual(pdfKitGlyphs);
        const expected = font.layout(sample, undefined, true).advanceWidth;
        expect(Math.abs(drawn.advance - expected)).toBeLessThan(0.01);
        expect(Math.abs(writer.width(key, 9.5, sample) - expected * 0.0095)).toBeLessThan(1e-9);
      }),
      { numRuns: 300 },
    );
  });

  it('kerns the pairs the font kerns and names the font in the page resources', () => {
    const { writer, fontFor, sink, written } = setUp();
    writer.text('serif', 12, [0.1, 0.2, 0.3], 56, 100, 'AVAWA To', true);
    expect(written).toEqual([]);
    writer.flush();
    const font = fontFor('serif');
    expect(sink.page.fonts[font.id]).toBeDefined();
    expect(written[0]).toMatch(/^\/Span BMC BT .* ET EMC$/);
    // pdfkit's pages draw top-down, so the text matrix flips the glyphs upright.
    expect(written[0]).toContain(`/${font.id} 12 Tf 0.1 0.2 0.3 rg 1 0 0 -1 56 100 Tm`);
    // "AV" is kerned in DejaVu Serif: the array carries an adjustment between glyphs.
    expect(written[0]).toMatch(/<[0-9a-f]+> \d+(\.\d+)? <[0-9a-f]+>/);
    // The next run in the same font, size and fill sets none of them again, until the state is forgotten.
    writer.text('serif', 12, [0.1, 0.2, 0.3], 56, 120, 'More', false);
    writer.flush();
    expect(written[1]).toMatch(/^BT 1 0 0 -1 56 120 Tm \[<[0-9a-f]+> \] TJ ET$/);
    writer.forgetState();
    writer.text('serif', 12, [0.1, 0.2, 0.3], 56, 140, 'More', false);
    writer.flush();
    expect(written[2]).toContain(`BT /${font.id} 12 Tf 0.1 0.2 0.3 rg 1 0 0 -1 56 140 Tm`);
  });

  it('shapes a word apart from the spaces after it only where no face kerns or joins across a space', () => {
    // The writer shapes "said" and "said " once between them, which is exact only while no
    // bundled face kerns a character against a space or a tab: checked here for every face
    // and every character it has from Latin to Armenian and in general punctuation.
    const { fontFor } = setUp();
    for (const key of Object.keys(FONT_FILES) as FontKey[]) {
      const font = fontFor(key);
      const fontkitFont = (font as unknown as { font: { hasGlyphForCodePoint(codePoint: number): boolean } }).font;
      const [spaceGlyphs] = font.encode(' ');
      const [tabGlyphs] = font.encode('\t');
      const spaceWidth = font.layout(' ', undefined, true).advanceWidth;
      let checked = 0;
      for (let codePoint = 0x21; codePoint <= 0x20cf; codePoint++) {
        if ((codePoint >= 0x0590 && codePoint < 0x2000) || !fontkitFont.hasGlyphForCodePoint(codePoint)) continue;
        const character = String.fromCodePoint(codePoint);
        const [glyphs] = font.encode(character);
        expect(font.encode(`${character} `)[0], `${key} U+${codePoint.toString(16)}`).toEqual([
          ...glyphs,
          ...spaceGlyphs,
        ]);
        expect(font.encode(`${character}\t`)[0]).toEqual([...glyphs, ...tabGlyphs]);
        expect(
          Math.abs(
            font.layout(`${character} `, undefined, true).advanceWidth -
              font.layout(character, undefined, true).advanceWidth -
              spaceWidth,
          ),
        ).toBeLessThan(1e-9);
        checked += 1;
      }
      expect(checked).toBeGreaterThan(300);
    }
  });

  it('sets a right-to-left word and its space as the shaper orders them', () => {
    const { writer, fontFor, written } = setUp();
    const word = 'الاشتباكات ';
    writer.text('sans', 10, [0, 0, 0], 0, 20, word, false);
    writer.flush();
    const font = fontFor('sans');
    expect(readTj(written[0]!, font).glyphs).toEqual(font.encode(word)[0]);
    expect(Math.abs(writer.width('sans', 1000, word) - font.layout(word, undefined, true).advanceWidth)).toBeLessThan(
      1e-9,
    );
  });

  it('leaves text whose marks are placed by offsets to the caller, drawing nothing', () => {
    const { writer, written } = setUp();
    expect(writer.text('serif', 10, [0, 0, 0], 0, 20, 'Cafe\u0301 au lait', true)).toBe(false);
    writer.flush();
    expect(written).toEqual([]);
  });
});

describe('words an annotation boundary cuts', () => {
  function layOut(writer: ContentWriter, text: string, boundaries: number[]) {
    const measurer: Measurer = {
      width: (key, size, part) => writer.width(key, size, part),
      wordParts: (key, parts) => writer.wordParts(key, parts),
    };
    const pieces: StyledPiece[] = [
      { text, start: 0, family: 'serif', bold: false, italic: false, size: 10, color: [0, 0, 0], link: '' },
    ];
    return breakIntoLines(pieces, 500, measurer, loadFonts(FONTS_DIR), new Set(), boundaries)[0]!;
  }

  it('keep the glyphs and kerning the word has without the boundary', () => {
    const { writer, fontFor, written } = setUp();
    const font = fontFor('serif');
    const whole = layOut(writer, 'AVAWAY Toyota', []);
    const cut = layOut(writer, 'AVAWAY Toyota', [1, 9]);
    expect(cut.fragments.map((fragment) => fragment.text)).toEqual(['A', 'VAWAY To', 'yota']);
    // "AV" is kerned: the second fragment starts where the V sits in the uncut word, not after an unkerned A.
    expect(cut.fragments[1]!.x).toBeLessThan(writer.width('serif', 10, 'A') - 0.1);
    expect(Math.abs(cut.width - whole.width)).toBeLessThan(1e-9);
    // Drawn, the fragments' glyph runs put together are the uncut word's, each ending where the next begins.
    writer.text('serif', 10, [0, 0, 0], 0, 20, 'AVAWAY Toyota', false);
    for (const fragment of cut.fragments)
      writer.text(
        fragment.fontKey,
        10,
        [0, 0, 0],
        fragment.x,
        40,
        fragment.text,
        false,
        fragment.firstRun,
        fragment.lastRun,
      );
    writer.flush();
    const [uncut, ...parts] = written.map((content) => readTj(content, font));
    expect(parts.flatMap((part) => part.glyphs)).toEqual(uncut!.glyphs);
    expect(Math.abs(parts[0]!.advance / 100 - cut.fragments[1]!.x)).toBeLessThan(0.01);
    expect(Math.abs(cut.fragments[1]!.x + parts[1]!.advance / 100 - cut.fragments[2]!.x)).toBeLessThan(0.01);
  });

  it('are shaped on their own where the cut falls inside a ligature', () => {
    // DejaVu Serif sets "fi" as one glyph: a boundary between f and i cannot cut it.
    const { writer } = setUp();
    const line = layOut(writer, 'fifty', [1]);
    expect(line.fragments.map((fragment) => [fragment.text, fragment.firstRun, fragment.lastRun])).toEqual([
      ['f', null, null],
      ['ifty', null, null],
    ]);
    expect(Math.abs(line.fragments[1]!.x - writer.width('serif', 10, 'f'))).toBeLessThan(1e-9);
  });
});

describe('PDF numbers and lines', () => {
  it('prints every number rounded to the thousandth, as String prints the rounded value', () => {
    const rounded = (value: number) => String(Math.round(value * 1000) / 1000);
    for (const value of [
      0,
      -0,
      0.0004,
      -0.0004,
      0.0005,
      -0.0005,
      841.89,
      -12.3456,
      1e21,
      Number.NaN,
      Number.POSITIVE_INFINITY,
    ]) {
      expect(num(value)).toBe(rounded(value));
    }
    fc.assert(
      fc.property(fc.double({ min: -1e7, max: 1e7, noNaN: true }), (value) => num(value) === rounded(value)),
      { numRuns: 20_000 },
    );
  });

  it('breaks lines after spaces and at line breaks, losing and repeating no character', () => {
    const { writer } = setUp();
    const measurer: Measurer = {
      width: (key, size, part) => writer.width(key, size, part),
      wordParts: (key, parts) => writer.wordParts(key, parts),
    };
    const fonts = loadFonts(FONTS_DIR);
    fc.assert(
      // Words narrower than any line here, so none is cut at a character boundary.
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('a', 'Wy.', 'aVo', ''), fc.constantFrom(' ', '\t', '\n', '  ', '\n\n')), {
          maxLength: 40,
        }),
        fc.integer({ min: 40, max: 120 }),
        (words, width) => {
          const text = words.map(([word, after]) => word + after).join('');
          const piece: StyledPiece = {
            text,
            start: 0,
            family: 'serif',
            bold: false,
            italic: false,
            size: 10,
            color: [0, 0, 0],
            link: '',
          };
          const lines = breakIntoLines([piece], width, measurer, fonts, new Set()).map((line) =>
            line.fragments.map((fragment) => fragment.text).join(''),
          );
          // A tab, like other control characters, is drawn as a space.
          expect(lines.join('')).toBe(text.replaceAll('\t', ' '));
          lines.forEach((line, index) => {
            // A line ends at a line break, after a space, or with the text.
            if (index < lines.length - 1) expect(line).toMatch(/[\n ]$/);
            expect(line.slice(0, -1)).not.toContain('\n');
          });
        },
      ),
      { numRuns: 400 },
    );
  });
});
