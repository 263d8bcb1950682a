// Notes from Markdown: the shortcut for plain one-line notes must give exactly what the
// editor gives, or a note's stored state would depend on which path made it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editorNoteFromMarkdown, noteFromMarkdown } from '../../src/shared/notes';

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
