import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MarginaliaCore } from '../../src/core/core';
import { runCliCaptured } from '../support/cli-run';
import type { EvidenceLibrary, TwoAnalysts } from '../support/evidence-library';
import { callError, callOk, openTwoAnalysts } from '../support/evidence-library';

// Evidence that came from someone else's signed bundle stays theirs: the receiver cannot
// change or delete it (a later bundle of theirs would carry the edit under the other's name),
// but can rate their analysis and add claims, sources and links of their own beside it.

let temp: TwoAnalysts['temp'];
let ana: MarginaliaCore;
let rui: MarginaliaCore;
let library: EvidenceLibrary;
let close: () => void;
let open: TwoAnalysts['open'];

beforeEach(() => {
  ({ temp, ana, rui, library, open, close } = openTwoAnalysts());
});

afterEach(() => close());

/** Ana's source, grade, link, claim and analysis, imported into Rui's library from her signed bundle. */
async function anasEvidenceAtRui() {
  const radio = await callOk(ana, 'saveSource', { name: 'Harbour Radio', kind: 'outlet', reliability: 'B' });
  const original = library.highlight(library.firstDoc, 'fishing boats left Zuwara at dawn');
  const copy = library.highlight(library.secondDoc, 'fishing boats left Zuwara at dawn');
  await callOk(ana, 'gradeAnnotation', { annotationId: original, sourceIds: [radio.id], credibility: '2' });
  const link = await callOk(ana, 'linkAnnotations', { fromId: copy, toId: original, kind: 'repeats' });
  const claim = await callOk(ana, 'saveClaim', {
    statement: 'The boats left at dawn',
    evidence: [{ annotationId: original, stance: 'supports' }],
  });
  const { id: analysisId } = await callOk(ana, 'saveAnalysis', { question: 'Why did the boats not come back?' });
  await callOk(ana, 'saveHypothesis', { analysisId, label: 'Storm' });
  const view = await callOk(ana, 'saveAchRow', { analysisId, evidence: { kind: 'claim', id: claim.id } });
  const bytes = Buffer.from(
    ana.exportBundle({ documentIds: [library.firstDoc, library.secondDoc], reviewOnly: false }).bytes,
  );
  await rui.importBundle(bytes, { allowUnsigned: false, apply: true });
  return { radio, original, copy, link, claim, analysisId, view };
}

const refusal = (noun: string) => new RegExp(`^This ${noun} is Ana Analyst's: only they can change or delete it\\. .+`);

describe('evidence from someone else', () => {
  it("refuses to change or delete another analyst's claim, source, grade, link or analysis, saying whose it is", async () => {
    const made = await anasEvidenceAtRui();
    const attempts = [
      ['claim', () => callError(rui, 'saveClaim', { id: made.claim.id, statement: 'Boats left at noon' })],
      [
        'claim',
        () =>
          callError(rui, 'setClaimEvidence', { claimId: made.claim.id, annotationId: made.copy, stance: 'supports' }),
      ],
      ['claim', () => callError(rui, 'deleteClaim', { id: made.claim.id })],
      ['source', () => callError(rui, 'saveSource', { id: made.radio.id, name: 'Harbour Radio', reliability: 'E' })],
      ['source', () => callError(rui, 'deleteSource', { id: made.radio.id })],
      ['grade', () => callError(rui, 'gradeAnnotation', { annotationId: made.original, credibility: '5' })],
      ['link', () => callError(rui, 'unlinkAnnotations', { id: made.link.id })],
      ['analysis', () => callError(rui, 'saveAnalysis', { id: made.analysisId, question: 'Where are the boats?' })],
      ['analysis', () => callError(rui, 'saveHypothesis', { analysisId: made.analysisId, label: 'Sank' })],
      ['analysis', () => callError(rui, 'removeAchRow', { analysisId: made.analysisId, id: made.view.rows[0]!.id })],
      ['analysis', () => callError(rui, 'deleteAnalysis', { id: made.analysisId })],
    ] as const;
    for (const [noun, attempt] of attempts) {
      const error = await attempt();
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.message).toMatch(refusal(noun));
    }
    // Nothing was half-applied: Rui's library still holds Ana's items as she made them.
    expect((await callOk(rui, 'getClaim', { id: made.claim.id })).statement).toBe('The boats left at dawn');
    expect((await callOk(rui, 'listSources', {}))[0]).toMatchObject({ name: 'Harbour Radio', reliability: 'B' });
    expect((await callOk(rui, 'getAnalysis', { id: made.analysisId })).hypotheses).toHaveLength(1);
  });

  it('lets the receiver rate the analysis and add claims, sources and links of their own beside it', async () => {
    const made = await anasEvidenceAtRui();
    const rated = await callOk(rui, 'rateAchCell', {
      analysisId: made.analysisId,
      rowId: made.view.rows[0]!.id,
      hypothesisId: made.view.hypotheses[0]!.id,
      rating: 'I',
    });
    expect(rated.cells.filter((cell) => cell.authorId === rui.profile.read().authorId)).toHaveLength(1);
    const own = await callOk(rui, 'saveClaim', {
      statement: 'The boats left at noon',
      evidence: [{ annotationId: made.original, stance: 'contradicts' }],
    });
    expect((await callOk(rui, 'saveClaim', { id: own.id, statement: 'The boats left before noon' })).statement).toBe(
      'The boats left before noon',
    );
    await callOk(rui, 'saveSource', { name: 'Port log', kind: 'document', reliability: 'A' });
    await callOk(rui, 'linkAnnotations', { fromId: made.copy, toId: made.original, kind: 'cites' });
  });

  it('gives the same refusal on the command line, exiting 1', async () => {
    const made = await anasEvidenceAtRui();
    rui.close();
    const result = await runCliCaptured([
      '--data-dir',
      join(temp.path, 'rui'),
      'sources',
      'set',
      made.radio.id,
      '--reliability',
      'E',
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /This source is Ana Analyst's: only they can change or delete it\. Add a source of your own/,
    );
    rui = open('rui', 'Rui Reviewer');
  });

  it("refuses claims remove on another analyst's claim, exiting 1, and keeps it and its ACH row", async () => {
    const made = await anasEvidenceAtRui();
    rui.close();
    const result = await runCliCaptured(['--data-dir', join(temp.path, 'rui'), 'claims', 'remove', made.claim.id]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/This claim is Ana Analyst's: only they can change or delete it\./);
    rui = open('rui', 'Rui Reviewer');
    expect((await callOk(rui, 'getClaim', { id: made.claim.id })).statement).toBe('The boats left at dawn');
    expect((await callOk(rui, 'getAnalysis', { id: made.analysisId })).rows).toHaveLength(1);
  });
});
