// E-mail messages built from known text read back as a header block, the body's words and
// the attachments' exact bytes; things that are not messages are refused with reasons.
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Block } from '../../src/shared/document-blocks';
import { blockRuns, inlineText, tableLines } from '../../src/shared/document-blocks';
import { UserFacingError } from '../../src/shared/result';
import { MAX_ATTACHMENTS, sanitizeFileName } from '../../src/core/import/formats/email-attachments';
import { emailReader, readEmail } from '../../src/core/import/formats/email';
import { forwardedDate, postalDateFormat } from '../../src/core/import/formats/email-forwarded';
import type { ReadDocument } from '../../src/core/import/formats/format-reader';
import {
  CRLF,
  KNOWN_PARAGRAPHS,
  KNOWN_TEXT,
  attachmentPart,
  entity,
  hardWrap,
  htmlParagraphs,
  multipartBody,
  textPart,
} from '../support/mime-fixtures';
import { makeTempDir } from '../support/temp';
import { wordF1 } from '../support/text-score';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir('marginalia-email-');
});
afterEach(() => temp.remove());

const HEADERS = {
  From: 'Ada Lovelace <ada@example.org>',
  To: 'Charles Babbage <charles@example.org>, team@example.org',
  Cc: '=?UTF-8?Q?Jos=C3=A9_Mart=C3=ADn?= <jose@example.org>',
  Date: 'Mon, 1 Jan 2024 09:30:00 +0000',
  Subject: 'Notes from the northern terrace',
  'Message-ID': '<terrace-1@example.org>',
  'MIME-Version': '1.0',
};

/** Writes the message to a real file and reads it back through the reader, as the pipeline will. */
async function readMessage(
  text: string | Uint8Array,
  fileName = 'message.eml',
  reader = readEmail,
): Promise<ReadDocument> {
  const path = join(temp.path, fileName);
  writeFileSync(path, text);
  return reader({ fileName, bytes: new Uint8Array(readFileSync(path)) });
}

function blockText(block: Block): string {
  if (block.kind === 'list') return block.items.map((item) => inlineText(item.children)).join('\n');
  if (block.kind === 'table') return tableLines(block);
  return inlineText(block.children);
}

/** The body: everything after the header block's paragraphs (a Subject the title says is not among them). */
function bodyText(document: ReadDocument): string {
  const headers = document.facts.headers ?? {};
  const headerCount = Object.keys(headers).filter(
    (name) => ['From', 'To', 'Cc', 'Date'].includes(name) || (name === 'Subject' && headers.Subject !== document.title),
  ).length;
  return document.blocks.slice(headerCount).map(blockText).join('\n\n');
}

async function refusal(promise: Promise<unknown>): Promise<UserFacingError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(UserFacingError);
  return error as UserFacingError;
}

