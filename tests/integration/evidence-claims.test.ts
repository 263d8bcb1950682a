import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MarginaliaCore } from '../../src/core/core';
import type { EvidenceLibrary } from '../support/evidence-library';
import { callError, callOk, makeEvidenceLibrary } from '../support/evidence-library';
import { makeTempDir } from '../support/temp';

// The claims register through the contract, on a real library: statuses come from the
// evidence's sources, grades and repeats links, never typed.

let temp: ReturnType<typeof makeTempDir>;
let core: MarginaliaCore;
let library: EvidenceLibrary;

beforeEach(() => {
  temp = makeTempDir();
  core = new MarginaliaCore({ dataDir: temp.path, host: 'cli', version: 'test' });
  library = makeEvidenceLibrary(core);
});

afterEach(() => {
  core.close();
  temp.remove();
});

/** Two documents from two outlets, each saying the boats left at dawn. */
async function twoReports() {
  const radio = await callOk(core, 'saveSource', { name: 'Harbour Radio', kind: 'outlet', reliability: 'B' });
  const courier = await callOk(core, 'saveSource', { name: 'Coast Courier', kind: 'outlet', reliability: 'C' });
  await callOk(core, 'setDocumentSources', { documentId: library.firstDoc, sourceIds: [radio.id] });
  await callOk(core, 'setDocumentSources', { documentId: library.secondDoc, sourceIds: [courier.id] });
  const original = library.highlight(library.firstDoc, 'fishing boats left Zuwara at dawn');
  const copy = library.highlight(library.secondDoc, 'fishing boats left Zuwara at dawn');
  return { radio, courier, original, copy };
}

