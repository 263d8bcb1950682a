// Where a span of a document's text stands among its headings: inside one, or in the section
// under the last heading before it, so a search hit can be cited as a person would ("in “Methods”").
import type { PrintBlock } from './print-model';

/** A serialized Lexical node, as far as its text's length needs. */
interface StateNode {
  type?: string;
  text?: string;
  tag?: string;
  children?: StateNode[];
}

/** Element nodes that sit inside a line, so no blank line follows them (Lexical's isInline). */
const INLINE_ELEMENTS = new Set(['link', 'autolink']);

const isBlock = (node: StateNode): boolean => Array.isArray(node.children) && !INLINE_ELEMENTS.has(node.type ?? '');

/** The length of a node's getTextContent(): its text, "\n" per line break, a blank line after each block but the last. */
function textLength(node: StateNode): number {
  if (node.type === 'text') return node.text?.length ?? 0;
  if (node.type === 'linebreak' || node.type === 'tab') return 1;
  const children = node.children ?? [];
  return children.reduce(
    (sum, child, index) => sum + textLength(child) + (isBlock(child) && index < children.length - 1 ? 2 : 0),
    0,
  );
}

/** A node's text as getTextContent() gives it. */
function textOf(node: StateNode): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'linebreak') return '\n';
  if (node.type === 'tab') return '\t';
  return (node.children ?? []).map(textOf).join('');
}

/**
 * The body headings of a stored Lexical state, read from its JSON alone: the same spans as
 * bodyHeadings(printBlocksOf(json)) without building an editor state, which took 0.3–0.5 s for
 * a document of 3,000 paragraphs, on every search that showed one of its hits.
 */
export function headingsOfState(lexicalJson: string): HeadingSpan[] {
  const root = JSON.parse(lexicalJson) as { root?: StateNode };
  const children = root.root?.children ?? [];
  const headings: HeadingSpan[] = [];
  let offset = 0;
  children.forEach((child, index) => {
    const length = textLength(child);
    // The title, which every document opens with, is the document's name, not a section.
    if (child.type === 'heading' && !(index === 0 && offset === 0)) {
      const text = textOf(child).replace(/\s+/g, ' ').trim();
      if (text !== '') headings.push({ start: offset, end: offset + length, text });
    }
    offset += length + (isBlock(child) && index < children.length - 1 ? 2 : 0);
  });
  return headings;
}

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
