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
    const fixedSameLength = text.replace('tbe', 'the');
    expect(uncertainSpans(ocr, fixedSameLength).map(({ start, end }) => fixedSameLength.slice(start, end))).toEqual([
      'harbcur',
    ]);
  });

  it('never mark a word inside a longer one or text that is not the word', () => {
    const { text, ocr } = imported();
    const joined = text.replace('dawn', 'dawning');
    expect(uncertainSpans(ocr, joined).map(({ start, end }) => joined.slice(start, end))).toEqual(['harbcur', 'tbe']);
    expect(uncertainSpans(undefined, text)).toEqual([]);
  });
});
