import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MarginaliaCore } from '../../src/core/core';
import type { EvidenceEntry } from '../../src/shared/bundle-evidence';
import { evidencePlanLines } from '../../src/shared/bundles';
import type { EvidenceLibrary, TwoAnalysts } from '../support/evidence-library';
import { callOk, openTwoAnalysts } from '../support/evidence-library';

// Issue 17: deleted evidence stays deleted when an old copy comes back, in a bundle from its
// author or in the workspace's evidence.jsonld, until its author edits it later.

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

const share = (core: MarginaliaCore) =>
  Buffer.from(core.exportBundle({ documentIds: [library.firstDoc, library.secondDoc] }).bytes);
const importInto = (core: MarginaliaCore, bytes: Buffer, allowUnsigned = false) =>
  core.importBundle(bytes, { allowUnsigned, apply: true });

/** Every kind of evidence a deletion can take: sources, default sources, claims and pieces, analyses and their parts. */
async function anasEvidence() {
  const radio = await callOk(ana, 'saveSource', { name: 'Harbour Radio', kind: 'outlet', reliability: 'B' });
  const wire = await callOk(ana, 'saveSource', { name: 'Coast Wire', kind: 'outlet' });
  await callOk(ana, 'setDocumentSources', { documentId: library.firstDoc, sourceIds: [radio.id] });
  await callOk(ana, 'setDocumentSources', { documentId: library.secondDoc, sourceIds: [wire.id] });
  const original = library.highlight(library.firstDoc, 'fishing boats left Zuwara at dawn');
  const copy = library.highlight(library.secondDoc, 'fishing boats left Zuwara at dawn');
  const storm = library.highlight(library.secondDoc, 'the storm closed the harbour by noon');
  const both = [
    { annotationId: original, stance: 'supports' as const },
    { annotationId: copy, stance: 'supports' as const },
  ];
  const dawn = await callOk(ana, 'saveClaim', { statement: 'The boats left at dawn', evidence: both });
  const eleven = await callOk(ana, 'saveClaim', { statement: 'Eleven boats were lost', evidence: both });
  const { id: analysisId } = await callOk(ana, 'saveAnalysis', { question: 'Why did the boats not come back?' });
  const { id: otherAnalysis } = await callOk(ana, 'saveAnalysis', { question: 'Who reported it first?' });
  // A row on a shared passage, so the analysis travels with the documents.
  await callOk(ana, 'saveAchRow', { analysisId: otherAnalysis, evidence: { kind: 'annotation', id: copy } });
  await callOk(ana, 'saveHypothesis', { analysisId, label: 'Storm' });
  await callOk(ana, 'saveHypothesis', { analysisId, label: 'Seized at sea' });
  await callOk(ana, 'saveAchRow', { analysisId, evidence: { kind: 'annotation', id: storm } });
  const view = await callOk(ana, 'saveAchRow', { analysisId, evidence: { kind: 'annotation', id: original } });
  const [stormH, seizedH] = view.hypotheses.map((hypothesis) => hypothesis.id) as [string, string];
  const [stormRow, originalRow] = view.rows.map((row) => row.id) as [string, string];
  for (const rowId of [stormRow, originalRow])
    for (const hypothesisId of [stormH, seizedH])
      await callOk(ana, 'rateAchCell', { analysisId, rowId, hypothesisId, rating: 'C' });
  return {
    radio,
    wire,
    original,
    copy,
    dawn,
    eleven,
    analysisId,
    otherAnalysis,
    stormH,
    seizedH,
    stormRow,
    originalRow,
  };
}

type Made = Awaited<ReturnType<typeof anasEvidence>>;

