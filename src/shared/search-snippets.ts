// What a search hit's snippet shows: the title or an image's description whole, else the match and
// some words either side within its own block (paragraph, heading, list item, table cell), never
// run into the block beside it; and passages whose snippets would read the same are one hit.
import type { Passage, SnippetPart } from './search-matching';
import { partsAround } from './search-matching';
import { IMAGE_DESCRIPTION_OPENING, imageDescriptionAround } from './image-descriptions';

/** Characters of context either side of a match in running text. */
export const SNIPPET_CONTEXT = 60;

/** Blocks stand a blank line apart in a document's text (Lexical's getTextContent). */
const BLOCK_BREAK = '\n\n';

/** Where a block break inside a snippet shows (a match that runs across blocks), so the blocks never read as one sentence. */
export const SNIPPET_BLOCK_SEPARATOR = ' ¶ ';

/** The part of the text a snippet shows, whether it is cut short of its block at either end, and what it is. */
export interface SnippetSpan {
  start: number;
  end: number;
  cutBefore: boolean;
  cutAfter: boolean;
  place?: 'title' | 'image-description';
}

/** A document's text as its snippets read it. */
export interface SnippetSource {
  text: string;
  /** Where the title, which the text opens with, ends; 0 when it does not open with it. */
  titleEnd: number;
  /** Whether the text holds an image's "[Image: ALT]" at all, looked for once rather than at each passage. */
  hasImageDescriptions: boolean;
}

/** The document's text and title as its snippets read them. */
export function snippetSource(title: string, text: string): SnippetSource {
  return {
    text,
    titleEnd: title !== '' && text.startsWith(title) ? title.length : 0,
    hasImageDescriptions: text.includes(IMAGE_DESCRIPTION_OPENING),
  };
}

/** Where the block holding `index` begins, looking back at most SNIPPET_CONTEXT characters; null when it begins further back. */
function blockStartWithin(text: string, index: number): number | null {
  const from = Math.max(0, index - SNIPPET_CONTEXT - BLOCK_BREAK.length);
  const found = text.slice(from, index).lastIndexOf(BLOCK_BREAK);
  if (found >= 0) return from + found + BLOCK_BREAK.length;
  return index - SNIPPET_CONTEXT <= 0 ? 0 : null;
}

/** Where the block holding `index` ends, looking on at most SNIPPET_CONTEXT characters; null when it ends further on. */
function blockEndWithin(text: string, index: number): number | null {
  const found = text.slice(index, index + SNIPPET_CONTEXT + BLOCK_BREAK.length).indexOf(BLOCK_BREAK);
  if (found >= 0 && found <= SNIPPET_CONTEXT) return index + found;
  return index + SNIPPET_CONTEXT >= text.length ? text.length : null;
}

/** The span a passage's snippet shows (a passage with no marks, the title's hit, shows the title). */
export function snippetSpan({ text, titleEnd, hasImageDescriptions }: SnippetSource, passage: Passage): SnippetSpan {
  if (passage.marks.length === 0 || passage.end <= titleEnd)
    return { start: 0, end: titleEnd, cutBefore: false, cutAfter: false, place: 'title' };
  const description = hasImageDescriptions ? imageDescriptionAround(text, passage.start, passage.end) : null;
  if (description) return { ...description, cutBefore: false, cutAfter: false, place: 'image-description' };
  const start = blockStartWithin(text, passage.start);
  const end = blockEndWithin(text, passage.end);
  return {
    start: start ?? wholeWordStart(text, passage.start - SNIPPET_CONTEXT, passage.start),
    end: end ?? wholeWordEnd(text, passage.end + SNIPPET_CONTEXT, passage.end),
    cutBefore: start === null,
    cutAfter: end === null,
  };
}

/** A cut at `index` moved on to the next word's start (never past `limit`), so a snippet never opens mid-word ("…isited"). */
function wholeWordStart(text: string, index: number, limit: number): number {
  if (!/\S/.test(text[index - 1] ?? '')) return index;
  const space = text.slice(index, limit).search(/\s/);
  return space < 0 ? index : index + space + 1;
}

/** A cut at `index` moved back to the end of the last whole word (never before `limit`), so a snippet never ends mid-word ("weig…"). */
function wholeWordEnd(text: string, index: number, limit: number): number {
  if (!/\S/.test(text[index] ?? '')) return index;
  const space = text.slice(limit, index).search(/\s\S*$/);
  return space < 0 ? index : limit + space;
}

const sameSpan = (a: SnippetSpan, b: SnippetSpan): boolean => a.start === b.start && a.end === b.end;

/**
 * The passages, with each run whose snippets would show the same text made one passage with all
 * their marks: a short block (an e-mail's "From: Rania <rania@…>") or the title is one place, not
 * two hits that read alike.
 */
export function mergeSameSnippets(source: SnippetSource, passages: readonly Passage[]): Passage[] {
  const merged: Passage[] = [];
  let previous: SnippetSpan | null = null;
  for (const passage of passages) {
    const span = snippetSpan(source, passage);
    const last = merged[merged.length - 1];
    if (last && previous && passage.marks.length > 0 && sameSpan(previous, span)) {
      merged[merged.length - 1] = { start: last.start, end: passage.end, marks: [...last.marks, ...passage.marks] };
      continue;
    }
    merged.push(passage);
    previous = span;
  }
  return merged;
}

/** The passage's snippet: its span's text with the passage's marks, "…" where it is cut short of its block. */
export function snippetOfPassage(source: SnippetSource, passage: Passage): SnippetPart[] {
  const { start, end, cutBefore, cutAfter } = snippetSpan(source, passage);
  const parts = partsAround(
    source.text.slice(start, end),
    passage.marks.map((mark) => ({ start: mark.start - start, end: mark.end - start })),
    SNIPPET_BLOCK_SEPARATOR,
  );
  if (cutBefore) parts.unshift({ text: '…', match: false });
  if (cutAfter) parts.push({ text: '…', match: false });
  return parts;
}
