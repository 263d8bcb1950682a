// W3C Web Annotation selectors as types, and how Marginalia builds them from a span of
// the canonical text. Offsets count UTF-16 code units of the canonical text, the unit
// JavaScript strings index by, in Node and in the renderer alike.

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

export const CONTEXT_LENGTH = 32;

export const ANCHOR_STATUSES = ['exact', 'moved', 'fuzzy', 'orphan'] as const;
export type AnchorStatus = (typeof ANCHOR_STATUSES)[number];

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Moves an offset off the middle of a surrogate pair, so a quote never holds half an emoji. */
export function snapOffset(text: string, offset: number, direction: 'back' | 'forward'): number {
  const clamped = Math.max(0, Math.min(text.length, offset));
  if (
    clamped > 0 &&
    clamped < text.length &&
    isLowSurrogate(text.charCodeAt(clamped)) &&
    isHighSurrogate(text.charCodeAt(clamped - 1))
  ) {
    return direction === 'back' ? clamped - 1 : clamped + 1;
  }
  return clamped;
}

export function quoteSelectorFor(text: string, start: number, end: number): TextQuoteSelector {
  const prefixStart = snapOffset(text, start - CONTEXT_LENGTH, 'forward');
  const suffixEnd = snapOffset(text, end + CONTEXT_LENGTH, 'back');
  return {
    type: 'TextQuoteSelector',
    exact: text.slice(start, end),
    prefix: text.slice(prefixStart, start),
    suffix: text.slice(end, suffixEnd),
  };
}

export function positionSelectorFor(start: number, end: number): TextPositionSelector {
  return { type: 'TextPositionSelector', start, end };
}
