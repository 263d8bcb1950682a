import { describe, expect, it } from 'vitest';
import { ADMIRALTY_SCHEME, type Stance } from '../../src/shared/evidence';
import { claimStatuses, type ClaimOutcome } from '../../src/shared/evidence-rules';

interface Case {
  /** annotation id → its stance on the claim. */
  evidence: Record<string, Stance>;
  /** annotation id → its sources (own, or its document's). */
  sources?: Record<string, string[]>;
  credibility?: Record<string, string>;
  /** "a>b": a repeats b. */
  repeats?: string[];
}

function outcome({ evidence, sources = {}, credibility = {}, repeats = [] }: Case): ClaimOutcome {
  const result = claimStatuses({
    claims: [
      { id: 'claim', evidence: Object.entries(evidence).map(([annotationId, stance]) => ({ annotationId, stance })) },
    ],
    sourcesOf: (id) => sources[id] ?? [`document-of-${id}`],
    credibilityOf: (id) => credibility[id] ?? '',
    repeats: repeats.map((link) => {
      const [fromId, toId] = link.split('>') as [string, string];
      return { fromId, toId };
    }),
    scheme: ADMIRALTY_SCHEME,
  });
  return result.get('claim')!;
}

describe('a claim is corroborated only by independent supporting evidence', () => {
  it('is corroborated by two supporting pieces from different sources', () => {
    expect(outcome({ evidence: { a: 'supports', b: 'supports' }, sources: { a: ['Reuters'], b: ['AFP'] } })).toEqual({
      status: 'corroborated',
      independentSupport: 2,
    });
  });

  it('is single-source when both pieces name the same source', () => {
    const sources = { a: ['Reuters', 'residents'], b: ['residents'] };
    expect(outcome({ evidence: { a: 'supports', b: 'supports' }, sources })).toEqual({
      status: 'single-source',
      independentSupport: 1,
    });
  });

  it('is single-source when one piece repeats the other, whichever way the link points', () => {
    const sources = { a: ['Reuters'], b: ['AFP'] };
    expect(outcome({ evidence: { a: 'supports', b: 'supports' }, sources, repeats: ['a>b'] }).status).toBe(
      'single-source',
    );
    expect(outcome({ evidence: { a: 'supports', b: 'supports' }, sources, repeats: ['b>a'] }).status).toBe(
      'single-source',
    );
  });

  it('follows a chain of repeats through annotations that are not evidence of the claim', () => {
    const sources = { a: ['Reuters'], x: ['blog'], y: ['wire'], b: ['AFP'] };
    const chained = outcome({ evidence: { a: 'supports', b: 'supports' }, sources, repeats: ['a>x', 'x>y', 'y>b'] });
    expect(chained).toEqual({ status: 'single-source', independentSupport: 1 });
    const broken = outcome({ evidence: { a: 'supports', b: 'supports' }, sources, repeats: ['a>x', 'y>b'] });
    expect(broken).toEqual({ status: 'corroborated', independentSupport: 2 });
  });

  it('treats two pieces repeating a common third as one report heard twice (circular reporting)', () => {
    // a → c ← b: neither repeats the other, but both come from c, which is not evidence of the claim.
    const sources = { a: ['Reuters'], b: ['AFP'], c: ['local radio'] };
    expect(outcome({ evidence: { a: 'supports', b: 'supports' }, sources, repeats: ['a>c', 'b>c'] })).toEqual({
      status: 'single-source',
      independentSupport: 1,
    });
  });

  it('treats a piece repeating a third as dependent on another piece from that third’s source', () => {
    // a repeats c, whose source is the residents; b quotes the residents directly.
    const sources = { a: ['Reuters'], b: ['residents'], c: ['residents'] };
    expect(outcome({ evidence: { a: 'supports', b: 'supports' }, sources, repeats: ['a>c'] }).status).toBe(
      'single-source',
    );
  });

  it('ends a cycle of repeats and counts the cycle as one origin', () => {
    const sources = { a: ['Reuters'], b: ['AFP'], c: ['BBC'], d: ['Al Jazeera'] };
    const evidence: Record<string, Stance> = { a: 'supports', b: 'supports', c: 'supports', d: 'supports' };
    const cycle = outcome({ evidence, sources, repeats: ['a>b', 'b>c', 'c>a', 'a>a'] });
    expect(cycle).toEqual({ status: 'corroborated', independentSupport: 2 });
    expect(outcome({ evidence: { a: 'supports', b: 'supports' }, sources, repeats: ['a>b', 'b>a'] }).status).toBe(
      'single-source',
    );
  });

  it('counts the largest set of mutually independent pieces, not groups of entangled ones', () => {
    // a and b share Reuters, b and c share AFP, but a and c have nothing in common.
    const sources = { a: ['Reuters'], b: ['Reuters', 'AFP'], c: ['AFP'] };
    expect(outcome({ evidence: { a: 'supports', b: 'supports', c: 'supports' }, sources })).toEqual({
      status: 'corroborated',
      independentSupport: 2,
    });
  });

  it('counts a long chain of pairwise-entangled pieces exactly, beyond the exact search', () => {
    // 40 pieces in a path (each shares a source with the next): every other one is independent.
    const evidence: Record<string, Stance> = {};
    const sources: Record<string, string[]> = {};
    for (let index = 0; index < 40; index += 1) {
      evidence[`p${index}`] = 'supports';
      sources[`p${index}`] = [`s${index}`, `s${index + 1}`];
    }
    expect(outcome({ evidence, sources }).independentSupport).toBe(20);
  });

  it('takes two passages of one unsourced document as one source when the store names the document', () => {
    const sources = { a: ['document:report-1'], b: ['document:report-1'] };
    expect(outcome({ evidence: { a: 'supports', b: 'supports' }, sources }).status).toBe('single-source');
  });
});

