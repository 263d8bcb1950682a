import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ADMIRALTY_SCHEME, STANCES, type ClaimEvidence } from '../../src/shared/evidence';
import { claimStatuses, type ClaimGraph, type ClaimOutcome, type RepeatLink } from '../../src/shared/evidence-rules';

const ANNOTATIONS = ['a', 'b', 'c', 'd', 'e', 'f'];
const SOURCES = ['Reuters', 'AFP', 'residents'];
const CREDIBILITY = ['', '1', '2', '3', '4', '5', '6'];

interface World {
  evidence: ClaimEvidence[];
  sources: Record<string, string[]>;
  credibility: Record<string, string>;
  repeats: RepeatLink[];
}

const annotation = fc.constantFrom(...ANNOTATIONS);
const link = fc.record({ fromId: annotation, toId: annotation });
const world: fc.Arbitrary<World> = fc.record({
  evidence: fc.uniqueArray(fc.record({ annotationId: annotation, stance: fc.constantFrom(...STANCES) }), {
    selector: (piece) => piece.annotationId,
    maxLength: ANNOTATIONS.length,
  }),
  sources: fc.record(Object.fromEntries(ANNOTATIONS.map((id) => [id, fc.subarray(SOURCES, { maxLength: 2 })]))),
  credibility: fc.record(Object.fromEntries(ANNOTATIONS.map((id) => [id, fc.constantFrom(...CREDIBILITY)]))),
  repeats: fc.array(link, { maxLength: 8 }),
});

function graphOf(w: World): ClaimGraph {
  return {
    claims: [{ id: 'claim', evidence: w.evidence }],
    sourcesOf: (id) => w.sources[id] ?? [],
    credibilityOf: (id) => w.credibility[id] ?? '',
    repeats: w.repeats,
    scheme: ADMIRALTY_SCHEME,
  };
}

function outcome(w: World): ClaimOutcome {
  return claimStatuses(graphOf(w)).get('claim')!;
}

/** Ranks on the support scale; contested sits beside it, not on it. */
const SUPPORT = { unsupported: 0, 'single-source': 1, corroborated: 2, contested: -1 } as const;

/** A second, naive reading of the rules: origins by fixpoint, every subset tried. */
function bruteIndependentSupport(w: World): number {
  const supporting = w.evidence.filter((piece) => piece.stance === 'supports').map((piece) => piece.annotationId);
  const origins = (id: string): Set<string> => {
    const reached = new Set([id]);
    for (let changed = true; changed;) {
      changed = false;
      for (const { fromId, toId } of w.repeats) {
        if (reached.has(fromId) && !reached.has(toId)) [changed] = [true, reached.add(toId)];
      }
    }
    return new Set([...reached].flatMap((at) => [`a:${at}`, ...(w.sources[at] ?? []).map((s) => `s:${s}`)]));
  };
  const sets = supporting.map(origins);
  let best = 0;
  for (let mask = 0; mask < 1 << sets.length; mask += 1) {
    const chosen = sets.filter((_, index) => mask & (1 << index));
    const disjoint = chosen.every((a, i) => chosen.every((b, j) => i >= j || [...a].every((x) => !b.has(x))));
    if (disjoint) best = Math.max(best, chosen.length);
  }
  return best;
}

describe('claim status properties', () => {
  it('never depends on the order of the evidence, the repeats links or the claims', () => {
    fc.assert(
      fc.property(world, fc.infiniteStream(fc.nat()), (w, seeds) => {
        const shuffle = <T>(list: T[]): T[] =>
          list
            .map((item) => ({ item, key: seeds.next().value as number }))
            .sort((x, y) => x.key - y.key)
            .map(({ item }) => item);
        const shuffled = { ...w, evidence: shuffle(w.evidence), repeats: shuffle(w.repeats) };
        expect(outcome(shuffled)).toEqual(outcome(w));
      }),
    );
  });

  it('counts independent support exactly as a brute-force search over every subset does', () => {
    fc.assert(
      fc.property(world, (w) => {
        expect(outcome(w).independentSupport).toBe(bruteIndependentSupport(w));
      }),
      { numRuns: 1000 },
    );
  });

  it('never raises a claim to corroborated, nor its independent support, by adding a repeats link', () => {
    fc.assert(
      fc.property(world, link, (w, extra) => {
        const before = outcome(w);
        const after = outcome({ ...w, repeats: [...w.repeats, extra] });
        expect(after.independentSupport).toBeLessThanOrEqual(before.independentSupport);
        if (before.status !== 'corroborated') expect(after.status).not.toBe('corroborated');
        if (before.status === 'single-source') expect(after.status).toBe('single-source');
      }),
    );
  });

  it('never raises a claim on the scale unsupported < single-source < corroborated by removing a supporting piece', () => {
    fc.assert(
      fc.property(world, fc.nat(), (w, pick) => {
        const supporting = w.evidence.filter((piece) => piece.stance === 'supports');
        fc.pre(supporting.length > 0);
        const removed = supporting[pick % supporting.length]!;
        const before = outcome(w);
        const after = outcome({ ...w, evidence: w.evidence.filter((piece) => piece !== removed) });
        expect(after.independentSupport).toBeLessThanOrEqual(before.independentSupport);
        expect(after.independentSupport).toBeGreaterThanOrEqual(before.independentSupport - 1);
        if (before.status !== 'contested') {
          expect(after.status).not.toBe('contested');
          expect(SUPPORT[after.status]).toBeLessThanOrEqual(SUPPORT[before.status]);
        }
      }),
    );
  });

  it('keeps an unsupported claim unsupported whatever context or contradiction is added', () => {
    fc.assert(
      fc.property(
        world,
        annotation,
        fc.constantFrom('context', 'contradicts') as fc.Arbitrary<'context' | 'contradicts'>,
        (w, id, stance) => {
          const unsupported = { ...w, evidence: w.evidence.filter((piece) => piece.stance !== 'supports') };
          const added = {
            ...unsupported,
            evidence: [...unsupported.evidence.filter((p) => p.annotationId !== id), { annotationId: id, stance }],
          };
          expect(outcome(unsupported).status).toBe('unsupported');
          expect(outcome(added)).toEqual({ status: 'unsupported', independentSupport: 0 });
        },
      ),
    );
  });

  it('has independent support between 1 and the number of supporting pieces when there is any support', () => {
    fc.assert(
      fc.property(world, (w) => {
        const supporting = w.evidence.filter((piece) => piece.stance === 'supports').length;
        const { independentSupport, status } = outcome(w);
        expect(independentSupport).toBeLessThanOrEqual(supporting);
        expect(independentSupport >= 1).toBe(supporting >= 1);
        if (status === 'corroborated') expect(independentSupport).toBeGreaterThanOrEqual(2);
        if (status === 'single-source') expect(independentSupport).toBe(1);
      }),
    );
  });
});
