// Where a span of a document's text stands among its headings: inside one, or in the section
// under the last heading before it, so a search hit can be cited as a person would ("in “Methods”").
import type { PrintBlock } from './print-model';

/** A heading of the document's body, and where its text lies in the canonical text. */
export interface HeadingSpan {
  start: number;
  end: number;
  text: string;
}

/** Where a span lies: inside a heading (that heading), or under one (absent before the first heading). */
export interface SectionPlace {
  heading?: HeadingSpan;
  section?: string;
}

/** The body's headings in reading order; the title, which every document opens with, is the document's name, not a section. */
export function bodyHeadings(blocks: readonly PrintBlock[]): HeadingSpan[] {
  const body = blocks[0]?.kind === 'heading' && blocks[0].start === 0 ? blocks.slice(1) : blocks;
  return body
    .filter((block) => block.kind === 'heading')
    .map((block) => ({
      start: block.start,
      end: block.end,
      text: block.runs
        .map((run) => run.text)
        .join('')
        .replace(/\s+/g, ' ')
        .trim(),
    }))
    .filter((heading) => heading.text !== '');
}

/** The heading the span lies inside, else the section it falls under; `headings` in reading order. */
export function sectionPlace(headings: readonly HeadingSpan[], start: number, end: number): SectionPlace {
  let low = 0;
  let high = headings.length;
  // The last heading starting at or before `start`.
  while (low < high) {
    const middle = (low + high) >> 1;
    if (headings[middle]!.start <= start) low = middle + 1;
    else high = middle;
  }
  const before = headings[low - 1];
  if (!before) return {};
  return end <= before.end ? { heading: before } : { section: before.text };
}