/** Ana deletes one item of every kind. */
async function deleteOneOfEach(made: Made): Promise<void> {
  await callOk(ana, 'deleteSource', { id: made.wire.id, force: true });
  await callOk(ana, 'setDocumentSources', { documentId: library.firstDoc, sourceIds: [] });
  await callOk(ana, 'deleteClaim', { id: made.dawn.id });
  await callOk(ana, 'setClaimEvidence', { claimId: made.eleven.id, annotationId: made.copy, stance: null });
  await callOk(ana, 'deleteAnalysis', { id: made.otherAnalysis });
  await callOk(ana, 'removeHypothesis', { analysisId: made.analysisId, id: made.seizedH });
  await callOk(ana, 'removeAchRow', { analysisId: made.analysisId, id: made.originalRow });
  const cell = { analysisId: made.analysisId, rowId: made.stormRow, hypothesisId: made.stormH };
  await callOk(ana, 'rateAchCell', { ...cell, rating: null });
}

function evidenceState(core: MarginaliaCore) {
  const all = (sql: string) => core.db.prepare(sql).all();
  return {
    sources: all('SELECT id, name, author_id FROM evidence_sources ORDER BY id'),
    documentSources: all('SELECT document_id, source_id FROM document_sources ORDER BY 1, 2'),
    claims: all('SELECT id, statement, author_id FROM claims ORDER BY 1'),
    claimEvidence: all('SELECT claim_id, annotation_id, stance FROM claim_evidence ORDER BY 1, 2'),
    analyses: all('SELECT id, question FROM ach_analyses ORDER BY 1'),
    hypotheses: all('SELECT id, label FROM ach_hypotheses ORDER BY 1'),
    rows: all('SELECT id, evidence_id, relevance FROM ach_rows ORDER BY 1'),
    cells: all('SELECT row_id, hypothesis_id, author_id, rating FROM ach_cells ORDER BY 1, 2, 3'),
  };
}

describe('deleted evidence in note bundles', () => {
  it('carries a deletion of every kind of evidence item, and an old bundle from the same author brings none of them back', async () => {
    const made = await anasEvidence();
    const old = share(ana);
    await importInto(rui, old);
    await deleteOneOfEach(made);
    const plan = await importInto(rui, share(ana));
    expect(plan.refused).toBe(0);
    expect(plan.evidence).toMatchObject({
      sources: { deleted: 1 },
      documentSources: { deleted: 1 },
      // The claim that lost a piece arrives as its newer version (without the piece).
      claims: { deleted: 1, updated: 1 },
      analyses: { deleted: 1 },
      hypotheses: { deleted: 1 },
      rows: { deleted: 1 },
      cells: { deleted: 1 },
    });
    expect(evidencePlanLines(plan)).toContain('Matrix rows: 0 new, 0 updated, 1 unchanged, 1 deleted');
    const afterDeletion = evidenceState(rui);
    expect(afterDeletion).toEqual(evidenceState(ana));
    expect(afterDeletion.claims.map((claim) => (claim as { statement: string }).statement)).toEqual([
      'Eleven boats were lost',
    ]);

    const again = await importInto(rui, old);
    expect(again.refused).toBe(0);
    expect(evidenceState(rui)).toEqual(afterDeletion);
    // Idempotent: the newer bundle once more changes nothing either.
    await importInto(rui, share(ana));
    expect(evidenceState(rui)).toEqual(afterDeletion);
  });

  it('keeps a claim its author deleted away when an old bundle from the author that still has it arrives later', async () => {
    const made = await anasEvidence();
    const old = share(ana);
    await importInto(rui, old);
    await callOk(ana, 'deleteClaim', { id: made.dawn.id });
    await importInto(rui, share(ana));
    expect(evidenceState(rui).claims.map((claim) => (claim as { id: string }).id)).not.toContain(made.dawn.id);
    const plan = await importInto(rui, old);
    expect(plan.evidence.claims.added + plan.evidence.claims.updated).toBe(0);
    expect(evidenceState(rui).claims.map((claim) => (claim as { id: string }).id)).not.toContain(made.dawn.id);
  });

  it("refuses another signer's deletion of an author's items, and an unsigned bundle deletes nothing", async () => {
    const made = await anasEvidence();
    await importInto(rui, share(ana));
    // Rui cannot delete Ana's claim in his library, so his bundle carries no deletion of it.
    expect(await rui.call('deleteClaim', { id: made.dawn.id })).toMatchObject({ ok: false });
    const fromRui = await importInto(ana, share(rui));
    expect(fromRui.evidence.claims.deleted).toBe(0);
    expect((await callOk(ana, 'getClaim', { id: made.dawn.id })).statement).toBe('The boats left at dawn');

    // Ana's deletions, with the signature taken off: nothing of them is applied.
    const before = evidenceState(rui);
    const fresh = open('fresh', 'Fresh Reader');
    try {
      await importInto(fresh, share(ana));
      await deleteOneOfEach(made);
      const files = unzipSync(share(ana));
      delete files['signature.json'];
      const plan = await importInto(fresh, Buffer.from(zipSync(files)), true);
      for (const counts of Object.values(plan.evidence)) expect(counts.deleted).toBe(0);
      expect(evidenceState(fresh).claims).toHaveLength(2);
    } finally {
      fresh.close();
    }
    expect(evidenceState(rui)).toEqual(before);
  });

  it('imports a bundle whose evidence has no tombstones (made before they existed)', async () => {
    await anasEvidence();
    const files = unzipSync(share(ana));
    const evidence = JSON.parse(strFromU8(files['evidence.json']!)) as Record<string, unknown>;
    delete evidence['deleted'];
    files['evidence.json'] = strToU8(JSON.stringify(evidence));
    delete files['signature.json'];
    const plan = await importInto(rui, Buffer.from(zipSync(files)), true);
    expect(plan.evidence.claims.added).toBe(2);
  });
});

