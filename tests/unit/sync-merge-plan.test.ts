import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MergeFields } from '../../src/shared/sidecar';
import { mergeFieldsOf } from '../../src/shared/sidecar';
import type { WebAnnotation } from '../../src/shared/web-annotation';
import { idFromUrn, urn } from '../../src/shared/web-annotation';
import type { LocalSide, MergeInput, SyncPlan } from '../../src/core/sync/merge-plan';
import { changesAnnotations, planMerge, replyVersion } from '../../src/core/sync/merge-plan';

const DOCUMENT = 'doc-1';
const AUTHOR = 'author-a';
const COLORS = ['yellow', 'green', 'blue'] as const;
const TIMES = ['2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z', '2026-01-03T00:00:00.000Z'] as const;

interface Shape {
  color: (typeof COLORS)[number];
  note: string;
  tags: string[];
  start: number;
  modified: string;
}

function web(id: string, shape: Shape, author = AUTHOR): WebAnnotation {
  return {
    id: urn(id),
    type: 'Annotation',
    motivation: shape.note === '' ? 'highlighting' : 'commenting',
    created: TIMES[0],
    modified: shape.modified,
    creator: { id: urn(author), type: 'Person', name: author },
    body: [
      ...(shape.note === ''
        ? []
        : [
            {
              type: 'TextualBody' as const,
              value: shape.note,
              format: 'text/markdown',
              purpose: 'commenting' as const,
            },
          ]),
      ...shape.tags.map((tag) => ({ type: 'TextualBody' as const, value: tag, purpose: 'tagging' as const })),
    ],
    target: {
      source: urn(DOCUMENT),
      selector: [
        { type: 'TextQuoteSelector', exact: 'abc', prefix: '', suffix: '' },
        { type: 'TextPositionSelector', start: shape.start, end: shape.start + 3 },
      ],
    },
    marginalia: { kind: 'highlight', color: shape.color, anchorStatus: 'exact', anchorScore: 1, textSha256: '' },
  };
}

function reply(id: string, parent: string, modified: string, author = AUTHOR): WebAnnotation {
  return {
    id: urn(id),
    type: 'Annotation',
    motivation: 'replying',
    created: TIMES[0],
    modified,
    creator: { id: urn(author), type: 'Person', name: author },
    body: [{ type: 'TextualBody', value: `reply at ${modified}`, format: 'text/markdown', purpose: 'replying' }],
    target: urn(parent),
  };
}

const BASE_SHAPE: Shape = { color: 'yellow', note: 'note', tags: ['a'], start: 0, modified: TIMES[0] };

/** The library as a plain map: these annotations in the document, plus rows, tombstones and replies elsewhere. */
function localOf(
  annotations: readonly WebAnnotation[],
  extra: {
    elsewhere?: Record<string, string>;
    tombstoned?: readonly string[];
    /** Replies here by id: when each was last changed (by AUTHOR, with the text `reply at <time>`). */
    replies?: Record<string, string>;
  } = {},
): LocalSide {
  const byId = new Map(annotations.map((item) => [idFromUrn(item.id), item]));
  return {
    ids: new Set(byId.keys()),
    annotation: (id) => byId.get(id)!,
    holder: (id) => {
      const here = byId.get(id);
      if (here) return { documentId: DOCUMENT, authorId: idFromUrn(here.creator.id) };
      const other = extra.elsewhere?.[id];
      return other ? { documentId: other, authorId: AUTHOR } : undefined;
    },
    tombstonedBy: (id) => (extra.tombstoned?.includes(id) ? AUTHOR : undefined),
    reply: (id) => {
      const updatedAt = extra.replies?.[id];
      return updatedAt === undefined ? undefined : replyVersion(reply(id, 'a1', updatedAt));
    },
  };
}

function baseOf(items: readonly WebAnnotation[]): Map<string, MergeFields> {
  return new Map(items.map((item) => [idFromUrn(item.id), mergeFieldsOf(item)]));
}

function plan(
  input: Partial<Omit<MergeInput, 'theirs'>> & { theirs: readonly WebAnnotation[]; local: LocalSide },
): SyncPlan {
  return planMerge({
    documentId: DOCUMENT,
    kind: input.kind ?? 'file',
    base: input.base ?? new Map(),
    local: input.local,
    theirs: {
      items: [...input.theirs],
      links: [],
      marginalia: {
        document: { id: DOCUMENT, title: 'T', sourceFile: 't.txt', textSha256: '' },
        tombstones: [],
        gradeTombstones: [],
        linkTombstones: [],
      },
    },
  });
}

