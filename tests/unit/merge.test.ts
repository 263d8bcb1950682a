import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Version } from '../../src/shared/merge';
import type { Signer } from '../../src/shared/merge';
import {
  MAX_CLOCK_SKEW_MS,
  acceptedTime,
  compareVersions,
  convergedState,
  decideEvidenceFromSigner,
  decideFromSigner,
  decideIncoming,
  decideTombstone,
  decideTombstoneFromSigner,
  nextClockReading,
} from '../../src/shared/merge';

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

/** As replay, for events arriving in bundles, each signed by someone (or nobody). */
function replaySigned(events: ReadonlyArray<{ event: Event; signer: Signer }>): Version | undefined {
  let local: Version | undefined;
  const tombstones: string[] = [];
  for (const { event, signer } of events) {
    if (event.kind === 'tombstone') {
      const decision = decideTombstoneFromSigner(local, { authorId: event.authorId }, signer);
      if (decision === 'delete') local = undefined;
      if (decision !== 'refused' && signer.verified && signer.authorId === event.authorId)
        tombstones.push(event.authorId);
      continue;
    }
    const tombstone = tombstones.find((authorId) => authorId === event.version.authorId);
    const decision = decideFromSigner(local, event.version, tombstone ? { authorId: tombstone } : undefined, signer);
    if (decision === 'insert' || decision === 'update') local = event.version;
  }
  return local;
}

const AUTHOR = 'author-a';
const version = fc.record({
  updatedAt: fc.constantFrom(
    '2026-01-01T00:00:00.000Z',
    '2026-01-01T00:00:00.001Z',
    '2026-02-01T00:00:00.000Z',
    '2026-03-01T10:00:00.000Z',
  ),
  authorId: fc.constant(AUTHOR),
  content: fc.constantFrom(
    '["highlight","yellow","",[]]',
    '["highlight","red","a note",[]]',
    '["highlight","red","a note",["Tag"]]',
  ),
});
const events = fc.array(
  fc.oneof(
    { weight: 5, arbitrary: version.map((value): Event => ({ kind: 'version', version: value })) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(AUTHOR, 'someone-else').map((authorId): Event => ({ kind: 'tombstone', authorId })),
    },
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
    expect(
      decideIncoming(mine, { updatedAt: '2027-01-01T00:00:00.000Z', authorId: 'mallory', content: 'y' }, undefined),
    ).toBe('keep-local');
    expect(decideTombstone({ authorId: 'me' }, { authorId: 'mallory' })).toBe('ignore');
  });

  it('lets nothing signed by another key create, change or delete an author’s annotation, in any order', () => {
    const genuine = { authorId: AUTHOR, verified: true };
    const mallory = { authorId: 'mallory', verified: true };
    const forged = fc.array(
      fc.oneof(
        version.map((value) => ({ event: { kind: 'version', version: value } as Event, signer: mallory })),
        fc.constant({ event: { kind: 'tombstone', authorId: AUTHOR } as Event, signer: mallory }),
      ),
      { maxLength: 6 },
    );
    fc.assert(
      fc.property(events, forged, fc.infiniteStream(fc.nat()), (list, attacks, seeds) => {
        const mixed = [...list.map((event) => ({ event, signer: genuine })), ...attacks];
        const iterator = seeds[Symbol.iterator]();
        for (let index = mixed.length - 1; index > 0; index--) {
          const other = iterator.next().value! % (index + 1);
          [mixed[index], mixed[other]] = [mixed[other]!, mixed[index]!];
        }
        const genuineInOrder = mixed.filter((entry) => entry.signer === genuine).map((entry) => entry.event);
        expect(replaySigned(mixed)).toEqual(replay(genuineInOrder));
      }),
      { numRuns: 500 },
    );
  });

  it('lets an unsigned bundle only add: it never changes or deletes what is here', () => {
    const nobody = { authorId: '', verified: false };
    const mine: Version = { updatedAt: '2026-01-01T00:00:00.000Z', authorId: AUTHOR, content: 'x' };
    expect(decideFromSigner(undefined, mine, undefined, nobody)).toBe('insert');
    expect(
      decideFromSigner(mine, { ...mine, updatedAt: '2027-01-01T00:00:00.000Z', content: 'y' }, undefined, nobody),
    ).toBe('refused');
    expect(decideFromSigner(mine, mine, undefined, nobody)).toBe('unchanged');
    expect(decideTombstoneFromSigner({ authorId: AUTHOR }, { authorId: AUTHOR }, nobody)).toBe('refused');
  });

  it('takes a time more than a day ahead of the local clock as the time it arrives, and any other time as it is', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4_000_000_000_000 }),
        fc.integer({ min: 0, max: 253_402_300_799_999 }),
        (now, seen) => {
          const kept = Date.parse(acceptedTime(new Date(seen).toISOString(), now));
          expect(kept).toBe(seen > now + MAX_CLOCK_SKEW_MS ? now : seen);
        },
      ),
    );
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

