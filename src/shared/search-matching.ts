// Finds a parsed query's terms in text the way FTS5 matched them (whole words, case- and
// diacritic-insensitive, prefix* to a word's end), so snippets can mark each match and a
// document's passages can be counted: words of one query that stand together are one hit.
import type { SearchTerm } from './search-query';

export interface SnippetPart {
  text: string;
  match: boolean;
}

const FOLDABLE = /[\u00C0-\u024F\u1E00-\u1EFF]/gu;

/**
 * Removes diacritics from Latin letters without changing the text's length, so offsets
 * found in the folded text are offsets in the original (FTS5 folds them the same way).
 */
export function foldDiacritics(text: string): string {
  if (!/[\u00C0-\u024F\u1E00-\u1EFF]/u.test(text)) return text;
  return text.replace(FOLDABLE, (char) => {
    const base = char.normalize('NFD')[0]!;
    return base.length === 1 && base !== char ? base : char;
  });
}

/** A term's pattern as FTS5 tokenizes it: its words in order, separated by anything that is not a letter or digit. */
function termPattern(term: SearchTerm): string | null {
  const words = foldDiacritics(term.text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '')
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (words.length === 0) return null;
  return `${words.join('[^\\p{L}\\p{N}]+')}${term.prefix ? '[\\p{L}\\p{N}]*' : ''}`;
}

/**
 * Matches any of the terms up to a word's end (prefix terms: any word they start),
 * case- and diacritic-insensitively; eachWordMatch checks that a match starts a word.
 */
export function termRegex(terms: readonly SearchTerm[]): RegExp | null {
  const patterns = terms
    .map((term, index) => ({ index, pattern: termPattern(term) }))
    .filter((entry): entry is { index: number; pattern: string } => entry.pattern !== null);
  if (patterns.length === 0) return null;
  // Longer patterns first, so a phrase wins over a word it starts with.
  const groups = patterns.sort((a, b) => b.pattern.length - a.pattern.length).map(({ pattern }) => `(${pattern})`);
  return new RegExp(`(?:${groups.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

function isWordChar(code: number, char: string): boolean {
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return WORD_CHAR.test(char);
}

/** A word starts here: after a non-word character, or at a capital inside a camel-cased word (#deleteFacebook). */
function startsWord(text: string, index: number): boolean {
  if (index === 0) return true;
  const before = text.charCodeAt(index - 1);
  if (!isWordChar(before, text[index - 1]!)) return true;
  const at = text.charCodeAt(index);
  if (before < 128 && at < 128) return before >= 97 && before <= 122 && at >= 65 && at <= 90;
  return /\p{Ll}/u.test(text[index - 1]!) && /\p{Lu}/u.test(text[index] ?? '');
}

/** Calls found(match) for each termRegex match in text that starts a word; offsets are the text's, though matched in its folded copy. */
export function eachWordMatch(text: string, regex: RegExp, found: (match: RegExpExecArray) => void): void {
  const folded = foldDiacritics(text);
  regex.lastIndex = 0;
  for (let match = regex.exec(folded); match; match = regex.exec(folded)) {
    if (startsWord(text, match.index)) found(match);
    else regex.lastIndex = match.index + 1;
  }
}

/** Which of termRegex's alternatives (one per term) a match is of. */
function matchedTerm(match: RegExpExecArray): number {
  for (let group = 1; group < match.length; group += 1) if (match[group] !== undefined) return group - 1;
  return 0;
}

/**
 * Splits text into plain parts and the given marked spans (offsets into text), whitespace collapsed;
 * with a `blockSeparator`, each blank line (where one block ends and the next begins) becomes it.
 */
export function partsAround(
  text: string,
  marks: ReadonlyArray<{ start: number; end: number }>,
  blockSeparator?: string,
): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let last = 0;
  const collapsed = (slice: string) =>
    (blockSeparator ? slice.replace(/\s*\n\n\s*/g, blockSeparator) : slice).replace(/\s+/g, ' ');
  const push = (slice: string, match: boolean) => {
    if (slice !== '') parts.push({ text: collapsed(slice), match });
  };
  for (const mark of marks) {
    if (mark.start < last) continue;
    push(text.slice(last, mark.start), false);
    push(text.slice(mark.start, mark.end), true);
    last = mark.end;
  }
  push(text.slice(last), false);
  return parts;
}

/** Splits a snippet into plain and matching parts (termRegex's), so the UI can mark matches without HTML. */
export function snippetParts(text: string, regex: RegExp | null): SnippetPart[] {
  if (!regex) return [{ text, match: false }];
  const marks: Array<{ start: number; end: number }> = [];
  eachWordMatch(text, regex, (match) => marks.push({ start: match.index, end: match.index + match[0].length }));
  return partsAround(text, marks);
}

/** Matches of different terms this close (and on one line) are one passage: one hit, not one per word. */
const PASSAGE_GAP = 40;

export interface Passage {
  start: number;
  end: number;
  marks: Array<{ start: number; end: number }>;
}

/**
 * Every passage of the text where termRegex's terms occur. Each occurrence of a one-word query is
 * its own passage; the words of a longer query that stand together make one passage.
 */
export function findPassages(text: string, regex: RegExp | null): Passage[] {
  if (!regex) return [];
  const passages: Passage[] = [];
  let current: Passage | null = null;
  let seen = 0;
  eachWordMatch(text, regex, (match) => {
    const start = match.index;
    const end = start + match[0].length;
    // Up to 31 terms are told apart; more than that is a passage per match.
    const term = 1 << Math.min(31, matchedTerm(match));
    if (
      current &&
      (seen & term) === 0 &&
      start - current.end <= PASSAGE_GAP &&
      !lineBreakBetween(text, current.end, start)
    ) {
      current.end = end;
      current.marks.push({ start, end });
      seen |= term;
      return;
    }
    current = { start, end, marks: [{ start, end }] };
    passages.push(current);
    seen = term;
  });
  return passages;
}

function lineBreakBetween(text: string, from: number, to: number): boolean {
  for (let index = from; index < to; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 10 || code === 13) return true;
  }
  return false;
}
