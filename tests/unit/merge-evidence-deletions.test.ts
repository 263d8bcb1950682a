import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Signer, Version } from '../../src/shared/merge';
import {
  DELETED_CONTENT,
  compareVersions,
  convergedState,
  decideEvidenceDeletion,
  decideEvidenceFromSigner,
} from '../../src/shared/merge';
import { evidenceEntrySchema } from '../../src/shared/bundle-evidence';

// The laws of evidence deletions (issue 17): a deletion is one more version of its item, by
// its author, at its time. Every kind of evidence item goes through the same two decisions,
// so each kind is checked with content shaped as its merge serializes it.

const AUTHOR = 'author-a';
const genuine: Signer = { authorId: AUTHOR, verified: true };
const mallory: Signer = { authorId: 'mallory', verified: true };
const unsigned: Signer = { authorId: AUTHOR, verified: false };

/** Two contents of each kind, as the merge serializes them (what competes under one key). */
const KINDS: Record<string, readonly [string, string]> = {
  sources: ['["Harbour Radio","outlet","B","",""]', '["Harbour Radio","outlet","C","rumours",""]'],
  documentSources: ['[["s1"]]', '[["s1","s2"]]'],
  claims: ['["The boats left at dawn",[{"annotationId":"a1","stance":"supports"}]]', '["The boats left at dawn",[]]'],
  claimEvidence: ['["supports"]', '["refutes"]'],
  analyses: ['["Why did the boats not come back?"]', '["Who took the boats?"]'],
  hypotheses: ['["Storm"]', '["Seized at sea"]'],
  rows: ['["high"]', '["low"]'],
  cells: ['["CC",""]', '["I","the wind dropped"]'],
};

const TIMES = ['2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.001Z', '2026-02-01T00:00:00.000Z'];
/** Later than every time above. */
const LATER = '2026-03-01T00:00:00.000Z';
const LATEST = '2026-04-01T00:00:00.000Z';

interface Arrival {
  version: Version;
  signer: Signer;
}

/** Applies versions and deletions one by one, as the import does, and returns what is stored (a tombstone too). */
function replay(arrivals: readonly Arrival[]): Version | undefined {
  let local: Version | undefined;
  for (const { version, signer } of arrivals) {
    if (version.content === DELETED_CONTENT) {
      const decision = decideEvidenceDeletion(local, version, signer);
      if (decision === 'delete' || decision === 'keep') local = version;
    } else {
      const decision = decideEvidenceFromSigner(local, version, signer);
      if (decision === 'insert' || decision === 'update') local = version;
    }
  }
  return local;
}

/** What a reader sees: nothing for a deleted item. */
const visible = (stored: Version | undefined) => (stored?.content === DELETED_CONTENT ? undefined : stored);

function shuffle<T>(list: readonly T[], seeds: Iterable<number>): T[] {
  const shuffled = [...list];
  const iterator = seeds[Symbol.iterator]();
  for (let index = shuffled.length - 1; index > 0; index--) {
    const other = iterator.next().value! % (index + 1);
    [shuffled[index], shuffled[other]] = [shuffled[other]!, shuffled[index]!];
  }
  return shuffled;
}

describe.each(Object.entries(KINDS))('deleting evidence items of kind %s', (_kind, contents) => {
  const edit = (times: readonly string[]) =>
    fc.record({
      updatedAt: fc.constantFrom(...times),
      authorId: fc.constant(AUTHOR),
      content: fc.constantFrom(...contents),
    });
  const deletion = (times: readonly string[]) =>
    fc.constantFrom(...times).map((updatedAt) => ({ updatedAt, authorId: AUTHOR, content: DELETED_CONTENT }));
  const arrivals = fc.array(
    fc.oneof(edit(TIMES), deletion(TIMES)).map((version): Arrival => ({ version, signer: genuine })),
    { maxLength: 10 },
  );

  it('converges to the latest of its author’s versions, a deletion being one, whatever order they arrive in', () => {
    fc.assert(
      fc.property(arrivals, fc.infiniteStream(fc.nat()), (list, seeds) => {
        const latest = convergedState(
          list.map((arrival) => arrival.version),
          [],
        );
        expect(replay(shuffle(list, seeds))).toEqual(latest);
        expect(replay(shuffle(list, seeds))).toEqual(replay(list));
      }),
      { numRuns: 300 },
    );
  });

  it('is idempotent: the same versions and deletions imported twice leave what importing them once leaves', () => {
    fc.assert(
      fc.property(arrivals, fc.infiniteStream(fc.nat()), (list, seeds) => {
        expect(replay([...list, ...list])).toEqual(replay(list));
        expect(replay([...list, ...shuffle(list, seeds)])).toEqual(replay(list));
      }),
      { numRuns: 300 },
    );
  });

  it('never brings a deleted item back from a version older than its deletion, in any order', () => {
    const older = fc.array(
      edit(TIMES).map((version): Arrival => ({ version, signer: genuine })),
      { maxLength: 8 },
    );
    fc.assert(
      fc.property(older, fc.infiniteStream(fc.nat()), (list, seeds) => {
        const deleted: Arrival = {
          version: { updatedAt: LATER, authorId: AUTHOR, content: DELETED_CONTENT },
          signer: genuine,
        };
        const stored = replay(shuffle([...list, deleted], seeds));
        expect(visible(stored)).toBeUndefined();
        expect(stored).toEqual(deleted.version);
      }),
      { numRuns: 300 },
    );
  });

  it('brings a deleted item back by an edit of its author later than the deletion, in any order', () => {
    fc.assert(
      fc.property(arrivals, fc.constantFrom(...contents), fc.infiniteStream(fc.nat()), (list, content, seeds) => {
        const later: Arrival = { version: { updatedAt: LATEST, authorId: AUTHOR, content }, signer: genuine };
        const deleted: Arrival = {
          version: { updatedAt: LATER, authorId: AUTHOR, content: DELETED_CONTENT },
          signer: genuine,
        };
        expect(visible(replay(shuffle([...list, deleted, later], seeds)))).toEqual(later.version);
      }),
      { numRuns: 300 },
    );
  });

  it('lets no other key’s bundle and no unsigned one delete or bring back an author’s item', () => {
    const attacks = fc.array(
      fc
        .tuple(fc.oneof(edit([...TIMES, LATEST]), deletion([...TIMES, LATEST])), fc.constantFrom(mallory, unsigned))
        .map(([version, signer]): Arrival => ({ version, signer })),
      { maxLength: 6 },
    );
    fc.assert(
      fc.property(arrivals, attacks, fc.infiniteStream(fc.nat()), (list, forged, seeds) => {
        // Something of the author's arrives first: an unsigned bundle may add what is not here at all.
        const first: Arrival = {
          version: { updatedAt: TIMES[0]!, authorId: AUTHOR, content: contents[0] },
          signer: genuine,
        };
        const mixed = [first, ...shuffle([...list, ...forged], seeds)];
        const genuineOnly = mixed.filter((arrival) => arrival.signer === genuine);
        expect(replay(mixed)).toEqual(replay(genuineOnly));
      }),
      { numRuns: 300 },
    );
  });
});

