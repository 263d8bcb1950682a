// Whether a mailbox's last message stops short of its end, as one does when the download or
// copy of the .mbox was cut off: so it is not imported looking whole.
import { headerSections } from './email-header-sections';

const BOUNDARY =
  /^content-type[ \t]*:[ \t]*multipart\/[^]*?;[ \t\r\n]*boundary[ \t]*=[ \t]*(?:"([^"\r\n]+)"|([^;\s]+))/i;

function field(header: string, name: string): string {
  return new RegExp(`^${name}[ \\t]*:.*(?:\\r?\\n[ \\t].*)*`, 'im').exec(header)?.[0] ?? '';
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The first multipart boundary the message declares and never closes with its “--BOUNDARY--” line. */
function unclosedBoundary(text: string, headers: readonly string[]): string | undefined {
  for (const header of headers) {
    const found = BOUNDARY.exec(field(header, 'content-type'));
    const boundary = found?.[1] ?? found?.[2];
    if (boundary === undefined) continue;
    if (!new RegExp(`^--${escapeRegExp(boundary)}--`, 'm').test(text)) return boundary;
  }
  return undefined;
}

/** The last part's body, when it is base64, holds a number of characters no whole encoding has. */
function base64CutShort(text: string, lastHeader: string, bodyStart: number): boolean {
  if (!/base64/i.test(field(lastHeader, 'content-transfer-encoding'))) return false;
  const body = text.slice(bodyStart);
  // A part that ended properly stops at its boundary line; only the cut-off one runs to the end.
  const encoded = body.replace(/\r?\n--[^\r\n]*[^]*$/, '').replace(/[^A-Za-z0-9+/=]/g, '');
  return encoded.length % 4 !== 0;
}

/**
 * Why the message's bytes (its text read as latin1) look cut off before the end, or undefined:
 * a multipart section never closed, or a base64 body that stops mid-way. Only these signs: a
 * message merely short or oddly made is not cut, and an HTML body with no </html> is common
 * from clients that never close their tags, so it is no sign (a complete message was refused).
 */
export function cutShortReason(bytes: Uint8Array): string | undefined {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const sections = headerSections(text);
  const headers = sections.map((section) => text.slice(section.start, section.end));
  const boundary = unclosedBoundary(text, headers);
  if (boundary !== undefined) return `its multipart section “${boundary}” is never closed`;
  const last = sections.at(-1);
  const bodyStart = last ? text.slice(last.end).search(/\n\r?\n/) : -1;
  if (last && bodyStart !== -1 && base64CutShort(text, headers.at(-1)!, last.end + bodyStart)) {
    return 'its last part, in base64, stops in the middle of a character group';
  }
  return undefined;
}
