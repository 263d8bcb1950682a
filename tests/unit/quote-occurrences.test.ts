import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countOf, timesOf } from '../../src/shared/plural';
import { enclosingWord, findQuoteOccurrences, quoteInContext } from '../../src/shared/quote-occurrences';

describe('finding a typed quote in a document', () => {
  it('matches any run of Unicode whitespace in the text with any run in the quote', () => {
    const text = 'one\u00a0two\u2009\u2009three\u3000four\nfive\tsix';
    expect(findQuoteOccurrences(text, 'one two three four five six')).toEqual([{ start: 0, end: text.length }]);
    expect(findQuoteOccurrences(text, '  two   three ')).toEqual([{ start: 4, end: 14 }]);
    expect(findQuoteOccurrences(text, 'twothree')).toEqual([]);
  });

  it('takes the quote literally, brackets, dots and stars included', () => {
    expect(findQuoteOccurrences('a (b) c.* d', '(b) c.*')).toEqual([{ start: 2, end: 9 }]);
    expect(findQuoteOccurrences('abc', 'a.c')).toEqual([]);
  });

  it('finds overlapping occurrences, as indexOf does', () => {
    expect(findQuoteOccurrences('aaa', 'aa')).toEqual([
      { start: 0, end: 2 },
      { start: 1, end: 3 },
    ]);
  });

  it('finds a quote of many pages, too long for one regular expression, where it is and nowhere it is not', () => {
    const paragraphs = Array.from({ length: 5000 }, (_, index) => `Paragraph ${index}: the convoy passed — again.`);
    const text = `Before.\n\n${paragraphs.join('\n\n')}\n\nAfter.`;
    const quote = paragraphs.join(' ').replace(/—/g, '-');
    const start = text.indexOf('Paragraph 0');
    expect(findQuoteOccurrences(text, quote)).toEqual([{ start, end: text.indexOf('\n\nAfter.') }]);
    expect(findQuoteOccurrences(text, quote.replace('Paragraph 4000', 'Paragraph 4001'))).toEqual([]);
    expect(findQuoteOccurrences(text, quote.replace('Paragraph 4000:', 'Paragraph 4000 :'))).toEqual([]);
  });

  it('finds nothing for a quote of only whitespace', () => {
    expect(findQuoteOccurrences('a b', ' \u00a0 ')).toEqual([]);
  });

  it('finds every passage of the text again when it is typed with plain spaces', () => {
    const word = fc.stringMatching(/^[a-z]{1,6}$/);
    const space = fc.constantFrom(' ', '\u00a0', '\u2009', '\u202f', '\n', '\t', '  ', '\u3000');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(word, space), { minLength: 1, maxLength: 12 }),
        fc.nat(),
        fc.nat(),
        (parts, a, b) => {
          const text = parts.map(([w, s]) => w + s).join('');
          const first = a % parts.length;
          const last = first + (b % (parts.length - first));
          const start = parts.slice(0, first).reduce((sum, [w, s]) => sum + w.length + s.length, 0);
          const typed = parts
            .slice(first, last + 1)
            .map(([w]) => w)
            .join(' ');
          const found = findQuoteOccurrences(text, typed);
          const end =
            start +
            parts.slice(first, last + 1).reduce((sum, [w, s]) => sum + w.length + s.length, 0) -
            parts[last]![1].length;
          expect(found).toContainEqual({ start, end });
        },
      ),
    );
  });

  it('matches straight quotes with curly ones and a hyphen or hyphens with any run of dashes', () => {
    const text = 'Libya’s “sleeper cells” – and ‘others’—said the town’s mayor';
    expect(findQuoteOccurrences(text, `Libya's "sleeper cells" - and 'others'-said`)).toEqual([{ start: 0, end: 43 }]);
    expect(findQuoteOccurrences(text, 'cells” -- and')).toEqual([{ start: 17, end: 29 }]);
    expect(findQuoteOccurrences(text, 'town"s')).toEqual([]);
    expect(findQuoteOccurrences('a-b', 'a b')).toEqual([]);
  });

  it('keeps capitals exact unless asked to ignore them', () => {
    expect(findQuoteOccurrences('Islamic State', 'islamic state')).toEqual([]);
    expect(findQuoteOccurrences('Islamic State', 'islamic state', { ignoreCase: true })).toEqual([
      { start: 0, end: 13 },
    ]);
  });

  it('finds every passage again however its spaces, quotes and dashes were typed', () => {
    const typed = {
      ' ': ' ',
      '\u00a0': ' ',
      '\n': ' ',
      '\u2019': "'",
      '\u2018': "'",
      '\u201c': '"',
      '\u201d': '"',
      '\u2013': '-',
      '\u2014': '--',
      '-': '-',
    } as const;
    const word = fc.stringMatching(/^[a-z]{1,6}$/);
    const between = fc.constantFrom(...(Object.keys(typed) as Array<keyof typeof typed>));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(word, between), { minLength: 1, maxLength: 12 }),
        fc.nat(),
        fc.nat(),
        (parts, a, b) => {
          const text = parts.map(([w, s]) => w + s).join('');
          const first = a % parts.length;
          const last = first + (b % (parts.length - first));
          const start = parts.slice(0, first).reduce((sum, [w, s]) => sum + w.length + s.length, 0);
          const chosen = parts.slice(first, last + 1);
          const quote = chosen.map(([w, s], index) => (index === chosen.length - 1 ? w : w + typed[s])).join('');
          const end = start + chosen.reduce((sum, [w, s]) => sum + w.length + s.length, 0) - parts[last]![1].length;
          expect(findQuoteOccurrences(text, quote)).toContainEqual({ start, end });
        },
      ),
    );
  });

  it('names the word a match begins or ends inside of', () => {
    const text = 'the Sabrathan forces in Sabratha, unSabrathan';
    const spans = findQuoteOccurrences(text, 'Sabratha');
    expect(spans.map((span) => enclosingWord(text, span))).toEqual(['Sabrathan', undefined, 'unSabrathan']);
  });

  it('shows an occurrence with whole words either side on one line', () => {
    const text = 'The first line.\nA second line with the word in it, and then a great deal more text after it.';
    const [span] = findQuoteOccurrences(text, 'word');
    expect(quoteInContext(text, span!, 20)).toBe('…line with the [word] in it, and then a…');
    expect(quoteInContext('word here', { start: 0, end: 4 })).toBe('[word] here');
  });
});

describe('counts in words', () => {
  it('says 1 annotation, 0 annotations, 2 replies', () => {
    expect(countOf(1, 'annotation')).toBe('1 annotation');
    expect(countOf(0, 'annotation')).toBe('0 annotations');
    expect(countOf(2, 'reply', 'replies')).toBe('2 replies');
    expect(countOf(1, 'reply', 'replies')).toBe('1 reply');
    expect([1, 2, 3].map(timesOf)).toEqual(['once', 'twice', '3 times']);
  });
});
