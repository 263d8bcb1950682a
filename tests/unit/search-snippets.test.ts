import { describe, expect, it } from 'vitest';
import type { Passage, SnippetPart } from '../../src/shared/search-matching';
import { findPassages, termRegex } from '../../src/shared/search-matching';
import { parseSearchQuery } from '../../src/shared/search-query';
import type { SnippetSource } from '../../src/shared/search-snippets';
import { snippetOfPassage } from '../../src/shared/search-snippets';

/** A document's text as its blocks join (a blank line between each), the first its title. */
function documentOf(...blocks: string[]): SnippetSource {
  return { text: blocks.join('\n\n'), titleEnd: blocks[0]!.length };
}

const passagesOf = (source: SnippetSource, query: string): Passage[] =>
  findPassages(source.text, termRegex(parseSearchQuery(query).terms));

/** A snippet as the CLI prints it, each match between ⟦ and ⟧. */
const printed = (parts: SnippetPart[]): string =>
  parts.map((part) => (part.match ? `⟦${part.text}⟧` : part.text)).join('');

const snippetsOf = (source: SnippetSource, query: string): string[] =>
  passagesOf(source, query).map((passage) => printed(snippetOfPassage(source, passage)));

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

  it('does not cut a paragraph that starts or ends just inside the context, nor add “…” there', () => {
    const source = documentOf('Log', 'Before.', `${'x'.repeat(58)} skiff ${'y'.repeat(58)}`, 'After.');
    expect(snippetsOf(source, 'skiff')).toEqual([`${'x'.repeat(58)} ⟦skiff⟧ ${'y'.repeat(58)}`]);
  });
});
