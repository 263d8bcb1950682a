// A fetched or saved page's relative links ("/reports/2024", "notes.html") made absolute
// against the address the page came from, so they survive as links: the reader keeps only
// http, https and mailto, and a relative address is none of those on its own.

const KEPT_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/** The address relative links resolve against: the page's own <base href> (read against the page's address), else that address. */
function baseOf(document: Document, pageUrl: string): URL | undefined {
  let page: URL;
  try {
    page = new URL(pageUrl);
  } catch {
    return undefined;
  }
  if (page.protocol !== 'http:' && page.protocol !== 'https:') return undefined;
  const declared = document.querySelector('base[href]')?.getAttribute('href')?.trim();
  if (!declared) return page;
  try {
    const base = new URL(declared, page);
    return base.protocol === 'http:' || base.protocol === 'https:' ? base : page;
  } catch {
    return page;
  }
}

/**
 * Rewrites every link's href to the absolute address it stands for, when that is an http,
 * https or mailto address; a link within the page (#notes) and any other stay as they were.
 */
export function absoluteLinks(document: Document, pageUrl: string): void {
  const base = baseOf(document, pageUrl);
  if (base === undefined) return;
  for (const link of Array.from(document.querySelectorAll('a[href]'))) {
    const href = (link.getAttribute('href') ?? '').trim();
    if (href === '' || href.startsWith('#')) continue;
    let resolved: URL;
    try {
      resolved = new URL(href, base);
    } catch {
      continue;
    }
    if (KEPT_PROTOCOLS.has(resolved.protocol)) link.setAttribute('href', resolved.href);
  }
}
