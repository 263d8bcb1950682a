// An mbox built from three messages of one thread splits back into those messages, its
// ">From " escapes undone, and every message of the thread gets the same thread key.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readEmail } from '../../src/core/import/formats/email';
import {
  MAX_MBOX_MESSAGES,
  normalizeSubject,
  splitMbox,
  threadKey,
  threadKeys,
} from '../../src/core/import/formats/mbox';
import { UserFacingError } from '../../src/shared/result';
import { entity, mbox } from '../support/mime-fixtures';
import { makeTempDir } from '../support/temp';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir('marginalia-mbox-');
});
afterEach(() => temp.remove());

function roundTrip(text: string): Uint8Array {
  const path = join(temp.path, 'archive.mbox');
  writeFileSync(path, text);
  return new Uint8Array(readFileSync(path));
}

const first = entity(
  {
    From: 'Ada <ada@example.org>',
    Subject: 'Cistern capacity',
    'Message-ID': '<m1@example.org>',
    Date: 'Mon, 1 Jan 2024 09:30:00 +0000',
  },
  'From the terrace the cistern looks larger than the plan.\n>From an earlier letter: it was never full.\n',
);
const second = entity(
  {
    From: 'Charles <charles@example.org>',
    Subject: 'Re: Cistern capacity',
    'Message-ID': '<m2@example.org>',
    'In-Reply-To': '<m1@example.org>',
    References: '<m1@example.org>',
  },
  'Four hundred cubic metres, at 10:30 we measured it.\n',
);
const third = entity(
  {
    From: 'Ada <ada@example.org>',
    Subject: 'RE: Re: Fwd: Cistern capacity',
    'Message-ID': '<m3@example.org>',
    'In-Reply-To': '<m2@example.org>',
    References: '<m1@example.org> <m2@example.org>',
  },
  'Then it served the baths.\n',
);
const thread = [first, second, third];

describe('an mbox file', () => {
  it('splits into its messages with the body lines that began "From " restored', () => {
    const text = mbox(thread);
    // The fixture really escapes: the writer's side of mboxrd.
    expect(text).toContain('\n>From the terrace');
    expect(text).toContain('\n>>From an earlier letter');
    const messages = splitMbox(roundTrip(text)).map((bytes) => Buffer.from(bytes).toString('utf8'));
    expect(messages).toHaveLength(3);
    messages.forEach((message, index) =>
      expect(message.trimEnd()).toBe(thread[index]!.replace(/\r\n/g, '\n').trimEnd()),
    );
  });

  it('gives every message of a thread the root message’s id as its thread key', async () => {
    const documents = await Promise.all(
      splitMbox(roundTrip(mbox(thread))).map((bytes, index) =>
        readEmail({ fileName: `archive.mbox #${index + 1}`, bytes }),
      ),
    );
    expect(documents.map((document) => document.title)).toEqual([
      'Cistern capacity',
      'Re: Cistern capacity',
      'RE: Re: Fwd: Cistern capacity',
    ]);
    expect(documents.map((document) => threadKey(document.facts.headers ?? {}))).toEqual([
      'id:<m1@example.org>',
      'id:<m1@example.org>',
      'id:<m1@example.org>',
    ]);
    expect(documents[0]!.blocks.map((block) => JSON.stringify(block)).join('')).toContain('From the terrace');
  });

  it('follows replies that name only their parent up to the thread’s root within the mailbox', () => {
    const root = { 'Message-ID': '<a@x>', Subject: 'Plans' };
    const reply = { 'Message-ID': '<b@x>', 'In-Reply-To': '<a@x>', Subject: 'Re: Plans' };
    const replyToReply = { 'Message-ID': '<c@x>', 'In-Reply-To': '<b@x>', Subject: 'Re: Plans' };
    const loop = [
      { 'Message-ID': '<p@x>', 'In-Reply-To': '<q@x>' },
      { 'Message-ID': '<q@x>', 'In-Reply-To': '<p@x>' },
      { 'Message-ID': '<0@x>', 'In-Reply-To': '<q@x>' },
    ];
    expect(threadKey(replyToReply)).toBe('id:<b@x>');
    expect(threadKeys([replyToReply, reply, root, ...loop])).toEqual([
      'id:<a@x>',
      'id:<a@x>',
      'id:<a@x>',
      'id:<p@x>',
      'id:<p@x>',
      'id:<p@x>',
    ]);
  });

  it('resolves a chain as long as the mailbox bound to one root', () => {
    const chain = Array.from({ length: MAX_MBOX_MESSAGES }, (_, i) => ({
      'Message-ID': `<m${i}@x>`,
      ...(i > 0 ? { 'In-Reply-To': `<m${i - 1}@x>` } : {}),
    })).reverse();
    expect(new Set(threadKeys(chain))).toEqual(new Set(['id:<m0@x>']));
  });

  it('falls back to the subject without reply and forward prefixes when a message carries no ids', () => {
    expect(threadKey({ Subject: 'Re: Fwd: [digs] Cistern   capacity' })).toBe('subject:cistern capacity');
    expect(threadKey({ Subject: 'AW: cistern capacity' })).toBe(threadKey({ Subject: 'Cistern capacity' }));
    expect(normalizeSubject('Re[2]: Re: Plans')).toBe('plans');
  });

  it('keeps a body line "From here on" that a careless writer left unescaped, and reads CRLF files', () => {
    const careless =
      'From ada@example.org Mon Jan  1 09:30:00 2024\r\nSubject: a\r\n\r\nFrom here on we dig.\r\n\r\n' +
      'From charles@example.org Tue Jan  2 10:00:00 2024\r\nSubject: b\r\n\r\nAgreed.\r\n';
    const messages = splitMbox(roundTrip(careless)).map((bytes) => Buffer.from(bytes).toString('utf8'));
    expect(messages).toEqual(['Subject: a\r\n\r\nFrom here on we dig.\r\n\r\n', 'Subject: b\r\n\r\nAgreed.\r\n']);
  });

  it('refuses a file that does not begin with a "From " line', () => {
    const attempt = (): Uint8Array[] => splitMbox(roundTrip(first), 'archive.mbox');
    expect(attempt).toThrow(UserFacingError);
    expect(attempt).toThrow(/“archive\.mbox” is not an mbox file/);
  });

  it('refuses more messages than the bound', () => {
    const many = `${'From x@example.org Mon Jan  1 09:30:00 2024\nSubject: a\n\nb\n\n'.repeat(MAX_MBOX_MESSAGES + 1)}`;
    let error: unknown;
    try {
      splitMbox(roundTrip(many));
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({ code: 'TOO_LARGE' });
    const exactly = splitMbox(
      roundTrip(`${'From x@example.org Mon Jan  1 09:30:00 2024\nSubject: a\n\nb\n\n'.repeat(MAX_MBOX_MESSAGES)}`),
    );
    expect(exactly).toHaveLength(MAX_MBOX_MESSAGES);
  });
});
