// Which span `annotate --quote` means: the only occurrence, the Nth with --occurrence, or,
// when the quote occurs more than once and no N was given, a refusal listing each place
// with its context, so nobody highlights the title when they meant the third paragraph.
import { countOf, nounFor, timesOf } from '../shared/plural';
import type { TextSpan } from '../shared/quote-occurrences';
import { enclosingWord, findQuoteOccurrences, quoteInContext } from '../shared/quote-occurrences';
import { UserFacingError } from '../shared/result';

/** More places than this are summed up in one line. */
export const MAX_LISTED_OCCURRENCES = 20;

/**
 * One numbered line per place, numbered in reading order as --occurrence counts them; a
 * place that begins or ends inside a word says which word, so "Sabratha" in "Sabrathan" is plain.
 */
function placesList(text: string, spans: readonly TextSpan[]): string[] {
  const listed = spans.slice(0, MAX_LISTED_OCCURRENCES).map((span, index) => {
    const word = enclosingWord(text, span);
    return `${String(index + 1).padStart(4)}  ${quoteInContext(text, span)}${word === undefined ? '' : `  (inside “${word}”)`}`;
  });
  const rest = spans.length - listed.length;
  return [...listed, ...(rest > 0 ? [`      and ${countOf(rest, 'more place')}`] : [])];
}

function ambiguity(text: string, quote: string, title: string, spans: readonly TextSpan[]): UserFacingError {
  return new UserFacingError(
    'AMBIGUOUS',
    [
      `“${quote}” occurs ${timesOf(spans.length)} in “${title}”; say which with --occurrence N:`,
      ...placesList(text, spans),
    ].join('\n'),
  );
}

/** No exact match: say so, and where the quote matches with other capitals, if anywhere. */
function notFound(text: string, quote: string, title: string): UserFacingError {
  const other = findQuoteOccurrences(text, quote, { ignoreCase: true });
  if (other.length === 0) return new UserFacingError('NOT_FOUND', `“${quote}” does not occur in “${title}”.`);
  return new UserFacingError(
    'NOT_FOUND',
    [
      `“${quote}” has no exact match in “${title}”; ${countOf(other.length, 'place')} ` +
        `${nounFor(other.length, 'matches', 'match')} ignoring case (use the text's own capitals):`,
      ...placesList(text, other),
    ].join('\n'),
  );
}

/** `occurrence` counts from 1; undefined means the quote must be unique. */
export function chooseQuoteSpan(text: string, quote: string, occurrence: number | undefined, title: string): TextSpan {
  const spans = findQuoteOccurrences(text, quote);
  if (spans.length === 0) throw notFound(text, quote, title);
  if (occurrence === undefined) {
    if (spans.length > 1) throw ambiguity(text, quote, title, spans);
    return spans[0]!;
  }
  const span = spans[occurrence - 1];
  if (span === undefined)
    throw new UserFacingError('NOT_FOUND', `“${quote}” occurs only ${timesOf(spans.length)} in “${title}”.`);
  return span;
}
