// One EPUB chapter (an XHTML file) to blocks, through the same cleaning and block rules as a
// saved page; its images become their descriptions, "[Image: ALT]" (its tables stay tables).
import type { Block, HeadingLevel } from '../../../shared/document-blocks';
import { inlineText, textRun } from '../../../shared/document-blocks';
import { imageDescription } from '../../../shared/image-descriptions';
import { blocksFromCleanHtml } from '../html';
import { assertShallow, byLocalName, decodeXml, tryParseXml } from './xml';

/** Blocks an image's description can stand after without breaking a structure (a list item or cell keeps it inline). */
const PARAGRAPH_LIKE = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/**
 * Each image becomes its alt text marked as an image's, "[Image: ALT]" in italics, so in plain
 * text, search and the export alike it reads as a description, not a line of the book; one
 * inside a paragraph goes in a paragraph of its own after it, so quoting the paragraph's
 * sentences never takes it in. Images without alt text go, as before.
 */
function imagesAsDescriptions(document: Document): void {
  // The last description put after each paragraph, so a paragraph's images keep their order.
  const lastAfter = new Map<Element, Element>();
  for (const image of Array.from(document.querySelectorAll('img'))) {
    const alt = (image.getAttribute('alt') ?? '').replace(/\s+/g, ' ').trim();
    const description = document.createElement('em');
    description.textContent = imageDescription(alt);
    const block = image.parentElement?.closest('p, h1, h2, h3, h4, h5, h6, li, td, th, caption, dt, dd');
    if (alt === '') image.remove();
    else if (block && !PARAGRAPH_LIKE.has(block.localName)) image.replaceWith(' ', description, ' ');
    else {
      const paragraph = document.createElement('p');
      paragraph.append(description);
      if (block === null || block === undefined) image.replaceWith(paragraph);
      else {
        (lastAfter.get(block) ?? block).after(paragraph);
        lastAfter.set(block, paragraph);
        image.remove();
      }
    }
  }
}

function prepare(document: Document): void {
  imagesAsDescriptions(document);
}

/**
 * The chapter's body as HTML. XHTML is read as XML first, because the HTML parser takes
 * XHTML's self-closed elements (<a id="p12"/>, <div/>) as left open and swallows the text
 * after them; jsdom serializes XHTML elements back in HTML's way. A chapter that is not
 * well-formed XML (an HTML entity such as &nbsp;, a tag left open) is read as HTML.
 */
function bodyHtml(text: string): string {
  const xml = tryParseXml(text);
  const body = xml ? byLocalName(xml, 'body')[0] : undefined;
  return body ? body.innerHTML : text;
}

/** Text as compared with a table-of-contents label: letters and digits, in lowercase. */
const comparable = (text: string): string =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** The chapter's headings one level down (h1 to h2, …, h6 stays h6), when one is at the top level. */
function underLabel(blocks: readonly Block[]): Block[] {
  if (!blocks.some((block) => block.kind === 'heading' && block.level === 1)) return [...blocks];
  return blocks.map((block) =>
    block.kind === 'heading' ? { ...block, level: Math.min(6, block.level + 1) as HeadingLevel } : block,
  );
}

/**
 * The chapter's blocks under its table-of-contents label, which the book's outline is made of.
 * A chapter whose first heading already says the label ("Arrival at the river mouth" for
 * "Arrival") opens with it as it is, not under the label said again; one with no heading,
 * or whose heading says something else ("1", "Chapter One" for "The Harbour"), opens with
 * the label as a heading, its own headings kept as text of the book one level under it.
 */
export function chapterBlocks(bytes: Uint8Array, tocLabel: string | undefined, what: string): Block[] {
  const text = decodeXml(bytes);
  assertShallow(text, what);
  const blocks = blocksFromCleanHtml(bodyHtml(text), prepare);
  const label = comparable(tocLabel ?? '');
  if (blocks.length === 0 || label === '') return blocks;
  // Its opening heading: one after an epigraph, say, but not a section's far into the chapter.
  const heading = blocks.slice(0, 3).find((block) => block.kind === 'heading');
  if (heading && ` ${comparable(inlineText(heading.children))} `.includes(` ${label} `)) return blocks;
  return [{ kind: 'heading', level: 1, children: [textRun(tocLabel!)] }, ...underLabel(blocks)];
}
