// Reads a saved web page: @mozilla/readability finds the article and its metadata,
// DOMPurify strips everything that could run or reach the network (scripts, styles,
// frames, event handlers, images), and the clean tree becomes Marginalia's blocks.
import type { Readability as ReadabilityClass } from '@mozilla/readability';
import type createDOMPurifyFunction from 'dompurify';
import type * as JsdomModule from 'jsdom';
import { articleLostText, plainPageBody } from './plain-page';
import { createRequire } from 'node:module';
import type { Block, HeadingLevel, InlineRun, ListBlock, ListItem, TextRun } from '../../shared/document-blocks';
import { inlineText, isSafeLinkUrl, textRun } from '../../shared/document-blocks';
import { UserFacingError } from '../../shared/result';
import type { HtmlElement, HtmlNode } from './html-node';
import { ALLOWED_TAGS, BLOCK_TAGS } from './html-tags';
import { isLayoutTable, tableBlockFrom } from './html-tables';
import type { ParsedDocument } from './parsed-document';
import { absoluteLinks } from './html-links';

interface HtmlLibraries {
  JSDOM: typeof JsdomModule.JSDOM;
  VirtualConsole: typeof JsdomModule.VirtualConsole;
  Readability: typeof ReadabilityClass;
  createDOMPurify: typeof createDOMPurifyFunction;
}

let libraries: HtmlLibraries | undefined;

/**
 * jsdom takes about a third of a second to load, and only HTML import needs it, so it and
 * its companions load on first use rather than with every command and window.
 */
function htmlLibraries(): HtmlLibraries {
  if (!libraries) {
    const require = createRequire(import.meta.url);
    const jsdom = require('jsdom') as typeof JsdomModule;
    libraries = {
      JSDOM: jsdom.JSDOM,
      VirtualConsole: jsdom.VirtualConsole,
      Readability: (require('@mozilla/readability') as { Readability: typeof ReadabilityClass }).Readability,
      createDOMPurify: require('dompurify') as typeof createDOMPurifyFunction,
    };
  }
  return libraries;
}

type Marks = Omit<TextRun, 'kind' | 'text'>;

/** Collects inline runs and turns them into blocks at every block boundary. */
class BlockCollector {
  readonly blocks: Block[] = [];
  private runs: InlineRun[] = [];

  addRun(run: InlineRun): void {
    this.runs.push(run);
  }

  flush(kind: 'paragraph' | 'quote' = 'paragraph'): void {
    const children = trimRuns(this.runs);
    this.runs = [];
    if (inlineText(children).trim() !== '') this.blocks.push({ kind, children });
  }
}

/** White space the collapse would change: two in a row, or one that is not a plain space. */
const COLLAPSIBLE = /\s\s|[^\S ]/;

/**
 * Each run of white space as one space. Most text has only single spaces: testing first spares
 * building the same string again, one replacement per word (a tenth of a Word file's reading).
 */
export function collapseSpaces(text: string): string {
  return COLLAPSIBLE.test(text) ? text.replace(/\s+/g, ' ') : text;
}

/** Collapses HTML white space and trims the edges of a block's runs. */
function trimRuns(runs: InlineRun[]): InlineRun[] {
  const merged: InlineRun[] = [];
  let previousEndsInSpace = true;
  for (const run of runs) {
    if (run.kind === 'break') {
      merged.push(run);
      previousEndsInSpace = true;
      continue;
    }
    const texts = run.kind === 'text' ? [run] : run.children;
    const collapsed: TextRun[] = [];
    for (const text of texts) {
      let value = text.code ? text.text : collapseSpaces(text.text);
      if (previousEndsInSpace) value = value.replace(/^ /, '');
      if (value === '') continue;
      previousEndsInSpace = value.endsWith(' ');
      collapsed.push({ ...text, text: value });
    }
    if (collapsed.length === 0) continue;
    merged.push(run.kind === 'text' ? collapsed[0]! : { ...run, children: collapsed });
  }
  // Trim trailing spaces and breaks at the end of the block.
  while (merged.length > 0) {
    const last = merged[merged.length - 1]!;
    if (last.kind === 'break') {
      merged.pop();
      continue;
    }
    const lastText = last.kind === 'text' ? last : last.children[last.children.length - 1];
    if (lastText && lastText.text.endsWith(' ')) {
      lastText.text = lastText.text.replace(/ +$/, '');
      if (lastText.text === '') {
        if (last.kind === 'text') merged.pop();
        else last.children.pop();
        if (last.kind === 'link' && last.children.length === 0) merged.pop();
        continue;
      }
    }
    break;
  }
  return merged;
}

