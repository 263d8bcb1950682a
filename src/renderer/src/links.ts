// Links from content (the document, margin notes, replies, previews) never navigate the
// app's own page: every click on one is caught here, once for the whole window, and handed
// to the app, which asks first and then opens it outside (see openOutside).
import { useEffect, useRef } from 'react';
import type { MarginaliaClient } from '../../shared/contract';
import type { AppInfo } from '../../shared/model';
import type { Result } from '../../shared/result';
import { ok } from '../../shared/result';

function linkOf(event: MouseEvent): HTMLAnchorElement | null {
  const target = event.target;
  return target instanceof Element ? target.closest<HTMLAnchorElement>('a[href]') : null;
}

/**
 * Catches every link click and middle click a person makes in the window before the browser follows it.
 * Inside text being edited a plain click only moves the caret; Ctrl/Cmd-click opens.
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
      const editing = link.closest('[contenteditable="true"]') !== null;
      if (editing && !(event.ctrlKey || event.metaKey)) return;
      onLinkRef.current(link.getAttribute('href') ?? '');
    };
    window.addEventListener('click', handle, true);
    window.addEventListener('auxclick', handle, true);
    return () => {
      window.removeEventListener('click', handle, true);
      window.removeEventListener('auxclick', handle, true);
    };
  }, []);
}

/**
 * Opens a checked link outside the app: the system browser (through the desktop shell) in
 * the desktop app, a new tab that cannot reach back to this one in the browser host.
 */
export async function openOutside(client: MarginaliaClient, host: AppInfo['host'] | undefined, url: string): Promise<Result<unknown>> {
  if (host === 'desktop') return client.openExternal({ url });
  window.open(url, '_blank', 'noopener,noreferrer');
  return ok(null);
}
