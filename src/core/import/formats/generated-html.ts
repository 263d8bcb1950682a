// A light tree for HTML a converter wrote itself (mammoth's output for a Word file): every tag
// closed, text and attribute values escaped, no comments or scripts. Reading it needs no
// browser DOM (jsdom takes about a second to load in the reader worker); markup of any other
// shape is refused, never guessed at.
import type { HtmlElement, HtmlNode } from '../html-node';
import { ALLOWED_TAGS } from '../html-tags';

abstract class GeneratedNode implements HtmlNode {
  abstract readonly nodeType: number;
  abstract readonly textContent: string;
  parent: GeneratedElement | null = null;

  get parentElement(): GeneratedElement | null {
    return this.parent;
  }

  remove(): void {
    this.replaceWith();
  }

  /** Puts `nodes` (or text) where this node was, and takes this node out of the tree. */
  replaceWith(...nodes: Array<GeneratedNode | string>): void {
    const parent = this.parent;
    if (!parent) return;
    const placed = adopt(nodes, parent);
    parent.childNodes.splice(parent.childNodes.indexOf(this), 1, ...placed);
    this.parent = null;
  }
}

/** Text as text nodes, and each node taken from where it was, to be placed under `parent`. */
function adopt(nodes: ReadonlyArray<GeneratedNode | string>, parent: GeneratedElement): GeneratedNode[] {
  return nodes.map((node) => {
    if (typeof node === 'string') node = new GeneratedText(node);
    else if (node.parent) node.parent.childNodes.splice(node.parent.childNodes.indexOf(node), 1);
    node.parent = parent;
    return node;
  });
}

export class GeneratedText extends GeneratedNode {
  readonly nodeType = 3;

  constructor(public data: string) {
    super();
  }

  get textContent(): string {
    return this.data;
  }
}

/** Only a bare tag name is understood as a selector: that is all the block builder asks for. */
function tagOf(selector: string): string {
  if (!/^[a-z][a-z0-9]*$/i.test(selector)) throw new Error(`unsupported selector ${selector}`);
  return selector.toUpperCase();
}

export class GeneratedElement extends GeneratedNode implements HtmlElement {
  readonly nodeType = 1;
  readonly tagName: string;
  readonly childNodes: GeneratedNode[] = [];
  private readonly attributes: ReadonlyMap<string, string>;

  constructor(tagName: string, attributes: ReadonlyMap<string, string> = new Map()) {
    super();
    this.tagName = tagName.toUpperCase();
    this.attributes = attributes;
  }

  get children(): GeneratedElement[] {
    return this.childNodes.filter((node): node is GeneratedElement => node instanceof GeneratedElement);
  }

  get id(): string {
    return this.attributes.get('id') ?? '';
  }

  get textContent(): string {
    return this.childNodes.map((node) => node.textContent).join('');
  }

  set textContent(text: string) {
    for (const node of this.childNodes) node.parent = null;
    this.childNodes.length = 0;
    this.append(text);
  }

  getAttribute(name: string): string | null {
    return this.attributes.get(name) ?? null;
  }

  append(...nodes: Array<GeneratedNode | string>): void {
    this.childNodes.push(...adopt(nodes, this));
  }

  /** Descendants with this tag, in document order. */
  querySelectorAll(selector: string): GeneratedElement[] {
    const tag = tagOf(selector);
    const found: GeneratedElement[] = [];
    const visit = (element: GeneratedElement): void => {
      for (const child of element.children) {
        if (child.tagName === tag) found.push(child);
        visit(child);
      }
    };
    visit(this);
    return found;
  }

  querySelector(selector: string): GeneratedElement | null {
    return this.querySelectorAll(selector)[0] ?? null;
  }

  closest(selector: string): GeneratedElement | null {
    const tag = tagOf(selector);
    if (this.tagName === tag) return this;
    return this.parent ? this.parent.closest(selector) : null;
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescape(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] !== '#') return ENTITIES[name] ?? whole;
    const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

const OPEN = /^<([a-z][a-z0-9]*)((?:\s+[a-z][a-z0-9-]*="[^"]*")*)\s*(\/?)>$/i;
const CLOSE = /^<\/([a-z][a-z0-9]*)>$/i;
const ATTRIBUTE = /([a-z][a-z0-9-]*)="([^"]*)"/gi;

function openTag(tag: string): GeneratedElement | undefined {
  const open = OPEN.exec(tag);
  if (!open) return undefined;
  const attributes = new Map<string, string>();
  for (const [, name, value] of open[2]!.matchAll(ATTRIBUTE)) attributes.set(name!.toLowerCase(), unescape(value!));
  return new GeneratedElement(open[1]!, attributes);
}

/** Elements an HTML writer closes itself (`<br />`), never holding anything. */
const VOID = new Set(['BR', 'IMG', 'HR', 'INPUT']);

/**
 * The body of generated HTML as a tree, or undefined when the markup is not the closed,
 * escaped kind a writer produces (a stray "<", a tag left open or closed out of turn).
 */
export function parseGeneratedHtml(html: string): GeneratedElement | undefined {
  const body = new GeneratedElement('body');
  const open: GeneratedElement[] = [body];
  // Text never holds "<" or ">" (the writer escapes them), so every "<…>" is a tag.
  for (const [index, piece] of html.split(/(<[^<>]*>)/).entries()) {
    const current = open[open.length - 1]!;
    if (index % 2 === 0) {
      if (/[<>]/.test(piece)) return undefined;
      // An HTML parser drops NUL characters from text; so does this.
      if (piece !== '') current.append(unescape(piece).replace(/\0/g, ''));
      continue;
    }
    const close = CLOSE.exec(piece);
    if (close) {
      if (open.length === 1 || current.tagName !== close[1]!.toUpperCase()) return undefined;
      open.pop();
      continue;
    }
    const element = openTag(piece);
    if (!element) return undefined;
    current.append(element);
    if (!piece.endsWith('/>') && !VOID.has(element.tagName)) open.push(element);
  }
  return open.length === 1 ? body : undefined;
}

/** Word's subscripts and superscripts (H₂O, 5th) are kept too; a footnote mark or exponent was made text before. */
const KEPT = new Set([...ALLOWED_TAGS, 'sub', 'sup'].map((tag) => tag.toUpperCase()));
/** Elements whose content is code or styling, never text to read: they go whole. */
const DROPPED_WITH_CONTENT = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'IFRAME', 'OBJECT', 'NOSCRIPT', 'SVG', 'MATH']);

/**
 * Keeps only the elements an import keeps (ALLOWED_TAGS, as the sanitizer of pages and mail
 * does): any other element is replaced by its content, or dropped with it when that content
 * is code. Attributes need no pass: the block builder reads only href, start, colspan,
 * rowspan and role, and checks every link's address itself.
 */
export function keepAllowedElements(root: GeneratedElement): void {
  for (const child of [...root.children]) {
    keepAllowedElements(child);
    if (KEPT.has(child.tagName)) continue;
    if (DROPPED_WITH_CONTENT.has(child.tagName)) child.remove();
    else child.replaceWith(...child.childNodes);
  }
}
