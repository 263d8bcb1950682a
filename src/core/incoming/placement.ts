// The one re-anchoring of an annotation into a text it was not made on here: a sidecar's,
// a bundle's, or this document's own rows after its text changed.
import { anchor } from '../../shared/anchoring';
import type { AnnotationRow } from '../annotations';
import { quoteSelectorFor } from '../../shared/selectors';

/** Where an annotation says it sits: its quote and position, in the text whose SHA-256 it names. */
export interface SentTarget {
  quote: { exact: string; prefix: string; suffix: string };
  position: { start: number; end: number };
  textSha256: string;
}

/** The anchor columns of an annotation row. */
export type Placement = Pick<
  AnnotationRow,
  'start_offset' | 'end_offset' | 'exact' | 'prefix' | 'suffix' | 'text_sha256' | 'anchor_status' | 'anchor_score'
>;

/**
 * Places an annotation in `text` (whose SHA-256 is `textSha256`). Its position is trusted
 * only when it names this very text and the text there is its quote; otherwise it is
 * re-anchored by its quote and surroundings. Anchored, it takes its quote from `text`; an
 * orphan keeps the quote and position it came with, so the person can still see them.
 */
export function placeIncoming(text: string, textSha256: string, target: SentTarget): Placement {
  const { quote, position } = target;
  const trusted =
    target.textSha256 === textSha256 &&
    position.start >= 0 &&
    position.start <= position.end &&
    position.end <= text.length &&
    text.slice(position.start, position.end) === quote.exact;
  const anchored = trusted
    ? { status: 'exact' as const, start: position.start, end: position.end, score: 1 }
    : anchor(text, { type: 'TextQuoteSelector', ...quote }, { type: 'TextPositionSelector', ...position });
  if (anchored.status === 'orphan') {
    return {
      start_offset: position.start,
      end_offset: position.end,
      exact: quote.exact,
      prefix: quote.prefix,
      suffix: quote.suffix,
      text_sha256: textSha256,
      anchor_status: 'orphan',
      anchor_score: 0,
    };
  }
  const found = quoteSelectorFor(text, anchored.start, anchored.end);
  return {
    start_offset: anchored.start,
    end_offset: anchored.end,
    exact: found.exact,
    prefix: found.prefix,
    suffix: found.suffix,
    text_sha256: textSha256,
    anchor_status: anchored.status,
    anchor_score: anchored.score,
  };
}
