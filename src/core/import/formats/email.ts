// Reads one e-mail message (.eml): a block of its headers, then its body (the HTML part
// cleaned as a page body is, else the text part), and its attachments as carried files.
import type { Email } from 'postal-mime';
import type { Block, ParagraphBlock } from '../../../shared/document-blocks';
import { textRun } from '../../../shared/document-blocks';
import { sanitizedHtmlBlocks } from '../html';
import { cleanTitle } from '../parsed-document';
import { carriedFiles } from './email-attachments';
import { readableMessageDate } from './email-date';
import { forwardedHeaderBlocks, withForwardedDatesInUtc } from './email-forwarded';
import { POSTAL_MIME_IMPORTER, formatAddress, formatAddresses, parseMessage, withWindows1252High } from './email-parse';
import type { FormatInput, FormatReader, ReadDocument } from './format-reader';

export const NO_SUBJECT = '(no subject)';

/** A header value past this is cut: a References chain can grow without end. */
const MAX_HEADER_VALUE = 4000;

export interface EmailLimits {
  maxBytes?: number;
}

/** The headers a person reads, in reading order, decoded; absent ones left out. */
export function messageHeaders(email: Email): Record<string, string> {
  const raw = (key: string): string => email.headers.find((header) => header.key === key)?.value ?? '';
  const entries: [string, string][] = [
    ['From', email.from ? formatAddress(email.from) : ''],
    ['To', formatAddresses(email.to)],
    ['Cc', formatAddresses(email.cc)],
    ['Date', raw('date')],
    ['Subject', email.subject ?? ''],
    ['Message-ID', email.messageId ?? ''],
    ['In-Reply-To', email.inReplyTo ?? ''],
    ['References', email.references ?? ''],
  ];
  const headers: Record<string, string> = {};
  for (const [name, value] of entries) {
    // Control and direction-override characters could make a header read as something else.
    const oneLine = value
      .replace(/[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '')
      .replace(/\s+/g, ' ')
      .trim();
    if (oneLine !== '') headers[name] = oneLine.slice(0, MAX_HEADER_VALUE);
  }
  return headers;
}

const SHOWN_HEADERS = ['From', 'To', 'Cc', 'Date', 'Subject'] as const;

/**
 * The header lines a reader sees under the title. The Subject is left out when the title already
 * says it word for word: the reader showed it twice, one under the other (trial). It stays in the
 * headers kept as the message's facts, shown in the Source panel, and on the export's cover.
 * The Date is written out in words ("Thursday, 4 June 2026, 09:17 (UTC+02:00)"): the raw header
 * read as a code (trial); the facts keep it as written.
 */
export function headerBlocks(headers: Record<string, string>, title = ''): ParagraphBlock[] {
  const shown = (name: (typeof SHOWN_HEADERS)[number]): boolean =>
    headers[name] !== undefined && !(name === 'Subject' && headers[name] === title);
  return SHOWN_HEADERS.filter(shown).map((name) => ({
    kind: 'paragraph',
    children: [
      textRun(`${name}:`, { bold: true }),
      textRun(` ${name === 'Date' ? readableMessageDate(headers[name]!) : headers[name]}`),
    ],
  }));
}

/**
 * Plain text as blocks: paragraphs split on blank lines, a paragraph's hard-wrapped lines
 * joined, and its "> " lines a quote (the quoted earlier message) apart from the lines around
 * them ("On Monday, Omar wrote:" right above the quote stays a paragraph of its own).
 */
export function textBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  for (const paragraph of withForwardedBlocksApart(text.replace(/\r\n?/g, '\n')).split(/\n[ \t]*\n/)) {
    const lines = paragraph.split('\n').filter((line) => line.trim() !== '');
    if (lines.length === 0) continue;
    const forwarded = forwardedHeaderBlocks(lines);
    if (forwarded) blocks.push(...forwarded);
    else for (const run of quotedRuns(lines)) blocks.push(...runBlock(run));
  }
  return blocks;
}

/** Consecutive lines grouped by whether they are quoted ("> "), in order. */
function quotedRuns(lines: readonly string[]): Array<{ quoted: boolean; lines: string[] }> {
  const runs: Array<{ quoted: boolean; lines: string[] }> = [];
  for (const line of lines) {
    const quoted = line.startsWith('>');
    const last = runs.at(-1);
    if (last?.quoted === quoted) last.lines.push(line);
    else runs.push({ quoted, lines: [line] });
  }
  return runs;
}

/** One run of lines as a paragraph or, quoted, a quote without its marks; none when nothing is left. */
function runBlock({ quoted, lines }: { quoted: boolean; lines: string[] }): Block[] {
  const body = (quoted ? lines.map((line) => line.replace(/^>+ ?/, '')) : lines).join(' ').replace(/\s+/g, ' ').trim();
  return body === '' ? [] : [{ kind: quoted ? 'quote' : 'paragraph', children: [textRun(body)] }];
}

/** A forwarded message's header block (a rule, its rows, a rule) as a paragraph of its own, whatever runs against it. */
function withForwardedBlocksApart(text: string): string {
  return text.replace(/^(-{5,}\n(?:(?:From|Subject|Date|To|Cc|Bcc):[ \t].*\n|[ \t]+\S.*\n)+-{5,})$/gm, '\n\n$1\n\n');
}

function bodyBlocks(email: Email): Block[] {
  const fromHtml = email.html ? sanitizedHtmlBlocks(withForwardedDatesInUtc(withWindows1252High(email.html))) : [];
  return fromHtml.length > 0 ? fromHtml : textBlocks(withWindows1252High(email.text ?? ''));
}

/** The Date header as ISO 8601 when it is a real date; postal-mime passes an unreadable one through. */
export function isoDate(date: string | undefined): string {
  if (!date) return '';
  const time = Date.parse(date);
  return Number.isNaN(time) ? '' : new Date(time).toISOString();
}

/** A reader with its own size bound (tests use a small one); `readEmail` has the default. */
export function emailReader(limits: EmailLimits = {}): FormatReader {
  return async (input: FormatInput): Promise<ReadDocument> => {
    input.signal?.throwIfAborted();
    const email = await parseMessage(input.bytes, input.fileName, limits.maxBytes);
    const attachments = carriedFiles(email.attachments, input.fileName);
    input.signal?.throwIfAborted();
    const headers = messageHeaders(email);
    const createdAt = isoDate(email.date);
    const title = cleanTitle(email.subject ?? '', NO_SUBJECT);
    return {
      title,
      // The header block shows From already; a byline would say it twice.
      byline: '',
      publishedAt: createdAt,
      siteName: '',
      blocks: [...headerBlocks(headers, title), ...bodyBlocks(email)],
      facts: {
        importer: POSTAL_MIME_IMPORTER,
        ...(headers.From ? { author: headers.From } : {}),
        ...(createdAt ? { createdAt } : {}),
        headers,
      },
      attachments,
    };
  };
}

export const readEmail: FormatReader = emailReader();