describe('contested, single-source and unsupported claims', () => {
  it('is contested by credible evidence both ways, even when the support is corroborated', () => {
    const evidence: Record<string, Stance> = { a: 'supports', b: 'supports', c: 'contradicts' };
    expect(outcome({ evidence, credibility: { a: '2', b: '4', c: '1' } })).toEqual({
      status: 'contested',
      independentSupport: 2,
    });
  });

  it('counts ungraded evidence and "truth cannot be judged" as credible', () => {
    expect(outcome({ evidence: { a: 'supports', c: 'contradicts' } }).status).toBe('contested');
    expect(outcome({ evidence: { a: 'supports', c: 'contradicts' }, credibility: { a: '6', c: '6' } }).status).toBe(
      'contested',
    );
  });

  it('is not contested by a contradiction graded at the middle or worse', () => {
    const evidence: Record<string, Stance> = { a: 'supports', b: 'supports', c: 'contradicts', d: 'contradicts' };
    expect(outcome({ evidence, credibility: { c: '3', d: '5' } }).status).toBe('corroborated');
  });

  it('is not contested when only doubtful evidence supports it', () => {
    expect(outcome({ evidence: { a: 'supports', c: 'contradicts' }, credibility: { a: '4', c: '1' } })).toEqual({
      status: 'single-source',
      independentSupport: 1,
    });
  });

  it('is single-source with one supporting piece, whatever the context', () => {
    expect(outcome({ evidence: { a: 'supports', b: 'context' } })).toEqual({
      status: 'single-source',
      independentSupport: 1,
    });
  });

  it('is unsupported with no supporting evidence, however much else it has', () => {
    expect(outcome({ evidence: {} })).toEqual({ status: 'unsupported', independentSupport: 0 });
    expect(outcome({ evidence: { b: 'context', c: 'contradicts' } })).toEqual({
      status: 'unsupported',
      independentSupport: 0,
    });
  });
});

describe('every claim of the library at once', () => {
  it('gives each claim its own outcome, sharing the repeats links between them', () => {
    const result = claimStatuses({
      claims: [
        {
          id: 'beheadings',
          evidence: [
            { annotationId: 'a', stance: 'supports' },
            { annotationId: 'b', stance: 'supports' },
          ],
        },
        {
          id: 'curfew',
          evidence: [
            { annotationId: 'b', stance: 'supports' },
            { annotationId: 'c', stance: 'supports' },
          ],
        },
        { id: 'empty', evidence: [] },
      ],
      sourcesOf: (id) => [`source-${id}`],
      credibilityOf: () => '',
      repeats: [{ fromId: 'c', toId: 'b' }],
      scheme: ADMIRALTY_SCHEME,
    });
    expect(Object.fromEntries(result)).toEqual({
      beheadings: { status: 'corroborated', independentSupport: 2 },
      curfew: { status: 'single-source', independentSupport: 1 },
      empty: { status: 'unsupported', independentSupport: 0 },
    });
  });
});
