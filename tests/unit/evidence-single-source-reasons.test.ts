import { describe, expect, it } from 'vitest';
import { ADMIRALTY_SCHEME, type ClaimEvidence, type GradeLevel } from '../../src/shared/evidence';
import { OriginIndex, schemeCode, singleSourceReasons } from '../../src/shared/evidence-rules';

// Why a single-source claim's supporting pieces count once, and codes typed in any case.

function reasons(supporting: string[], sources: Record<string, string[]>, repeats: string[] = [], others = {}) {
  const index = new OriginIndex(
    repeats.map((link) => {
      const [fromId, toId] = link.split('>') as [string, string];
      return { fromId, toId };
    }),
    (id) => sources[id] ?? [`document-of-${id}`],
  );
  const evidence: ClaimEvidence[] = [
    ...supporting.map((annotationId) => ({ annotationId, stance: 'supports' as const })),
    ...Object.keys(others).map((annotationId) => ({ annotationId, stance: 'contradicts' as const })),
  ];
  return singleSourceReasons(evidence, index);
}

describe('the reason a claim is single-source', () => {
  it('says that one piece repeats the other, along a chain through annotations that are not evidence', () => {
    const sources = { a: ['Reuters'], x: ['blog'], b: ['AFP'] };
    expect(reasons(['a', 'b'], sources, ['b>x', 'x>a'])).toEqual([{ kind: 'repeats', from: 'b', to: 'a' }]);
    expect(reasons(['a', 'b'], sources, ['a>x', 'x>b'])).toEqual([{ kind: 'repeats', from: 'a', to: 'b' }]);
  });

  it('says that both pieces come from one source, their own or one a repeated passage names', () => {
    expect(reasons(['a', 'b'], { a: ['Reuters', "Libya's Channel"], b: ["Libya's Channel"] })).toEqual([
      { kind: 'source', pieces: ['b', 'a'], source: "Libya's Channel" },
    ]);
    const viaRepeat = reasons(['a', 'b'], { a: ['AFP'], b: ['blog'], c: ['AFP'] }, ['b>c']);
    expect(viaRepeat).toEqual([{ kind: 'source', pieces: ['b', 'a'], source: 'AFP' }]);
  });

  it('says that both pieces repeat a common third passage (circular reporting)', () => {
    const sources = { a: ['Reuters'], b: ['AFP'], c: ['wire'] };
    expect(reasons(['a', 'b'], sources, ['a>c', 'b>c'])).toEqual([{ kind: 'common', pieces: ['b', 'a'], via: 'c' }]);
  });

  it('gives one reason per piece beyond the first, and none when a piece is independent or alone', () => {
    const sources = { a: ['Reuters'], b: ['Reuters'], c: ['Reuters'] };
    expect(reasons(['c', 'a', 'b'], sources)).toHaveLength(2);
    expect(reasons(['a'], sources)).toEqual([]);
    expect(reasons(['a', 'b'], { a: ['Reuters'], b: ['AFP'] })).toEqual([]);
  });

  it('leaves contradicting evidence out of the reasons', () => {
    expect(reasons(['a'], { a: ['Reuters'], z: ['Reuters'] }, [], { z: true })).toEqual([]);
  });
});

describe('codes typed in another case', () => {
  it('are read in the scheme’s spelling', () => {
    expect(schemeCode('b', ADMIRALTY_SCHEME.reliability)).toBe('B');
    expect(schemeCode('B', ADMIRALTY_SCHEME.reliability)).toBe('B');
    expect(schemeCode('z', ADMIRALTY_SCHEME.reliability)).toBeUndefined();
  });

  it('are taken only as typed when the scale has codes that differ only by case', () => {
    const levels: GradeLevel[] = ['a', 'A', 'u'].map((code) => ({ code, label: code, description: '' }));
    expect(schemeCode('A', levels)).toBe('A');
    expect(schemeCode('a', levels)).toBe('a');
    expect(schemeCode('U', levels)).toBe('u');
  });
});
