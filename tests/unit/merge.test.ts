import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Version } from '../../src/shared/merge';
import { compareVersions, convergedState, decideIncoming, decideTombstone, nextClockReading } from '../../src/shared/merge';

type Event = { kind: 'version'; version: Version } | { kind: 'tombstone'; authorId: string };

/** Applies events one by one, as the importer does, and returns the stored version. */
function replay(events: readonly Event[]): Version | undefined {
  let local: Version | undefined;
  const tombstones: string[] = [];
  for (const event of events) {
    if (event.kind === 'tombstone') {
      if (decideTombstone(local, { authorId: event.authorId }) === 'delete') local = undefined;
      tombstones.push(event.authorId);
      continue;
    }
    const tombstone = tombstones.find((authorId) => authorId === event.version.authorId);
    const decision = decideIncoming(local, event.version, tombstone ? { authorId: tombstone } : undefined);
    if (decision === 'insert' || decision === 'update') local = event.version;
  }
  return local;
}

const AUTHOR = 'author-a';
const version = fc.record({
  updatedAt: fc.constantFrom('2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.001Z', '2026-02-01T00:00:00.000Z', '2026-03-01T10:00:00.000Z'),
  authorId: fc.constant(AUTHOR),
  content: fc.constantFrom('["highlight","yellow","",[]]', '["highlight","red","a note",[]]', '["highlight","red","a note",["Tag"]]'),
});
const events = fc.array(
  fc.oneof(
    { weight: 5, arbitrary: version.map((value): Event => ({ kind: 'version', version: value })) },
    { weight: 1, arbitrary: fc.constantFrom(AUTHOR, 'someone-else').map((authorId): Event => ({ kind: 'tombstone', authorId })) },
  ),
  { maxLength: 12 },
);

describe('merging annotations from bundles', () => {
  it('converges to the same state whatever order the versions and tombstones arrive in', () => {
    fc.assert(
      fc.property(events, fc.infiniteStream(fc.nat()), (list, seeds) => {
        const shuffled = [...list];
        const iterator = seeds[Symbol.iterator]();
        for (let index = shuffled.length - 1; index > 0; index--) {
          const other = iterator.next().value! % (index + 1);
          [shuffled[index], shuffled[other]] = [shuffled[other]!, shuffled[index]!];
        }
        const versions = list.flatMap((event) => (event.kind === 'version' ? [event.version] : []));
        const tombstones = list.flatMap((event) => (event.kind === 'tombstone' ? [{ authorId: event.authorId }] : []));
        expect(replay(shuffled)).toEqual(convergedState(versions, tombstones));
        expect(replay(list)).toEqual(replay(shuffled));
      }),
      { numRuns: 500 },
    );
  });

  it('is idempotent: importing the same events twice is importing them once', () => {
    fc.assert(
      fc.property(events, (list) => {
        expect(replay([...list, ...list])).toEqual(replay(list));
      }),
      { numRuns: 500 },
    );
  });

  it('orders versions totally: by time, then author, then content', () => {
    fc.assert(
      fc.property(version, version, (a, b) => {
        expect(Math.sign(compareVersions(a, b)) + Math.sign(compareVersions(b, a))).toBe(0);
        if (compareVersions(a, b) === 0) expect(a).toEqual(b);
      }),
    );
  });

  it('never lets another author overwrite or delete an annotation', () => {
    const mine: Version = { updatedAt: '2026-01-01T00:00:00.000Z', authorId: 'me', content: 'x' };
    expect(decideIncoming(mine, { updatedAt: '2027-01-01T00:00:00.000Z', authorId: 'mallory', content: 'y' }, undefined)).toBe('keep-local');
    expect(decideTombstone({ authorId: 'me' }, { authorId: 'mallory' })).toBe('ignore');
  });

  it('keeps the local clock ahead of every time it has seen', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), (now, seen) => {
        const reading = nextClockReading(now, seen);
        expect(reading).toBeGreaterThan(seen);
        expect(reading).toBeGreaterThanOrEqual(now);
      }),
    );
  });
});