describe('an e-mail message', () => {
  const alternative = entity(
    { ...HEADERS, 'Content-Type': 'multipart/alternative; boundary="alt-1"' },
    multipartBody('alt-1', [
      textPart(KNOWN_PARAGRAPHS.map((paragraph) => hardWrap(paragraph)).join('\n\n'), 'plain'),
      textPart(htmlParagraphs(KNOWN_PARAGRAPHS), 'html'),
    ]),
  );

  it('opens with a header block of bold labels, then the HTML part’s words', async () => {
    const document = await readMessage(alternative);
    const labels = document.blocks.slice(0, 4).map((block) => blockRuns(block));
    expect(labels.map((runs) => runs[0])).toEqual(
      ['From:', 'To:', 'Cc:', 'Date:'].map((label) => ({ kind: 'text', text: label, bold: true })),
    );
    expect(document.blocks.slice(0, 4).map(blockText)).toEqual([
      'From: Ada Lovelace <ada@example.org>',
      'To: Charles Babbage <charles@example.org>, team@example.org',
      'Cc: José Martín <jose@example.org>',
      'Date: Monday, 1 January 2024, 09:30 (UTC)',
    ]);
    expect(document.blocks.slice(4)).toHaveLength(KNOWN_PARAGRAPHS.length);
    expect(wordF1(bodyText(document), KNOWN_TEXT)).toBeGreaterThanOrEqual(0.98);
  });

  it('shows its Date in words in the sender’s own time and keeps the header as written in its facts', async () => {
    const document = await readMessage(entity({ ...HEADERS, Date: 'Thu, 04 Jun 2026 09:17:00 +0200' }, 'Hello.'));
    expect(document.blocks.map(blockText)).toContain('Date: Thursday, 4 June 2026, 09:17 (UTC+02:00)');
    expect(document.facts.headers?.Date).toBe('Thu, 04 Jun 2026 09:17:00 +0200');
    const unreadable = await readMessage(entity({ ...HEADERS, Date: 'the day after the storm' }, 'Hello.'));
    expect(unreadable.blocks.map(blockText)).toContain('Date: the day after the storm');
  });

  it('says its subject once, as its title, not again as a Subject line under it, and keeps it in its headers', async () => {
    const document = await readMessage(alternative);
    expect(document.title).toBe('Notes from the northern terrace');
    expect(document.blocks.map(blockText).filter((text) => text.startsWith('Subject:'))).toEqual([]);
    expect(document.facts.headers?.Subject).toBe('Notes from the northern terrace');
  });

  it('keeps the Subject line in the header block when the title cannot say it whole', async () => {
    const subject = `Survey ${'of the northern terrace '.repeat(25).trim()}`;
    const document = await readMessage(entity({ ...HEADERS, Subject: subject }, 'Hello.'));
    expect(document.title).not.toBe(subject);
    expect(document.blocks.map(blockText)).toContain(`Subject: ${subject}`);
  });

  it('takes its title from the subject and its facts from the headers', async () => {
    const document = await readMessage(alternative);
    expect(document.title).toBe('Notes from the northern terrace');
    expect(document.facts).toEqual({
      importer: expect.stringMatching(/^postal-mime \d+\.\d+\.\d+$/),
      author: 'Ada Lovelace <ada@example.org>',
      createdAt: '2024-01-01T09:30:00.000Z',
      headers: {
        From: 'Ada Lovelace <ada@example.org>',
        To: 'Charles Babbage <charles@example.org>, team@example.org',
        Cc: 'José Martín <jose@example.org>',
        Date: 'Mon, 1 Jan 2024 09:30:00 +0000',
        Subject: 'Notes from the northern terrace',
        'Message-ID': '<terrace-1@example.org>',
      },
    });
    expect(document.attachments).toEqual([]);
  });

  it('keeps a short HTML-only body whole and runs none of its script', async () => {
    const html =
      '<html><head><style>p{color:red}</style><script>document.title="pwned"</script></head>' +
      '<body><span style="display: none; mso-hide: all">Preheader nobody saw</span><div hidden>Also hidden</div>' +
      '<p onclick="steal()">Short note: the <b>plaster</b> is dry.</p><script>alert("exfiltrate")</script>' +
      '<img src="https://tracker.example/p.png"><a href="javascript:alert(1)">click</a></body></html>';
    const { Subject: _subject, ...withoutSubject } = HEADERS;
    const document = await readMessage(
      entity(
        // A right-to-left override in the sender's name would turn the rest of the line around.
        {
          ...withoutSubject,
          From: '=?UTF-8?Q?Ada=E2=80=AE_Lovelace?= <ada@example.org>',
          'Content-Type': 'text/html; charset=utf-8',
        },
        html,
      ),
    );
    const body = bodyText(document);
    expect(body).toContain('Short note: the plaster is dry.');
    expect(body).not.toMatch(/alert|exfiltrate|pwned|steal|color|hidden|Preheader/i);
    expect(JSON.stringify(document.blocks)).not.toMatch(/javascript:|tracker\.example/);
    expect(document.title).toBe('(no subject)');
    expect(document.blocks.map(blockText)[0]).toBe('From: Ada Lovelace <ada@example.org>');
    expect(document.facts.headers?.Subject).toBeUndefined();
  });

  it('reads a text-only body as paragraphs split on blank lines, its quoted reply as a quote', async () => {
    const text = `${KNOWN_PARAGRAPHS.map((paragraph) => hardWrap(paragraph)).join('\n\n')}\n\n> ${hardWrap('Did the cistern hold water?').replace(/\n/g, '\n> ')}\n`;
    const document = await readMessage(
      entity({ ...HEADERS, 'Content-Type': 'text/plain; charset=utf-8' }, text.replace(/\n/g, CRLF)),
    );
    const body = document.blocks.slice(4);
    expect(body.map((block) => block.kind)).toEqual([...KNOWN_PARAGRAPHS.map(() => 'paragraph'), 'quote']);
    expect(body.slice(0, -1).map(blockText)).toEqual(KNOWN_PARAGRAPHS);
    expect(blockText(body[body.length - 1]!)).toBe('Did the cistern hold water?');
  });

  it('reads a mail client’s forwarded-message block as its header lines, the date in words', async () => {
    const text = [
      'See below.',
      '',
      '---------- Forwarded message ---------',
      'From: Tom Wells <tom@example.com>',
      'Date: Tue, 01 Dec 2026 22:05:00 +0900',
      'Subject: Re: Harbour inspection schedule',
      'To: Rania Haddad <rania@example.org>',
      '',
      'The inspection moves to Thursday.',
    ].join(CRLF);
    const document = await readMessage(entity({ ...HEADERS, 'Content-Type': 'text/plain; charset=utf-8' }, text));
    expect(document.blocks.slice(4).map(blockText)).toEqual([
      'See below.',
      'Forwarded message',
      'From: Tom Wells <tom@example.com>',
      'Date: Tuesday, 1 December 2026, 22:05 (UTC+09:00)',
      'Subject: Re: Harbour inspection schedule',
      'To: Rania Haddad <rania@example.org>',
      'The inspection moves to Thursday.',
    ]);
  });

  it('keeps the line that introduces a quoted reply apart from the quote right under it', async () => {
    const text = [
      'Agreed, let us go ahead.',
      '',
      'On Mon, 9 Nov 2026 at 08:42, Omar Haddad wrote:',
      '> The contractor quoted 48,000 for the three wells',
      '> at Al-Nur.',
      '>',
      '> Can we approve it?',
      'Thanks.',
    ].join(CRLF);
    const document = await readMessage(entity({ ...HEADERS, 'Content-Type': 'text/plain; charset=utf-8' }, text));
    const body = document.blocks.slice(4);
    expect(body.map((block) => [block.kind, blockText(block)])).toEqual([
      ['paragraph', 'Agreed, let us go ahead.'],
      ['paragraph', 'On Mon, 9 Nov 2026 at 08:42, Omar Haddad wrote:'],
      ['quote', 'The contractor quoted 48,000 for the three wells at Al-Nur. Can we approve it?'],
      ['paragraph', 'Thanks.'],
    ]);
  });
});

