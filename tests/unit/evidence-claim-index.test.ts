import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ADMIRALTY_SCHEME, STANCES, type ClaimEvidence, type GradingScheme } from '../../src/shared/evidence';
import { ClaimStatusIndex, claimStatuses, type ClaimGraph, type RepeatLink } from '../../src/shared/evidence-rules';

const ANNOTATIONS = ['a', 'b', 'c', 'd', 'e', 'f'];
const SOURCES = ['Reuters', 'AFP', 'residents'];
const CREDIBILITY = ['', '1', '2', '3', '4', '5', '6'];
const CLAIMS = ['claim-1', 'claim-2', 'claim-3'];

const annotation = fc.constantFrom(...ANNOTATIONS);
const link = fc.record({ fromId: annotation, toId: annotation });
const evidence = fc.uniqueArray(fc.record({ annotationId: annotation, stance: fc.constantFrom(...STANCES) }), {
  selector: (piece) => piece.annotationId,
});

type Change =
  | { kind: 'claim'; id: string; evidence: ClaimEvidence[] }
  | { kind: 'remove-claim'; id: string }
  | { kind: 'link'; link: RepeatLink }
  | { kind: 'unlink'; index: number }
  | { kind: 'sources'; id: string; sources: string[] }
  | { kind: 'credibility'; id: string; credibility: string }
  | { kind: 'scheme' };

const change: fc.Arbitrary<Change> = fc.oneof(
  fc.record({ kind: fc.constant('claim' as const), id: fc.constantFrom(...CLAIMS), evidence }),
  fc.record({ kind: fc.constant('remove-claim' as const), id: fc.constantFrom(...CLAIMS) }),
  fc.record({ kind: fc.constant('link' as const), link }),
  fc.record({ kind: fc.constant('unlink' as const), index: fc.nat() }),
  fc.record({ kind: fc.constant('sources' as const), id: annotation, sources: fc.subarray(SOURCES, { maxLength: 2 }) }),
  fc.record({
    kind: fc.constant('credibility' as const),
    id: annotation,
    credibility: fc.constantFrom(...CREDIBILITY),
  }),
  fc.record({ kind: fc.constant('scheme' as const) }),
);

/** A scheme without levels 1 and 2 (they then count as not graded): switching to it changes what is credible. */
const STRICT: GradingScheme = { ...ADMIRALTY_SCHEME, credibility: ADMIRALTY_SCHEME.credibility.slice(2) };

describe('claim statuses kept up to date change by change', () => {
  it('always agrees with computing every status afresh', () => {
    fc.assert(
      fc.property(fc.array(change, { maxLength: 25 }), (changes) => {
        const claims = new Map<string, ClaimEvidence[]>();
        const repeats: RepeatLink[] = [];
        const sources = new Map<string, string[]>();
        const credibility = new Map<string, string>();
        let scheme = ADMIRALTY_SCHEME;
        const graph = (): ClaimGraph => ({
          claims: [...claims].map(([id, pieces]) => ({ id, evidence: pieces })),
          sourcesOf: (id) => sources.get(id) ?? [],
          credibilityOf: (id) => credibility.get(id) ?? '',
          repeats: [...repeats],
          scheme,
        });
        const index = new ClaimStatusIndex(graph());
        const apply = (step: Change): void => {
          switch (step.kind) {
            case 'claim':
              claims.set(step.id, step.evidence);
              index.setClaim(step.id, step.evidence);
              break;
            case 'remove-claim':
              claims.delete(step.id);
              index.removeClaim(step.id);
              break;
            case 'link':
              repeats.push(step.link);
              index.addRepeat(step.link);
              break;
            case 'unlink':
              if (repeats.length > 0) index.removeRepeat(repeats.splice(step.index % repeats.length, 1)[0]!);
              break;
            case 'sources':
              sources.set(step.id, step.sources);
              index.annotationsChanged([step.id]);
              break;
            case 'credibility':
              credibility.set(step.id, step.credibility);
              index.annotationsChanged([step.id]);
              break;
            case 'scheme':
              scheme = scheme === STRICT ? ADMIRALTY_SCHEME : STRICT;
              index.setScheme(scheme);
          }
        };
        for (const step of changes) {
          apply(step);
          expect(new Map(index.outcomes)).toEqual(claimStatuses(graph()));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('computes again only the claims a change can reach', () => {
    const index = new ClaimStatusIndex({
      claims: [
        {
          id: 'near',
          evidence: [
            { annotationId: 'a', stance: 'supports' },
            { annotationId: 'b', stance: 'supports' },
          ],
        },
        { id: 'far', evidence: [{ annotationId: 'x', stance: 'supports' }] },
      ],
      sourcesOf: (id) => [`source-${id}`],
      credibilityOf: () => '',
      repeats: [{ fromId: 'b', toId: 'c' }],
      scheme: ADMIRALTY_SCHEME,
    });
    expect(index.outcomes.get('near')!.status).toBe('corroborated');
    // c is no claim's evidence, but b repeats it: a link from c to a ties b to a.
    expect(index.addRepeat({ fromId: 'c', toId: 'a' })).toEqual(['near']);
    expect(index.outcomes.get('near')).toEqual({ status: 'single-source', independentSupport: 1 });
    expect(index.annotationsChanged(['x'])).toEqual(['far']);
  });
});
