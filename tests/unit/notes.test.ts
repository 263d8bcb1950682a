// Notes from Markdown: the shortcut for plain one-line notes must give exactly what the
// editor gives, or a note's stored state would depend on which path made it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editorNoteFromMarkdown, noteFromMarkdown, plainTextAsMarkdown } from '../../src/shared/notes';

const WORD_CHARACTERS = [...'abcdefghijklmnopqrstuvwxyzÀéøßАжΩ0123456789'];
const PUNCTUATION = [...' ,.;:?!\'"‘’“”()–—-'];

describe('notes from Markdown', () => {
  it('turns a plain line into the same note, text and Markdown as the editor does', () => {
    const line = fc
      .tuple(
        fc.constantFrom(...WORD_CHARACTERS.filter((character) => /\p{L}/u.test(character))),
        fc.array(fc.constantFrom(...WORD_CHARACTERS, ...PUNCTUATION), { maxLength: 80 }),
      )
      .map(([first, rest]) => first + rest.join(''));
    fc.assert(
      fc.property(line, fc.boolean(), (markdown, keepMarkdown) => {
        expect(noteFromMarkdown(markdown, { keepMarkdown })).toEqual(
          editorNoteFromMarkdown(markdown, { keepMarkdown }),
        );
      }),
      { numRuns: 400 },
    );
  });

  it('still reads lists, emphasis, code and links through the editor', () => {
    for (const markdown of [
      '- one\n- two',
      '1. first',
      'some **bold** text',
      'a `code` span',
      'see [the report](https://example.org)',
      'snake_case _italic_ word',
    ]) {
      const note = noteFromMarkdown(markdown, { keepMarkdown: true });
      expect(note).toEqual(editorNoteFromMarkdown(markdown, { keepMarkdown: true }));
      expect(note.lexicalJson).not.toBe('');
    }
    expect(
      JSON.parse(noteFromMarkdown('some **bold** text').lexicalJson).root.children[0].children.some(
        (child: { format: number }) => child.format === 1,
      ),
    ).toBe(true);
  });
});

describe('plain text kept as a note', () => {
  const markupHeavy = fc.string({
    unit: fc.constantFrom(...'ab 1.-+>*_`[]()<>~|#\\!'.split('')),
    maxLength: 24,
  });

  it('reads back as exactly its text, with no bold, code, link or list made of its characters', () => {
    fc.assert(
      fc.property(markupHeavy, (line) => {
        const text = line.trim();
        fc.pre(text !== '');
        const note = noteFromMarkdown(plainTextAsMarkdown(text));
        expect(note.text).toBe(text);
        expect(note.lexicalJson).not.toMatch(/"format":[1-9]|"type":"(link|list|listitem)"/);
      }),
      { numRuns: 400 },
    );
  });

  it('keeps “**stars**” as stars and each line a line, and ordinary prose as it is', () => {
    expect(noteFromMarkdown(plainTextAsMarkdown('Say **stars** here\n1. not a list')).text).toBe(
      'Say **stars** here\n1. not a list',
    );
    expect(plainTextAsMarkdown('Check p. 3 (the map), it’s wrong!')).toBe('Check p. 3 (the map), it’s wrong!');
  });
});
