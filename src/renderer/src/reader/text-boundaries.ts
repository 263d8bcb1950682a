// Where words, sentences and paragraphs begin and end in the canonical text, for moving the
// reader's caret by word and selecting a sentence or a paragraph from the keyboard. Words and
// sentences come from Intl.Segmenter (any script, the platform's rules); paragraphs are the
// canonical text's blocks, which a blank line ("\n\n") separates.

export interface TextSpan {
  start: number;
  end: number;
}

const BLOCK_SEPARATOR = '\n\n';

/** An offset inside a run of blank lines moves to the start of the block after it. */
function outOfSeparator(text: string, offset: number): number {
  let at = Math.max(0, Math.min(offset, text.length));
  if (text[at - 1] !== '\n' || text[at] !== '\n') return at;
  while (text[at] === '\n') at += 1;
  return at;
}

/** The block (paragraph, heading, list item…) holding an offset; at a block's end, that block. */
export function paragraphAround(text: string, offset: number): TextSpan {
  const at = outOfSeparator(text, offset);
  const before = at >= BLOCK_SEPARATOR.length ? text.lastIndexOf(BLOCK_SEPARATOR, at - BLOCK_SEPARATOR.length) : -1;
  const start = before === -1 ? 0 : before + BLOCK_SEPARATOR.length;
  const after = text.indexOf(BLOCK_SEPARATOR, at);
  return { start, end: after === -1 ? text.length : after };
}

function segments(text: string, granularity: 'word' | 'sentence'): Intl.SegmentData[] {
  return Array.from(new Intl.Segmenter(undefined, { granularity }).segment(text));
}

/** The sentence holding an offset, without the spaces that follow it. */
export function sentenceAround(text: string, offset: number): TextSpan {
  const paragraph = paragraphAround(text, offset);
  const inside = text.slice(paragraph.start, paragraph.end);
  const relative = Math.min(outOfSeparator(text, offset), paragraph.end) - paragraph.start;
  const all = segments(inside, 'sentence');
  const found =
    all.find((segment) => relative >= segment.index && relative < segment.index + segment.segment.length) ??
    all[all.length - 1];
  if (!found) return { start: paragraph.start, end: paragraph.start };
  const start = paragraph.start + found.index;
  return { start, end: start + found.segment.trimEnd().length };
}

/** Word-like segments of text[from, to), in canonical offsets. */
function wordsIn(text: string, from: number, to: number): TextSpan[] {
  return segments(text.slice(from, to), 'word')
    .filter((segment) => segment.isWordLike)
    .map((segment) => ({ start: from + segment.index, end: from + segment.index + segment.segment.length }));
}

/**
 * Words are looked for in a window that grows until it holds a whole word, so a keypress in a
 * long document segments a few hundred characters, not the whole text.
 */
const FIRST_WINDOW = 256;

/** The end of the word at or after an offset; the text's end when no word follows. */
export function nextWordEnd(text: string, offset: number): number {
  for (let size = FIRST_WINDOW; ; size *= 4) {
    const to = Math.min(text.length, offset + size);
    const word = wordsIn(text, offset, to)[0];
    // A word touching the window's edge may go on past it.
    if (word && (word.end < to || to === text.length)) return word.end;
    if (!word && to === text.length) return text.length;
  }
}

/** The start of the word at or before an offset; 0 when no word comes before. */
export function previousWordStart(text: string, offset: number): number {
  for (let size = FIRST_WINDOW; ; size *= 4) {
    const from = Math.max(0, offset - size);
    const words = wordsIn(text, from, offset);
    const word = words[words.length - 1];
    if (word && (word.start > from || from === 0)) return word.start;
    if (!word && from === 0) return 0;
  }
}
