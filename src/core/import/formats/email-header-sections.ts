// Where a message's header sections lie: its own, each MIME part's, and each forwarded
// message's (message/rfc822), with the charset that reads each one's raw 8-bit bytes; and
// where a forwarded message sent base64 or quoted-printable lies, to be decoded and read so too.

/** As deep as postal-mime is told to go (maxNestingDepth); deeper parts are left as they are. */
const MAX_DEPTH = 50;

/** A bound on the sections walked, so a message of thousands of empty parts costs little. */
const MAX_SECTIONS = 5000;

export interface HeaderSection {
  /** Offsets in the message's bytes (its text read as latin1, one character a byte). */
  start: number;
  end: number;
  /** The charset declared for it: its own Content-Type's, else the enclosing message's. */
  charset: string | undefined;
}

/** A forwarded message whose part is transfer-encoded: its headers are inside the encoding. */
export interface EncodedMessage {
  /** Its part's body: the encoded message, offsets as in HeaderSection. */
  start: number;
  end: number;
  encoding: 'base64' | 'quoted-printable';
  /** The charset it inherits (its enclosing message's), for headers of its own that declare none. */
  charset: string | undefined;
}

export interface MessageSections {
  sections: HeaderSection[];
  encoded: EncodedMessage[];
}

const CHARSET = /;[ \t\r\n]*charset[ \t]*=[ \t]*"?([\w.:+-]+)/i;
const BOUNDARY = /;[ \t\r\n]*boundary[ \t]*=[ \t]*(?:"([^"\r\n]+)"|([^;\s]+))/i;

function field(header: string, name: string): string {
  return new RegExp(`^${name}[ \\t]*:.*(?:\\r?\\n[ \\t].*)*`, 'im').exec(header)?.[0] ?? '';
}

/** Where the header section beginning at `start` ends, and where the body after its blank line begins. */
function headerBounds(text: string, start: number, end: number): { headerEnd: number; bodyStart: number } {
  const leading = /^\r?\n/.exec(text.slice(start, start + 2));
  if (leading) return { headerEnd: start, bodyStart: start + leading[0].length };
  const blank = /\r?\n\r?\n/g;
  blank.lastIndex = start;
  const found = blank.exec(text);
  if (found === null || found.index >= end) return { headerEnd: end, bodyStart: end };
  return { headerEnd: found.index, bodyStart: found.index + found[0].length };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Each part's [start, end) between the delimiter lines of `boundary`, up to its closing one. */
function partRanges(text: string, boundary: string, start: number, end: number): Array<[number, number]> {
  const delimiter = new RegExp(`^--${escapeRegExp(boundary)}(--)?[ \\t]*(\\r?\\n|$)`, 'gm');
  delimiter.lastIndex = start;
  const ranges: Array<[number, number]> = [];
  let partStart: number | undefined;
  for (let found = delimiter.exec(text); found !== null && found.index < end; found = delimiter.exec(text)) {
    if (partStart !== undefined) ranges.push([partStart, Math.max(partStart, found.index)]);
    if (found[1] === '--') return ranges;
    partStart = found.index + found[0].length;
  }
  if (partStart !== undefined) ranges.push([partStart, end]);
  return ranges;
}

/**
 * The header sections of the entity at [start, end) and of every entity inside it, in order.
 * A forwarded message sent as base64 or quoted-printable is left whole: its bytes are not
 * the message's own until decoded.
 */
export function headerSections(text: string, start = 0, end = text.length): HeaderSection[] {
  return messageSections(text, undefined, start, end).sections;
}

/**
 * The header sections, as headerSections gives them, and the forwarded messages sent
 * transfer-encoded, whose headers those sections cannot reach; `charset` is the one the
 * message inherits (a forwarded message decoded from its part inherits its enclosing one's).
 */
export function messageSections(
  text: string,
  charset: string | undefined,
  start = 0,
  end = text.length,
): MessageSections {
  const found: MessageSections = { sections: [], encoded: [] };
  walk(text, { start, end, charset, depth: 0, message: true }, found);
  return found;
}

interface Entity {
  start: number;
  end: number;
  charset: string | undefined;
  depth: number;
  /** A message (the whole, or a forwarded one), whose charset is also its first part's. */
  message: boolean;
}

function walk(text: string, entity: Entity, found: MessageSections): void {
  const { sections } = found;
  if (entity.depth > MAX_DEPTH || sections.length >= MAX_SECTIONS) return;
  const { headerEnd, bodyStart } = headerBounds(text, entity.start, entity.end);
  const header = text.slice(entity.start, headerEnd);
  const type = field(header, 'content-type');
  const scope = entity.message ? text.slice(entity.start, Math.min(entity.end, entity.start + 256 * 1024)) : '';
  const charset = CHARSET.exec(type)?.[1] ?? CHARSET.exec(scope)?.[1] ?? entity.charset;
  if (headerEnd > entity.start) sections.push({ start: entity.start, end: headerEnd, charset });
  const inner = { charset, depth: entity.depth + 1 };
  const boundary = /^content-type[ \t]*:[ \t]*multipart\//i.test(type) ? BOUNDARY.exec(type) : null;
  if (boundary) {
    for (const [start, end] of partRanges(text, boundary[1] ?? boundary[2]!, bodyStart, entity.end)) {
      walk(text, { ...inner, start, end, message: false }, found);
    }
    return;
  }
  if (!/^content-type[ \t]*:[ \t]*message\/(rfc822|global)\b/i.test(type)) return;
  const encoding = /base64|quoted-printable/i.exec(field(header, 'content-transfer-encoding'))?.[0].toLowerCase();
  if (encoding === undefined) walk(text, { ...inner, start: bodyStart, end: entity.end, message: true }, found);
  else if (shownInText(type, header))
    found.encoded.push({
      start: bodyStart,
      end: entity.end,
      encoding: encoding as EncodedMessage['encoding'],
      charset,
    });
}

/**
 * A forwarded message postal-mime writes into the text: message/rfc822 not marked as an
 * attachment. One sent as an attachment is kept byte for byte, so its encoding is left alone.
 */
function shownInText(type: string, header: string): boolean {
  return (
    /^content-type[ \t]*:[ \t]*message\/rfc822\b/i.test(type) &&
    !/^[^:]*:[ \t]*attachment\b/i.test(field(header, 'content-disposition'))
  );
}
