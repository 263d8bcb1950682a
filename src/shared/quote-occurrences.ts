// Finds where a quote typed by a person occurs in a document's text. People type plain
// spaces; documents hold no-break, thin and ideographic spaces, tabs and line breaks. So
// any run of Unicode whitespace in the quote matches any run in the text.

export interface TextSpan {
  start: number;
  end: number;
}

function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

/** Every span of `text` the quote matches, overlapping ones included, in reading order. */
export function findQuoteOccurrences(text: string, quote: string): TextSpan[] {
  const words = quote.trim().split(/\s+/u).filter((word) => word !== '');
  if (words.length === 0) return [];
  const pattern = new RegExp(words.map(escapeRegExp).join('\\s+'), 'gu');
  const spans: TextSpan[] = [];
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    spans.push({ start: match.index, end: match.index + match[0].length });
    pattern.lastIndex = match.index + 1; // "aa" occurs twice in "aaa", as indexOf would find
  }
  return spans;
}

/** The span with up to `width` characters of whole words either side, on one line: "…before [quote] after…". */
export function quoteInContext(text: string, span: TextSpan, width = 48): string {
  const from = Math.max(0, span.start - width);
  const to = Math.min(text.length, span.end + width);
  let before = text.slice(from, span.start);
  let after = text.slice(span.end, to);
  // Cut words are left out, whole ones kept.
  if (from > 0) before = `…${/\s/u.test(text[from - 1]!) ? before : before.replace(/^\S*/u, '')}`.replace(/^…\s+/u, '…');
  if (to < text.length) after = `${/\s/u.test(text[to]!) ? after : after.replace(/\S*$/u, '')}…`.replace(/\s+…$/u, '…');
  return `${before}[${text.slice(span.start, span.end)}]${after}`.replace(/\s+/gu, ' ');
}
