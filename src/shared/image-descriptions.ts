// How an imported image stands in the text, "[Image: ALT]" (its alt text), and where one is
// around a span of the text, so search can say a match is in an image's description.
import type { TextSpan } from './search-results';

export const IMAGE_DESCRIPTION_OPENING = '[Image: ';

/** The text an image without its picture becomes: its alt text marked as an image's. */
export function imageDescription(alt: string): string {
  return `${IMAGE_DESCRIPTION_OPENING}${alt}]`;
}

/** Where the bracket that closes an opening at `from` stands, its alt text's own pairs passed over; -1 when the line ends first. */
function closingBracket(text: string, from: number): number {
  let depth = 0;
  for (let index = from; index < text.length; index += 1) {
    const char = text[index];
    if (char === '\n') return -1;
    if (char === '[') depth += 1;
    else if (char === ']') {
      if (depth === 0) return index;
      depth -= 1;
    }
  }
  return -1;
}

/**
 * The "[Image: ALT]" that holds start–end, or null: the last opening before start on the
 * same line, when the bracket that closes it stands at or after end.
 */
export function imageDescriptionAround(text: string, start: number, end: number): TextSpan | null {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const within = text.slice(lineStart, start).lastIndexOf(IMAGE_DESCRIPTION_OPENING);
  if (within < 0) return null;
  const opening = lineStart + within;
  const close = closingBracket(text, opening + IMAGE_DESCRIPTION_OPENING.length);
  return close >= end ? { start: opening, end: close + 1 } : null;
}
