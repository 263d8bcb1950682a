// Builds e-mail messages, mbox files and saved web pages (MHTML) from known text, so the
// readers' tests can compare what comes out with what went in.

export const CRLF = '\r\n';

/** Quoted-printable (RFC 2045) of UTF-8 text: '=' and non-ASCII escaped, lines soft-broken under 76. */
export function quotedPrintable(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => {
      const bytes = Buffer.from(line, 'utf8');
      let out = '';
      let width = 0;
      bytes.forEach((byte, index) => {
        const last = index === bytes.length - 1;
        const plain = byte >= 33 && byte <= 126 && byte !== 61;
        const keep = plain || ((byte === 32 || byte === 9) && !last);
        const piece = keep ? String.fromCharCode(byte) : `=${byte.toString(16).toUpperCase().padStart(2, '0')}`;
        if (width + piece.length > 75) {
          out += `=${CRLF}`;
          width = 0;
        }
        out += piece;
        width += piece.length;
      });
      return out;
    })
    .join(CRLF);
}

export function base64Lines(bytes: Uint8Array): string {
  return (
    Buffer.from(bytes)
      .toString('base64')
      .match(/.{1,76}/g) ?? []
  ).join(CRLF);
}

/** A header section and a body: one MIME entity (a message or one of its parts). */
export function entity(headers: Record<string, string>, body: string): string {
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
  return `${lines.join(CRLF)}${CRLF}${CRLF}${body}`;
}

export function multipartBody(boundary: string, parts: string[]): string {
  return `This is a multi-part message in MIME format.${CRLF}${parts.map((part) => `--${boundary}${CRLF}${part}${CRLF}`).join('')}--${boundary}--${CRLF}`;
}

export function textPart(text: string, type: 'plain' | 'html'): string {
  return entity(
    { 'Content-Type': `text/${type}; charset=utf-8`, 'Content-Transfer-Encoding': 'quoted-printable' },
    quotedPrintable(text),
  );
}

export function attachmentPart(fileName: string | undefined, mimeType: string, bytes: Uint8Array): string {
  const name = fileName === undefined ? '' : `; filename="${fileName}"`;
  return entity(
    {
      'Content-Type': mimeType + (fileName === undefined ? '' : `; name="${fileName}"`),
      'Content-Disposition': `attachment${name}`,
      'Content-Transfer-Encoding': 'base64',
    },
    base64Lines(bytes),
  );
}

/** Wraps text at `width` columns the way a mail client writes a plain-text body. */
export function hardWrap(text: string, width = 66): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines.join('\n');
}

export const KNOWN_PARAGRAPHS = [
  'The survey team reached the northern terrace shortly after dawn, when the light across the limestone was still low enough to show the faint outlines of the earlier walls.',
  'Three trenches were opened along the line of the colonnade. The second produced a run of painted plaster, its reds and ochres bright where the soil had kept out the air.',
  'By midday the wind had turned, carrying sand from the south, and the finds were bagged, labelled and carried down to the store before the afternoon’s work on the cistern began.',
  'Measurements of the cistern suggest a capacity of some four hundred cubic metres, far more than the houses above it could have needed; it probably served the baths as well.',
  'The next season will return to the terrace with a geophysical survey, so that the trenches can be placed where the walls run rather than where the surface happens to suggest them.',
];

export const KNOWN_TEXT = KNOWN_PARAGRAPHS.join('\n\n');

export function htmlParagraphs(paragraphs: readonly string[]): string {
  return paragraphs.map((paragraph) => `<p>${paragraph}</p>`).join('\n');
}

/** An mbox (mboxrd): each message after a "From " envelope line, body lines starting ">*From " escaped with one more '>'. */
export function mbox(messages: readonly string[]): string {
  return messages
    .map((message, index) => {
      const escaped = message.replace(/\r\n/g, '\n').replace(/^(>*From )/gm, '>$1');
      return `From sender${index}@example.org Mon Jan  ${index + 1} 09:30:00 2024\n${escaped}\n`;
    })
    .join('\n');
}

/** A message saying `text` that carries one file, as a mail client sends a forwarded letter. */
export function messageWithAttachment(
  subject: string,
  text: string,
  attachment: { fileName: string; mimeType: string; bytes: Uint8Array },
): Buffer {
  const headers = {
    From: 'Ada Lovelace <ada@example.org>',
    To: 'Charles Babbage <charles@example.org>',
    Date: 'Mon, 1 Jan 2024 09:30:00 +0000',
    Subject: subject,
    'Message-ID': `<${subject.toLowerCase().replace(/\W+/g, '-')}@example.org>`,
    'MIME-Version': '1.0',
    'Content-Type': 'multipart/mixed; boundary="b1"',
  };
  const body = multipartBody('b1', [
    textPart(text, 'plain'),
    attachmentPart(attachment.fileName, attachment.mimeType, attachment.bytes),
  ]);
  return Buffer.from(entity(headers, body) + CRLF);
}
