import { describe, expect, it } from 'vitest';
import type { Passage, SnippetPart } from '../../src/shared/search-matching';
import { findPassages, termRegex } from '../../src/shared/search-matching';
import { parseSearchQuery } from '../../src/shared/search-query';
import type { SnippetSource } from '../../src/shared/search-snippets';
import { mergeSameSnippets, snippetOfPassage, snippetSource } from '../../src/shared/search-snippets';

/** A document's text as its blocks join (a blank line between each), the first its title. */
function documentOf(...blocks: string[]): SnippetSource {
  return snippetSource(blocks[0]!, blocks.join('\n\n'));
}

const passagesOf = (source: SnippetSource, query: string): Passage[] =>
  findPassages(source.text, termRegex(parseSearchQuery(query).terms));

/** A snippet as the CLI prints it, each match between ⟦ and ⟧. */
const printed = (parts: SnippetPart[]): string =>
  parts.map((part) => (part.match ? `⟦${part.text}⟧` : part.text)).join('');

const snippetsOf = (source: SnippetSource, query: string): string[] =>
  mergeSameSnippets(source, passagesOf(source, query)).map((passage) => printed(snippetOfPassage(source, passage)));

describe('a search hit’s snippet', () => {
  const report = documentOf(
    'Port report',
    'The patrol boats turned back toward the harbour.',
    'Harbour Security Guards',
    'Guards were posted at the gate after dark.',
  );

  it('stays within the paragraph that holds the match, never running into the heading after it', () => {
    expect(snippetsOf(report, 'toward')).toEqual(['The patrol boats turned back ⟦toward⟧ the harbour.']);
  });

  it('stays within the heading that holds the match, never running into the paragraphs either side', () => {
    expect(snippetsOf(report, 'security')).toEqual(['Harbour ⟦Security⟧ Guards']);
  });

  it('marks the break between blocks when a phrase runs across it, so they never read as one sentence', () => {
    expect(snippetsOf(report, '"harbour harbour"')).toEqual([
      'The patrol boats turned back toward the ⟦harbour. ¶ Harbour⟧ Security Guards',
    ]);
  });

  it('cuts a long paragraph some words either side of the match, with “…” where it goes on', () => {
    const long = documentOf(
      'Log',
      `${'The tide rose slowly. '.repeat(6)}A skiff came in. ${'Gulls circled. '.repeat(6)}`,
    );
    const [snippet] = snippetsOf(long, 'skiff');
    expect(snippet).toMatch(/^….*A ⟦skiff⟧ came in\..*…$/);
    expect(snippet!.length).toBeLessThan(long.text.length);
  });

  it('cuts a long paragraph between words, never opening or ending with part of one', () => {
    const sentence =
      'Inspectors visited on 2 June 2026 and the harbourmaster Omar Belkacem said the weighbridge had been recalibrated twice since January.';
    const long = documentOf('Log', sentence);
    expect(snippetsOf(long, 'Belkacem')).toEqual([
      '…visited on 2 June 2026 and the harbourmaster Omar ⟦Belkacem⟧ said the weighbridge had been recalibrated twice since…',
    ]);
    // Wherever the cut falls, each word the snippet shows is one of the sentence's whole words.
    const words = new Set(sentence.split(' '));
    for (const shift of ['', 'A', 'An ', 'Two ']) {
      const shifted = documentOf('Log', `${shift}${sentence}`);
      const shown = snippetsOf(shifted, 'Belkacem')[0]!.replace(/[…⟦⟧]/g, '').split(' ');
      expect(shown.filter((word) => !words.has(word) && !`${shift}Inspectors`.includes(word))).toEqual([]);
    }
  });

  it('does not cut a paragraph that starts or ends just inside the context, nor add “…” there', () => {
    const source = documentOf('Log', 'Before.', `${'x'.repeat(58)} skiff ${'y'.repeat(58)}`, 'After.');
    expect(snippetsOf(source, 'skiff')).toEqual([`${'x'.repeat(58)} ⟦skiff⟧ ${'y'.repeat(58)}`]);
  });
});

describe('hits whose snippets would read the same', () => {
  it('are one hit: a name and its address in an e-mail’s From line, both marked', () => {
    const mail = documentOf('Port visit', 'From: Rania Haddad <rania@example.org>', 'Rania said the port was quiet.');
    expect(passagesOf(mail, 'rania')).toHaveLength(3);
    expect(snippetsOf(mail, 'rania')).toEqual([
      'From: ⟦Rania⟧ Haddad <⟦rania⟧@example.org>',
      '⟦Rania⟧ said the port was quiet.',
    ]);
  });

  it('are one hit for a word the title holds twice, as the title shows whole', () => {
    const source = documentOf('Facebook is tracking me though I am not on Facebook', 'Facebook said nothing.');
    expect(snippetsOf(source, 'facebook')).toEqual([
      '⟦Facebook⟧ is tracking me though I am not on ⟦Facebook⟧',
      '⟦Facebook⟧ said nothing.',
    ]);
  });

  it('stay apart when their snippets differ: far apart in a long paragraph, or in blocks of their own', () => {
    const filler = 'and the quay stood empty while the tide came in, ';
    const long = documentOf('Log', `A skiff left ${filler.repeat(3)}then a skiff returned.`, 'One more skiff.');
    const snippets = snippetsOf(long, 'skiff');
    expect(snippets).toHaveLength(3);
    expect(new Set(snippets).size).toBe(3);
  });
});