function nothingToDo(result: SyncPlan): void {
  expect(result.refusal).toBeUndefined();
  expect(changesAnnotations(result)).toBe(false);
  expect(result.annotations.conflicted).toEqual([]);
  expect(result.replies).toEqual({ added: [], updated: [] });
}

const shape: fc.Arbitrary<Shape> = fc.record({
  color: fc.constantFrom(...COLORS),
  note: fc.constantFrom('', 'note', 'other note'),
  tags: fc.constantFrom([], ['a'], ['a', 'b']),
  start: fc.constantFrom(0, 4),
  modified: fc.constantFrom(...TIMES),
});
/** A few annotations with ids from a small set, so that sides overlap. */
const side = fc
  .uniqueArray(fc.tuple(fc.constantFrom('a1', 'a2', 'a3', 'a4'), shape), { selector: ([id]) => id, maxLength: 4 })
  .map((entries) => entries.map(([id, fields]) => web(id, fields)));

describe('the sync merge plan', () => {
  it('merging a file with itself changes nothing, whatever the base and the kind', () => {
    fc.assert(
      fc.property(side, side, fc.constantFrom('file' as const, 'copy' as const), (items, baseItems, kind) => {
        const ids = new Set(items.map((item) => item.id));
        const base = baseOf(baseItems.filter((item) => ids.has(item.id)));
        nothingToDo(plan({ kind, base, local: localOf(items), theirs: items }));
      }),
    );
  });

  it('a file unchanged since the base keeps whatever the library has now', () => {
    fc.assert(
      fc.property(side, side, (fileItems, localItems) => {
        nothingToDo(plan({ base: baseOf(fileItems), local: localOf(localItems), theirs: fileItems }));
      }),
    );
  });

  it('a library unchanged since the base takes the file as it is', () => {
    fc.assert(
      fc.property(side, side, (baseItems, fileItems) => {
        const result = plan({ base: baseOf(baseItems), local: localOf(baseItems), theirs: fileItems });
        const fileIds = new Set(fileItems.map((item) => idFromUrn(item.id)));
        const baseIds = new Set(baseItems.map((item) => idFromUrn(item.id)));
        expect(result.annotations.conflicted).toEqual([]);
        expect(result.annotations.deleted.map((deletion) => deletion.id).sort()).toEqual(
          [...baseIds].filter((id) => !fileIds.has(id)).sort(),
        );
        expect(result.annotations.added.map((item) => idFromUrn(item.id)).sort()).toEqual(
          [...fileIds].filter((id) => !baseIds.has(id)).sort(),
        );
        for (const update of result.annotations.updated) {
          const before = baseOf(baseItems).get(idFromUrn(update.theirs.id))!;
          const after = mergeFieldsOf(update.theirs);
          expect(update.fields.every((field) => before[field] !== after[field])).toBe(true);
        }
      }),
    );
  });

  it('a copy never deletes what it lacks', () => {
    fc.assert(
      fc.property(side, side, side, (baseItems, localItems, copyItems) => {
        const result = plan({ kind: 'copy', base: baseOf(baseItems), local: localOf(localItems), theirs: copyItems });
        expect(result.annotations.deleted).toEqual([]);
      }),
    );
  });

  it('takes a field changed only in the file, and keeps a field changed on both sides as a conflict', () => {
    const base = web('a1', BASE_SHAPE);
    const local = web('a1', { ...BASE_SHAPE, note: 'mine', modified: TIMES[1] });
    const theirs = web('a1', { ...BASE_SHAPE, color: 'green', note: 'theirs', modified: TIMES[2] });
    const result = plan({ base: baseOf([base]), local: localOf([local]), theirs: [theirs] });
    expect(result.annotations.updated).toEqual([{ theirs, fields: ['color'] }]);
    expect(result.annotations.conflicted).toEqual([theirs]);
    expect(result.counts.annotations).toMatchObject({ updated: 1, conflicted: 1, added: 0, deleted: 0 });
  });

  it('deletes what the file deleted unless it was edited here since', () => {
    const base = [web('a1', BASE_SHAPE), web('a2', BASE_SHAPE)];
    const local = [web('a1', BASE_SHAPE), web('a2', { ...BASE_SHAPE, note: 'edited here' })];
    const result = plan({ base: baseOf(base), local: localOf(local), theirs: [] });
    expect(result.annotations.deleted).toEqual([{ id: 'a1', deletedAt: undefined }]);
  });

  it('adds a new annotation from the file, but not one deleted here since the last sync', () => {
    const fresh = web('a1', BASE_SHAPE);
    const deletedHere = web('a2', BASE_SHAPE);
    const tombstoned = web('a3', BASE_SHAPE);
    const result = plan({
      base: baseOf([deletedHere]),
      local: localOf([], { tombstoned: ['a3'] }),
      theirs: [fresh, deletedHere, tombstoned],
    });
    expect(result.annotations.added).toEqual([fresh]);
  });

  it('merged for the first time, the later version of each side wins', () => {
    const older = web('a1', { ...BASE_SHAPE, modified: TIMES[0] });
    const newer = web('a1', { ...BASE_SHAPE, note: 'newer', modified: TIMES[1] });
    expect(plan({ local: localOf([older]), theirs: [newer] }).annotations.updated).toEqual([
      { theirs: newer, fields: ['color', 'note', 'tags', 'target'] },
    ]);
    nothingToDo(plan({ local: localOf([newer]), theirs: [older] }));
  });

  it('a copy older than the library that differs is a conflict, not an update', () => {
    const local = web('a1', { ...BASE_SHAPE, modified: TIMES[2] });
    const copy = web('a1', { ...BASE_SHAPE, note: 'from the copy', modified: TIMES[1] });
    const result = plan({ kind: 'copy', base: baseOf([local]), local: localOf([local]), theirs: [copy] });
    expect(result.annotations.updated).toEqual([]);
    expect(result.annotations.conflicted).toEqual([copy]);
  });

  it('refuses the whole file when one of its annotations belongs to another document', () => {
    const result = plan({
      local: localOf([], { elsewhere: { a2: 'doc-2' } }),
      theirs: [web('a1', BASE_SHAPE), web('a2', BASE_SHAPE)],
    });
    expect(result.refusal).toBe(
      'Annotation a2 in this file already belongs to another document (doc-2); the file is not applied.',
    );
    expect(result.annotations.added).toEqual([]);
  });

  it('tombstones delete their author’s annotation and are recorded for what is not here', () => {
    const mine = web('a1', BASE_SHAPE);
    const others = web('a2', BASE_SHAPE, 'author-b');
    const result = planMerge({
      documentId: DOCUMENT,
      kind: 'file',
      base: baseOf([mine, others]),
      local: localOf([mine, others]),
      theirs: {
        items: [mine, others],
        links: [],
        marginalia: {
          document: { id: DOCUMENT, title: 'T', sourceFile: 't.txt', textSha256: '' },
          gradeTombstones: [],
          linkTombstones: [],
          tombstones: [
            { id: 'a1', authorId: AUTHOR, deletedAt: TIMES[2] },
            { id: 'a2', authorId: AUTHOR, deletedAt: TIMES[2] },
            { id: 'gone', authorId: AUTHOR, deletedAt: TIMES[2] },
          ],
        },
      },
    });
    expect(result.annotations.deleted).toEqual([{ id: 'a1', deletedAt: TIMES[2] }]);
    expect(result.tombstones.map((tombstone) => tombstone.id)).toEqual(['gone']);
  });

  it('takes a reply when it is newer than the library’s, and only under an annotation that is here', () => {
    const annotation = web('a1', BASE_SHAPE);
    const newer = reply('r1', 'a1', TIMES[2]);
    const older = reply('r2', 'a1', TIMES[0]);
    const fresh = reply('r3', 'a1', TIMES[1]);
    const orphan = reply('r4', 'missing', TIMES[1]);
    const result = plan({
      base: baseOf([annotation]),
      local: localOf([annotation], { replies: { r1: TIMES[1], r2: TIMES[1] } }),
      theirs: [annotation, newer, older, fresh, orphan],
    });
    expect(result.replies).toEqual({ added: [fresh], updated: [newer] });
    expect(result.counts.replies).toEqual({ added: 1, updated: 1 });
  });

  it('resolves a reply changed at the same time by the same author by its text, as bundles do, and only its author’s tombstone blocks it', () => {
    const annotation = web('a1', BASE_SHAPE);
    const sameTime = {
      ...reply('r1', 'a1', TIMES[1]),
      body: [{ type: 'TextualBody' as const, value: 'zzz', purpose: 'replying' as const }],
    };
    // Both tombstoned here by AUTHOR: only the reply AUTHOR wrote stays deleted.
    const anothersReply = reply('r2', 'a1', TIMES[1], 'author-b');
    const deletedByItsAuthor = reply('r3', 'a1', TIMES[1]);
    const result = plan({
      base: baseOf([annotation]),
      local: localOf([annotation], { replies: { r1: TIMES[1] }, tombstoned: ['r2', 'r3'] }),
      theirs: [annotation, sameTime, anothersReply, deletedByItsAuthor],
    });
    expect(result.replies).toEqual({ added: [anothersReply], updated: [sameTime] });
  });
});
