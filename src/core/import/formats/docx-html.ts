// Word's body through mammoth to HTML, and that HTML to Marginalia's blocks: headings, nested
// lists, emphasis, safe links; tables as tables; footnotes and endnotes as numbered
// paragraphs under a "Notes" heading at the end; images as their alt text.
import { createRequire } from 'node:module';
import type * as MammothModule from 'mammoth';
import type { Block } from '../../../shared/document-blocks';
import { blocksFromCleanHtml } from '../html';
import { imagesToAltText } from './html-shapes';
import { markSuperscripts } from './note-marks';
import { unreadable } from './xml';

type Mammoth = typeof MammothModule;

let mammoth: Mammoth | undefined;

/** mammoth loads on first use: only Word import needs it. */
function mammothModule(): Mammoth {
  mammoth ??= createRequire(import.meta.url)('mammoth') as Mammoth;
  return mammoth;
}

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
function notesToParagraphs(document: Document): void {
  const items = Array.from(document.querySelectorAll('li')).filter((item) => NOTE_ID.test(item.id));
  const list = items[0]?.parentElement;
  if (!list) return;
  for (const link of Array.from(list.querySelectorAll('a'))) {
    if (BACK_LINK.test(link.getAttribute('href') ?? '')) link.remove();
  }
  const heading = document.createElement('h1');
  heading.textContent = 'Notes';
  const paragraphs: Node[] = [heading];
  items
    .filter((item) => item.parentElement === list)
    .forEach((item, index) => {
      const first = document.createElement('p');
      first.append(document.createTextNode(`${index + 1}. `));
      const parts = Array.from(item.childNodes);
      const inline = parts.filter((part) => part.nodeType !== 1 || (part as Element).tagName !== 'P');
      const blocks = parts.filter((part) => part.nodeType === 1 && (part as Element).tagName === 'P');
      first.append(...inline, ...(blocks[0] ? Array.from(blocks[0].childNodes) : []));
      paragraphs.push(first, ...blocks.slice(1));
    });
  list.replaceWith(...paragraphs);
}

function prepare(document: Document): void {
  notesToParagraphs(document);
  imagesToAltText(document);
  markSuperscripts(document);
}

/** The blocks of a Word file (given as a zip archive mammoth may read whole: checked and rebuilt by the caller). */
export async function docxBlocks(archive: Uint8Array, label: string): Promise<Block[]> {
  const { convertToHtml, images } = mammothModule();
  try {
    const result = await convertToHtml(
      { buffer: Buffer.from(archive.buffer, archive.byteOffset, archive.byteLength) },
      {
        styleMap: STYLE_MAP,
        ignoreEmptyParagraphs: true,
        externalFileAccess: false,
        // The image's bytes are never read: only its alt text is kept (see imagesToAltText).
        convertImage: images.imgElement(() => Promise.resolve({ src: '' })),
      },
    );
    const html = result.value;
    return blocksFromCleanHtml(html, prepare);
  } catch (error) {
    throw unreadable(error, (why) => `${label} cannot be read as a Word document (${why}); nothing was imported.`);
  }
}
