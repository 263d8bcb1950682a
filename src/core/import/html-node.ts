// The part of the DOM the block builder reads, so that a browser DOM (jsdom, for pages and
// mail) and the light tree of HTML a converter wrote (formats/generated-html.ts) both serve.

export interface HtmlNode {
  readonly nodeType: number;
  readonly textContent: string | null;
}

export interface HtmlElement extends HtmlNode {
  /** Upper case, as an HTML document's DOM gives it. */
  readonly tagName: string;
  readonly childNodes: ArrayLike<HtmlNode>;
  readonly children: ArrayLike<HtmlElement>;
  readonly parentElement: HtmlElement | null;
  getAttribute(name: string): string | null;
  querySelector(selectors: string): HtmlElement | null;
  closest(selectors: string): HtmlElement | null;
}
