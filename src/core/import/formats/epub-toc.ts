// The book's table of contents as the outline: a label for each chapter file, from the EPUB 3
// navigation document (nav.xhtml) or, failing that, the EPUB 2 toc.ncx.
import type { EpubPackage, Entries } from './epub-package';
import { resolveHref } from './epub-package';
import { attr, byLocalName, tryParseXml, decodeXml } from './xml';

const oneLine = (text: string | null): string => (text ?? '').replace(/\s+/g, ' ').trim();

/** Each file's first label: a chapter split into sections at #fragments starts with its first. */
function addLabel(labels: Map<string, string>, path: string | undefined, label: string): void {
  if (path !== undefined && label !== '' && !labels.has(path)) labels.set(path, label);
}

function navLabels(entries: Entries, path: string, label: string): Map<string, string> {
  const labels = new Map<string, string>();
  const bytes = entries.get(path);
  const nav = bytes ? tryParseXml(decodeXml(bytes)) : undefined;
  if (!nav) return labels;
  const navs = byLocalName(nav, 'nav');
  const toc = navs.find((element) => attr(element, 'type').split(/\s+/).includes('toc')) ?? navs[0];
  for (const link of toc ? byLocalName(toc, 'a') : []) {
    addLabel(labels, resolveHref(path, attr(link, 'href'), label), oneLine(link.textContent));
  }
  return labels;
}

function ncxLabels(entries: Entries, path: string, label: string): Map<string, string> {
  const labels = new Map<string, string>();
  const bytes = entries.get(path);
  const ncx = bytes ? tryParseXml(decodeXml(bytes)) : undefined;
  if (!ncx) return labels;
  for (const point of byLocalName(ncx, 'navPoint')) {
    const content = Array.from(point.children).find((child) => child.localName === 'content');
    const text = Array.from(point.children).find((child) => child.localName === 'navLabel');
    if (content && text) addLabel(labels, resolveHref(path, attr(content, 'src'), label), oneLine(text.textContent));
  }
  return labels;
}

/** Chapter file -> its label in the table of contents; empty when the book has none that can be read. */
export function tocLabels(entries: Entries, book: EpubPackage, label: string): Map<string, string> {
  const nav = Array.from(book.manifest.values()).find((item) => item.properties.includes('nav'));
  const fromNav = nav ? navLabels(entries, nav.path, label) : new Map<string, string>();
  if (fromNav.size > 0) return fromNav;
  const ncx =
    book.manifest.get(book.ncxId) ?? Array.from(book.manifest.values()).find((item) => /ncx/i.test(item.mediaType));
  return ncx ? ncxLabels(entries, ncx.path, label) : fromNav;
}
