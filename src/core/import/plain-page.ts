// A page that is only its text (a report saved as HTML: headings, paragraphs, tables, no site
// around it) is taken whole. Readability keeps the best-scoring container and only those of
// its siblings that look like paragraphs, so on such a page it drops headings and tables that
// stand beside the main block; a page with any site furniture still goes through Readability.

/** Elements and roles that mean a page has a site around its article. */
const FURNITURE =
  'nav, header, footer, aside, form, menu, iframe, [role="navigation"], [role="banner"], [role="contentinfo"], ' +
  '[role="complementary"], [role="search"], [role="menu"]';
/** Class or id words of the same furniture on pages that don't use the elements. */
const FURNITURE_NAMES =
  /(^|[-_\s])(nav|navbar|menu|sidebar|footer|header|masthead|comments?|share|social|related|promo|advert|ads?|banner|cookie|newsletter|subscribe)([-_\s]|$)/i;

function words(text: string | null | undefined): number {
  return (text ?? '').split(/\s+/).filter((word) => word !== '').length;
}

/** The share of the body's words that sit inside links. */
function linkDensity(body: Element, total: number): number {
  let linked = 0;
  for (const link of body.querySelectorAll('a')) linked += words(link.textContent);
  return total === 0 ? 0 : linked / total;
}

function hasFurniture(body: Element): boolean {
  if (body.querySelector(FURNITURE)) return true;
  for (const element of body.querySelectorAll('[class], [id]')) {
    if (FURNITURE_NAMES.test(`${element.getAttribute('class') ?? ''} ${element.id}`)) return true;
  }
  return false;
}

/** A copy of the body of a page with no site furniture and few links, with its word count; else undefined. */
export function plainPageBody(document: Document): { body: Element; words: number } | undefined {
  const body = document.body;
  if (!body || hasFurniture(body)) return undefined;
  const total = words(body.textContent);
  if (total === 0 || linkDensity(body, total) > 0.2) return undefined;
  // A <div> holding a copy of the body's children: DOMPurify refuses to clean a <body> in place.
  const copy = document.createElement('div');
  for (const child of body.childNodes) copy.appendChild(child.cloneNode(true));
  return { body: copy, words: total };
}

/** The texts of a tree's section headings and tables, the parts Readability leaves beside its pick. */
function parts(root: Element): string[] {
  return [...root.querySelectorAll('h2, h3, h4, h5, h6, table')].map((element) =>
    (element.textContent ?? '').replace(/\s+/g, ' ').trim(),
  );
}

/** True when Readability's article left out a tenth of a plain page's words, or any of its headings or tables. */
export function articleLostText(
  plain: { body: Element; words: number },
  article: Element,
  articleText: string,
): boolean {
  if (words(articleText) < plain.words * 0.9) return true;
  const kept = new Set(parts(article));
  return parts(plain.body).some((part) => part !== '' && !kept.has(part));
}
