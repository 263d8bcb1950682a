import { describe, expect, it } from 'vitest';
import { textRun } from '../../../shared/document-blocks';
import type { Block } from '../../../shared/document-blocks';
import { buildDocumentState } from '../../../shared/document-state';
import { canonicalTextOf } from '../../../shared/lexical-document';
import { MARK_JOIN_STYLE, joinMarksToWords } from './mark-joins';

/** A document of paragraphs, each given as its text runs, as the importers build it. */
function documentOf(...paragraphs: Array<Array<ReturnType<typeof textRun>>>): string {
  const blocks: Block[] = paragraphs.map((children) => ({ kind: 'paragraph', children }));
  return buildDocumentState({ title: 'Memo', byline: '', blocks }).lexicalJson;
}

interface Shown {
  text: string;
  style: string;
  format: number;
}

/** The text nodes of each paragraph after the title, as the reader shows them. */
function shownNodes(lexicalJson: string): Shown[][] {
  const state = JSON.parse(lexicalJson) as { root: { children: Array<{ children: Shown[] }> } };
  return state.root.children
    .slice(1)
    .map((block) => block.children.map(({ text, style, format }) => ({ text, style, format })));
}

const joined = (text: string): Shown => ({ text, style: MARK_JOIN_STYLE, format: 0 });
const plain = (text: string): Shown => ({ text, style: '', format: 0 });

describe('a footnote mark kept with the word it follows in the reader', () => {
  it('sets the word and its mark in a text node that does not wrap, leaving the text as it was', () => {
    const stored = documentOf([textRun('Sales fell in the third quarter.[1] More text.')]);
    const shown = joinMarksToWords(stored);
    expect(shownNodes(shown)).toEqual([
      [plain('Sales fell in the third '), joined('quarter.[1]'), plain(' More text.')],
    ]);
    expect(canonicalTextOf(shown)).toBe(canonicalTextOf(stored));
  });

  it('joins a mark that Word’s import put in a text node of its own, and several marks in a row', () => {
    const stored = documentOf(
      [textRun('divers inspected the breakwater'), textRun('[1]'), textRun(' and left.')],
      [textRun('the quays reopened,'), textRun('[2][3]')],
    );
    const shown = joinMarksToWords(stored);
    expect(shownNodes(shown)).toEqual([
      [plain('divers inspected the '), joined('breakwater[1]'), plain(' and left.')],
      [plain('the quays '), joined('reopened,[2][3]')],
    ]);
    expect(canonicalTextOf(shown)).toBe(canonicalTextOf(stored));
  });

  it('leaves a mark after a space, a mark in another format than its word, and a document with none as they are', () => {
    const stored = documentOf([textRun('see [1] below'), textRun('quarter', { italic: true }), textRun('[4]')]);
    expect(joinMarksToWords(stored)).toBe(stored);
    const none = documentOf([textRun('No marks here: array [index] stays.')]);
    expect(joinMarksToWords(none)).toBe(none);
  });

  it('keeps the word of an italic run with its mark, in the run’s own format', () => {
    const shown = joinMarksToWords(documentOf([textRun('as the log says.[12] Then', { italic: true })]));
    expect(shownNodes(shown)[0]!.map((node) => [node.text, node.style, node.format])).toEqual([
      ['as the log ', '', 2],
      ['says.[12]', MARK_JOIN_STYLE, 2],
      [' Then', '', 2],
    ]);
  });
});
