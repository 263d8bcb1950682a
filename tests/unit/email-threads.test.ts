// Threads from stored headers: replies and forwards join their thread, a missing parent still
// joins its children, cycles in References end, and a shared subject alone joins nothing.
import { describe, expect, it } from 'vitest';
import type { ThreadMessage } from '../../src/shared/email-threads';
import { baseSubject, normalizeSubject, threadMessages } from '../../src/shared/email-threads';

let clock = 0;
function mail(id: string, headers: Record<string, string>): ThreadMessage {
  clock += 1;
  return { id, headers, date: new Date(Date.UTC(2024, 0, 1) + clock * 60_000).toISOString(), fallbackDate: '' };
}

/** The documents grouped as threads: each thread's ids in position order, threads by their first id. */
function threadsOf(messages: readonly ThreadMessage[]): string[][] {
  const places = threadMessages(messages);
  const byKey = new Map<string, string[]>();
  for (const message of messages) {
    const place = places.get(message.id);
    if (!place) continue;
    const ids = byKey.get(place.key) ?? Array<string>(place.size).fill('');
    ids[place.position] = message.id;
    byKey.set(place.key, ids);
  }
  return [...byKey.values()].sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}

const ADA = 'Ada <ada@example.org>';
const CHARLES = 'Charles <charles@example.org>';

describe('e-mail threads', () => {
  it('joins replies through In-Reply-To and References, in date order, with the first message’s subject', () => {
    const messages = [
      mail('a', { 'Message-ID': '<1@x>', Subject: 'Plans', From: ADA }),
      mail('b', { 'Message-ID': '<2@x>', 'In-Reply-To': '<1@x>', Subject: 'Re: Plans', From: CHARLES }),
      mail('c', { 'Message-ID': '<3@x>', References: '<1@x> <2@x>', Subject: 'AW: Re: Plans', From: ADA }),
      mail('d', { 'Message-ID': '<9@x>', Subject: 'Lunch', From: ADA }),
    ];
    expect(threadsOf([...messages].reverse())).toEqual([['a', 'b', 'c']]);
    expect(threadMessages(messages).get('c')).toEqual({ key: 'thread:a', subject: 'Plans', position: 2, size: 3 });
    expect(threadMessages(messages).has('d')).toBe(false);
  });

  it('puts two replies to a message that is not in the library in one thread', () => {
    const messages = [
      mail('b', { 'Message-ID': '<2@x>', 'In-Reply-To': '<lost@x>', Subject: 'Re: Plans', From: ADA }),
      mail('c', { 'Message-ID': '<3@x>', References: '<lost@x>', Subject: 'Re: Plans', From: CHARLES }),
    ];
    expect(threadsOf(messages)).toEqual([['b', 'c']]);
    expect(threadMessages(messages).get('b')?.subject).toBe('Plans');
  });

  it('ends at a cycle in References and keeps every message of it once', () => {
    const messages = [
      mail('p', { 'Message-ID': '<p@x>', References: '<q@x>' }),
      mail('q', { 'Message-ID': '<q@x>', References: '<r@x> <p@x>' }),
      mail('r', { 'Message-ID': '<r@x>', 'In-Reply-To': '<q@x>', References: '<r@x>' }),
    ];
    expect(threadsOf(messages)).toEqual([['p', 'q', 'r']]);
  });

  it('joins a forward or reply that lost its headers by subject when it shares a person', () => {
    const messages = [
      mail('a', { 'Message-ID': '<1@x>', Subject: 'Cistern', From: ADA, To: 'team@example.org' }),
      mail('b', {
        'Message-ID': '<2@x>',
        Subject: 'TR: Cistern',
        From: 'Dora <dora@example.org>',
        To: 'ADA@example.org',
      }),
      mail('c', { 'Message-ID': '<3@x>', Subject: 'Fwd: Cistern', From: CHARLES, To: 'eve@example.org' }),
    ];
    expect(threadsOf(messages)).toEqual([['a', 'b']]);
  });

  it('keeps apart messages with the same subject between different people, or without a reply prefix', () => {
    const messages = [
      mail('a', { 'Message-ID': '<1@x>', Subject: 'Minutes', From: ADA }),
      mail('b', { 'Message-ID': '<2@x>', Subject: 'Re: Minutes', From: CHARLES, To: 'eve@example.org' }),
      mail('c', { 'Message-ID': '<3@x>', Subject: 'Minutes', From: ADA }),
    ];
    expect(threadsOf(messages)).toEqual([]);
  });

  it('strips reply, forward and list prefixes in several languages, keeping the case', () => {
    expect(baseSubject('Re: AW: TR: Fwd: [digs] Re[2]: Cistern  capacity')).toBe('Cistern capacity');
    expect(normalizeSubject('SV: Vs: WG: cistern capacity')).toBe('cistern capacity');
    expect(baseSubject('Regarding the cistern')).toBe('Regarding the cistern');
  });

  it('threads a 5,000-message chain and 5,000 lone messages in well under a second', () => {
    const chain = Array.from({ length: 5000 }, (_, i) =>
      mail(`m${i}`, { 'Message-ID': `<m${i}@x>`, ...(i > 0 ? { 'In-Reply-To': `<m${i - 1}@x>` } : {}) }),
    );
    const lone = Array.from({ length: 5000 }, (_, i) => mail(`l${i}`, { 'Message-ID': `<l${i}@x>`, Subject: 'Same' }));
    const started = performance.now();
    const places = threadMessages([...chain].reverse().concat(lone));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(new Set(chain.map((message) => places.get(message.id)?.key))).toEqual(new Set(['thread:m0']));
    expect(places.get('m4999')?.position).toBe(4999);
    expect(lone.some((message) => places.has(message.id))).toBe(false);
  });
});