describe('headers sent as raw 8-bit bytes, not encoded words', () => {
  /** A message whose bytes are its lines joined, each a string of latin1 characters (one a byte). */
  const rawMessage = (lines: string[]): Uint8Array => Buffer.from(lines.join('\r\n'), 'latin1');
  const asBytes = (text: string, charset: 'latin1' | 'iso-8859-2' | 'windows-1252'): string =>
    charset === 'iso-8859-2'
      ? // š is 0xB9 in ISO-8859-2, where windows-1252 has ¹.
        text.replace(/š/g, '\u00b9')
      : charset === 'windows-1252'
        ? // € is 0x80 and ’ 0x92 in windows-1252 (C1 controls in Latin-1).
          text.replace(/€/g, '\u0080').replace(/’/g, '\u0092')
        : text;

  it('decodes a Latin-1 subject and sender name as the charset the message declares', async () => {
    const document = await readMessage(
      rawMessage([
        asBytes('From: Hélène Dupré <x@example.org>', 'latin1'),
        asBytes('Subject: Café réunion', 'latin1'),
        'Date: Sat, 11 Oct 2025 10:00:00 +0000',
        'Message-ID: <l1@x>',
        'Content-Type: text/plain; charset=iso-8859-1',
        'Content-Transfer-Encoding: 8bit',
        '',
        asBytes('La réunion est à 10h, après le café.', 'latin1'),
        '',
      ]),
      'latin1.eml',
    );
    expect(document.title).toBe('Café réunion');
    expect(document.facts.headers).toMatchObject({ From: 'Hélène Dupré <x@example.org>', Subject: 'Café réunion' });
    expect(document.facts.author).toBe('Hélène Dupré <x@example.org>');
    expect(bodyText(document)).toBe('La réunion est à 10h, après le café.');
  });

  it('decodes them as another declared charset (ISO-8859-2), the first part’s when the message has none', async () => {
    const document = await readMessage(
      rawMessage([
        'From: x@example.org',
        asBytes('Subject: Košice', 'iso-8859-2'),
        'Content-Type: multipart/alternative; boundary="b"',
        '',
        '--b',
        'Content-Type: text/plain; charset="ISO-8859-2"',
        '',
        asBytes('Košice', 'iso-8859-2'),
        '--b--',
        '',
      ]),
    );
    expect(document.title).toBe('Košice');
    expect(bodyText(document)).toBe('Košice');
  });

  it('reads them as windows-1252 when no charset is declared, and leaves UTF-8 sent raw as it is', async () => {
    const undeclared = await readMessage(
      rawMessage(['From: x@example.org', asBytes('Subject: 5 € for Ada’s tea', 'windows-1252'), '', 'Hello.', '']),
    );
    expect(undeclared.title).toBe('5 € for Ada’s tea');
    const utf8 = await readMessage(
      rawMessage([
        'From: x@example.org',
        Buffer.from('Subject: Café réunion', 'utf8').toString('latin1'),
        'Content-Type: text/plain; charset=iso-8859-1',
        '',
        'Hello.',
        '',
      ]),
    );
    expect(utf8.title).toBe('Café réunion');
  });
});

