// Re-anchors an annotation in a document whose text may have changed. In order:
//   1. the stored position, if the quote is still there (exact);
//   2. the quote found verbatim elsewhere, the best candidate chosen by how well its
//      surroundings match the stored prefix and suffix and how near it is (moved);
//   3. the best approximate match of the quote (Myers' bit-parallel algorithm via
//      approx-string-match), scored on quote, context and position (fuzzy);
//   4. otherwise an orphan: never deleted, listed for the user to re-attach.
import search from 'approx-string-match';
import type { AnchorStatus, TextPositionSelector, TextQuoteSelector } from './selectors';

export interface AnchorResult {
  status: AnchorStatus;
  start: number;
  end: number;
  /** 1 for an exact anchor; the match score for moved and fuzzy ones; 0 for orphans. */
  score: number;
}

const WEIGHTS = { quote: 50, prefix: 20, suffix: 20, position: 2 };
const WEIGHT_TOTAL = WEIGHTS.quote + WEIGHTS.prefix + WEIGHTS.suffix + WEIGHTS.position;
/** The most verbatim occurrences of a quote that are scored; the nearest ones are kept. */
const MAX_EXACT_CANDIDATES = 2000;
/**
 * A quote this long, found verbatim, is trusted wherever it is; a shorter one must also
 * have at least one side of its surroundings still recognisable, or it is more likely a
 * different passage that happens to use the same words.
 */
export const SELF_EVIDENT_QUOTE_LENGTH = 48;
/** Unrelated text in the same language already scores about 0.5, so the bars sit well above it. */
export const MIN_MOVED_CONTEXT_SIMILARITY = 0.75;
export const MIN_FUZZY_CONTEXT_SIMILARITY = 0.8;
/** A fuzzy match must keep this share of the quote... */
export const MIN_FUZZY_QUOTE_SIMILARITY = 0.75;
/** ...and reach this overall score, or the annotation is an orphan. */
export const MIN_FUZZY_SCORE = 0.7;

/** Similarity (0..1) of `pattern` to the closest substring of `window`. */
function contextSimilarity(window: string, pattern: string): number {
  if (pattern.length === 0) return 1;
  if (window.length === 0) return 0;
  const matches = search(window, pattern, pattern.length);
  let best = pattern.length;
  for (const match of matches) best = Math.min(best, match.errors);
  return 1 - best / pattern.length;
}

interface CandidateScore {
  score: number;
  /** How well the better-matching side of the surroundings agrees (0..1). */
  context: number;
}

function scoreCandidate(
  text: string,
  quote: TextQuoteSelector,
  start: number,
  end: number,
  quoteSimilarity: number,
  hint: number,
): CandidateScore {
  // The context right next to the candidate, with a little slack for edits near the edge.
  const slack = 4;
  const prefixWindow = text.slice(Math.max(0, start - quote.prefix.length - slack), start);
  const suffixWindow = text.slice(end, end + quote.suffix.length + slack);
  const prefixScore = prefixWindow.endsWith(quote.prefix) ? 1 : contextSimilarity(prefixWindow, quote.prefix);
  const suffixScore = suffixWindow.startsWith(quote.suffix) ? 1 : contextSimilarity(suffixWindow, quote.suffix);
  const positionScore = text.length === 0 ? 1 : 1 - Math.min(1, Math.abs(start - hint) / text.length);
  const score =
    (WEIGHTS.quote * quoteSimilarity +
      WEIGHTS.prefix * prefixScore +
      WEIGHTS.suffix * suffixScore +
      WEIGHTS.position * positionScore) /
    WEIGHT_TOTAL;
  return { score, context: Math.max(prefixScore, suffixScore) };
}

function exactOccurrences(text: string, exact: string, hint: number): number[] {
  const found: number[] = [];
  let index = text.indexOf(exact);
  while (index !== -1) {
    found.push(index);
    index = text.indexOf(exact, index + 1);
  }
  if (found.length <= MAX_EXACT_CANDIDATES) return found;
  return found.sort((a, b) => Math.abs(a - hint) - Math.abs(b - hint)).slice(0, MAX_EXACT_CANDIDATES);
}

/** Anchors a point (a note pinned between two characters) by the text around it. */
function anchorPoint(text: string, quote: TextQuoteSelector, position: TextPositionSelector): AnchorResult {
  const at = position.start;
  if (
    at <= text.length &&
    text.slice(at - quote.prefix.length, at) === quote.prefix &&
    text.slice(at, at + quote.suffix.length) === quote.suffix
  ) {
    return { status: 'exact', start: at, end: at, score: 1 };
  }
  const joined = anchorSpan(
    text,
    { type: 'TextQuoteSelector', exact: quote.prefix + quote.suffix, prefix: '', suffix: '' },
    {
      type: 'TextPositionSelector',
      start: at - quote.prefix.length,
      end: at + quote.suffix.length,
    },
  );
  if (joined.status === 'orphan') return joined;
  const point = Math.min(joined.end, joined.start + quote.prefix.length);
  return { ...joined, status: joined.status === 'exact' ? 'moved' : joined.status, start: point, end: point };
}

function anchorSpan(text: string, quote: TextQuoteSelector, position: TextPositionSelector): AnchorResult {
  const { exact } = quote;
  if (exact.length === 0) return { status: 'orphan', start: 0, end: 0, score: 0 };
  if (text.slice(position.start, position.end) === exact) {
    return { status: 'exact', start: position.start, end: position.end, score: 1 };
  }
  const hint = position.start;

  const occurrences = exactOccurrences(text, exact, hint);
  if (occurrences.length > 0) {
    let best = { start: occurrences[0]!, score: -1, context: 0 };
    for (const start of occurrences) {
      const candidate = scoreCandidate(text, quote, start, start + exact.length, 1, hint);
      if (candidate.score > best.score) best = { start, ...candidate };
    }
    if (exact.length >= SELF_EVIDENT_QUOTE_LENGTH || best.context >= MIN_MOVED_CONTEXT_SIMILARITY) {
      return { status: 'moved', start: best.start, end: best.start + exact.length, score: Math.min(1, best.score) };
    }
  }

  const maxErrors = Math.min(256, Math.floor(exact.length * (1 - MIN_FUZZY_QUOTE_SIMILARITY)));
  if (maxErrors === 0) return { status: 'orphan', start: position.start, end: position.end, score: 0 };
  const matches = search(text, exact, maxErrors);
  let best: AnchorResult = { status: 'orphan', start: position.start, end: position.end, score: 0 };
  let bestContext = 0;
  for (const match of matches) {
    const similarity = 1 - match.errors / exact.length;
    const { score, context } = scoreCandidate(text, quote, match.start, match.end, similarity, hint);
    if (score > best.score) {
      best = { status: 'fuzzy', start: match.start, end: match.end, score };
      bestContext = context;
    }
  }
  if (best.status === 'fuzzy' && best.score >= MIN_FUZZY_SCORE && bestContext >= MIN_FUZZY_CONTEXT_SIMILARITY)
    return best;
  return { status: 'orphan', start: position.start, end: position.end, score: 0 };
}

export function anchor(text: string, quote: TextQuoteSelector, position: TextPositionSelector): AnchorResult {
  return quote.exact.length === 0 ? anchorPoint(text, quote, position) : anchorSpan(text, quote, position);
}
