import { describe, expect, it } from 'vitest';
import type { OcrBlock, OcrLine } from '../../src/core/import/ocr/ocr-blocks';
import { pageNumberAsRead, withoutFurniture } from '../../src/core/import/ocr/ocr-layout';

/** A line of 11 pt text (45 px at 300 dpi) whose baseline is `y` pixels from the image's top. */
const line = (text: string, y: number | undefined): OcrLine => ({
  words: text.split(' ').map((word) => ({ text: word, confidence: 95 })),
  ...(y === undefined
    ? {}
    : {
        bbox: { x0: 100, y0: y - 36, x1: 100 + 20 * text.length, y1: y + 9 },
        baseline: { x0: 100, y0: y, x1: 100 + 20 * text.length, y1: y },
        rowAttributes: { rowHeight: 45 },
      }),
});
const page = (...lines: OcrLine[]): OcrBlock[] => lines.map((one) => ({ paragraphs: [{ lines: [one] }] }));
const texts = (blocks: readonly OcrBlock[]): string[] =>
  blocks.flatMap((block) =>
    (block.paragraphs ?? []).flatMap((p) => p.lines.map((l) => l.words.map((w) => w.text).join(' '))),
  );

describe('page furniture on recognized pages', () => {
  it('takes a bare page number at a page’s foot for furniture, and keeps the text and a line with no place', () => {
    const [kept] = withoutFurniture([
      {
        blocks: page(line('Stone columns stood by the gate.', 300), line('Unplaced line', undefined), line('14', 3200)),
        height: 3300,
      },
    ]);
    expect(texts(kept!)).toEqual(['Stone columns stood by the gate.', 'Unplaced line']);
  });

  it('keeps a line that repeats on every page when it sits within the text, not apart in the margin', () => {
    const body = (first: string) => page(line(first, 1000), line('Teams recorded the pottery.', 1062));
    const pages = withoutFurniture([1, 2, 3].map((n) => ({ blocks: body(`Season ${n} report.`), height: 3300 })));
    expect(pages.map(texts)).toEqual([1, 2, 3].map((n) => [`Season ${n} report.`, 'Teams recorded the pottery.']));
  });

  it('takes a page-number foot OCR misread with a bar or a letter for a digit for a page number', () => {
    const body = 'Stone columns stood by the gate.';
    for (const foot of ['Page | sur 1', 'Page l of 3', 'Page I of 3', 'Page 1 sur |', '1O / 12']) {
      const [kept] = withoutFurniture([{ blocks: page(line(body, 300), line(foot, 3200)), height: 3300 }]);
      expect(texts(kept!), foot).toEqual([body]);
    }
  });

  it('keeps a foot that only starts like a page number, or has no digit to tell a misread from a word', () => {
    const body = 'Stone columns stood by the gate.';
    for (const foot of ['Page I of the treaty', 'Page I of II', 'Page l', 'I of the', 'Page lO of the 3 copies']) {
      const [kept] = withoutFurniture([{ blocks: page(line(body, 300), line(foot, 3200)), height: 3300 }]);
      expect(texts(kept!), foot).toEqual([body, foot]);
    }
  });
});

describe('a page-number line as OCR may read it', () => {
  it('gets its digits back only when the whole line is a page number with a real digit in it', () => {
    expect(pageNumberAsRead('Page | sur 1')).toBe('Page 1 sur 1');
    expect(pageNumberAsRead('Page l of 3')).toBe('Page 1 of 3');
    expect(pageNumberAsRead('Page I of 3')).toBe('Page 1 of 3');
    expect(pageNumberAsRead('p. 1O')).toBe('p. 10');
    expect(pageNumberAsRead('3/l2')).toBe('3/12');
    expect(pageNumberAsRead('Page I of the treaty')).toBe('Page I of the treaty');
    expect(pageNumberAsRead('Page I of II')).toBe('Page I of II');
    expect(pageNumberAsRead('PAGE l OF 3')).toBe('PAGE 1 OF 3');
    // A capital L or a lowercase i is no digit OCR confuses.
    expect(pageNumberAsRead('Page L of 3')).toBe('Page L of 3');
  });
});