function inlineFrom(node: HtmlNode, marks: Marks, into: BlockCollector): void {
  if (node.nodeType === 3) {
    into.addRun(textRun(node.textContent ?? '', marks));
    return;
  }
  if (node.nodeType !== 1) return;
  const element = node as HtmlElement;
  const tag = element.tagName;
  if (tag === 'BR') {
    into.addRun({ kind: 'break' });
    return;
  }
  const nextMarks: Marks = { ...marks };
  if (tag === 'EM' || tag === 'I' || tag === 'CITE') nextMarks.italic = true;
  if (tag === 'STRONG' || tag === 'B') nextMarks.bold = true;
  if (tag === 'CODE' || tag === 'KBD' || tag === 'SAMP') nextMarks.code = true;
  if (tag === 'SUB') nextMarks.subscript = true;
  if (tag === 'SUP') nextMarks.superscript = true;
  if (tag === 'A') {
    const href = element.getAttribute('href') ?? '';
    const text = (element.textContent ?? '').replace(/\s+/g, ' ');
    if (isSafeLinkUrl(href) && text.trim() !== '') {
      into.addRun({ kind: 'link', url: href, children: [textRun(text, nextMarks)] });
    } else {
      into.addRun(textRun(text, nextMarks));
    }
    return;
  }
  for (const child of Array.from(element.childNodes)) inlineFrom(child, nextMarks, into);
}

/** One list item from the nodes it holds: its text as inline runs, lists inside it nested. */
function listItemFrom(parts: readonly HtmlNode[]): ListItem | undefined {
  const collector = new BlockCollector();
  const nested: ListBlock[] = [];
  for (const part of parts) {
    if (part.nodeType === 1 && ((part as HtmlElement).tagName === 'UL' || (part as HtmlElement).tagName === 'OL')) {
      nested.push(listFrom(part as HtmlElement));
    } else if (part.nodeType === 1 && BLOCK_TAGS.has((part as HtmlElement).tagName)) {
      inlineFrom(part, {}, collector);
      collector.addRun({ kind: 'break' });
    } else {
      inlineFrom(part, {}, collector);
    }
  }
  collector.flush();
  const children: InlineRun[] = [];
  for (const block of collector.blocks) {
    if (block.kind === 'list' || block.kind === 'table') continue;
    if (children.length > 0) children.push({ kind: 'break' });
    children.push(...block.children);
  }
  return children.length > 0 || nested.length > 0 ? { children, nested } : undefined;
}

/**
 * A list's items. Pages put other things straight inside <ul> and <ol> too (a <p>, a <div>,
 * bare text); each becomes an item of its own rather than being dropped, and a list placed
 * straight after an item nests under it.
 */
function listFrom(element: HtmlElement): ListBlock {
  const items: ListItem[] = [];
  for (const child of Array.from(element.childNodes)) {
    const tag = child.nodeType === 1 ? (child as HtmlElement).tagName : '';
    const previous = items[items.length - 1];
    if ((tag === 'UL' || tag === 'OL') && previous) {
      previous.nested.push(listFrom(child as HtmlElement));
      continue;
    }
    const item = listItemFrom(tag === 'LI' ? Array.from((child as HtmlElement).childNodes) : [child]);
    if (item) items.push(item);
  }
  const start = Number.parseInt(element.getAttribute('start') ?? '1', 10);
  return { kind: 'list', ordered: element.tagName === 'OL', start: Number.isFinite(start) ? start : 1, items };
}

