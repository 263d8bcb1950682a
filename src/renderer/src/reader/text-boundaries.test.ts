import { describe, expect, it } from 'vitest';
import { nextWordEnd, paragraphAround, previousWordStart, sentenceAround } from './text-boundaries';

const TEXT = 'Title here\n\nFirst sentence. Second one, with a comma? Third!\n\nLast paragraph';
const at = (needle: string, shift = 0) => TEXT.indexOf(needle) + shift;
const slice = (span: { start: number; end: number }) => TEXT.slice(span.start, span.end);

describe('paragraphs in the canonical text', () => {
  it('are the blocks between blank lines, the one holding the caret', () => {
    expect(slice(paragraphAround(TEXT, at('Second')))).toBe('First sentence. Second one, with a comma? Third!');
    expect(slice(paragraphAround(TEXT, 0))).toBe('Title here');
    expect(slice(paragraphAround(TEXT, TEXT.length))).toBe('Last paragraph');
  });

  it('give a caret at the end of a block that block, and a caret between blocks the next one', () => {
    expect(slice(paragraphAround(TEXT, at('Title here', 10)))).toBe('Title here');
    expect(slice(paragraphAround(TEXT, at('\n\nFirst', 1)))).toBe('First sentence. Second one, with a comma? Third!');
  });

  it('skip an empty block between two separators without running away', () => {
    const text = 'a\n\n\n\nb';
    expect(paragraphAround(text, 3)).toEqual({ start: 5, end: 6 });
  });
});

describe('sentences', () => {
  it('are found by the segmenter without the spaces after them', () => {
    expect(slice(sentenceAround(TEXT, at('Second', 3)))).toBe('Second one, with a comma?');
    expect(slice(sentenceAround(TEXT, at('First')))).toBe('First sentence.');
    expect(slice(sentenceAround(TEXT, at('Third')))).toBe('Third!');
  });

  it('stay inside their paragraph, even at its very end', () => {
    expect(slice(sentenceAround(TEXT, at('Third!', 6)))).toBe('Third!');
    expect(slice(sentenceAround(TEXT, TEXT.length))).toBe('Last paragraph');
  });
});

describe('words', () => {
  it('move forward to the end of the word at or after the caret', () => {
    expect(nextWordEnd(TEXT, at('First'))).toBe(at('First', 5));
    expect(nextWordEnd(TEXT, at('First', 5))).toBe(at('sentence', 8));
    expect(nextWordEnd(TEXT, at('Third!', 5))).toBe(at('Last', 4));
    expect(nextWordEnd(TEXT, TEXT.length)).toBe(TEXT.length);
  });

  it('move back to the start of the word at or before the caret, across blocks', () => {
    expect(previousWordStart(TEXT, at('sentence', 3))).toBe(at('sentence'));
    expect(previousWordStart(TEXT, at('First'))).toBe(at('here'));
    expect(previousWordStart(TEXT, 0)).toBe(0);
  });

  it('find a word beyond a long run of punctuation by widening the window', () => {
    const text = `start ${'—'.repeat(2000)} end`;
    expect(nextWordEnd(text, 6)).toBe(text.length);
    expect(previousWordStart(text, text.length - 4)).toBe(0);
  });

  it('segment scripts without spaces between words', () => {
    const text = 'これは日本語の文です。';
    const end = nextWordEnd(text, 0);
    expect(end).toBeGreaterThan(0);
    expect(end).toBeLessThan(text.length);
  });
});
