// One EPUB chapter (an XHTML file) to blocks, through the same cleaning and block rules as a
// saved page; its images become their alt text (its tables stay tables).
import type { Block } from '../../../shared/document-blocks';
import { textRun } from '../../../shared/document-blocks';
import { blocksFromCleanHtml } from '../html';
import { imagesToAltText } from './html-shapes';
import { assertShallow, byLocalName, decodeXml, tryParseXml } from './xml';

function prepare(document: Document): void {
  imagesToAltText(document);
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

/** The chapter's blocks, opening with a heading: its own first one, else its label in the table of contents. */
export function chapterBlocks(bytes: Uint8Array, tocLabel: string | undefined, what: string): Block[] {
  const text = decodeXml(bytes);
  assertShallow(text, what);
  const blocks = blocksFromCleanHtml(bodyHtml(text), prepare);
  if (blocks.length === 0 || blocks[0]!.kind === 'heading' || !tocLabel) return blocks;
  return [{ kind: 'heading', level: 1, children: [textRun(tocLabel)] }, ...blocks];
}
