import { describe, expect, it } from 'vitest';
import { textRun } from './document-blocks';
import { buildDocumentState } from './lexical-document';
import { carryPageMap, pageAt, pageName, pageRange, pageSpan } from './page-map';

const MAP = [
  { start: 10, number: 1, label: 'i' },
  { start: 40, number: 2 },
  { start: 95, number: 3, label: '1' },
];

describe('pageAt', () => {
  it('finds the page whose start is the last at or before the offset', () => {
    expect(pageAt(MAP, 10)?.number).toBe(1);
    expect(pageAt(MAP, 39)?.number).toBe(1);
    expect(pageAt(MAP, 40)?.number).toBe(2);
    expect(pageAt(MAP, 94)?.number).toBe(2);
    expect(pageAt(MAP, 95)?.number).toBe(3);
    expect(pageAt(MAP, 10_000)?.number).toBe(3);
  });

  it('says no page before the first page begins (the title) and for a document without pages', () => {
    expect(pageAt(MAP, 0)).toBeUndefined();
    expect(pageAt(MAP, 9)).toBeUndefined();
    expect(pageAt([], 5)).toBeUndefined();
  });

  it('names a page by its printed label, or by its number when it has none', () => {
    expect(pageName(MAP[0]!)).toBe('i');
    expect(pageName(MAP[1]!)).toBe('2');
  });
});

describe('the page map buildDocumentState returns', () => {
  it('starts each page where its first block begins in the canonical text, skipping blank blocks', () => {
    const paragraph = (text: string, number?: number, label?: string) => ({
      kind: 'paragraph' as const,
      children: [textRun(text)],
      ...(number === undefined ? {} : { page: { number, ...(label ? { label } : {}) } }),
    });
    const { text, pageMap } = buildDocumentState({
      title: 'Report',
      byline: 'By Ada',
      blocks: [
        paragraph('Intro on page one.', 1, 'i'),
        paragraph('   ', 2),
        paragraph('Still page one.', 1, 'i'),
        paragraph('Page two begins.', 2),
        {
          kind: 'list',
          ordered: false,
          start: 1,
          items: [{ children: [textRun('an item')], nested: [] }],
          page: { number: 3 },
        },
        paragraph('After the list.', 3),
      ],
    });
    expect(pageMap.map(({ number, label }) => ({ number, label }))).toEqual([
      { number: 1, label: 'i' },
      { number: 2, label: undefined },
      { number: 3, label: undefined },
    ]);
    expect(text.slice(pageMap[0]!.start)).toMatch(/^Intro on page one\./);
    expect(text.slice(pageMap[1]!.start)).toMatch(/^Page two begins\./);
    expect(text.slice(pageMap[2]!.start)).toMatch(/^an item/);
    expect(pageAt(pageMap, text.indexOf('Still page one'))?.label).toBe('i');
    expect(pageAt(pageMap, text.indexOf('After the list'))?.number).toBe(3);
    expect(pageAt(pageMap, text.indexOf('By Ada'))).toBeUndefined();
  });

  it('is empty for blocks without pages', () => {
    expect(
      buildDocumentState({ title: 'T', byline: '', blocks: [{ kind: 'paragraph', children: [textRun('x')] }] }).pageMap,
    ).toEqual([]);
  });
});

describe('pageSpan', () => {
  it('names one page as "p. N" and a span across pages as "pp. N–M", by label where there is one', () => {
    expect(pageSpan(MAP, 45, 60)).toEqual({ first: 2, last: 2, text: 'p. 2' });
    expect(pageSpan(MAP, 12, 20)?.text).toBe('p. i');
    expect(pageSpan(MAP, 30, 50)).toEqual({ first: 1, last: 2, text: 'pp. i–2' });
    expect(pageSpan(MAP, 90, 120)).toEqual({ first: 2, last: 3, text: 'pp. 2–1' });
  });

  it('keeps a span ending exactly where the next page begins on its own page, and a point on the page it is in', () => {
    expect(pageSpan(MAP, 20, 40)?.text).toBe('p. i');
    expect(pageSpan(MAP, 40, 40)?.text).toBe('p. 2');
  });

  it('gives no page for the title before the first page or for a document without pages', () => {
    expect(pageSpan(MAP, 0, 5)).toBeUndefined();
    expect(pageSpan([], 5, 9)).toBeUndefined();
  });
});

describe('pageRange', () => {
  it('runs from a page start to the next page start, the last page to the end of the text', () => {
    expect(pageRange(MAP, 2, 200)).toEqual({ start: 40, end: 95 });
    expect(pageRange(MAP, 3, 200)).toEqual({ start: 95, end: 200 });
    expect(pageRange(MAP, 4, 200)).toBeUndefined();
  });
});

describe('carryPageMap', () => {
  const pages = [
    'Title\n\n',
    'First page text here, long enough to find.\n\n',
    'Second page begins with this sentence.\n\n',
    'Third page is the last one of them all.',
  ];
  const oldText = pages.join('');
  const map = [
    { start: pages[0]!.length, number: 1 },
    { start: pages[0]!.length + pages[1]!.length, number: 2 },
    { start: oldText.indexOf('Third'), number: 3, label: 'iii' },
  ];

  it('moves page starts after an edit by what was inserted before them, and keeps those before it', () => {
    const newText = oldText.replace('First page text', 'First page of corrected text');
    const carried = carryPageMap(map, oldText, newText);
    expect(carried.map((entry) => newText.slice(entry.start, entry.start + 6))).toEqual(['First ', 'Second', 'Third ']);
    expect(carried[2]!.label).toBe('iii');
  });

  it('finds each start again after several edits on different pages, and one whose first words changed', () => {
    const newText = oldText
      .replace('page text here', 'page text right here')
      .replace('Second page begins', 'Page two begins')
      .replace('the last one', 'the final one');
    const carried = carryPageMap(map, oldText, newText);
    expect(newText.slice(carried[0]!.start)).toMatch(/^First/);
    expect(newText.slice(carried[1]!.start)).toMatch(/^Page two begins/);
    expect(newText.slice(carried[2]!.start)).toMatch(/^Third/);
  });
});
