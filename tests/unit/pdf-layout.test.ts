import { describe, expect, it } from 'vitest';
import { isPageNumber, removeFurniture } from '../../src/core/import/formats/pdf-furniture';
import { readingOrder, splitFootnotes } from '../../src/core/import/formats/pdf-layout';
import type { PdfLine } from '../../src/core/import/formats/pdf-lines';
import { buildLines, cleanPdfText } from '../../src/core/import/formats/pdf-lines';
import { groupRegion, joinLines } from '../../src/core/import/formats/pdf-paragraphs';

function line(text: string, x0: number, y: number, width = 200, size = 10): PdfLine {
  return { text, x0, x1: x0 + width, y, size, font: 'body' };
}

/** `count` lines of a column at `x`, from y=700 down, 12 points apart. */
function column(name: string, x: number, count: number, width = 220): PdfLine[] {
  return Array.from({ length: count }, (_, index) => line(`${name}${index}`, x, 700 - index * 12, width));
}

describe('PDF text cleaning and joining', () => {
  it('writes ligatures as letters and drops NUL and other control characters', () => {
    expect(cleanPdfText('\ufb01eld \ufb02oor o\ufb03ce \ufb00 \ufb04\u0000x\u0007y\tz')).toBe(
      'field floor office ff fflxy z',
    );
  });

  it('drops a line-end hyphen only between lowercase letters and otherwise keeps it inside the word, never as "- "', () => {
    expect(joinLines(['the inter-', 'national survey'])).toBe('the international survey');
    expect(joinLines(['the inter\u2010', 'national survey'])).toBe('the international survey');
    expect(joinLines(['the Anglo-', 'Saxon survey'])).toBe('the Anglo-Saxon survey');
    expect(joinLines(['calls Fc-', 'ConfigParse twice'])).toBe('calls Fc-ConfigParse twice');
    expect(joinLines(['pages 10-', '12 show'])).toBe('pages 10-12 show');
    expect(joinLines(['a 10-', 'year plan'])).toBe('a 10-year plan');
    expect(joinLines(['a pause -', 'Then more'])).toBe('a pause - Then more');
    expect(joinLines(['a soft\u00ad', 'break'])).toBe('a softbreak');
  });

  it('recognizes page numbers, "Page N of M" (and the French "Page N sur M") and roman numerals, not ordinary words', () => {
    for (const text of ['12', '— 7 —', 'Page 3 of 19', 'Page 1 sur 1', 'page 4', '3 / 19', 'xiv', 'IV'])
      expect(isPageNumber(text), text).toBe(true);
    for (const text of ['Chapter 3', 'In 1999 the', 'vivid', 'Page three'])
      expect(isPageNumber(text), text).toBe(false);
  });

  it('keeps a superscript on its line, against its word, and splits pieces across a gutter into two lines', () => {
    const lines = buildLines([
      { text: 'A claim', x: 72, y: 700, width: 40, size: 10, font: 'f' },
      { text: '1', x: 112, y: 704, width: 4, size: 6, font: 'f' },
      { text: 'continues.', x: 118, y: 700, width: 50, size: 10, font: 'f' },
      { text: 'Right column', x: 320, y: 700, width: 60, size: 10, font: 'f' },
    ]);
    expect(lines.map((found) => found.text)).toEqual(['A claim[1] continues.', 'Right column']);
  });

  it('keeps a raised footnote mark apart from the word before it, and writes a raised number after a unit as an exponent', () => {
    const raised = (text: string, x: number, y: number) => ({ text, x, y, width: 4, size: 6, font: 'f' });
    const lines = buildLines([
      { text: 'by the third quarter.', x: 72, y: 700, width: 100, size: 10, font: 'f' },
      raised('12', 172, 704),
      { text: 'An area of 400 m', x: 72, y: 680, width: 80, size: 10, font: 'f' },
      raised('2', 152, 684),
      { text: 'was dug.', x: 158, y: 680, width: 40, size: 10, font: 'f' },
      { text: 'Rule 2', x: 72, y: 660, width: 30, size: 10, font: 'f' },
      { text: '1 A footnote in small type.', x: 72, y: 640, width: 100, size: 6, font: 'f' },
    ]);
    expect(lines.map((found) => found.text)).toEqual([
      'by the third quarter.[12]',
      'An area of 400 m² was dug.',
      'Rule 2',
      '1 A footnote in small type.',
    ]);
  });
});

