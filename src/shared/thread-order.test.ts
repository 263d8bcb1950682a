import { describe, expect, it } from 'vitest';
import { threadsGathered } from './thread-order';

const doc = (id: string, thread?: { key: string; position: number }) => ({
  id,
  ...(thread ? { thread: { ...thread, subject: 's', size: 2 } } : {}),
});

describe('threadsGathered', () => {
  it('gathers a thread at its first member’s place, oldest message first, and leaves the others where they were', () => {
    const placed = threadsGathered([
      doc('a'),
      doc('t2', { key: 't', position: 1 }),
      doc('b'),
      doc('t1', { key: 't', position: 0 }),
      doc('c'),
    ]);
    expect(placed.map((item) => (Array.isArray(item) ? item.map((d) => d.id) : item.id))).toEqual([
      'a',
      ['t1', 't2'],
      'b',
      'c',
    ]);
  });

  it('leaves a lone member of a thread as a document of its own', () => {
    expect(threadsGathered([doc('t2', { key: 't', position: 1 }), doc('a')])).toEqual([
      doc('t2', { key: 't', position: 1 }),
      doc('a'),
    ]);
  });
});
