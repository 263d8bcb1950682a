// A forwarded message's header block, as postal-mime writes it into the text of the message
// that carries it: its rows (From, Subject, Date, To, Cc) read as header lines, not one run-on
// paragraph, and its Date as a fixed UTC time rather than in this machine's locale and zone,
// in words as the message's own Date line ("Sunday, 1 March 2026, 05:00 (UTC)").
import type { ParagraphBlock } from '../../../shared/document-blocks';
import { textRun } from '../../../shared/document-blocks';
import { readableMessageDate } from './email-date';

const ROW = /^(From|Subject|Date|To|Cc|Bcc):[ \t]+(.*)$/;
const RULE = /^-{5,}$/;

/**
 * The same format postal-mime dates a forwarded message with (Intl's default locale and time
 * zone, numeric, 24-hour), so its text can be read back as the instant it names.
 */
export function postalDateFormat(): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat('default', {
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    hour12: false,
  });
}

const FIELDS = ['year', 'month', 'day', 'hour', 'minute', 'second'] as const;
type Field = (typeof FIELDS)[number];

/** A date in postal-mime's format as an RFC 5322-style UTC time; the text as it was when it does not read back. */
export function forwardedDate(text: string): string {
  const format = postalDateFormat();
  const order: Field[] = [];
  const pattern = format
    .formatToParts(new Date(2001, 10, 22, 13, 44, 55))
    .map((part) => {
      if ((FIELDS as readonly string[]).includes(part.type)) {
        order.push(part.type as Field);
        return '(\\d{1,4})';
      }
      return part.value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s/g, '\\s*');
    })
    .join('');
  const found = new RegExp(`^${pattern}$`).exec(text.trim());
  if (!found || order.length !== FIELDS.length) return text;
  const value = (field: Field): number => Number(found[order.indexOf(field) + 1]);
  const hour = value('hour') % 24;
  const local = new Date(value('year'), value('month') - 1, value('day'), hour, value('minute'), value('second'));
  // The round trip must give the same text, else the parts were read wrong (a two-digit year, say).
  if (Number.isNaN(local.getTime()) || format.format(local) !== text.trim()) return text;
  return local.toUTCString().replace(/GMT$/, 'UTC');
}

/**
 * The line a mail client opens a forwarded or quoted message's headers with, its rows following to
 * the paragraph's end: Gmail's "---------- Forwarded message ---------", Outlook's "-----Original
 * Message-----", Apple Mail's "Begin forwarded message:".
 */
const FORWARD_MARK = /^(?:-{3,}\s*(Forwarded message|Original Message)\s*-{3,}|(Begin forwarded message):)$/i;

/** The block's rows between rules (postal-mime's), a folded value's further lines joined to it; undefined for other lines. */
function headerRows(lines: readonly string[]): Array<[string, string]> | undefined {
  if (lines.length < 3 || !RULE.test(lines[0]!.trim()) || !RULE.test(lines.at(-1)!.trim())) return undefined;
  return rowsOf(lines.slice(1, -1));
}

/** The rows of `lines`, each "Name: value" or a folded value's further line; undefined when one is neither. */
function rowsOf(lines: readonly string[]): Array<[string, string]> | undefined {
  const rows: Array<[string, string]> = [];
  for (const line of lines) {
    const row = ROW.exec(line.trim());
    if (row) rows.push([row[1]!, row[2]!.trim()]);
    else if (/^[ \t]/.test(line) && rows.length > 0) rows.at(-1)![1] += ` ${line.trim()}`;
    else return undefined;
  }
  return rows.length > 0 ? rows : undefined;
}

/**
 * A forwarded message's header block as header lines ("From:" in bold, then the value), after the
 * mail client's own opening line ("Forwarded message") when it has one; undefined for other text.
 * A client's block ran together as one paragraph, its date as sent (trial).
 */
export function forwardedHeaderBlocks(lines: readonly string[]): ParagraphBlock[] | undefined {
  const mark = FORWARD_MARK.exec(lines[0]?.trim() ?? '');
  const clientRows = mark && lines.length > 1 ? rowsOf(lines.slice(1)) : undefined;
  const rows = clientRows ?? headerRows(lines);
  if (!rows) return undefined;
  const opening: ParagraphBlock[] = clientRows
    ? [{ kind: 'paragraph', children: [textRun(mark![1] ?? mark![2]!)] }]
    : [];
  return [...opening, ...rows.map(headerLine)];
}

function headerLine([name, value]: [string, string]): ParagraphBlock {
  return {
    kind: 'paragraph',
    children: [
      textRun(`${name}:`, { bold: true }),
      textRun(` ${name === 'Date' ? readableMessageDate(forwardedDate(value)) : value}`),
    ],
  };
}

/** In a message's HTML, each forwarded message's date (postal-mime keeps it exact in data-date) as a fixed UTC time. */
export function withForwardedDatesInUtc(html: string): string {
  return html.replace(
    /(<div class="postal-email-header-value postal-email-header-date" data-date="([^"]*)">)[^<]*(<\/div>)/g,
    (whole, open: string, iso: string, close: string) => {
      const time = Date.parse(iso.replace(/&amp;/g, '&'));
      return Number.isNaN(time)
        ? whole
        : `${open}${readableMessageDate(new Date(time).toUTCString().replace(/GMT$/, 'UTC'))}${close}`;
    },
  );
}
