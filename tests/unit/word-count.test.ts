// A document's word count, shown in the library: runs of letters or digits in any script,
// joined by apostrophes or hyphens, counted without keeping the words.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countWords } from '../../src/shared/lexical-document';

/** The words themselves, as the count once collected them. */
const wordsOf = (text: string): string[] => text.match(/[\p{L}\p{N}\p{M}]+(?:['’-][\p{L}\p{N}\p{M}]+)*/gu) ?? [];

describe('the word count', () => {
  it('counts words in any script, joined by apostrophes and hyphens, and nothing in punctuation alone', () => {
    expect(countWords("L'été d'un café — 12,5 km; the co-op’s x-ray")).toBe(9);
    expect(countWords('日本語 テキスト')).toBe(2);
    expect(countWords(" -- '' … ")).toBe(0);
    expect(countWords('')).toBe(0);
  });

  it('is the number of words found, for any text, and the same when counted again', () => {
    const pieces = fc.constantFrom('a', 'é', '1', '日', '\u0301', "'", '’', '-', ' ', '\n', '.', '😀', 'word');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(countWords(text)).toBe(wordsOf(text).length);
        expect(countWords(text)).toBe(countWords(text));
      }),
      { numRuns: 500 },
    );
  });
});