describe('an evidence deletion against what is here', () => {
  const edit: Version = { updatedAt: TIMES[1]!, authorId: AUTHOR, content: '["Storm"]' };
  const deleted: Version = { updatedAt: TIMES[2]!, authorId: AUTHOR, content: DELETED_CONTENT };

  it('deletes its author’s earlier version, keeps a later one, and is kept with nothing here so an older copy stays out', () => {
    expect(decideEvidenceDeletion(edit, deleted, genuine)).toBe('delete');
    expect(decideEvidenceDeletion({ ...edit, updatedAt: LATER }, deleted, genuine)).toBe('keep-local');
    expect(decideEvidenceDeletion(undefined, deleted, genuine)).toBe('keep');
    expect(decideEvidenceFromSigner(deleted, edit, genuine)).toBe('keep-local');
    expect(decideEvidenceFromSigner(deleted, { ...edit, updatedAt: LATER }, genuine)).toBe('update');
  });

  it('refuses a deletion from another signer or an unsigned bundle, and ignores one of another author’s item', () => {
    expect(decideEvidenceDeletion(edit, deleted, mallory)).toBe('refused');
    expect(decideEvidenceDeletion(edit, { ...deleted, authorId: 'mallory' }, mallory)).toBe('ignore');
    expect(decideEvidenceDeletion(edit, deleted, unsigned)).toBe('refused');
    expect(decideEvidenceDeletion(undefined, deleted, mallory)).toBe('ignore');
    expect(decideEvidenceDeletion({ ...edit, authorId: 'rui' }, deleted, genuine)).toBe('ignore');
    // An unsigned bundle cannot bring a deleted item back either.
    expect(decideEvidenceFromSigner(deleted, { ...edit, updatedAt: LATER }, unsigned)).toBe('refused');
  });

  it('orders a deletion and an edit at the same time and by the same author the same way everywhere', () => {
    const same = { ...edit, updatedAt: deleted.updatedAt };
    expect(Math.sign(compareVersions(same, deleted))).toBe(-Math.sign(compareVersions(deleted, same)));
    expect(
      replay([
        { version: same, signer: genuine },
        { version: deleted, signer: genuine },
      ]),
    ).toEqual(
      replay([
        { version: deleted, signer: genuine },
        { version: same, signer: genuine },
      ]),
    );
  });
});

describe('tombstones in evidence.json', () => {
  const entry = {
    sources: [],
    documentSources: [],
    grades: [],
    links: [],
    claims: [],
    analyses: [],
  };
  const tombstone = { kind: 'cells', id: 'row-1', partId: 'h-1', authorId: AUTHOR, deletedAt: TIMES[0] };

  it('reads an entry made before tombstones existed as one with none', () => {
    expect(evidenceEntrySchema.parse(entry).deleted).toEqual([]);
  });

  it('refuses a deleted cell or piece of evidence without its second part, and a second part on anything else', () => {
    expect(evidenceEntrySchema.safeParse({ ...entry, deleted: [tombstone] }).success).toBe(true);
    const { partId: _partId, ...withoutPart } = tombstone;
    expect(evidenceEntrySchema.safeParse({ ...entry, deleted: [withoutPart] }).success).toBe(false);
    const claim = { ...tombstone, kind: 'claims' };
    expect(evidenceEntrySchema.safeParse({ ...entry, deleted: [claim] }).success).toBe(false);
    expect(evidenceEntrySchema.safeParse({ ...entry, deleted: [{ ...tombstone, kind: 'grades' }] }).success).toBe(
      false,
    );
  });
});
