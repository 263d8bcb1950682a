import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textRun } from './document-blocks';
import { buildDocumentState } from './lexical-document';
import type { OcrFacts } from './model';
import { uncertainSpans } from './ocr-uncertain';

function imported(): { text: string; ocr: OcrFacts } {
  const { text, uncertain } = buildDocumentState({
    title: 'Scan',
    byline: '',
    blocks: [
      {
        kind: 'paragraph',
        children: [textRun('The '), textRun('harbcur', { uncertain: true }), textRun(' was full.')],
      },
      {
        kind: 'list',
        ordered: false,
        start: 1,
        items: [{ children: [textRun('tbe', { uncertain: true })], nested: [] }],
      },
      { kind: 'paragraph', children: [textRun('Boats left at '), textRun('dawn', { uncertain: true })] },
    ],
  });
  const words = uncertain.map(([start, end]) => ({ start, end, text: text.slice(start, end) }));
  return { text, ocr: { meanConfidence: 80, lowConfidenceWords: 3, textLength: text.length, uncertain: words } };
}

describe('the places of words OCR was unsure of', () => {
  it('are found in the canonical text where the runs marked unsure landed, lists and all', () => {
    const { ocr } = imported();
    expect(ocr.uncertain!.map((word) => word.text)).toEqual(['harbcur', 'tbe', 'dawn']);
  });

  it('are all kept while the text is as imported', () => {
    const { text, ocr } = imported();
    expect(uncertainSpans(ocr, text).map(({ start, end }) => text.slice(start, end))).toEqual([
      'harbcur',
      'tbe',
      'dawn',
    ]);
  });

  it('drop a corrected word, keep the ones before it and move the ones after it by the edit', () => {
    const { text, ocr } = imported();
    const edited = text.replace('harbcur', 'harbour quay');
    const spans = uncertainSpans(ocr, edited);
    expect(spans.map(({ start, end }) => edited.slice(start, end))).toEqual(['tbe', 'dawn']);
    // A correction of the same length moves nothing: the words after it keep their marks.
    const fixedSameLength = text.replace('tbe', 'the');
    expect(uncertainSpans(ocr, fixedSameLength).map(({ start, end }) => fixedSameLength.slice(start, end))).toEqual([
      'harbcur',
      'dawn',
    ]);
  });

  it('keep every other unsure word when one is corrected to any word, shorter, longer or of the same length', () => {
    const { text, ocr } = imported();
    const words = ocr.uncertain!;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: words.length - 1 }), fc.stringMatching(/^[a-z]{1,12}$/), (at, fix) => {
        const word = words[at]!;
        fc.pre(fix !== word.text);
        const edited = text.slice(0, word.start) + fix + text.slice(word.end);
        const kept = uncertainSpans(ocr, edited).map(({ start, end }) => edited.slice(start, end));
        expect(kept).toEqual(words.filter((_, index) => index !== at).map((other) => other.text));
      }),
      { numRuns: 300 },
    );
  });

  it('never mark a word inside a longer one or text that is not the word', () => {
    const { text, ocr } = imported();
    const joined = text.replace('dawn', 'dawning');
    expect(uncertainSpans(ocr, joined).map(({ start, end }) => joined.slice(start, end))).toEqual(['harbcur', 'tbe']);
    expect(uncertainSpans(undefined, text)).toEqual([]);
  });
});
