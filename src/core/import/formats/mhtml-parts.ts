// Finds the page inside a saved web archive (.mhtml/.mht): the header sections read by hand
// and the multipart/related body walked part by part, bounded, without decoding anything
// but the one part that is the page (postal-mime decodes that one).
import { UserFacingError } from '../../../shared/result';
import { startsWithAscii } from './email-parse';

/** Header names in lower case, each with its first value, folded lines joined. */
export type HeaderMap = Map<string, string>;

/** A header line: an RFC 5322 field name (printable ASCII but the colon), then the colon. */
const FIELD = /^([\x21-\x39\x3b-\x7e]{1,76})[ \t]*:/;

const MAX_HEADER_SECTION = 256 * 1024;
export const MAX_MHTML_PARTS = 10_000;

export interface MhtmlPart {
  headers: HeaderMap;
  /** The part as a message of its own (its headers and body), for postal-mime to decode. */
  bytes: Uint8Array;
}

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

/** Where the header section ends and where the body starts, or undefined when no blank line ends it in bounds. */
function headerEnd(bytes: Uint8Array): { end: number; bodyStart: number } | undefined {
  const probe = latin1(bytes.subarray(0, MAX_HEADER_SECTION));
  const match = /\r?\n\r?\n/.exec(probe);
  if (!match) return bytes.length <= MAX_HEADER_SECTION ? { end: bytes.length, bodyStart: bytes.length } : undefined;
  return { end: match.index, bodyStart: match.index + match[0].length };
}

export function readHeaders(bytes: Uint8Array): { headers: HeaderMap; bodyStart: number } | undefined {
  const bounds = headerEnd(bytes);
  if (!bounds) return undefined;
  const headers: HeaderMap = new Map();
  const unfolded = latin1(bytes.subarray(0, bounds.end)).replace(/\r?\n[ \t]+/g, ' ');
  // A file whose first line is not a header (an HTML page, a PDF) has no header section at all.
  if (!FIELD.test(unfolded)) return { headers, bodyStart: 0 };
  for (const line of unfolded.split(/\r?\n/)) {
    const field = FIELD.exec(line);
    if (!field) continue;
    const name = field[1]!.toLowerCase();
    if (!headers.has(name)) headers.set(name, line.slice(field[0].length).trim());
  }
  return { headers, bodyStart: bounds.bodyStart };
}

/** The media type of a Content-Type value, lower case ("multipart/related"). */
export function mediaType(value: string | undefined): string {
  return (value ?? '').split(';')[0]!.trim().toLowerCase();
}

export function headerParam(value: string | undefined, name: string): string | undefined {
  const match = new RegExp(`;\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(value ?? '');
  return match ? (match[1] ?? match[2]) : undefined;
}

/** Start offsets of each "--boundary" line, up to and including the closing "--boundary--". */
function delimiterOffsets(bytes: Uint8Array, boundary: string, from: number): number[] {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const marker = Buffer.from(`--${boundary}`, 'latin1');
  const offsets: number[] = [];
  for (let at = buffer.indexOf(marker, from); at !== -1; at = buffer.indexOf(marker, at + marker.length)) {
    if (at !== from && buffer[at - 1] !== 0x0a) continue;
    offsets.push(at);
    if (buffer[at + marker.length] === 0x2d && buffer[at + marker.length + 1] === 0x2d) break;
    if (offsets.length > MAX_MHTML_PARTS) break;
  }
  return offsets;
}

/** The bytes between two delimiters, without the delimiter line and the line break before the next. */
function partBetween(bytes: Uint8Array, delimiter: number, next: number): Uint8Array {
  const lineBreak = bytes.indexOf(0x0a, delimiter);
  const start = lineBreak === -1 ? next : lineBreak + 1;
  let end = next;
  if (end > start && bytes[end - 1] === 0x0a) end -= 1;
  if (end > start && bytes[end - 1] === 0x0d) end -= 1;
  return bytes.subarray(start, Math.max(start, end));
}

/**
 * The first text/html part of a multipart body: a saved page's own HTML comes first, its
 * frames' HTML later. Undefined when there is none.
 */
export function firstHtmlPart(
  bytes: Uint8Array,
  boundary: string,
  bodyStart: number,
  sourceName: string,
): MhtmlPart | undefined {
  const offsets = delimiterOffsets(bytes, boundary, bodyStart);
  if (offsets.length > MAX_MHTML_PARTS) {
    throw new UserFacingError(
      'TOO_LARGE',
      `“${sourceName}” has more than ${MAX_MHTML_PARTS} parts; it was not imported.`,
    );
  }
  const last = offsets[offsets.length - 1];
  // A file cut short has no closing delimiter; its last part runs to the end.
  if (last !== undefined && !startsWithAscii(bytes, last, `--${boundary}--`)) offsets.push(bytes.length);
  for (let i = 0; i + 1 < offsets.length; i += 1) {
    const part = partBetween(bytes, offsets[i]!, offsets[i + 1]!);
    const read = readHeaders(part);
    if (read && mediaType(read.headers.get('content-type')) === 'text/html')
      return { headers: read.headers, bytes: part };
  }
  return undefined;
}
