// Reads a web page saved as a single file (.mhtml/.mht, as Chrome, Edge and Internet Explorer
// write it): the first HTML part is the page, read as a saved .html is; the address it was
// saved from becomes the origin URL. Images and other parts are left out.
import PostalMime, { decodeWords } from 'postal-mime';
import { UserFacingError } from '../../../shared/result';
import { parseHtml } from '../html';
import { cleanTitle } from '../parsed-document';
import { POSTAL_MIME_IMPORTER } from './email-parse';
import { isoDate } from './email';
import type { FormatInput, FormatReader, ReadDocument } from './format-reader';
import type { HeaderMap, MhtmlPart } from './mhtml-parts';
import { firstHtmlPart, headerParam, mediaType, readHeaders } from './mhtml-parts';

export const MAX_MHTML_BYTES = 100 * 1024 * 1024;

const MAX_URL_LENGTH = 2048;

function notSavedPage(sourceName: string, why: string): UserFacingError {
  return new UserFacingError(
    'INVALID_INPUT',
    `“${sourceName}” is not a saved web page (MHTML): ${why}; nothing was imported.`,
  );
}

/** The page part: the whole file when it is a single HTML part, else the first HTML part of the multipart body. */
function pagePart(bytes: Uint8Array, sourceName: string): { top: HeaderMap; part: MhtmlPart } {
  const read = readHeaders(bytes);
  if (!read || read.headers.size === 0) throw notSavedPage(sourceName, 'it has no MIME headers');
  const contentType = read.headers.get('content-type');
  const type = mediaType(contentType);
  if (type === 'text/html') return { top: read.headers, part: { headers: read.headers, bytes } };
  if (!type.startsWith('multipart/'))
    throw notSavedPage(sourceName, `its content is “${type || 'not declared'}”, not a page`);
  const boundary = headerParam(contentType, 'boundary');
  if (!boundary) throw notSavedPage(sourceName, 'its parts have no boundary');
  const part = firstHtmlPart(bytes, boundary, read.bodyStart, sourceName);
  if (!part) throw notSavedPage(sourceName, 'it holds no HTML part');
  return { top: read.headers, part };
}

/** postal-mime undoes the transfer encoding (quoted-printable, base64) and the charset. */
async function decodeHtml(part: MhtmlPart, sourceName: string): Promise<string> {
  try {
    const decoded = await PostalMime.parse(part.bytes, { maxNestingDepth: 4 });
    return decoded.html ?? '';
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw notSavedPage(sourceName, `its page could not be decoded (${why})`);
  }
}

/** Only an http(s) address is an origin; a file: or javascript: one says nothing useful and is dropped. */
export function originUrl(...candidates: (string | undefined)[]): string | undefined {
  for (const candidate of candidates) {
    const value = (candidate ?? '').trim();
    if (value === '' || value.length > MAX_URL_LENGTH) continue;
    try {
      const url = new URL(value);
      if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
    } catch {
      // not a URL: try the next one
    }
  }
  return undefined;
}

export function mhtmlReader(limits: { maxBytes?: number } = {}): FormatReader {
  const maxBytes = limits.maxBytes ?? MAX_MHTML_BYTES;
  return async (input: FormatInput): Promise<ReadDocument> => {
    input.signal?.throwIfAborted();
    if (input.bytes.length > maxBytes) {
      throw new UserFacingError(
        'TOO_LARGE',
        `“${input.fileName}” is over ${Math.round(maxBytes / 1048576)} MB; it was not imported.`,
      );
    }
    const { top, part } = pagePart(input.bytes, input.fileName);
    const html = await decodeHtml(part, input.fileName);
    input.signal?.throwIfAborted();
    const fallbackTitle = cleanTitle(
      decodeWords(top.get('subject') ?? ''),
      input.fileName.replace(/\.(mhtml?|mht)$/i, ''),
    );
    // Chrome names the page's address at the top (Snapshot-Content-Location); others only on the part.
    const origin = originUrl(
      top.get('snapshot-content-location'),
      part.headers.get('content-location'),
      top.get('content-location'),
    );
    // The page's relative links are read against the address it was saved from.
    const parsed = parseHtml(html, fallbackTitle, input.fileName, origin);
    const createdAt = isoDate(top.get('date'));
    return {
      ...parsed,
      facts: {
        importer: POSTAL_MIME_IMPORTER,
        ...(origin ? { originUrl: origin } : {}),
        ...(createdAt ? { createdAt } : {}),
        ...(parsed.byline ? { author: parsed.byline } : {}),
      },
    };
  };
}

export const readMhtml: FormatReader = mhtmlReader();
