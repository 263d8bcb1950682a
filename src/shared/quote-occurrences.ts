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

/** Every span of `text` the quote matches, overlapping ones included, in reading order. */
export function findQuoteOccurrences(text: string, quote: string, matching: QuoteMatching = {}): TextSpan[] {
  if (quote.trim() === '') return [];
  const pattern = new RegExp(patternFor(quote), matching.ignoreCase ? 'giu' : 'gu');
  const spans: TextSpan[] = [];
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    spans.push({ start: match.index, end: match.index + match[0].length });
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
