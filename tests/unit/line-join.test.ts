// The one rule for how lines meet (lineEndJoin), held equal to the two copies the PDF and OCR
// readers each had before it, and the two readers joining the same lines into the same text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { joinLines } from '../../src/core/import/formats/pdf-paragraphs';
import { lineEndJoin } from '../../src/core/import/line-join';
import { ConfidenceTally, pageParagraphs } from '../../src/core/import/ocr/ocr-blocks';

/** The PDF reader's joinLines as it was, its rule inline. */
function joinLinesBefore(texts: readonly string[]): string {
  let joined = '';
  for (const text of texts) {
    const hyphenated = /[\p{L}\p{N}][-\u2010]$/u.test(joined) && /^[\p{L}\p{N}]/u.test(text);
    if (joined === '') joined = text;
    else if (hyphenated && /\p{Ll}.$/u.test(joined) && /^\p{Ll}/u.test(text)) joined = joined.slice(0, -1) + text;
    else if (hyphenated) joined += text;
    else if (joined.endsWith('\u00ad')) joined = joined.slice(0, -1) + text;
    else joined = `${joined} ${text}`;
  }
  return joined
    .replace(/\u00ad/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The OCR reader's lineJoin as it was. */
function ocrLineJoinBefore(previous: string, next: string): 'joined' | 'hyphen kept' | 'apart' {
  if (!/[\p{L}\p{N}][-\u2010]$/u.test(previous) || !/^[\p{L}\p{N}]/u.test(next)) return 'apart';
  return /\p{Ll}.$/u.test(previous) && /^\p{Ll}/u.test(next) ? 'joined' : 'hyphen kept';
}

/** Characters where the rule turns: cases, digits, both hyphens, a soft hyphen, spaces, a non-Latin letter, punctuation. */
const piece = fc.constantFrom(
  'a',
  'z',
  'é',
  'A',
  'Ü',
  '7',
  '-',
  '\u2010',
  '\u00ad',
  ' ',
  '\n',
  'ß',
  'Ж',
  'ж',
  '.',
  '(',
);
const text = (maxLength: number) => fc.array(piece, { maxLength }).map((chars) => chars.join(''));
/** A word as OCR gives it: no spaces, no soft hyphen (tesseract gives none). */
const ocrWord = fc
  .array(
    piece.filter((char) => !/[\s\u00ad]/u.test(char)),
    { minLength: 1, maxLength: 6 },
  )
  .map((chars) => chars.join(''));

describe('how a line meets the text before it', () => {
  it('joins lines exactly as the PDF reader did before the rule was shared', () => {
    fc.assert(
      fc.property(fc.array(text(8), { maxLength: 6 }), (lines) => {
        expect(joinLines(lines)).toBe(joinLinesBefore(lines));
      }),
      { numRuns: 2000 },
    );
  });

  it('tells a line-end hyphen exactly as the OCR reader did before the rule was shared', () => {
    fc.assert(
      fc.property(text(6), text(6), (previous, next) => {
        expect(lineEndJoin(previous, next)).toBe(ocrLineJoinBefore(previous, next));
      }),
      { numRuns: 2000 },
    );
  });

  it('joins a word hyphenated at a line end, and keeps a hyphen before a capital or a digit with no space after it', () => {
    expect(joinLines(['the inter-', 'national teams'])).toBe('the international teams');
    expect(joinLines(['Fc-', 'ConfigParse', 'failed'])).toBe('Fc-ConfigParse failed');
    expect(joinLines(['pages 10-', '12'])).toBe('pages 10-12');
    expect(lineEndJoin('Fc-', 'ConfigParse')).toBe('hyphen kept');
    expect(lineEndJoin('end.', 'Next')).toBe('apart');
  });

  it('gives the same text whether the PDF reader or OCR joins the same lines of words', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(ocrWord, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 5 }),
        (lines) => {
          const ocrLines = lines.map((words) => ({ words: words.map((word) => ({ text: word, confidence: 95 })) }));
          const [paragraph] = pageParagraphs(
            [{ paragraphs: [{ lines: ocrLines }] }],
            { number: 1 },
            new ConfidenceTally(),
          );
          const ocrText = paragraph?.children.map((run) => (run.kind === 'text' ? run.text : '')).join('');
          expect(ocrText).toBe(joinLines(lines.map((words) => words.join(' '))));
        },
      ),
      { numRuns: 1000 },
    );
  });
});
