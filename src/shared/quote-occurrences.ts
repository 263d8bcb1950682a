// Finds where a quote typed by a person occurs in a document's text. People type plain
// spaces, straight quotes and hyphens; documents hold no-break, thin and ideographic
// spaces, line breaks, curly quotes and en or em dashes. So any run of Unicode whitespace
// in the quote matches any run in the text, any apostrophe or single quote matches any
// other, any double quote any other, and any run of dashes or hyphens any such run.

export interface TextSpan {
  start: number;
  end: number;
}

export interface QuoteMatching {
  /** Off by default: capitals are part of what a person quotes. */
  ignoreCase?: boolean;
}

const SINGLE_QUOTES = "'`\u2018\u2019\u201a\u201b\u2032\u02bc";
const DOUBLE_QUOTES = '"\u201c\u201d\u201e\u201f\u2033';
const DASHES = '\\-\u2010\u2011\u2012\u2013\u2014\u2015\u2212';
const TYPED_PARTS = new RegExp(
  `(\\s+)|([${DASHES}]+)|([${SINGLE_QUOTES}])|([${DOUBLE_QUOTES}])|([\\\\^$.*+?()[\\]{}|/])`,
  'gu',
);

/** The regular expression source matching the quote however its spaces, quotes and dashes are typed. */
function patternFor(quote: string): string {
  return quote.trim().replace(TYPED_PARTS, (all, space?: string, dash?: string, single?: string, double?: string) => {
    if (space) return '\\s+';
    if (dash) return `[${DASHES}]+`;
    if (single) return `[${SINGLE_QUOTES}]`;
    if (double) return `[${DOUBLE_QUOTES}]`;
    return `\\${all}`;
  });
}

/** Quotes longer than this are matched piece by piece: one regular expression for a long quote (a Word comment over many pages) is too large to compile. */
const PIECE = 2000;

/** The quote cut before a run of whitespace every PIECE characters or so; each piece but the first begins with that run. */
function piecesOf(quote: string): string[] {
  const pieces: string[] = [];
  let rest = quote.trim();
  while (rest.length > PIECE) {
    const cut = rest.slice(PIECE).search(/\s/u);
    if (cut === -1) break;
    pieces.push(rest.slice(0, PIECE + cut));
    rest = rest.slice(PIECE + cut);
  }
  return [...pieces, rest];
}

/**
 * Where the rest of a long quote's pieces end when they follow on from `at`, else undefined.
 * Matching piece after piece is the same as matching the whole: each piece begins with \s+,
 * which nothing at the end of the piece before can take, so no match needs to backtrack across.
 */
function restEnd(text: string, rest: readonly RegExp[], at: number): number | undefined {
  let end = at;
  for (const piece of rest) {
    piece.lastIndex = end;
    if (piece.exec(text) === null) return undefined;
    end = piece.lastIndex;
  }
  return end;
}

/** Every span of `text` the quote matches, overlapping ones included, in reading order. */
export function findQuoteOccurrences(text: string, quote: string, matching: QuoteMatching = {}): TextSpan[] {
  if (quote.trim() === '') return [];
  const [first, ...others] = piecesOf(quote).map((piece) => patternFor(piece));
  const flags = matching.ignoreCase ? 'iu' : 'u';
  // patternFor trims: a later piece's leading whitespace is put back as \s+.
  const rest = others.map((piece) => new RegExp(`\\s+${piece}`, `${flags}y`));
  const pattern = new RegExp(first!, `${flags}g`);
  const spans: TextSpan[] = [];
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const end = restEnd(text, rest, match.index + match[0].length);
    if (end !== undefined) spans.push({ start: match.index, end });
    pattern.lastIndex = match.index + 1; // "aa" occurs twice in "aaa", as indexOf would find
  }
  return spans;
}

const WORD_CHARACTER = /[\p{L}\p{N}\p{M}]/u;

/** The whole word(s) around a span that begins or ends inside a word ("Sabrathan" for "Sabratha"), else undefined. */
export function enclosingWord(text: string, span: TextSpan): string | undefined {
  const isWord = (index: number): boolean => index >= 0 && index < text.length && WORD_CHARACTER.test(text[index]!);
  const cutAtStart = isWord(span.start - 1) && isWord(span.start);
  const cutAtEnd = isWord(span.end - 1) && isWord(span.end);
  if (!cutAtStart && !cutAtEnd) return undefined;
  let start = span.start;
  let end = span.end;
  while (isWord(start - 1)) start--;
  while (isWord(end)) end++;
  return text.slice(start, end);
}

/** The span with up to `width` characters of whole words either side, on one line: "…before [quote] after…". */
export function quoteInContext(text: string, span: TextSpan, width = 48): string {
  const from = Math.max(0, span.start - width);
  const to = Math.min(text.length, span.end + width);
  let before = text.slice(from, span.start);
  let after = text.slice(span.end, to);
  // Cut words are left out, whole ones kept.
  if (from > 0)
    before = `…${/\s/u.test(text[from - 1]!) ? before : before.replace(/^\S*/u, '')}`.replace(/^…\s+/u, '…');
  if (to < text.length) after = `${/\s/u.test(text[to]!) ? after : after.replace(/\S*$/u, '')}…`.replace(/\s+…$/u, '…');
  return `${before}[${text.slice(span.start, span.end)}]${after}`.replace(/\s+/gu, ' ');
}
