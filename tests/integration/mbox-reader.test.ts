// An mbox built from three messages of one thread splits back into those messages, its
// ">From " escapes undone, and the headers read from them put all three in one thread.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readEmail } from '../../src/core/import/formats/email';
import { MAX_MBOX_MESSAGES, splitMbox } from '../../src/core/import/formats/mbox';
import { threadMessages } from '../../src/shared/email-threads';
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

  it('keeps the headers that put every message of a thread in one thread, in date order', async () => {
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
    const places = threadMessages(
      documents.map((document, index) => ({
        id: `d${index}`,
        headers: document.facts.headers ?? {},
        date: document.facts.createdAt ?? '',
        fallbackDate: `2024-01-0${index + 1}`,
      })),
    );
    expect(['d0', 'd1', 'd2'].map((id) => places.get(id))).toEqual(
      [0, 1, 2].map((position) => ({
        key: 'thread:d0',
        subject: 'Cistern capacity',
        position,
        size: 3,
      })),
    );
    expect(documents[0]!.blocks.map((block) => JSON.stringify(block)).join('')).toContain('From the terrace');
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
