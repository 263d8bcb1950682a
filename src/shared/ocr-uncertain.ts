// Where the words OCR was unsure of stand in a document's text now: where they were imported,
// moved by an edit before them, or gone (corrected or cut), so none is marked over other text.
import type { OcrFacts } from './model';

export interface TextSpan {
  start: number;
  end: number;
}

const WORD_CHARACTER = /[\p{L}\p{N}\p{M}]/u;

/** True when `text` holds `word` at `start`, not as part of a longer word. */
function holds(text: string, start: number, word: string): boolean {
  const end = start + word.length;
  if (start < 0 || end > text.length || text.slice(start, end) !== word) return false;
  const before = start === 0 ? '' : text[start - 1]!;
  const after = end === text.length ? '' : text[end]!;
  return !WORD_CHARACTER.test(before) && !WORD_CHARACTER.test(after);
}

/**
 * The unsure words' spans in `text`. An unedited text keeps them all. After an edit, the
 * words before it still stand where they were and those after it are moved by the change
 * in length; once a word is not found where it was, the rest are looked for only moved.
 * A word no longer found (the analyst corrected it) is dropped, never marked elsewhere.
 */
export function uncertainSpans(ocr: OcrFacts | undefined, text: string): TextSpan[] {
  const words = ocr?.uncertain ?? [];
  const shift = text.length - (ocr?.textLength ?? text.length);
  const spans: TextSpan[] = [];
  let edited = false;
  for (const word of words) {
    if (!edited && holds(text, word.start, word.text)) {
      spans.push({ start: word.start, end: word.end });
      continue;
    }
    edited = true;
    // A correction of the same length (“tbe” to “the”) moves nothing: the words after it stand where they were.
    if (holds(text, word.start + shift, word.text)) {
      spans.push({ start: word.start + shift, end: word.end + shift });
    }
  }
  return spans;
}
