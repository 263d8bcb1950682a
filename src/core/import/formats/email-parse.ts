// One place where raw message bytes meet postal-mime: the size bound, the check that the
// bytes are a message at all, and the library's own refusals turned into specific errors.
import type { Address, Email } from 'postal-mime';
import { isUtf8 } from 'node:buffer';
import { createRequire } from 'node:module';
import { UserFacingError } from '../../../shared/result';
import { sha256Hex } from '../../files/sha256';
import type { EncodedMessage } from './email-header-sections';
import { messageSections } from './email-header-sections';
import { decodeTransfer, encodeTransfer } from './email-transfer-encoding';

/** "imported with", for the Source panel. */
// Read at run time, beside the package: a JSON import would need an import attribute in the built CLI.
const postalMimeVersion = (createRequire(import.meta.url)('postal-mime/package.json') as { version: string }).version;
export const POSTAL_MIME_IMPORTER = `postal-mime ${postalMimeVersion}`;

export const MAX_MESSAGE_BYTES = 50 * 1024 * 1024;

/** How far the header section may run before a blank line, when deciding whether this is a message. */
const MAX_HEADER_PROBE = 256 * 1024;

/** An RFC 5322 field name (printable ASCII but the colon) then the colon. */
const HEADER_LINE = /^[\x21-\x39\x3b-\x7e]{1,76}[ \t]*:/;

/** mbox files and some .eml exporters put a "From sender date" envelope line before the headers. */
export function withoutEnvelopeLine(bytes: Uint8Array): Uint8Array {
  if (!startsWithAscii(bytes, 0, 'From ')) return bytes;
  const end = bytes.indexOf(0x0a);
  return end === -1 ? bytes.subarray(bytes.length) : bytes.subarray(end + 1);
}

/**
 * The message's own bytes, hashed as one: without the envelope line an mbox or exporter puts
 * before it, line endings as LF (an mbox written on Unix has them so), and without the blank
 * lines an mbox leaves between messages. The same message saved as an .eml and kept in an
 * .mbox hashes the same.
 */
export function messageDigest(bytes: Uint8Array): string {
  const text = Buffer.from(withoutEnvelopeLine(bytes)).toString('latin1');
  return sha256Hex(Buffer.from(text.replace(/\r\n?/g, '\n').replace(/\s+$/, ''), 'latin1'));
}

export function startsWithAscii(bytes: Uint8Array, at: number, text: string): boolean {
  if (at + text.length > bytes.length) return false;
  for (let i = 0; i < text.length; i += 1) if (bytes[at + i] !== text.charCodeAt(i)) return false;
  return true;
}

/**
 * The header section as text (latin1: one character a byte), or the reason these bytes are
 * not a message. postal-mime reads anything (a PDF becomes a body with no headers), so
 * "malformed" is decided here: the first line must be a header field, the section must
 * end within bounds and hold no NUL, and a message needs at least one of the fields every
 * mail client writes.
 */
export function assertLooksLikeMessage(bytes: Uint8Array, sourceName: string): void {
  const probe = Buffer.from(bytes.subarray(0, MAX_HEADER_PROBE)).toString('latin1');
  const blank = probe.search(/\r?\n\r?\n/);
  const section = blank === -1 ? probe : probe.slice(0, blank);
  const notMessage = (why: string): UserFacingError =>
    new UserFacingError('INVALID_INPUT', `“${sourceName}” is not an e-mail message: ${why}; nothing was imported.`);
  if (section.trim() === '') throw notMessage('it has no headers');
  if (!HEADER_LINE.test(section)) throw notMessage('it does not begin with a header line such as “From:”');
  if (blank === -1 && bytes.length > MAX_HEADER_PROBE) throw notMessage('its headers never end');
  if (section.includes('\0')) throw notMessage('its headers hold binary data');
  if (!/^(from|date|subject|message-id|to)[ \t]*:/im.test(section)) {
    throw notMessage('it has none of the headers From, To, Date, Subject or Message-ID');
  }
}

/** Parses after the checks above; postal-mime's own limits (nesting, header size) become INVALID_INPUT. */
export async function parseMessage(
  bytes: Uint8Array,
  sourceName: string,
  maxBytes = MAX_MESSAGE_BYTES,
): Promise<Email> {
  if (bytes.length > maxBytes) {
    throw new UserFacingError(
      'TOO_LARGE',
      `“${sourceName}” is ${megabytes(bytes.length)} MB; messages over ${megabytes(maxBytes)} MB are not imported.`,
    );
  }
  const message = withoutEnvelopeLine(bytes);
  assertLooksLikeMessage(message, sourceName);
  try {
    // Only the bytes postal-mime reads change; the digest and the kept original are the file's.
    const readable = withHeadersAsUtf8(message);
    // Loaded here, not with the module: the importer uses this file's digest at every start.
    const { default: PostalMime } = await import('postal-mime');
    return await PostalMime.parse(readable, { attachmentEncoding: 'arraybuffer', maxNestingDepth: 50 });
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new UserFacingError(
      'INVALID_INPUT',
      `“${sourceName}” could not be read as an e-mail message (${why}); nothing was imported.`,
    );
  }
}

/**
 * The decoder for header bytes that are not UTF-8 (a subject typed in raw Latin-1 by an old
 * client, never RFC 2047-encoded): the charset declared for that section (see
 * headerSections), as mail clients read them; windows-1252 (which reads Latin-1 too) when
 * none is, or UTF-8 or one this runtime cannot decode is.
 */
