import { describe, expect, it } from 'vitest';
import { buildDocumentState } from '../../src/shared/lexical-document';
import { textRun } from '../../src/shared/document-blocks';
import { bodyHeadings, headingsOfState, sectionPlace } from '../../src/shared/document-sections';
import { printBlocksOf } from '../../src/shared/print-model';
import type { Block } from '../../src/shared/document-blocks';

const text = (value: string) => [textRun(value)];

describe('where a span stands among a document’s headings', () => {
  const blocks: Block[] = [
    { kind: 'paragraph', children: text('Before any heading.') },
    { kind: 'heading', level: 2, children: text('Methods') },
    { kind: 'paragraph', children: text('We counted boats.') },
    { kind: 'heading', level: 3, children: text('Harbour   survey') },
    { kind: 'paragraph', children: text('At dawn.') },
  ];
  const headings = bodyHeadings(printBlocksOf(buildDocumentState({ title: 'Report', byline: '', blocks }).lexicalJson));

  it('lists the body’s headings but not the title the document opens with', () => {
    expect(headings.map((heading) => heading.text)).toEqual(['Methods', 'Harbour survey']);
  });

  it('names the heading a span lies inside, the section a span falls under, and nothing before the first heading', () => {
    const methods = headings[0]!;
    expect(sectionPlace(headings, methods.start + 1, methods.end).heading).toBe(methods);
    expect(sectionPlace(headings, methods.end + 3, methods.end + 8)).toEqual({ section: 'Methods' });
    expect(sectionPlace(headings, headings[1]!.end + 2, headings[1]!.end + 4)).toEqual({ section: 'Harbour survey' });
    expect(sectionPlace(headings, 0, 5)).toEqual({});
    expect(sectionPlace([], 10, 12)).toEqual({});
  });
});

describe('the body headings read from a stored state’s JSON', () => {
  it('are the spans and texts the printer finds, past lists, tables, links and line breaks', () => {
    const blocks: Block[] = [
      { kind: 'paragraph', children: [textRun('A line'), { kind: 'break' }, textRun('and the next.')] },
      {
        kind: 'heading',
        level: 2,
        children: [textRun('Links '), { kind: 'link', url: 'https://example.org/', children: [textRun('here')] }],
      },
      {
        kind: 'list',
        ordered: false,
        start: 1,
        items: [
          {
            children: [textRun('One')],
            nested: [{ kind: 'list', ordered: true, start: 1, items: [{ children: [textRun('One a')], nested: [] }] }],
          },
          { children: [textRun('Two')], nested: [] },
        ],
      },
      { kind: 'heading', level: 3, children: [textRun('After the list')] },
      {
        kind: 'table',
        header: true,
        rows: [
          { cells: [{ children: [textRun('Cell')] }, { children: [textRun('Other')] }] },
          { cells: [{ children: [textRun('x')] }, { children: [] }] },
        ],
      },
      { kind: 'quote', children: [textRun('Quoted.')] },
      { kind: 'heading', level: 1, children: [textRun('Last')] },
    ];
    const { lexicalJson, text } = buildDocumentState({ title: 'Report', byline: 'By Ada', blocks });
    const fromJson = headingsOfState(lexicalJson);
    expect(fromJson).toEqual(bodyHeadings(printBlocksOf(lexicalJson)));
    expect(fromJson.map((heading) => text.slice(heading.start, heading.end))).toEqual([
      'Links here',
      'After the list',
      'Last',
    ]);
  });
});
