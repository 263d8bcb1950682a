// Word comments as imported notes: the comment's text and author from word/comments.xml, and
// the text it comments on from the commentRangeStart/End marks in word/document.xml and its notes (across
// paragraphs when its range does), anchored to the block where that occurrence of the quote begins.
import type { Block, InlineRun } from '../../../shared/document-blocks';
import { inlineText, tableLines } from '../../../shared/document-blocks';
import { findQuoteOccurrences } from '../../../shared/quote-occurrences';
import type { ImportedNote } from './format-reader';
import { superscriptText } from './note-marks';
import { attr, byLocalName } from './xml';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

interface Mark {
  paragraph: number;
  offset: number;
}

/** The body's paragraphs as text, and where each comment's range starts and ends in them. */
interface BodyText {
  paragraphs: string[];
  starts: Map<string, Mark>;
  ends: Map<string, Mark>;
  /** Footnote and endnote marks in reading order: mammoth writes each as "[N]", and its note under Notes in that order. */
  noteMarks: Array<{ kind: 'footnote' | 'endnote'; id: string }>;
}

/** A run's text as the blocks hold it: a raised footnote mark or exponent as docx-html writes it ("[1]", "m²"). */
function shownText(t: Element, before: string): string {
  const text = t.textContent ?? '';
  const run = t.parentNode as Element | null;
  const raised = run !== null && byLocalName(run, 'vertAlign').some((align) => attr(align, 'val') === 'superscript');
  return raised ? (superscriptText(before, text) ?? text) : text;
}

function walk(element: Element, body: BodyText, open: number[]): void {
  // childNodes, not children: the Office parser's DOM (xmldom, see ooxml-package.ts) has no `children`.
  for (const node of Array.from(element.childNodes)) {
    if (node.nodeType !== 1) continue;
    const child = node as Element;
    // Of alternative content only one form is shown; mammoth reads the fallback, so does this.
    if (child.namespaceURI === MC && child.localName === 'Choice') continue;
    if (child.namespaceURI !== W) {
      walk(child, body, open);
      continue;
    }
    const current = open[open.length - 1];
    const here = (): Mark =>
      current === undefined
        ? { paragraph: body.paragraphs.length, offset: 0 }
        : { paragraph: current, offset: body.paragraphs[current]!.length };
    switch (child.localName) {
      case 'p':
        body.paragraphs.push('');
        open.push(body.paragraphs.length - 1);
        walk(child, body, open);
        open.pop();
        break;
      case 't':
        if (current !== undefined) body.paragraphs[current] += shownText(child, body.paragraphs[current]!);
        break;
      case 'tab':
      case 'br':
      case 'cr':
        if (current !== undefined) body.paragraphs[current] += ' ';
        break;
      case 'noBreakHyphen':
      case 'softHyphen':
        // mammoth writes these as their characters; without them the quote would not match.
        if (current !== undefined) body.paragraphs[current] += child.localName === 'softHyphen' ? '\u00ad' : '\u2011';
        break;
      case 'del':
      case 'moveFrom':
        // Deleted and moved-away text is not in the blocks (mammoth drops it), nor are its note marks.
        break;
      case 'footnoteReference':
      case 'endnoteReference':
        // Counted as mammoth counts them, so a comment on "again[1]." finds that text.
        body.noteMarks.push({
          kind: child.localName === 'footnoteReference' ? 'footnote' : 'endnote',
          id: attr(child, 'id'),
        });
        if (current !== undefined) body.paragraphs[current] += `[${body.noteMarks.length}]`;
        break;
      case 'commentRangeStart':
        body.starts.set(attr(child, 'id'), here());
        break;
      case 'commentRangeEnd':
        body.ends.set(
          attr(child, 'id'),
          current === undefined
            ? { paragraph: body.paragraphs.length - 1, offset: body.paragraphs.at(-1)?.length ?? 0 }
            : here(),
        );
        break;
      default:
        walk(child, body, open);
    }
  }
}

const oneLine = (text: string): string => text.replace(/\s+/g, ' ');

/** Where a mark falls in the body's paragraphs joined by "\n". */
function positionOf(body: BodyText, mark: Mark): number {
  return body.paragraphs.slice(0, mark.paragraph).reduce((at, text) => at + text.length + 1, 0) + mark.offset;
}

/**
 * The commented text, across paragraphs when its range crosses them (one line each, as the
 * blocks hold them), and how many times it occurs before. A range with no end runs to the
 * end of its paragraph.
 */