describe('claims', () => {
  it('is corroborated by two documents, and single-source once one is marked as repeating the other', async () => {
    const { original, copy } = await twoReports();
    await callOk(core, 'gradeAnnotation', { annotationId: original, credibility: '2' });
    const claim = await callOk(core, 'saveClaim', {
      statement: 'Fishing boats left Zuwara at dawn',
      evidence: [
        { annotationId: original, stance: 'supports' },
        { annotationId: copy, stance: 'supports' },
      ],
    });
    expect(claim).toMatchObject({ status: 'corroborated', independentSupport: 2, bestGrade: 'B2' });
    expect(claim.counts).toEqual({ supports: 2, contradicts: 0, context: 0 });
    await callOk(core, 'linkAnnotations', { fromId: copy, toId: original, kind: 'repeats' });
    expect(await callOk(core, 'getClaim', { id: claim.id })).toMatchObject({
      status: 'single-source',
      independentSupport: 1,
    });
    expect((await callOk(core, 'listClaims', {})).map((summary) => [summary.statement, summary.status])).toEqual([
      ['Fishing boats left Zuwara at dawn', 'single-source'],
    ]);
  });

  it('counts two passages of one unsourced document as one source', async () => {
    const a = library.highlight(library.firstDoc, 'fishing boats');
    const b = library.highlight(library.firstDoc, 'eleven boats');
    const claim = await callOk(core, 'saveClaim', {
      statement: 'Boats were at sea',
      evidence: [
        { annotationId: a, stance: 'supports' },
        { annotationId: b, stance: 'supports' },
      ],
    });
    expect(claim.status).toBe('single-source');
  });

  it('shows each piece of evidence with its passage, sources and grade, and keeps the rest when one is deleted', async () => {
    const { radio, original, copy } = await twoReports();
    const against = library.highlight(library.secondDoc, 'storm closed the harbour');
    await callOk(core, 'gradeAnnotation', { annotationId: against, credibility: '5' });
    const claim = await callOk(core, 'saveClaim', {
      statement: 'Boats left',
      evidence: [{ annotationId: original, stance: 'supports' }],
    });
    await callOk(core, 'setClaimEvidence', { claimId: claim.id, annotationId: copy, stance: 'supports' });
    const detail = await callOk(core, 'setClaimEvidence', {
      claimId: claim.id,
      annotationId: against,
      stance: 'contradicts',
    });
    expect(detail.evidence[0]).toEqual({
      annotationId: original,
      stance: 'supports',
      passage: {
        annotationId: original,
        documentId: library.firstDoc,
        documentTitle: core.documents.summary(library.firstDoc).title,
        quote: 'fishing boats left Zuwara at dawn',
        page: '',
      },
      sources: [{ id: radio.id, name: 'Harbour Radio', reliability: 'B' }],
      credibility: '',
      grade: 'B',
    });
    expect(detail.evidence[2]).toMatchObject({ stance: 'contradicts', grade: 'C5' });
    expect(detail.counts).toEqual({ supports: 2, contradicts: 1, context: 0 });
    await callOk(core, 'deleteAnnotations', { ids: [copy] });
    const after = await callOk(core, 'getClaim', { id: claim.id });
    expect(after.evidence.map((piece) => piece.annotationId)).toEqual([original, against]);
    expect(after.status).toBe('single-source');
  });

  it('is contested by credible evidence both ways, and a stance of null removes a piece', async () => {
    const { original } = await twoReports();
    const against = library.highlight(library.secondDoc, 'storm closed the harbour');
    const claim = await callOk(core, 'saveClaim', {
      statement: 'The harbour stayed open',
      evidence: [
        { annotationId: original, stance: 'supports' },
        { annotationId: against, stance: 'contradicts' },
      ],
    });
    expect(claim.status).toBe('contested');
    const without = await callOk(core, 'setClaimEvidence', { claimId: claim.id, annotationId: against, stance: null });
    expect(without.status).toBe('single-source');
    expect(
      (await callError(core, 'setClaimEvidence', { claimId: claim.id, annotationId: against, stance: null })).code,
    ).toBe('NOT_FOUND');
  });

  it('rewords a claim, refuses unknown ids, and deletes it', async () => {
    const claim = await callOk(core, 'saveClaim', { statement: 'Boats  left' });
    expect(claim).toMatchObject({ statement: 'Boats left', status: 'unsupported', bestGrade: '' });
    const reworded = await callOk(core, 'saveClaim', { id: claim.id, statement: 'Eleven boats left' });
    expect(reworded).toMatchObject({ id: claim.id, statement: 'Eleven boats left', createdAt: claim.createdAt });
    expect(await callError(core, 'getClaim', { id: 'nope' })).toEqual({
      code: 'NOT_FOUND',
      message: 'No claim with id nope exists.',
    });
    expect(
      (await callError(core, 'saveClaim', { statement: 'x', evidence: [{ annotationId: 'gone', stance: 'supports' }] }))
        .message,
    ).toBe('No annotation with id gone exists.');
    expect(await callOk(core, 'listClaims', {})).toHaveLength(1);
    await callOk(core, 'deleteClaim', { id: claim.id });
    expect(await callOk(core, 'listClaims', {})).toEqual([]);
  });
});

