// Splits an mbox file (mboxo or mboxrd) into its messages, and names the thread a message
// belongs to so the pipeline can group the documents it makes one per message.
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

/** "Re: Re: [list] Fwd: Plans" and "plans" are one thread. */
export function normalizeSubject(subject: string): string {
  let value = subject.replace(/\s+/g, ' ').trim();
  for (;;) {
    const next = value.replace(/^(?:(?:re|fwd?|aw|wg|sv|antw)(?:\[\d+\])?\s*:|\[[^\]]{1,40}\])\s*/i, '');
    if (next === value) break;
    value = next;
  }
  return value.toLowerCase();
}

function messageIds(value: string | undefined): string[] {
  return (value ?? '').match(/<[^<>\s]+>/g) ?? [];
}

/**
 * The thread a message belongs to: the Message-ID of the thread's first message (the first
 * of References, else In-Reply-To, else the message's own id when it starts the thread),
 * and only when the message carries no ids at all its subject without Re:/Fwd: prefixes.
 * Keys are prefixed ("id:", "subject:") so a subject never collides with an id.
 */
export function threadKey(headers: Record<string, string>): string {
  const root =
    messageIds(headers.References)[0] ?? messageIds(headers['In-Reply-To'])[0] ?? messageIds(headers['Message-ID'])[0];
  if (root) return `id:${root}`;
  return `subject:${normalizeSubject(headers.Subject ?? '')}`;
}

/**
 * Thread keys for the messages of one mailbox together: a reply that names only its parent
 * (In-Reply-To, no References) is followed up through the parents found in the same
 * mailbox, so it joins its thread's root rather than starting a thread at its parent.
 */
export function threadKeys(all: readonly Record<string, string>[]): string[] {
  const parentOf = new Map<string, string>();
  for (const headers of all) {
    const own = messageIds(headers['Message-ID'])[0];
    const parent = messageIds(headers.References)[0] ?? messageIds(headers['In-Reply-To'])[0];
    if (own && parent && parent !== own) parentOf.set(own, parent);
  }
  // Each id's root is found once: a 5,000-message chain stays linear.
  const roots = new Map<string, string>();
  const root = (id: string): string => {
    const path = [id];
    const onPath = new Set(path);
    let found: string | undefined;
    for (let parent = parentOf.get(id); parent && found === undefined; parent = parentOf.get(parent)) {
      found = roots.get(parent);
      if (found !== undefined) break;
      // A loop of replies (forged or broken headers) has no root: its least id stands for all of it.
      if (onPath.has(parent)) found = path.slice(path.indexOf(parent)).sort()[0]!;
      else path.push(parent);
      onPath.add(parent);
    }
    const result = found ?? path[path.length - 1]!;
    for (const step of path) roots.set(step, result);
    return result;
  };
  return all.map((headers) => {
    const key = threadKey(headers);
    return key.startsWith('id:') ? `id:${root(key.slice(3))}` : key;
  });
}
