import { describe, expect, it } from 'vitest';
import {
  ConfidenceTally,
  LOW_CONFIDENCE,
  pageParagraphs,
  withoutTitleParagraph,
} from '../../src/core/import/ocr/ocr-blocks';
import type { Block } from '../../src/shared/document-blocks';
import { inlineText, textRun } from '../../src/shared/document-blocks';
import type { OcrLine } from '../../src/core/import/ocr/ocr-blocks';

const line = (...words: Array<[string, number]>): OcrLine => ({
  words: words.map(([text, confidence]) => ({ text, confidence })),
});

describe('paragraphs from what tesseract recognized', () => {
  it('makes a paragraph of each of its paragraphs, joins a word hyphenated at a line end, keeps a hyphen before a capital with no space after it, and keeps the page', () => {
    const tally = new ConfidenceTally();
    const paragraphs = pageParagraphs(
      [
        { paragraphs: [{ lines: [line(['The', 95], ['inter-', 93]), line(['national', 94], ['teams.', 96])] }] },
        { paragraphs: [{ lines: [line(['Fc-', 90]), line(['ConfigParse', 91])] }, { lines: [] }] },
      ],
      { number: 4, label: 'iv' },
      tally,
    );
    expect(paragraphs).toEqual([
      {
        kind: 'paragraph',
        children: [{ kind: 'text', text: 'The international teams.' }],
        page: { number: 4, label: 'iv' },
      },
      { kind: 'paragraph', children: [{ kind: 'text', text: 'Fc-ConfigParse' }], page: { number: 4, label: 'iv' } },
    ]);
    expect([tally.words, tally.low, tally.mean()]).toEqual([6, 0, 93.2]);
  });

  it(`marks each word under ${LOW_CONFIDENCE} as a run of its own and counts it`, () => {
    const tally = new ConfidenceTally();
    const [paragraph] = pageParagraphs(
      [{ paragraphs: [{ lines: [line(['Boats', 95], ['lcft', 41], ['tbe', 52], ['harbour.', 96])] }] }],
      { number: 1 },
      tally,
    );
    expect(paragraph!.children).toEqual([
      { kind: 'text', text: 'Boats ' },
      { kind: 'text', text: 'lcft', uncertain: true },
      { kind: 'text', text: ' ' },
      { kind: 'text', text: 'tbe', uncertain: true },
      { kind: 'text', text: ' harbour.' },
    ]);
    expect(tally.low).toBe(2);
  });

  it('marks a joined word unsure when either half was', () => {
    const [paragraph] = pageParagraphs(
      [{ paragraphs: [{ lines: [line(['archae-', 95]), line(['ologlcal', 30])] }] }],
      { number: 1 },
      new ConfidenceTally(),
    );
    expect(paragraph!.children).toEqual([{ kind: 'text', text: 'archaeologlcal', uncertain: true }]);
  });
});

describe('the paragraph a scanned document is titled by', () => {
  const paragraph = (text: string, page: number, uncertain = false): Block => ({
    kind: 'paragraph',
    children: [textRun(text, uncertain ? { uncertain: true } : {})],
    page: { number: page },
  });
  const texts = (blocks: Block[]): string[] =>
    blocks.map((block) => (block.kind === 'paragraph' ? inlineText(block.children) : ''));

  it('leaves the text once, even below a running head a one-page scan keeps, and only on the first page', () => {
    const blocks = [
      paragraph('Ministry of Works — Field Report', 1),
      paragraph('Flood  Damage Summary', 1),
      paragraph('The levee failed.', 1),
      paragraph('Flood Damage Summary', 2),
    ];
    expect(texts(withoutTitleParagraph(blocks, 'Flood Damage Summary'))).toEqual([
      'Ministry of Works — Field Report',
      'The levee failed.',
      'Flood Damage Summary',
    ]);
  });

  it('stays when it holds a word OCR was unsure of, so it can be corrected', () => {
    const blocks = [paragraph('Flood Damage Summary', 1, true), paragraph('The levee failed.', 1)];
    expect(withoutTitleParagraph(blocks, 'Flood Damage Summary')).toEqual(blocks);
  });
});