describe('PDF reading order', () => {
  it('reads a spanning title, then the left column, then the right column, then text spanning both again', () => {
    const title = line('Title', 72, 740, 460, 20);
    const left = column('L', 72, 6);
    const right = column('R', 312, 6);
    const closing = line('Closing wide paragraph', 72, 600, 460);
    const order = readingOrder([closing, ...right, title, ...left]).flat();
    expect(order.map((found) => found.text)).toEqual([
      'Title',
      ...left.map((l) => l.text),
      ...right.map((r) => r.text),
      'Closing wide paragraph',
    ]);
  });

  it('reads a single column top to bottom and a text box beside it after it', () => {
    const body = column('B', 72, 8, 300);
    const box = column('X', 420, 4, 120).map((found) => ({ ...found, y: found.y - 24 }));
    const order = readingOrder([...box, ...body]).map((region) => region.map((found) => found.text));
    expect(order).toEqual([body.map((b) => b.text), box.map((x) => x.text)]);
  });

  it('sets small numbered text under the body apart as footnotes, and leaves small text without a mark in the body', () => {
    const body = column('B', 72, 5);
    const notes = [
      line('1 First note', 72, 100, 200, 8),
      line('goes on here.', 72, 91, 200, 8),
      line('2 Second note', 72, 82, 200, 8),
    ];
    const split = splitFootnotes([...body, ...notes], 10);
    expect(split.footnotes.map((note) => note.map((found) => found.text))).toEqual([
      ['1 First note', 'goes on here.'],
      ['2 Second note'],
    ]);
    expect(split.body).toEqual(body);
    const caption = [line('Figure caption in small type', 72, 100, 200, 8)];
    expect(splitFootnotes([...body, ...caption], 10).footnotes).toEqual([]);
  });

  it('drops heads that repeat at the same place, alternating heads included, and keeps a first page title that matches one', () => {
    const frame = (number: number, extra: PdfLine[]): { top: number; bottom: number; lines: PdfLine[] } => ({
      top: 792,
      bottom: 0,
      lines: [
        line(number % 2 ? 'Odd Chapter Head' : 'Even Book Title', 72, 760),
        ...extra,
        ...column(`p${number}-`, 72, 4),
        line(`${number}`, 300, 30, 10),
      ],
    });
    const frames = [
      frame(1, [line('Odd Chapter Head', 72, 720, 300, 20)]),
      frame(2, []),
      frame(3, []),
      frame(4, []),
      frame(5, []),
    ];
    const kept = removeFurniture(frames, 10).map((lines) => lines.map((found) => found.text));
    expect(kept[0]).toEqual(['Odd Chapter Head', 'p1-0', 'p1-1', 'p1-2', 'p1-3']);
    for (const [index, lines] of kept.entries())
      expect(lines.filter((text) => !text.startsWith(`p${index + 1}-`)).length).toBeLessThanOrEqual(
        index === 0 ? 1 : 0,
      );
  });

  it('drops a running head that changes with the chapter when it carries the page number', () => {
    const frames = [1, 2, 3, 4].map((number) => ({
      top: 792,
      bottom: 0,
      lines: [
        line(`Chapter ${number < 3 ? 1 : 2}: Methods`, 72, 760),
        line(`${number + 4}`, 520, 760, 10),
        // Letters, not numbers, tell the pages' body lines apart: numbers are masked when comparing heads.
        ...column(`p${'abcd'[number - 1]!}`, 72, 4),
      ],
    }));
    const kept = removeFurniture(frames, 10).map((lines) => lines.map((found) => found.text));
    expect(kept).toEqual(['a', 'b', 'c', 'd'].map((letter) => [0, 1, 2, 3].map((index) => `p${letter}${index}`)));
    const inOnePiece = frames.map((frame) => ({
      ...frame,
      lines: [line(`${frame.lines[0]!.text} ${frame.lines[1]!.text}`, 72, 760, 460), ...frame.lines.slice(2)],
    }));
    expect(removeFurniture(inOnePiece, 10)).toEqual(frames.map((frame) => frame.lines.slice(2)));
  });

  it('drops a small head set a line of its own size above the larger text, and keeps a same-size opening line', () => {
    const frames = [1, 2, 3, 4].map((number) => ({
      top: 792,
      bottom: 0,
      lines: [
        line('12/2/26, 12:21 AM', 24, 769.5, 74, 8),
        line('Long Web Article on Patrols', 303, 769.5, 110, 8),
        line(`Opening line ${number} of the page`, 34, 753.8, 500, 12),
        line(`p${'abcd'[number - 1]!} body`, 34, 739.8, 500, 12),
      ],
    }));
    const kept = removeFurniture(frames, 12).map((lines) => lines.map((found) => found.text));
    expect(kept).toEqual(
      [1, 2, 3, 4].map((number) => [`Opening line ${number} of the page`, `p${'abcd'[number - 1]!} body`]),
    );
    const sameSize = frames.map((frame) => ({
      ...frame,
      lines: frame.lines.map((found, index) => (index < 2 ? { ...found, size: 12 } : found)),
    }));
    expect(removeFurniture(sameSize, 12).map((lines) => lines.length)).toEqual([4, 4, 4, 4]);
  });

  it('keeps numbered section headings that open every page, set larger than the text, as text', () => {
    const frames = [1, 2, 3, 4].map((number) => ({
      top: 792,
      bottom: 0,
      lines: [
        line(`Section ${number}: Port activity in week ${number}`, 72, 750, 300, 15),
        ...column(`p${'abcd'[number - 1]!}`, 72, 4),
        line(`${number}`, 300, 30, 10),
      ],
    }));
    const kept = removeFurniture(frames, 10).map((lines) => lines.map((found) => found.text));
    expect(kept).toEqual(
      [1, 2, 3, 4].map((number) => [
        `Section ${number}: Port activity in week ${number}`,
        ...[0, 1, 2, 3].map((index) => `p${'abcd'[number - 1]!}${index}`),
      ]),
    );
  });

  it('makes larger or bold short lines headings, but not table-of-contents entries, and marked lines list items', () => {
    const style = { bodySize: 10, boldFonts: new Set(['bold']) };
    const groups = groupRegion(
      [
        line('1. Introduction', 72, 700, 120, 14),
        { ...line('Dating the walls', 72, 670, 100), font: 'bold' },
        line('Body text of a paragraph that runs on.', 72, 655, 300),
        line('2 Methods . . . . . . . . . . 7', 72, 630, 300, 12),
        line('• First point', 72, 605, 100),
        line('• Second point', 72, 592, 100),
      ],
      style,
    );
    expect(groups.map((group) => [group.kind, group.text])).toEqual([
      ['heading', '1. Introduction'],
      ['heading', 'Dating the walls'],
      ['paragraph', 'Body text of a paragraph that runs on.'],
      ['paragraph', '2 Methods . . . . . . . . . . 7'],
      ['item', 'First point'],
      ['item', 'Second point'],
    ]);
  });
});