/** A table cell's text: its blocks (paragraphs, list items) one per line. */
function cellRuns(cell: HtmlElement): InlineRun[] {
  const collector = new BlockCollector();
  blocksFrom(cell, collector, false);
  collector.flush();
  const runs: InlineRun[] = [];
  for (const block of collector.blocks) {
    if (block.kind !== 'paragraph' && block.kind !== 'quote' && block.kind !== 'heading') continue;
    if (runs.length > 0) runs.push({ kind: 'break' });
    runs.push(...block.children);
  }
  return runs;
}

/** A data table becomes a table block (its caption a paragraph above it); a layout table's content flows on. */
function tableFrom(table: HtmlElement, into: BlockCollector): boolean {
  if (isLayoutTable(table)) return false;
  const { table: block, caption } = tableBlockFrom(table, cellRuns);
  if (caption) {
    inlineFrom(caption, {}, into);
    into.flush();
  }
  if (block) into.blocks.push(block);
  return true;
}

function blocksFrom(element: HtmlElement, into: BlockCollector, inQuote: boolean): void {
  for (const node of Array.from(element.childNodes)) {
    if (node.nodeType !== 1) {
      inlineFrom(node, {}, into);
      continue;
    }
    const child = node as HtmlElement;
    const tag = child.tagName;
    if (!BLOCK_TAGS.has(tag)) {
      inlineFrom(child, {}, into);
      continue;
    }
    into.flush(inQuote ? 'quote' : 'paragraph');
    if (/^H[1-6]$/.test(tag)) {
      const heading = new BlockCollector();
      inlineFrom(child, {}, heading);
      heading.flush();
      const block = heading.blocks[0];
      if (block && block.kind !== 'list' && block.kind !== 'table') {
        into.blocks.push({ kind: 'heading', level: Number(tag.slice(1)) as HeadingLevel, children: block.children });
      }
    } else if (tag === 'UL' || tag === 'OL') {
      const list = listFrom(child);
      if (list.items.length > 0) into.blocks.push(list);
    } else if (tag === 'BLOCKQUOTE') {
      blocksFrom(child, into, true);
      into.flush('quote');
    } else if (tag === 'TABLE' && tableFrom(child, into)) {
      continue;
    } else if (tag === 'PRE') {
      inlineFrom(child, { code: true }, into);
      into.flush(inQuote ? 'quote' : 'paragraph');
    } else {
      blocksFrom(child, into, inQuote);
      into.flush(inQuote ? 'quote' : 'paragraph');
    }
  }
}

type Purifier = ReturnType<typeof createDOMPurifyFunction>;

function purifierFor(window: JsdomModule.DOMWindow): Purifier {
  const { createDOMPurify } = htmlLibraries();
  return createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0]);
}

let cleaning: { window: JsdomModule.DOMWindow; purify: Purifier } | undefined;

/**
 * One window (and its DOMPurify) for all whole-document HTML: a window costs tens of
 * milliseconds and megabytes, and an .mbox of 5,000 HTML messages made one each. Each
 * document is parsed on its own by the window's DOMParser (inert: no scripts, no loads) and
 * dropped after, so nothing of one message stays in another's; the sanitizer keeps no state
 * between calls (no hooks are added) and runs with the same settings.
 */
function cleaningWindow(): { window: JsdomModule.DOMWindow; purify: Purifier } {
  if (!cleaning) {
    const { JSDOM, VirtualConsole } = htmlLibraries();
    const { window } = new JSDOM('', { contentType: 'text/html', virtualConsole: new VirtualConsole() });
    cleaning = { window, purify: purifierFor(window) };
  }
  return cleaning;
}

/** DOMPurify over `root` in place, then its blocks: the half of import every HTML-bearing format shares. */
function sanitizedBlocks(purify: Purifier, root: Element): Block[] {
  purify.sanitize(root, {
    ALLOWED_TAGS,
    ALLOWED_ATTR: ['href', 'start', 'colspan', 'rowspan', 'role'],
    ALLOW_DATA_ATTR: false,
    IN_PLACE: true,
  });
  return blocksOfTree(root);
}

/**
 * The blocks of a tree that holds only elements an import keeps: one DOMPurify cleaned, or
 * the light tree of HTML a converter wrote (formats/generated-html.ts), which needs no sanitizer.
 */
