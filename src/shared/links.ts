// Which links from content (documents, notes, replies) may be opened outside the app:
// web and mail links only. The renderer asks with it before offering to open a link, and
// the desktop shell checks again before handing one to the operating system.

export const MAX_LINK_LENGTH = 8192;

// A scheme, then for the web a host; no spaces or control characters anywhere, so what
// the person is shown is exactly what opens.
const OPENABLE = /^(?:https?:\/\/[^\s/?#\\]+(?:[/?#][^\s]*)?|mailto:[^\s]+)$/i;
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** True for an absolute http:, https: or mailto: link that can be shown and opened as it is. */
export function isOpenableLink(href: string): boolean {
  return href.length <= MAX_LINK_LENGTH && !CONTROL.test(href) && OPENABLE.test(href);
}

export const UNOPENABLE_LINK_MESSAGE = 'Only web (http, https) and email (mailto) links open from Marginalia.';
