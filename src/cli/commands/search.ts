// `marginalia search QUERY`: text, quotes, notes and tags, a page of hits at a time with the
// true totals first.
import { Command } from 'commander';
import type { SearchHit, SearchResults } from '../../shared/search-results';
import { MAX_SEARCH_PAGE_SIZE, SEARCH_PAGE_SIZE, searchHitLabel } from '../../shared/search-results';
import type { CliSession } from '../session';
import { parsedOption, wholeNumber } from '../usage';
import { groupedCountOf } from '../../shared/plural';
import { UserFacingError } from '../../shared/result';
import { clipWords } from '../../shared/clip-text';

const MATCH_OPEN = '⟦';
const MATCH_CLOSE = '⟧';

interface SearchOptions {
  offset?: number;
  limit?: number;
}

/** A terminal's width, which each hit's lines keep within. */
const WIDTH = 80;
const LABEL_INDENT = '  ';
const SNIPPET_INDENT = '    ';

/** Where a hit is, as a person cites it: its page, and the section it falls under (cut to `room`), either, or nothing. */
function hitPlace(hit: SearchHit, room: number): string {
  const page = hit.page?.text ?? '';
  const left = room - (page ? page.length + 3 : 0);
  const section = hit.section ? `in “${clipWords(hit.section, Math.max(12, left - 5))}”` : '';
  return [page, section].filter(Boolean).join(' · ');
}

/** What a hit is and where: "passage · p. 3 · in “Methods”", "heading", "passage · in “Methods”", "annotation ID · p. 3 · B2", "title". */
function hitLabel(hit: SearchHit): string {
  const what = hit.kind === 'annotation' ? `annotation ${hit.annotationId}` : searchHitLabel(hit).toLowerCase();
  const grade = hit.grade ? `${hit.grade.reliability}${hit.grade.credibility}` : '';
  const room = WIDTH - LABEL_INDENT.length - [what, grade].filter(Boolean).join(' · ').length - 3;
  return [what, hitPlace(hit, room), grade].filter(Boolean).join(' · ');
}

/** Text on lines of at most `width` characters, broken between words (a longer word keeps a line of its own). */
function wrapped(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ').filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return line ? [...lines, line] : lines;
}

/** A hit as a block of its own: its label, then its snippet on one line or more, indented beneath. */
function hitBlock(hit: SearchHit): string {
  const snippet = hit.snippet
    .map((part) => (part.match ? markedMatch(part.text) : part.text))
    .join('')
    .replace(/\s+/g, ' ');
  const lines = wrapped(snippet, WIDTH - SNIPPET_INDENT.length).map((line) => `${SNIPPET_INDENT}${line}`);
  return [`${LABEL_INDENT}${hitLabel(hit)}`, ...lines].join('\n');
}

/**
 * A match as printed: between ⟦ and ⟧, which text hardly ever holds, where square brackets would
 * run into the text's own (an image's "[Image: Map of the delta ⟦channels⟧]").
 */
function markedMatch(text: string): string {
  return `${MATCH_OPEN}${text}${MATCH_CLOSE}`;
}

/** A search page as text: the true totals first, then each document's hits, then how to see more. */
function searchReport(results: SearchResults): string {
  if (results.total === 0) return 'No results.\n';
  const shown = results.groups.reduce((sum, group) => sum + group.hits.length, 0);
  const last = results.offset + shown;
  const groups = results.groups.map((group) => {
    // A blank line between hits, so one hit's snippet never runs into the next.
    const hits = group.hits.map(hitBlock).join('\n\n');
    return `${group.title} (${group.documentId}): ${groupedCountOf(group.total, 'result', undefined, 'en')}\n\n${hits}`;
  });
  const more =
    last < results.total
      ? `\nShowing ${results.offset + 1}–${last} of ${results.total.toLocaleString('en')}; --offset ${last} shows the next.\n`
      : '';
  const totals = `${groupedCountOf(results.total, 'result', undefined, 'en')} in ${groupedCountOf(results.documents, 'document', undefined, 'en')}`;
  return `${totals}\n\n${groups.join('\n\n')}\n${more}`;
}

export function searchCommand(session: CliSession): Command {
  const { argv } = session;
  return new Command('search')
    .summary('search text, quotes, notes and tags; prints the total and 50 hits a page')
    .description(
      'Search document text, quotes, notes and tags: words, "phrases", prefix*, OR, NOT, (groups), tag:Actor/IS, color:red, ' +
        'author:NAME, is:orphan. Prints the total, then 50 hits a page, each with what and where it is (its page and the ' +
        'section it falls under) and its snippet, each match marked ⟦so⟧; --json gives offsets too.',
    )
    .argument('<query...>', 'the query (several words are one query)')
    .usage('QUERY [--offset N] [--limit N]')
    .addOption(
      parsedOption('--offset <n>', 'skip this many hits (for the next page)', argv, wholeNumber('--offset', 0)),
    )
    .addOption(
      parsedOption(
        '--limit <n>',
        `show this many hits (1 to ${MAX_SEARCH_PAGE_SIZE}; default ${SEARCH_PAGE_SIZE})`,
        argv,
        wholeNumber('--limit', 1, MAX_SEARCH_PAGE_SIZE),
      ),
    )
    .addHelpText(
      'after',
      `\nExamples:\n  marginalia search 'tag:Claim "11 people"'\n  marginalia search Facebook --offset 50\n` +
        `  marginalia --json search 'author:"Ada Analyst"' --limit 5`,
    )
    .action(async (words: string[], options: SearchOptions) => {
      const results = await session.call('search', {
        query: words.join(' '),
        offset: options.offset ?? 0,
        limit: options.limit ?? SEARCH_PAGE_SIZE,
      });
      // A filter that names nothing (grade:Z9, source:Nobody) means the query was not run as typed.
      if (results.problems.length > 0)
        throw new UserFacingError('INVALID_QUERY', `The search could not be run: ${results.problems.join(' ')}`);
      session.print(searchReport(results), results);
    });
}