export function blocksOfTree(root: HtmlElement): Block[] {
  const collector = new BlockCollector();
  blocksFrom(root, collector, false);
  collector.flush();
  return collector.blocks;
}

/**
 * Blocks from HTML that is the whole document (a Word file's conversion, an EPUB chapter):
 * the same cleaning and block rules as a saved page, without Readability's hunt for the
 * article. `prepare` may reshape the parsed, still inert tree before it is cleaned (images to
 * their alt text, table rows to lines). Returns [] when nothing readable is left.
 */
export function blocksFromCleanHtml(html: string, prepare?: (document: Document) => void): Block[] {
  const { window, purify } = cleaningWindow();
  const document = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
  prepare?.(document);
  // DOMPurify cannot clean <body> in place (it is not an allowed tag), so its children move into a <div>.
  const root = document.createElement('div');
  root.append(...Array.from(document.body.childNodes));
  return sanitizedBlocks(purify, root);
}

/** Text a sender hid with inline styles (a newsletter's "preheader"), never seen in the message. */
function removeHiddenText(document: Document): void {
  for (const hidden of Array.from(document.body.querySelectorAll('[hidden], [style]'))) {
    const style = hidden.getAttribute('style') ?? '';
    if (hidden.hasAttribute('hidden') || /display\s*:\s*none|mso-hide\s*:\s*all/i.test(style)) hidden.remove();
  }
}

/**
 * The blocks of an e-mail's HTML body taken whole: Readability drops a short message as having
 * no article. Mail clients honour inline styles, so text a sender hid stays out here too.
 */
export function sanitizedHtmlBlocks(html: string): Block[] {
  return blocksFromCleanHtml(html, removeHiddenText);
}

/** `pageUrl`: the address the page came from, which its relative links are read against. */
export function parseHtml(
  html: string,
  fallbackTitle: string,
  sourceName: string = fallbackTitle,
  pageUrl?: string,
): ParsedDocument {
  const { JSDOM, VirtualConsole, Readability } = htmlLibraries();
  // No URL, no script execution and no resource loading: the page is inert data.
  const dom = new JSDOM(html, { contentType: 'text/html', virtualConsole: new VirtualConsole() });
  try {
    if (pageUrl !== undefined) absoluteLinks(dom.window.document, pageUrl);
    // The article comes back as a live element (no serialize and re-parse of a large
    // page), and DOMPurify cleans that element in place before anything reads it.
    // Readability's own defaults: a lower charThreshold (200 was used) accepts the first
    // short candidate, so on real pages a newsletter box or a print footer was imported
    // instead of the article the defaults find (tests/fixtures/community-post.html is built
    // the same way and shows it; the aclu, bbc and cnn pages come out the same). Change
    // a setting only when a corpus of real pages shows it does better.
    const plain = plainPageBody(dom.window.document);
    const article = new Readability<Element>(dom.window.document, {
      serializer: (node) => node as Element,
    }).parse();
    if (!article || !article.content || (article.textContent ?? '').trim() === '') {
      throw new UserFacingError('NO_ARTICLE', `“${sourceName}” has no readable article text: nothing was imported.`);
    }
    const whole =
      plain && articleLostText(plain, article.content, article.textContent ?? '') ? plain.body : article.content;
    const blocks = sanitizedBlocks(purifierFor(dom.window), whole);
    if (blocks.length === 0) {
      throw new UserFacingError('NO_ARTICLE', `“${sourceName}” has no readable article text: nothing was imported.`);
    }
    const title = (article.title ?? '').trim() || fallbackTitle;
    const first = blocks[0];
    // Readability often keeps the page's own headline; the title heading already says it.
    if (first?.kind === 'heading' && inlineText(first.children).trim() === title) blocks.shift();
    return {
      title,
      byline: (article.byline ?? '').replace(/\s+/g, ' ').trim(),
      publishedAt: (article.publishedTime ?? '').trim(),
      siteName: (article.siteName ?? '').trim(),
      blocks,
    };
  } finally {
    dom.window.close();
  }
}