describe('deleted evidence in the workspace file', () => {
  const workspace = () => join(temp.path, 'workspace');
  const evidencePath = () => join(workspace(), 'evidence.jsonld');
  const sync = async () => (await ana.startSync(workspace(), { watch: false })).stop();

  it('keeps a cleared cell, a deleted claim and a deleted source away when an old copy of the file comes back, until a later edit', async () => {
    const made = await anasEvidence();
    await sync();
    const oldCopy = readFileSync(evidencePath(), 'utf8');
    const cell = { analysisId: made.analysisId, rowId: made.stormRow, hypothesisId: made.stormH };
    await callOk(ana, 'rateAchCell', { ...cell, rating: null });
    await callOk(ana, 'deleteClaim', { id: made.eleven.id });
    await callOk(ana, 'deleteSource', { id: made.wire.id, force: true });
    await sync();
    const written = JSON.parse(readFileSync(evidencePath(), 'utf8')) as EvidenceEntry;
    expect(written.deleted.map((item) => item.kind).sort()).toEqual(['cells', 'claims', 'sources']);
    const afterDeletion = evidenceState(ana);

    writeFileSync(evidencePath(), oldCopy);
    await sync();
    expect(evidenceState(ana)).toEqual(afterDeletion);
    // The file is written back as the library has it: the old rating is gone from it too.
    const rewritten = JSON.parse(readFileSync(evidencePath(), 'utf8')) as EvidenceEntry;
    expect(rewritten.claims.map((claim) => claim.id)).not.toContain(made.eleven.id);

    // The analyst rates the cell again on another computer, later than the deletion: it comes back.
    const later = JSON.parse(oldCopy) as EvidenceEntry;
    const analysis = later.analyses.find((one) => one.id === made.analysisId)!;
    analysis.cells = analysis.cells.map((one) =>
      one.rowId === made.stormRow && one.hypothesisId === made.stormH
        ? { ...one, rating: 'II', updatedAt: new Date(Date.now() + 60_000).toISOString() }
        : one,
    );
    writeFileSync(evidencePath(), JSON.stringify(later));
    await sync();
    const view = await callOk(ana, 'getAnalysis', { id: made.analysisId });
    expect(view.cells.filter((one) => one.rowId === made.stormRow && one.hypothesisId === made.stormH)).toMatchObject([
      { rating: 'II' },
    ]);
    expect(evidenceState(ana).claims.map((claim) => (claim as { id: string }).id)).not.toContain(made.eleven.id);
  });
});