function legacyHeaderDecoder(charset: string | undefined): (bytes: Uint8Array) => string {
  if (charset && !/^(utf-?8|us-ascii|ascii|utf-?16.*|utf-?32.*)$/i.test(charset)) {
    try {
      return decodeWith(new TextDecoder(charset));
    } catch {
      // An unknown label: fall through to the usual guess.
    }
  }
  return decodeWith(new TextDecoder('windows-1252'));
}

/** windows-1252's characters at 0x80–0x9F, where Latin-1 has C1 controls; undefined bytes stay as they are. */
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/**
 * The decoder's text; for windows-1252 (which "iso-8859-1" and "latin1" also name), its own
 * characters at 0x80–0x9F, which Node 20's TextDecoder gives as C1 controls.
 */
function decodeWith(decoder: TextDecoder): (bytes: Uint8Array) => string {
  if (decoder.encoding !== 'windows-1252') return (bytes) => decoder.decode(bytes);
  return (bytes) => withWindows1252High(decoder.decode(bytes));
}

/**
 * Text with its C1 control characters read as windows-1252's. A body declared ISO-8859-1 (which
 * the WHATWG Encoding Standard, mail clients and browsers read as windows-1252) comes out of
 * Node 20's decoder with “ ” – € as U+0093, U+0094, U+0096, U+0080; a body in any charset has
 * no other reason to hold those invisible controls.
 */
export function withWindows1252High(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

/** How many forwarded messages, each sent transfer-encoded inside the last, are decoded to read their headers. */
const MAX_ENCODED_DEPTH = 8;

const FORWARDED = /^content-type[ \t]*:[ \t]*message\/(rfc822|global)/im;

/**
 * The message with each header line that is not valid UTF-8 rewritten as UTF-8, decoded as
 * the charset declared for it: the message's own headers, each MIME part's (an attachment's
 * filename sent raw) and a forwarded message's, also when its part is sent base64 or
 * quoted-printable (decoded, read so, and encoded back). postal-mime decodes every header
 * line as UTF-8, so raw 8-bit bytes in one ("Café" in Latin-1) would come out as U+FFFD. Lines
 * that are UTF-8 (ASCII, encoded words, or UTF-8 sent raw) are left alone, and so are the bodies.
 */
export function withHeadersAsUtf8(message: Uint8Array): Uint8Array {
  return headersAsUtf8(message, undefined, 0) ?? message;
}

interface Edit {
  start: number;
  end: number;
  bytes: Uint8Array;
}

/** The message with its headers as UTF-8; undefined when none needed it. */
function headersAsUtf8(message: Uint8Array, charset: string | undefined, depth: number): Uint8Array | undefined {
  const bytes = Buffer.from(message.buffer, message.byteOffset, message.byteLength);
  const text = bytes.toString('latin1');
  // A message all UTF-8 needs nothing, unless a forwarded one hides its headers in an encoding.
  if (isUtf8(bytes) && !(depth < MAX_ENCODED_DEPTH && FORWARDED.test(text))) return undefined;
  const { sections, encoded } = messageSections(text, charset);
  const edits: Edit[] = [];
  for (const section of sections) {
    const header = bytes.subarray(section.start, section.end);
    if (!isUtf8(header)) edits.push({ ...section, bytes: headerAsUtf8(header, legacyHeaderDecoder(section.charset)) });
  }
  if (depth < MAX_ENCODED_DEPTH) for (const part of encoded) edits.push(...encodedAsUtf8(text, part, depth));
  if (edits.length === 0) return undefined;
  edits.sort((a, b) => a.start - b.start);
  const pieces: Uint8Array[] = [];
  let done = 0;
  for (const edit of edits) {
    pieces.push(bytes.subarray(done, edit.start), edit.bytes);
    done = edit.end;
  }
  return Buffer.concat([...pieces, bytes.subarray(done)]);
}

/** A transfer-encoded forwarded message with its headers as UTF-8, encoded back as it was sent; none when it needed nothing. */
function encodedAsUtf8(text: string, part: EncodedMessage, depth: number): Edit[] {
  const body = text.slice(part.start, part.end);
  // The line break before the next delimiter belongs to the delimiter: kept as it is.
  const tail = /\r?\n$/.exec(body)?.[0] ?? '';
  const fixed = headersAsUtf8(
    decodeTransfer(body.slice(0, body.length - tail.length), part.encoding),
    part.charset,
    depth + 1,
  );
  if (fixed === undefined) return [];
  const newline = body.includes('\r\n') ? '\r\n' : '\n';
  const encoded = encodeTransfer(fixed, part.encoding, newline) + tail;
  return [{ start: part.start, end: part.end, bytes: Buffer.from(encoded, 'latin1') }];
}

function headerAsUtf8(header: Uint8Array, decode: (bytes: Uint8Array) => string): Uint8Array {
  const lines: Uint8Array[] = [];
  let start = 0;
  while (start < header.length) {
    const newline = header.indexOf(0x0a, start);
    const end = newline === -1 ? header.length : newline + 1;
    const line = header.subarray(start, end);
    lines.push(isUtf8(line) ? line : Buffer.from(decode(line), 'utf8'));
    start = end;
  }
  return Buffer.concat(lines);
}

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '');
}

/** "Name <address>" for a mailbox, "Group: a, b;" for a group. */
export function formatAddress(address: Address): string {
  if (address.group) return `${address.name}: ${address.group.map(formatAddress).join(', ')};`;
  const name = address.name.trim();
  if (name === '') return address.address;
  return address.address === '' ? name : `${name} <${address.address}>`;
}

export function formatAddresses(addresses: readonly Address[] | undefined): string {
  return (addresses ?? []).map(formatAddress).join(', ');
}