/** A message from ada forwarding, inline after "See below.", a message of `inner` lines; `after`, further parts. */
/** The forwarded message's lines as its part carries them: as they are, or base64- or quoted-printable-encoded. */
function forwardedBody(inner: readonly string[], encoding: ForwardedEncoding | undefined): string[] {
  const bytes = Buffer.from(inner.join('\r\n'), 'latin1');
  if (encoding === undefined) return [...inner];
  if (encoding === 'base64') return bytes.toString('base64').match(/.{1,76}/g) ?? [];
  // Quoted-printable: every byte but printable ASCII as =XX, line breaks kept as they are.
  return inner.map((line) =>
    line.replace(
      /[^\x20-\x3c\x3e-\x7e]/g,
      (char) => `=${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
    ),
  );
}

type ForwardedEncoding = 'base64' | 'quoted-printable';

function forwardedMessage(
  subject: string,
  inner: readonly string[],
  after: readonly string[] = [],
  encoding?: ForwardedEncoding,
): Uint8Array {
  const lines = [
    'From: ada@example.org',
    `Subject: ${subject}`,
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="outer"',
    '',
    '--outer',
    'Content-Type: text/plain; charset=us-ascii',
    '',
    'See below.',
    '--outer',
    'Content-Type: message/rfc822',
    'Content-Disposition: inline',
    ...(encoding ? [`Content-Transfer-Encoding: ${encoding}`] : []),
    '',
    ...forwardedBody(inner, encoding),
    ...after,
    '--outer--',
    '',
  ];
  return Buffer.from(lines.join('\r\n'), 'latin1');
}

/** A message in Latin-1 with raw 8-bit headers, as forwarded inside another. */
const LATIN1_FORWARDED = [
  'From: Hélène Dupré <h@example.org>',
  'Subject: Café réunion',
  'Date: Sat, 11 Oct 2025 10:00:00 +0000',
  'Content-Type: text/plain; charset=iso-8859-1',
  'Content-Transfer-Encoding: 8bit',
  '',
  'La réunion est à 10h.',
];

describe('raw 8-bit headers inside the message’s parts', () => {
  it('decodes a forwarded message’s subject and sender and an attachment’s name as the top-level headers are', async () => {
    const document = await readMessage(
      forwardedMessage('Fwd: the meeting', LATIN1_FORWARDED, [
        '--outer',
        'Content-Type: application/pdf',
        'Content-Disposition: attachment; filename="Résumé de la réunion.pdf"',
        'Content-Transfer-Encoding: base64',
        '',
        Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64'),
      ]),
      'forwarded.eml',
    );
    const body = bodyText(document);
    expect(body).toContain('Hélène Dupré');
    expect(body).toContain('Café réunion');
    expect(body).toContain('La réunion est à 10h.');
    expect(body).not.toContain('\ufffd');
    expect(document.attachments?.map((file) => file.fileName)).toEqual(['Résumé de la réunion.pdf']);
  });

  it.each<ForwardedEncoding>(['base64', 'quoted-printable'])(
    'decodes the raw 8-bit headers of a forwarded message whose part is sent %s',
    async (encoding) => {
      const forwarded = forwardedMessage('Fwd: the meeting', LATIN1_FORWARDED, [], encoding);
      const body = bodyText(await readMessage(forwarded, 'fwd.eml'));
      expect(body).toContain('From: Hélène Dupré <h@example.org>');
      expect(body).toContain('Subject: Café réunion');
      expect(body).toContain('La réunion est à 10h.');
      expect(body).not.toContain('\ufffd');
    },
  );

  it('keeps a forwarded message sent as a base64 attachment byte for byte, raw 8-bit headers and all', async () => {
    const inner = Buffer.from('From: Hélène <h@example.org>\r\nSubject: Café\r\n\r\nÀ bientôt.\r\n', 'latin1');
    const lines = [
      'From: ada@example.org',
      'Subject: Fwd: Café',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="outer"',
      '',
      '--outer',
      'Content-Type: text/plain',
      '',
      'Attached.',
      '--outer',
      'Content-Type: message/rfc822',
      'Content-Disposition: attachment; filename="cafe.eml"',
      'Content-Transfer-Encoding: base64',
      '',
      inner.toString('base64'),
      '--outer--',
      '',
    ];
    const document = await readMessage(Buffer.from(lines.join('\r\n'), 'latin1'), 'attached.eml');
    const attached = document.attachments?.find((file) => file.fileName === 'cafe.eml');
    expect(Buffer.compare(Buffer.from(attached!.bytes), inner)).toBe(0);
  });
});

describe('a forwarded message carried inline', () => {
  const forwarded = (innerType: string, innerBody: string): Uint8Array =>
    forwardedMessage('Fwd: the survey', [
      'From: Rene Leger <rene@example.fr>',
      'To: omar@example.org',
      'Subject: Survey of the terrace',
      'Date: Sun, 01 Mar 2026 06:00:00 +0100',
      `Content-Type: ${innerType}`,
      '',
      innerBody,
    ]);

  it('shows its headers as header lines, its date in words in UTC whatever this machine’s locale, not one run-on paragraph', async () => {
    const document = await readMessage(forwarded('text/plain', 'The cistern holds 40 m3.'));
    const lines = document.blocks.map((block) => inlineText(blockRuns(block)));
    expect(lines).toEqual(
      expect.arrayContaining([
        'See below.',
        'From: Rene Leger <rene@example.fr>',
        'Subject: Survey of the terrace',
        'Date: Sunday, 1 March 2026, 05:00 (UTC)',
        'To: omar@example.org',
        'The cistern holds 40 m3.',
      ]),
    );
    expect(lines.join('\n')).not.toMatch(/-----/);
    const from = document.blocks.find((block) => inlineText(blockRuns(block)).startsWith('From: Rene'));
    expect(blockRuns(from!)[0]).toMatchObject({ text: 'From:', bold: true });
  });

  it('gives the date of a forwarded HTML message in words in UTC too', async () => {
    const document = await readMessage(forwarded('text/html', '<p>The cistern holds 40 m3.</p>'));
    expect(bodyText(document)).toContain('Sunday, 1 March 2026, 05:00 (UTC)');
    expect(bodyText(document)).toContain('The cistern holds 40 m3.');
  });

  it('reads back any date in the format the forwarded block is written in, to the second', () => {
    // The format itself is checked against postal-mime's own output by the two tests above.
    const format = postalDateFormat();
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2090, 0, 1) }), (milliseconds) => {
        const instant = new Date(Math.floor(milliseconds / 1000) * 1000);
        expect(forwardedDate(format.format(instant))).toBe(instant.toUTCString().replace(/GMT$/, 'UTC'));
      }),
      { numRuns: 500 },
    );
    expect(forwardedDate('next Tuesday')).toBe('next Tuesday');
  });
});

describe('a body declared ISO-8859-1', () => {
  it('reads bytes 0x80–0x9F as windows-1252’s quotes, dashes and euro sign, as mail clients do', async () => {
    const body = Buffer.from([
      ...Buffer.from('He said ', 'latin1'),
      0x93,
      ...Buffer.from('5 ', 'latin1'),
      0x80,
      0x94,
      0x20,
      0x96,
      ...Buffer.from(' it', 'latin1'),
      0x92,
      ...Buffer.from('s caf\xe9.', 'latin1'),
    ]);
    const head = ['From: x@example.org', 'Subject: Prices', 'Content-Type: text/plain; charset=iso-8859-1', '', ''];
    const document = await readMessage(Buffer.concat([Buffer.from(head.join('\r\n'), 'latin1'), body]));
    expect(bodyText(document)).toBe('He said “5 €” – it’s café.');
    const html = ['From: x@example.org', 'Subject: Prices', 'Content-Type: text/html; charset=ISO-8859-1', '', ''];
    const page = Buffer.concat([Buffer.from(html.join('\r\n') + '<p>', 'latin1'), body, Buffer.from('</p>')]);
    expect(bodyText(await readMessage(page))).toBe('He said “5 €” – it’s café.');
  });
});

describe('attachments', () => {
  const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
  const binary = Uint8Array.from({ length: 3000 }, (_, i) => (i * 37 + 11) % 256);
  const message = (parts: string[]): string =>
    entity({ ...HEADERS, 'Content-Type': 'multipart/mixed; boundary="mix-1"' }, multipartBody('mix-1', parts));

  it('carries each attachment with a clean name, its type, size and SHA-256 of the exact bytes', async () => {
    const document = await readMessage(
      message([
        textPart('See the attached report.', 'plain'),
        attachmentPart('../../home/ada/report.pdf', 'application/pdf', pdf),
        attachmentPart('../../\u202egpj.exe\u0007', 'application/octet-stream', binary),
        attachmentPart(undefined, 'image/png', binary.subarray(0, 10)),
        attachmentPart('report.pdf', 'application/pdf', pdf.subarray(0, 8)),
      ]),
    );
    expect(bodyText(document)).toBe('See the attached report.');
    const files = document.attachments ?? [];
    expect(files.map((file) => [file.fileName, file.mimeType, file.size])).toEqual([
      ['report.pdf', 'application/pdf', pdf.length],
      ['gpj.exe', 'application/octet-stream', 3000],
      ['attachment-3.png', 'image/png', 10],
      ['report (2).pdf', 'application/pdf', 8],
    ]);
    expect(Buffer.from(files[0]!.bytes).toString('latin1')).toMatch(/^%PDF-1\.4/);
    expect(files[1]!.sha256).toBe(createHash('sha256').update(binary).digest('hex'));
    expect(Buffer.compare(Buffer.from(files[1]!.bytes), Buffer.from(binary))).toBe(0);
  });

  it('refuses a message with more than the bound of attachments', async () => {
    const tiny = Array.from({ length: MAX_ATTACHMENTS + 1 }, (_, i) =>
      attachmentPart(`n${i}.txt`, 'text/plain', pdf.subarray(0, 4)),
    );
    const error = await refusal(readMessage(message([textPart('Many.', 'plain'), ...tiny])));
    expect(error.code).toBe('TOO_LARGE');
    expect(error.message).toContain(`${MAX_ATTACHMENTS + 1} attachments`);
  });

  it('names sent with folders, control characters or only dots come out usable', () => {
    expect(sanitizeFileName('/etc/passwd')).toBe('passwd');
    expect(sanitizeFileName('a\u0000b\u001fc.txt')).toBe('abc.txt');
    expect(sanitizeFileName('..')).toBe('');
    expect(sanitizeFileName(`${'x'.repeat(400)}.pdf`)).toMatch(/^x{176}\.pdf$/);
  });
});

describe('what is not a message', () => {
  it.each([
    ['an empty file', ''],
    ['a PDF renamed .eml', '%PDF-1.4\n%âãÏÓ\n1 0 obj\n'],
    ['a letter with no headers', 'Dear Ada,\n\nThe plaster is dry.\n'],
    ['headers that are not a message’s', 'X-Thing: 1\nContent-Type: text/plain\n\nhello\n'],
    ['binary in the headers', 'From: a@example.org\nX-Bad: \u0000\u0001\n\nbody'],
  ])('refuses %s as INVALID_INPUT with the reason', async (_name, text) => {
    const error = await refusal(readMessage(text));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toMatch(/^“message\.eml” is not an e-mail message: .+; nothing was imported\.$/);
  });

  it('refuses a message over the size bound before parsing it', async () => {
    const error = await refusal(
      readMessage(entity(HEADERS, 'x'.repeat(2000)), 'big.eml', emailReader({ maxBytes: 1024 })),
    );
    expect(error.code).toBe('TOO_LARGE');
  });

  it('reads a message that starts with an mbox envelope line', async () => {
    const document = await readMessage(`From ada@example.org Mon Jan  1 09:30:00 2024\n${entity(HEADERS, 'Hello.')}`);
    expect(document.title).toBe(HEADERS.Subject);
    expect(bodyText(document)).toBe('Hello.');
  });
});
