// Keeps a footnote mark on the line of the word it follows ("quarter.[1]" never wraps as
// "quarter." | "[1]"): the reader's copy of the document's state sets each word and its mark in
// a text node of its own that does not wrap. The text is the same, so offsets are too; an
// edit is saved through the core's rebuild of the document (rebuildIncomingDocument), which
// keeps no text style, so the stored document never has it.

/** The style of a word joined to its mark; text nodes with this style and no other are ours. */
export const MARK_JOIN_STYLE = 'white-space: nowrap;';

/** A word (up to 80 characters, no space) and the footnote marks right after it, as imports write them. */
const WORD_AND_MARK = /\S{1,80}?(?:\[(?:\d{1,3}|[*†‡§¶]{1,3})\])+/gu;

interface TextJson {
  type: 'text';
  text: string;
  format?: unknown;
  style?: unknown;
  mode?: unknown;
  detail?: unknown;
  [key: string]: unknown;
}

interface NodeJson {
  type?: unknown;
  children?: unknown;
  [key: string]: unknown;
}

function isText(node: unknown): node is TextJson {
  const candidate = node as TextJson | null;
  return typeof candidate === 'object' && candidate !== null && candidate.type === 'text';
}

/** Lexical merges neighbouring text nodes alike in all but their text: so must a word and its mark. */
function sameKind(a: TextJson, b: TextJson): boolean {
  return a.format === b.format && a.style === b.style && a.mode === b.mode && a.detail === b.detail;
}

/** One run of alike text nodes as the nodes to show: unchanged when it holds no mark after a word. */
function joinRun(run: TextJson[]): TextJson[] {
  const first = run[0]!;
  if (first.mode !== undefined && first.mode !== 'normal') return run;
  if (first.style !== undefined && first.style !== '') return run;
  const text = run.map((node) => node.text).join('');
  const pieces: TextJson[] = [];
  let at = 0;
  for (const match of text.matchAll(WORD_AND_MARK)) {
    // Only a mark that follows a word: "see [1]" has a space before it and may wrap.
    if (match.index > at) pieces.push({ ...first, text: text.slice(at, match.index) });
    pieces.push({ ...first, text: match[0], style: MARK_JOIN_STYLE });
    at = match.index + match[0].length;
  }
  if (pieces.length === 0) return run;
  if (at < text.length) pieces.push({ ...first, text: text.slice(at) });
  return pieces;
}

function joinChildren(children: unknown[]): { children: unknown[]; changed: boolean } {
  const out: unknown[] = [];
  let changed = false;
  for (let index = 0; index < children.length;) {
    const node = children[index];
    if (!isText(node)) {
      changed = joinNode(node) || changed;
      out.push(node);
      index++;
      continue;
    }
    let end = index + 1;
    while (end < children.length && isText(children[end]) && sameKind(node, children[end] as TextJson)) end++;
    const run = children.slice(index, end) as TextJson[];
    const joined = joinRun(run);
    changed = changed || joined !== run;
    out.push(...joined);
    index = end;
  }
  return { children: out, changed };
}

function joinNode(node: unknown): boolean {
  const element = node as NodeJson | null;
  if (typeof element !== 'object' || element === null || !Array.isArray(element.children)) return false;
  const { children, changed } = joinChildren(element.children);
  if (changed) element.children = children;
  return changed;
}

/** The document's Lexical state with each word and its footnote marks joined; the same string when it has none. */
export function joinMarksToWords(lexicalJson: string): string {
  try {
    const state = JSON.parse(lexicalJson) as { root?: unknown };
    return joinNode(state.root) ? JSON.stringify(state) : lexicalJson;
  } catch {
    // Not ours to judge: the composer reports a state it cannot read.
    return lexicalJson;
  }
}