/** Applies evidence versions (no tombstones) one by one, each arriving in a bundle signed by someone. */
function replayEvidence(arrivals: ReadonlyArray<{ version: Version; signer: Signer }>): Version | undefined {
  let local: Version | undefined;
  for (const { version: incoming, signer } of arrivals) {
    const decision = decideEvidenceFromSigner(local, incoming, signer);
    if (decision === 'insert' || decision === 'update') local = incoming;
  }
  return local;
}

function shuffle<T>(list: readonly T[], seeds: Iterable<number>): T[] {
  const shuffled = [...list];
  const iterator = seeds[Symbol.iterator]();
  for (let index = shuffled.length - 1; index > 0; index--) {
    const other = iterator.next().value! % (index + 1);
    [shuffled[index], shuffled[other]] = [shuffled[other]!, shuffled[index]!];
  }
  return shuffled;
}

describe('merging evidence items from bundles (sources, grades, links, claims, analyses, cells)', () => {
  const genuine = { authorId: AUTHOR, verified: true };
  const signed = fc.array(
    version.map((value) => ({ version: value, signer: genuine })),
    { maxLength: 10 },
  );

  it('converges to the same version whatever order one author’s versions arrive in', () => {
    fc.assert(
      fc.property(signed, fc.infiniteStream(fc.nat()), (list, seeds) => {
        const expected = convergedState(
          list.map((entry) => entry.version),
          [],
        );
        expect(replayEvidence(shuffle(list, seeds))).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('is idempotent: the same bundles imported twice leave what importing them once leaves', () => {
    fc.assert(
      fc.property(signed, (list) => {
        expect(replayEvidence([...list, ...list])).toEqual(replayEvidence(list));
      }),
      { numRuns: 500 },
    );
  });

  it('lets nothing signed by another key create or change an author’s item, in any order', () => {
    const mallory = { authorId: 'mallory', verified: true };
    const forged = fc.array(
      version.map((value) => ({ version: value, signer: mallory })),
      { maxLength: 6 },
    );
    fc.assert(
      fc.property(signed, forged, fc.infiniteStream(fc.nat()), (list, attacks, seeds) => {
        const mixed = shuffle([...list, ...attacks], seeds);
        const genuineInOrder = mixed.filter((entry) => entry.signer === genuine);
        expect(replayEvidence(mixed)).toEqual(replayEvidence(genuineInOrder));
      }),
      { numRuns: 500 },
    );
  });

  it('counts an item whose content is already here as unchanged whatever its time, so carrying it back is never refused', () => {
    const mine: Version = { updatedAt: '2026-01-01T00:00:00.000Z', authorId: AUTHOR, content: '["Storm"]' };
    const touched = { ...mine, updatedAt: '2026-05-01T00:00:00.000Z' };
    expect(decideEvidenceFromSigner(mine, touched, { authorId: 'reviewer', verified: true })).toBe('unchanged');
    expect(decideEvidenceFromSigner(touched, mine, { authorId: AUTHOR, verified: true })).toBe('unchanged');
    expect(decideEvidenceFromSigner(mine, touched, { authorId: AUTHOR, verified: true })).toBe('update');
    expect(decideFromSigner(mine, touched, undefined, { authorId: 'reviewer', verified: true })).toBe('refused');
    expect(
      decideEvidenceFromSigner(mine, { ...touched, content: '["Flood"]' }, { authorId: 'reviewer', verified: true }),
    ).toBe('refused');
  });
});
