// Parses the XML parts of Word files and EPUBs with jsdom's XML parser: inert data, no
// external entities or DTDs fetched, internal entities expanded only once (no "billion laughs").
import type * as JsdomModule from 'jsdom';
import { createRequire } from 'node:module';
import { UserFacingError } from '../../../shared/result';

let jsdom: typeof JsdomModule | undefined;

/** jsdom loads on first use, as in html.ts: only these imports need it. */
function jsdomModule(): typeof JsdomModule {
  jsdom ??= createRequire(import.meta.url)('jsdom') as typeof JsdomModule;
  return jsdom;
}

/** Text of an XML part: UTF-8 unless a byte-order mark says UTF-16. */
export function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}

/** The parsed document, or undefined when the text is not well-formed XML. */
export function tryParseXml(text: string): Document | undefined {
  const { JSDOM, VirtualConsole } = jsdomModule();
  try {
    return new JSDOM(text, { contentType: 'application/xml', virtualConsole: new VirtualConsole() }).window.document;
  } catch {
    return undefined;
  }
}

/** The parsed part, or INVALID_INPUT naming the part and the file. */
export function parseXml(bytes: Uint8Array, part: string, label: string): Document {
  const text = decodeXml(bytes);
  assertShallow(text, `“${part}” in ${label}`);
  const document = tryParseXml(text);
  if (!document)
    throw new UserFacingError('INVALID_INPUT', `“${part}” in ${label} is not well-formed XML; nothing was imported.`);
  return document;
}

/** Elements by local name in document order, whatever prefix or namespace the file gave them. */
export function byLocalName(root: Document | Element, localName: string): Element[] {
  return Array.from(root.getElementsByTagNameNS('*', localName));
}

/** The trimmed, one-line text of the first element of this local name, or ''. */
export function firstText(root: Document | Element, localName: string): string {
  return (byLocalName(root, localName)[0]?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** An attribute by local name, whatever its prefix (w:id, r:id, opf:role). */
export function attr(element: Element, localName: string): string {
  for (const attribute of Array.from(element.attributes)) if (attribute.localName === localName) return attribute.value;
  return '';
}

const XML_SYNTAX = /xmldom|not well-formed|unclosed|mismatched tag|unexpected end|invalid xml/i;

/**
 * A failure inside a parser or the block builder as a message for a person. Parsers recurse,
 * so elements nested thousands deep exhaust the stack; that is the file's doing, not a bug.
 */

export function unreadable(error: unknown, say: (why: string) => string): UserFacingError {
  if (error instanceof UserFacingError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const why = /call stack/i.test(message)
    ? 'its elements are nested too deeply'
    : // An XML parser's own words ("[xmldom warning] unclosed xml attribute @#[line:…]") mean nothing to a person.
      XML_SYNTAX.test(message)
      ? 'its text is not well-formed XML: the file is damaged'
      : message.slice(0, 200);
  return new UserFacingError('INVALID_INPUT', say(why));
}

/** Real documents nest a few dozen elements deep; jsdom's parsers slow down with the square of the depth. */
export const MAX_DEPTH = 1000;

/** HTML's void elements, which never hold others: they add no depth. */
export const VOID_TAGS: ReadonlySet<string> = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);

/** The characters a regular expression's \s matches (ECMAScript's white space and line terminators): they end a tag's name. */
const WHITESPACE = new Set([
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007,
  0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff,
]);
const SLASH = 0x2f;

const isAsciiLetter = (code: number): boolean => (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);

/** The end (exclusive) of a tag's name that starts at `start`: it runs to whitespace, "/" or ">". */
function nameEnd(markup: string, start: number, close: number): number {
  let end = start;
  while (end < close && markup.charCodeAt(end) !== SLASH && !WHITESPACE.has(markup.charCodeAt(end))) end++;
  return end;
}

/**
 * How deep the tags of this markup nest, counted on the text before any parser sees it (void
 * HTML tags aside). A tag is "<", an optional "/", a letter, and everything up to the next ">";
 * it closes itself when "/" stands just before that ">". Scanned with indexOf, not a regular
 * expression: a Word body of 600,000 characters took 39 ms the first time through a regex (its
 * compilation), in a worker where the first time is the only time.
 */
export function nestingDepth(markup: string): number {
  let depth = 0;
  let deepest = 0;
  for (let open = markup.indexOf('<'); open !== -1;) {
    const closing = markup[open + 1] === '/';
    const nameStart = open + (closing ? 2 : 1);
    if (!isAsciiLetter(markup.charCodeAt(nameStart))) {
      open = markup.indexOf('<', open + 1);
      continue;
    }
    const close = markup.indexOf('>', nameStart);
    if (close === -1) break;
    if (closing) depth = Math.max(0, depth - 1);
    else if (markup[close - 1] !== '/') {
      const name = markup.slice(nameStart, nameEnd(markup, nameStart, close)).toLowerCase();
      if (!VOID_TAGS.has(name)) deepest = Math.max(deepest, ++depth);
    }
    open = markup.indexOf('<', close + 1);
  }
  return deepest;
}

/** Refuses markup nested deeper than MAX_DEPTH before it is parsed: seconds of parsing, then a stack overflow, otherwise. */
export function assertShallow(markup: string, what: string): void {
  if (nestingDepth(markup) > MAX_DEPTH)
    throw new UserFacingError(
      'INVALID_INPUT',
      `${what} cannot be read (its elements are nested more than ${MAX_DEPTH.toLocaleString('en')} deep); nothing was imported.`,
    );
}
