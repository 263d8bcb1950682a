// Word's body through mammoth to HTML, and that HTML to Marginalia's blocks: headings, nested
// lists, emphasis, safe links; tables as tables; footnotes and endnotes as numbered
// paragraphs under a "Notes" heading at the end; images as their alt text. mammoth writes
// the HTML itself (escaped, every tag closed), so it is read as a light tree, not by jsdom.
import { createRequire } from 'node:module';
import * as mammoth from 'mammoth';
import type { Block } from '../../../shared/document-blocks';
import { blocksOfTree } from '../html';
import { GeneratedElement, GeneratedText, keepAllowedElements, parseGeneratedHtml } from './generated-html';
import { imagesToAltText } from './html-shapes';
import { superscriptText } from './note-marks';
import { unreadable } from './xml';

export function mammothVersion(): string {
  return (createRequire(import.meta.url)('mammoth/package.json') as { version: string }).version;
}

/**
 * Beyond mammoth's defaults (Heading 1–6 to h1–h6, lists, bold, italic, links, notes): Word's
 * Title and Subtitle styles are headings too, its quote styles are quotes, and comment marks
 * are left out (comments come back as notes, read from the file itself).
 */
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => h2:fresh",
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
  'comment-reference => !',
];

const NOTE_ID = /^(footnote|endnote)-\d+$/;
const BACK_LINK = /^#(footnote|endnote)-ref-\d+$/;

/**
 * mammoth puts footnotes and endnotes in one <ol> at the end, numbered in the order their
 * marks ("[1]") appear in the text, each with a "↑" link back. They become a "Notes" heading
 * and one paragraph per note, "1. text", without the back links.
 */
function notesToParagraphs(body: GeneratedElement): void {
  const items = body.querySelectorAll('li').filter((item) => NOTE_ID.test(item.id));
  const list = items[0]?.parentElement;
  if (!list) return;
  for (const link of list.querySelectorAll('a')) {
    if (BACK_LINK.test(link.getAttribute('href') ?? '')) link.remove();
  }
  const heading = new GeneratedElement('h1');
  heading.textContent = 'Notes';
  const paragraphs: GeneratedElement[] = [heading];
  items
    .filter((item) => item.parentElement === list)
    .forEach((item, index) => {
      const first = new GeneratedElement('p');
      first.append(new GeneratedText(`${index + 1}. `));
      const parts = [...item.childNodes];
      const isParagraph = (part: (typeof parts)[number]): part is GeneratedElement =>
        part instanceof GeneratedElement && part.tagName === 'P';
      const inline = parts.filter((part) => !isParagraph(part));
      const blocks = parts.filter(isParagraph);
      first.append(...inline, ...(blocks[0] ? [...blocks[0].childNodes] : []));
      paragraphs.push(first, ...blocks.slice(1));
    });
  list.replaceWith(...paragraphs);
}

/** The blocks of mammoth's HTML: notes and images reshaped, then only the elements an import keeps. */
function blocksOfMammothHtml(html: string): Block[] {
  const body = parseGeneratedHtml(html);
  if (!body) throw new Error('mammoth wrote HTML that is not well-formed');
  notesToParagraphs(body);
  imagesToAltText(body);
  markGeneratedSuperscripts(body);
  keepAllowedElements(body);
  return blocksOfTree(body);
}

/** The blocks of a Word file (given as a zip archive mammoth may read whole: checked and rebuilt by the caller). */
export async function docxBlocks(archive: Uint8Array, label: string): Promise<Block[]> {
  const { convertToHtml, images } = mammoth;
  try {
    const result = await convertToHtml(
      { buffer: Buffer.from(archive.buffer, archive.byteOffset, archive.byteLength) },
      {
        styleMap: STYLE_MAP,
        ignoreEmptyParagraphs: true,
        externalFileAccess: false,
        // A style map stored in the file (a mammoth feature, never Word's) could name any tag;
        // its part is not passed on either (only .xml and .rels parts are).
        includeEmbeddedStyleMap: false,
        // The image's bytes are never read: only its alt text is kept (see imagesToAltText).
        convertImage: images.imgElement(() => Promise.resolve({ src: '' })),
      },
    );
    return blocksOfMammothHtml(result.value);
  } catch (error) {
    throw unreadable(error, (why) => `${label} cannot be read as a Word document (${why}); nothing was imported.`);
  }
}

/** mammoth's mark of a footnote or endnote, "[1]", which it sets raised around the note's link. */
const NOTE_REFERENCE = /^\[\d+\]$/;

/**
 * Each <sup> holding only a footnote mark or an exponent is written as its text (see
 * superscriptText), and a note's "[1]" stays on the line, as a PDF's mark does; any other
 * stays a superscript (5th).
 */
function markGeneratedSuperscripts(body: GeneratedElement): void {
  for (const sup of body.querySelectorAll('sup')) {
    const text = superscriptText(textBefore(sup), sup.textContent);
    if (text !== undefined) sup.replaceWith(text);
    else if (NOTE_REFERENCE.test(sup.textContent.trim())) sup.replaceWith(...sup.childNodes);
  }
}

/** The text just before a node in its block, enough to see the word it follows. */
function textBefore(node: GeneratedElement): string {
  let text = '';
  for (let current: GeneratedElement | null = node; current?.parent && text.length < 40; current = current.parent) {
    const siblings = current.parent.childNodes;
    text =
      siblings
        .slice(0, siblings.indexOf(current))
        .map((sibling) => sibling.textContent)
        .join('') + text;
    if (/^(P|LI|TD|TH|H[1-6]|BLOCKQUOTE|DIV|BODY)$/.test(current.parent.tagName)) break;
  }
  return text;
}
