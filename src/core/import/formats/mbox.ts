// Splits an mbox file (mboxo or mboxrd) into its messages. Threads are found across the whole
// library from the stored headers (src/shared/email-threads.ts), not per mailbox.
import { UserFacingError } from '../../../shared/result';
import { startsWithAscii } from './email-parse';

export const MAX_MBOX_MESSAGES = 5000;

/**
 * A "From " line that separates messages carries the envelope date, with a time
 * ("From ada@example.org Mon Jan  1 09:30:00 2024", "From - Thu Jan 01 …"). Writers that do
 * not escape a body's "From " lines are common; requiring the time keeps "From here on, …"
 * in a body from splitting the message.
 */
const SEPARATOR_TIME = /\d{1,2}:\d\d/;

function lineEnd(bytes: Uint8Array, start: number): number {
  const newline = bytes.indexOf(0x0a, start);
  return newline === -1 ? bytes.length : newline + 1;
}

function isSeparator(bytes: Uint8Array, start: number, end: number): boolean {
  if (!startsWithAscii(bytes, start, 'From ')) return false;
  return SEPARATOR_TIME.test(Buffer.from(bytes.subarray(start, Math.min(end, start + 200))).toString('latin1'));
}

/** ">From ", ">>From " …: mboxrd's escapes, each of which loses one ">" (mboxo's single level reads the same). */
function isEscapedFrom(bytes: Uint8Array, start: number, end: number): boolean {
  let at = start;
  while (at < end && bytes[at] === 0x3e) at += 1;
  return at > start && startsWithAscii(bytes, at, 'From ');
}

/** Messages as they were before being written into the mbox: envelope lines gone, escapes undone. */
export function splitMbox(bytes: Uint8Array, sourceName = 'The mailbox'): Uint8Array[] {
  let start = 0;
  // Leading blank lines are tolerated; anything else before the first "From " is not an mbox.
  while (start < bytes.length && (bytes[start] === 0x0a || bytes[start] === 0x0d)) start += 1;
  if (!startsWithAscii(bytes, start, 'From ')) {
    throw new UserFacingError(
      'INVALID_INPUT',
      `“${sourceName}” is not an mbox file: it does not begin with a “From ” line.`,
    );
  }
  const messages: Uint8Array[] = [];
  let current: Uint8Array[] | undefined;
  const finish = (): void => {
    if (current) messages.push(Buffer.concat(current));
  };
  for (let end = lineEnd(bytes, start); start < bytes.length; start = end, end = lineEnd(bytes, start)) {
    if (current === undefined || isSeparator(bytes, start, end)) {
      finish();
      if (messages.length >= MAX_MBOX_MESSAGES) {
        throw new UserFacingError(
          'TOO_LARGE',
          `“${sourceName}” holds more than ${MAX_MBOX_MESSAGES} messages; split it and import the parts.`,
        );
      }
      current = [];
      continue;
    }
    current.push(bytes.subarray(isEscapedFrom(bytes, start, end) ? start + 1 : start, end));
  }
  finish();
  return messages;
}
