// Links from content (the document, margin notes, replies, previews) never navigate the
// app's own page: every click on one is caught here, once for the whole window, and handed
// to the app, which asks first and then opens it outside (see openOutside).
import { useEffect, useRef } from 'react';
import type { MarginaliaClient } from '../../../shared/contract';
import type { AppInfo } from '../../../shared/model';
import type { Result } from '../../../shared/result';
import { ok } from '../../../shared/result';

/** A link from content; the app's own links (the skip links, marked data-app-link) handle their clicks themselves. */
function linkOf(event: MouseEvent): HTMLAnchorElement | null {
  const target = event.target;
  const link = target instanceof Element ? target.closest<HTMLAnchorElement>('a[href]') : null;
  return link?.hasAttribute('data-app-link') ? null : link;
}

/** The address the content gave: Lexical puts about:blank in href for a protocol it refuses, and keeps the real one in data-href (see LinkTargetsPlugin). */
export function linkAddress(link: HTMLAnchorElement): string {
  return link.dataset.href ?? link.getAttribute('href') ?? '';
}

/**
 * Catches every link click and middle click a person makes in the window before the browser follows it.
 * Every plain click asks, in one's own note too; only in the document being edited (which
 * marks itself data-caret-links) does a plain click just move the caret, and Ctrl/Cmd-click opens.
 */
export function useContentLinks(onLink: (href: string) => void): void {
  const onLinkRef = useRef(onLink);
  onLinkRef.current = onLink;
  useEffect(() => {
    const handle = (event: MouseEvent) => {
      // Only a person's clicks: the app's own programmatic ones (a download's link) are its business.
      const link = event.isTrusted ? linkOf(event) : null;
      if (!link || (event.type === 'auxclick' && event.button !== 1)) return;
      event.preventDefault();
      const editingText = link.closest('[contenteditable="true"][data-caret-links]') !== null;
      if (editingText && !(event.ctrlKey || event.metaKey)) return;
      onLinkRef.current(linkAddress(link));
    };
    window.addEventListener('click', handle, true);
    window.addEventListener('auxclick', handle, true);
    return () => {
      window.removeEventListener('click', handle, true);
      window.removeEventListener('auxclick', handle, true);
    };
  }, []);
}

/** Where a link opens, for the question before it does: mail links in the mail program. */
export function linkDestination(href: string, host: AppInfo['host'] | undefined): string {
  if (/^mailto:/i.test(href.trim())) return 'in your mail program';
  return host === 'desktop' ? 'in your web browser' : 'in a new tab';
}

/**
 * Opens a checked link outside the app: the system browser (through the desktop shell) in
 * the desktop app, a new tab that cannot reach back to this one in the browser host.
 */
export async function openOutside(
  client: MarginaliaClient,
  host: AppInfo['host'] | undefined,
  url: string,
): Promise<Result<unknown>> {
  if (host === 'desktop') return client.openExternal({ url });
  window.open(url, '_blank', 'noopener,noreferrer');
  return ok(null);
}