function quoteAt(body: BodyText, start: Mark, end: Mark | undefined): { quote: string; before: number } {
  const text = body.paragraphs.join('\n');
  const from = positionOf(body, start);
  const endOfStart = positionOf(body, {
    paragraph: start.paragraph,
    offset: body.paragraphs[start.paragraph]?.length ?? 0,
  });
  const to = end && positionOf(body, end) >= from ? positionOf(body, end) : endOfStart;
  const range = text.slice(from, to);
  const quote = range
    .split('\n')
    .map((line) => oneLine(line).trim())
    .filter((line) => line !== '')
    .join('\n');
  if (quote === '') return { quote, before: 0 };
  const anchor = from + range.length - range.trimStart().length;
  return { quote, before: findQuoteOccurrences(text, quote).filter((span) => span.start < anchor).length };
}

function runsText(runs: readonly InlineRun[]): string {
  return oneLine(inlineText(runs)).trim();
}

function blockText(block: Block): string {
  if (block.kind === 'table') return tableLines(block, runsText);
  if (block.kind !== 'list') return runsText(block.children);
  return block.items.map((item) => [runsText(item.children), ...item.nested.map(blockText)].join('\n')).join('\n');
}

/** The block where the quote's (before+1)-th occurrence begins; the first occurrence if the count is off; undefined if none. */
function blockOf(blocks: readonly Block[], quote: string, before: number): number | undefined {
  const texts = blocks.map(blockText);
  const found = findQuoteOccurrences(texts.join('\n'), quote);
  const at = (found[before] ?? found[0])?.start;
  if (at === undefined) return undefined;
  let end = 0;
  for (let index = 0; index < texts.length; index++) {
    end += texts[index]!.length + 1;
    if (at < end) return index;
  }
  return undefined;
}

/** word/footnotes.xml and word/endnotes.xml, when the file has them. */
export interface NoteParts {
  footnotes?: Document;
  endnotes?: Document;
}

/**
 * The notes after the body, as the blocks hold them under Notes: in the order of their marks,
 * so a comment on a footnote's text is found there too.
 */
function walkNotes(body: BodyText, parts: NoteParts): void {
  const byId = (kind: 'footnote' | 'endnote', part: Document | undefined) =>
    new Map(part ? byLocalName(part, kind).map((note) => [attr(note, 'id'), note]) : []);
  const notes = { footnote: byId('footnote', parts.footnotes), endnote: byId('endnote', parts.endnotes) };
  const seen = new Set<string>();
  // A note's own marks join the list as it is walked, as mammoth numbers them.
  for (let index = 0; index < body.noteMarks.length; index++) {
    const { kind, id } = body.noteMarks[index]!;
    const note = notes[kind].get(id);
    if (note === undefined || seen.has(`${kind} ${id}`)) continue;
    seen.add(`${kind} ${id}`);
    walk(note, body, []);
  }
}

function isoDate(value: string): string {
  const time = Date.parse(value);
  return value !== '' && Number.isFinite(time) ? new Date(time).toISOString() : '';
}

/**
 * Each comment of word/comments.xml as a note. A comment whose text is not in the blocks (on
 * an image, in a header, on deleted text) keeps its words with an empty quote and block 0.
 */
export function docxComments(
  comments: Document,
  document: Document,
  blocks: readonly Block[],
  noteParts: NoteParts = {},
): ImportedNote[] {
  const body: BodyText = { paragraphs: [], starts: new Map(), ends: new Map(), noteMarks: [] };
  const root = byLocalName(document, 'body')[0];
  if (root) walk(root, body, []);
  walkNotes(body, noteParts);
  const notes: ImportedNote[] = [];
  for (const comment of byLocalName(comments, 'comment')) {
    if (comment.namespaceURI !== W) continue;
    const id = attr(comment, 'id');
    const text = byLocalName(comment, 'p')
      .map((paragraph) =>
        oneLine(
          byLocalName(paragraph, 't')
            .map((t) => t.textContent ?? '')
            .join(''),
        ).trim(),
      )
      .filter((line) => line !== '')
      .join('\n');
    const start = body.starts.get(id);
    const found = start ? quoteAt(body, start, body.ends.get(id)) : { quote: '', before: 0 };
    const blockIndex = found.quote === '' ? undefined : blockOf(blocks, found.quote, found.before);
    notes.push({
      quote: blockIndex === undefined ? '' : found.quote,
      blockIndex: blockIndex ?? 0,
      text,
      author: oneLine(attr(comment, 'author')).trim(),
      createdAt: isoDate(attr(comment, 'date')),
    });
  }
  return notes;
}