describe('what a claim says about its evidence (the trial of issue 17)', () => {
  it('refuses one annotation given two stances in one claim, and lets an existing piece change stance', async () => {
    const { original } = await twoReports();
    expect(
      await callError(core, 'saveClaim', {
        statement: 'Boats left',
        evidence: [
          { annotationId: original, stance: 'supports' },
          { annotationId: original, stance: 'contradicts' },
        ],
      }),
    ).toEqual({
      code: 'INVALID_INPUT',
      message:
        '“fishing boats left Zuwara at dawn” is given as evidence that both supports and contradicts the claim; ' +
        'give each annotation one stance.',
    });
    expect(await callOk(core, 'listClaims', {})).toEqual([]);
    const claim = await callOk(core, 'saveClaim', {
      statement: 'Boats left',
      evidence: [{ annotationId: original, stance: 'supports' }],
    });
    const changed = await callOk(core, 'saveClaim', {
      id: claim.id,
      statement: 'Boats left',
      evidence: [{ annotationId: original, stance: 'contradicts' }],
    });
    expect(changed.evidence.map((piece) => piece.stance)).toEqual(['contradicts']);
  });

  it('takes the best grade from the supporting evidence only, and weighs it in ACH by their best credibility', async () => {
    const { radio, courier, original, copy } = await twoReports();
    await callOk(core, 'saveSource', { id: courier.id, name: 'Coast Courier', reliability: 'D' });
    await callOk(core, 'gradeAnnotation', { annotationId: copy, credibility: '3' });
    const against = library.highlight(library.firstDoc, 'eleven boats did not come back');
    await callOk(core, 'gradeAnnotation', { annotationId: against, sourceIds: [radio.id], credibility: '4' });
    const claim = await callOk(core, 'saveClaim', {
      statement: 'Boats left',
      evidence: [
        { annotationId: original, stance: 'supports' },
        { annotationId: copy, stance: 'supports' },
        { annotationId: against, stance: 'contradicts' },
      ],
    });
    // Supporters D3 and B (credibility not graded); the contradictor's B4 does not count.
    expect(claim).toMatchObject({ bestGrade: 'B', supportCredibility: '3' });
    expect((await callOk(core, 'listClaims', {}))[0]?.bestGrade).toBe('B');
    const analysis = await callOk(core, 'saveAnalysis', { question: 'Did they leave?' });
    const view = await callOk(core, 'saveAchRow', {
      analysisId: analysis.id,
      evidence: { kind: 'claim', id: claim.id },
    });
    expect(view.rows[0]?.credibility).toBe(claim.supportCredibility);
  });

  it('says why a claim is single-source: which piece repeats which, or the source they share', async () => {
    const { radio, original, copy } = await twoReports();
    const claim = await callOk(core, 'saveClaim', {
      statement: 'Boats left',
      evidence: [
        { annotationId: original, stance: 'supports' },
        { annotationId: copy, stance: 'supports' },
      ],
    });
    expect(claim.singleSourceReasons).toEqual([]);
    await callOk(core, 'linkAnnotations', { fromId: copy, toId: original, kind: 'repeats' });
    expect((await callOk(core, 'getClaim', { id: claim.id })).singleSourceReasons).toEqual([
      // The two quotes read the same: each says which report it is in.
      '“fishing boats left Zuwara at dawn” (in “The Coast Courier, citing Harbour…”) repeats ' +
        '“fishing boats left Zuwara at dawn” (in “Harbour Radio reported that fishing…”)',
    ]);
    await callOk(core, 'unlinkAnnotations', {
      id: (await callOk(core, 'listLinks', { documentId: library.secondDoc }))[0]!.id,
    });
    await callOk(core, 'setDocumentSources', { documentId: library.secondDoc, sourceIds: [radio.id] });
    expect(await callOk(core, 'getClaim', { id: claim.id })).toMatchObject({
      status: 'single-source',
      singleSourceReasons: [
        '“fishing boats left Zuwara at dawn” (in “Harbour Radio reported that fishing…”) and ' +
          '“fishing boats left Zuwara at dawn” (in “The Coast Courier, citing Harbour…”) are both from Harbour Radio',
      ],
    });
  });

  it('reads grade codes typed in another case in the scheme’s spelling, in sources, grades and search', async () => {
    const source = await callOk(core, 'saveSource', { name: 'Residents', reliability: 'b' });
    expect(source.reliability).toBe('B');
    const annotationId = library.highlight(library.firstDoc, 'eleven boats');
    await callOk(core, 'gradeAnnotation', { annotationId, sourceIds: [source.id], credibility: '2' });
    const found = await callOk(core, 'search', { query: 'reliability:<=b' });
    expect(found.problems).toEqual([]);
    expect(found.total).toBe(1);
    expect(JSON.stringify(found.groups)).toContain(annotationId);
  });
});
