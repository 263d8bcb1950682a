import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MarginaliaCore } from '../../src/core/core';
import { achReport } from '../../src/cli/ach-matrix';
import { evidencePlanLines } from '../../src/shared/bundles';
import type { AchView } from '../../src/shared/evidence';
import type { EvidenceLibrary, TwoAnalysts } from '../support/evidence-library';
import { callOk, openTwoAnalysts } from '../support/evidence-library';

// Issue 17's evidence travelling in signed note bundles between real libraries.

let ana: MarginaliaCore;
let rui: MarginaliaCore;
let library: EvidenceLibrary;
let close: () => void;
let open: TwoAnalysts['open'];

beforeEach(() => {
  ({ ana, rui, library, open, close } = openTwoAnalysts());
});

afterEach(() => close());

const share = (core: MarginaliaCore, reviewOnly = false) =>
  Buffer.from(core.exportBundle({ documentIds: [library.firstDoc, library.secondDoc], reviewOnly }).bytes);

const importInto = (core: MarginaliaCore, bytes: Buffer, apply = true, allowUnsigned = false) =>
  core.importBundle(bytes, { allowUnsigned, apply });

/** Ana's evidence: a graded source, a repeats link, a claim from two documents and a 2 × 2 matrix she rated. */
async function anasEvidence() {
  const radio = await callOk(ana, 'saveSource', { name: 'Harbour Radio', kind: 'outlet', reliability: 'B' });
  await callOk(ana, 'setDocumentSources', { documentId: library.firstDoc, sourceIds: [radio.id] });
  const original = library.highlight(library.firstDoc, 'fishing boats left Zuwara at dawn');
  const copy = library.highlight(library.secondDoc, 'fishing boats left Zuwara at dawn');
  const storm = library.highlight(library.secondDoc, 'the storm closed the harbour by noon');
  await callOk(ana, 'gradeAnnotation', { annotationId: original, sourceIds: [radio.id], credibility: '2' });
  const link = await callOk(ana, 'linkAnnotations', { fromId: copy, toId: original, kind: 'repeats' });
  const claim = await callOk(ana, 'saveClaim', {
    statement: 'The boats left at dawn',
    evidence: [
      { annotationId: original, stance: 'supports' },
      { annotationId: copy, stance: 'supports' },
    ],
  });
  const { id: analysisId } = await callOk(ana, 'saveAnalysis', { question: 'Why did the boats not come back?' });
  await callOk(ana, 'saveHypothesis', { analysisId, label: 'Storm' });
  await callOk(ana, 'saveHypothesis', { analysisId, label: 'Seized at sea' });
  await callOk(ana, 'saveAchRow', { analysisId, evidence: { kind: 'annotation', id: storm }, relevance: 'high' });
  const view = await callOk(ana, 'saveAchRow', { analysisId, evidence: { kind: 'claim', id: claim.id } });
  const [stormH, seizedH] = view.hypotheses.map((hypothesis) => hypothesis.id) as [string, string];
  const stormRow = view.rows.find((row) => row.evidence.kind === 'annotation')!.id;
  const claimRow = view.rows.find((row) => row.evidence.kind === 'claim')!.id;
  for (const [rowId, hypothesisId, rating] of [
    [stormRow, stormH, 'CC'],
    [stormRow, seizedH, 'I'],
    [claimRow, stormH, 'N'],
    [claimRow, seizedH, 'N'],
  ] as const)
    await callOk(ana, 'rateAchCell', { analysisId, rowId, hypothesisId, rating });
  return { radio, original, copy, storm, link, claim, analysisId, stormH, seizedH, stormRow, claimRow };
}

/** What a library holds of the evidence, in a form two libraries can be compared by. */
function evidenceState(core: MarginaliaCore) {
  const all = (sql: string) => core.db.prepare(sql).all();
  return {
    sources: all('SELECT id, name, kind, reliability, author_id FROM evidence_sources ORDER BY id'),
    documentSources: all('SELECT document_id, source_id, position, author_id FROM document_sources ORDER BY 1, 2'),
    grades: all('SELECT annotation_id, credibility, author_id FROM annotation_grades ORDER BY 1'),
    gradeSources: all('SELECT annotation_id, source_id FROM annotation_grade_sources ORDER BY 1, 2'),
    links: all('SELECT id, kind, from_id, to_id, author_id FROM annotation_links ORDER BY 1'),
    claims: all('SELECT id, statement, author_id FROM claims ORDER BY 1'),
    claimEvidence: all('SELECT claim_id, annotation_id, stance FROM claim_evidence ORDER BY 1, 2'),
    analyses: all('SELECT id, question, author_id FROM ach_analyses ORDER BY 1'),
    hypotheses: all('SELECT id, analysis_id, label, author_id FROM ach_hypotheses ORDER BY 1'),
    rows: all('SELECT id, analysis_id, evidence_kind, evidence_id, relevance FROM ach_rows ORDER BY 1'),
    cells: all('SELECT row_id, hypothesis_id, author_id, author_name, rating, note FROM ach_cells ORDER BY 1, 2, 3'),
  };
}

describe('evidence in note bundles', () => {
  it('carries sources, grades, links, claims and an analysis to another library, which computes the same statuses and scores', async () => {
    const made = await anasEvidence();
    const preview = await importInto(rui, share(ana), false);
    expect(preview.evidence).toMatchObject({
      sources: { added: 1 },
      documentSources: { added: 1 },
      grades: { added: 1 },
      links: { added: 1 },
      claims: { added: 1 },
      analyses: { added: 1 },
      hypotheses: { added: 2 },
      rows: { added: 2 },
      cells: { added: 4 },
    });
    expect(evidencePlanLines(preview)).toContain('Matrix cells: 4 new, 0 updated, 0 unchanged');
    expect(evidenceState(rui).claims).toEqual([]);

    await importInto(rui, share(ana));
    expect(evidenceState(rui)).toEqual(evidenceState(ana));
    const received = await callOk(rui, 'getClaim', { id: made.claim.id });
    const here = await callOk(ana, 'getClaim', { id: made.claim.id });
    expect(received.status).toBe(here.status);
    expect(received.independentSupport).toBe(1);
    const [theirs, mine] = await Promise.all([
      callOk(rui, 'getAnalysis', { id: made.analysisId }),
      callOk(ana, 'getAnalysis', { id: made.analysisId }),
    ]);
    // Rui has rated nothing yet: his scores are his own (empty), Ana's cells sit in his library under her name.
    expect(theirs.cells).toEqual(mine.cells);
    expect(theirs.disagreements).toEqual([]);
  });

  it("opens a received analysis on its sender's ratings, read-only, until the reviewer rates it", async () => {
    const made = await anasEvidence();
    await importInto(rui, share(ana));
    const theirs: AchView = await callOk(rui, 'getAnalysis', { id: made.analysisId });
    const mine: AchView = await callOk(ana, 'getAnalysis', { id: made.analysisId });
    expect(theirs.analyst).toMatchObject({ name: 'Ana Analyst', ratings: 4, you: false });
    expect(theirs.analysts.map((analyst) => [analyst.name, analyst.ratings, analyst.you])).toEqual([
      ['Ana Analyst', 4, false],
      ['Rui Reviewer', 0, true],
    ]);
    expect(theirs.scores).toEqual(mine.scores);
    expect(theirs.scores.inconsistency[made.seizedH]).toBeGreaterThan(0);
    expect((await callOk(rui, 'listAnalyses', {}))[0]!.leading).toEqual(['Storm']);
    const report = achReport(theirs);
    expect(report).toContain('Ratings: Ana Analyst\n');
    expect(report).toMatch(/CC {2}I/);
    expect(report).toContain('Leading: Storm');

    const ruis: AchView = await callOk(rui, 'getAnalysis', {
      id: made.analysisId,
      analystId: theirs.analysts[1]!.authorId,
    });
    expect(ruis.analyst).toMatchObject({ name: 'Rui Reviewer', you: true, ratings: 0 });
    expect(Object.values(ruis.scores.inconsistency).every((score) => score === 0)).toBe(true);
    const rated = await callOk(rui, 'rateAchCell', {
      analysisId: made.analysisId,
      rowId: made.stormRow,
      hypothesisId: made.seizedH,
      rating: 'II',
    });
    expect(rated.analyst).toMatchObject({ name: 'Rui Reviewer', ratings: 1, you: true });
    expect((await callOk(rui, 'getAnalysis', { id: made.analysisId })).analyst.you).toBe(true);
    const cleared = await callOk(rui, 'rateAchCell', {
      analysisId: made.analysisId,
      rowId: made.stormRow,
      hypothesisId: made.seizedH,
      rating: null,
    });
    // Taking back one's last rating still answers with one's own (now empty) matrix.
    expect(cleared.analyst).toMatchObject({ you: true, ratings: 0 });
    const unknown = await rui.call('getAnalysis', { id: made.analysisId, analystId: 'nobody-rated-this' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it("sets two analysts' matrices for the same analysis side by side and shows where they disagree, cell by cell", async () => {
    const made = await anasEvidence();
    await importInto(rui, share(ana));
    const rate = (rowId: string, hypothesisId: string, rating: 'CC' | 'C' | 'N' | 'I' | 'II') =>
      callOk(rui, 'rateAchCell', { analysisId: made.analysisId, rowId, hypothesisId, rating });
    await rate(made.stormRow, made.stormH, 'CC');
    await rate(made.stormRow, made.seizedH, 'II');
    await rate(made.claimRow, made.stormH, 'N');
    await rate(made.claimRow, made.seizedH, 'C');

    const plan = await importInto(ana, share(rui, true));
    expect(plan.refused).toBe(0);
    expect(plan.evidence.cells).toEqual({ added: 4, updated: 0, unchanged: 0, keptLocal: 0, deleted: 0 });
    const view: AchView = await callOk(ana, 'getAnalysis', { id: made.analysisId });
    expect(view.cells).toHaveLength(8);
    expect(
      view.disagreements.map((disagreement) => [
        disagreement.rowId,
        disagreement.hypothesisId,
        disagreement.ratings.map((rating) => `${rating.authorName} ${rating.rating}`).sort(),
      ]),
    ).toEqual(
      expect.arrayContaining([
        [made.stormRow, made.seizedH, ['Ana Analyst I', 'Rui Reviewer II']],
        [made.claimRow, made.seizedH, ['Ana Analyst N', 'Rui Reviewer C']],
      ]),
    );
    expect(view.disagreements).toHaveLength(2);
    // Ana's scores are still her own ratings'.
    expect(view.scores.inconsistency[made.seizedH]).toBeGreaterThan(0);
    const again = await importInto(ana, share(rui, true));
    expect(again.evidence.cells).toEqual({ added: 0, updated: 0, unchanged: 4, keptLocal: 0, deleted: 0 });
  });

  it('imports the same evidence twice as once: the second import changes nothing and refuses nothing', async () => {
    await anasEvidence();
    await importInto(rui, share(ana));
    const before = evidenceState(rui);
    const again = await importInto(rui, share(ana));
    expect(again.refused).toBe(0);
    for (const counts of Object.values(again.evidence)) expect(counts).toMatchObject({ added: 0, updated: 0 });
    expect(evidenceState(rui)).toEqual(before);
    // And Ana, receiving her own evidence back from Rui (who only read it), sees it unchanged.
    const back = await importInto(ana, share(rui));
    expect(back.refused).toBe(0);
  });

  it('refuses a change to evidence claimed for another author than the signer, keeping what is here', async () => {
    const made = await anasEvidence();
    await importInto(rui, share(ana));
    // Rui's library holds Ana's claim and question edited (his app refuses that now: an older
    // one, or a hand-edited store, did not) and sends them back signed with his key.
    const later = '2026-12-31T00:00:00.000Z';
    rui.db
      .prepare('UPDATE claims SET statement = ?, updated_at = ? WHERE id = ?')
      .run('The boats never left', later, made.claim.id);
    rui.db
      .prepare('UPDATE ach_analyses SET question = ?, updated_at = ? WHERE id = ?')
      .run('Who took the boats?', later, made.analysisId);
    const plan = await importInto(ana, share(rui));
    expect(plan.refused).toBe(2);
    expect((await callOk(ana, 'getClaim', { id: made.claim.id })).statement).toBe('The boats left at dawn');
    expect((await callOk(ana, 'getAnalysis', { id: made.analysisId })).question).toBe(
      'Why did the boats not come back?',
    );
  });

  it('carries the removal of a grade and a link to a library that has them, which an older bundle does not bring back, and refuses a removal of another author’s link', async () => {
    const made = await anasEvidence();
    const before = share(ana);
    await importInto(rui, before);
    expect(evidenceState(rui).links).toHaveLength(1);
    await callOk(ana, 'gradeAnnotation', { annotationId: made.original, credibility: '', sourceIds: [] });
    await callOk(ana, 'unlinkAnnotations', { id: made.link.id });
    const after = share(ana);
    const entry = JSON.parse(strFromU8(unzipSync(new Uint8Array(after))['evidence.json']!)) as Record<string, unknown>;
    expect(entry.gradeTombstones).toEqual([
      { annotationId: made.original, authorId: made.link.authorId, deletedAt: expect.any(String) },
    ]);
    expect(entry.linkTombstones).toEqual([expect.objectContaining({ id: made.link.id, kind: 'repeats' })]);

    await importInto(rui, after);
    expect(evidenceState(rui)).toMatchObject({ grades: [], gradeSources: [], links: [] });
    await importInto(rui, before);
    expect(evidenceState(rui)).toMatchObject({ grades: [], gradeSources: [], links: [] });

    // Rui cannot take away a link Ana made: it is hers, in his library too, and hers stays as it is.
    const again = await callOk(ana, 'linkAnnotations', { fromId: made.copy, toId: made.original, kind: 'cites' });
    await importInto(rui, share(ana));
    expect(await rui.call('unlinkAnnotations', { id: again.id })).toMatchObject({ ok: false });
    await importInto(ana, share(rui));
    expect(evidenceState(ana).links).toMatchObject([{ id: again.id, kind: 'cites' }]);
  });

  it("keeps an unsigned bundle's cells under an unverified author beside the analyst's own, even when they claim her id", async () => {
    const made = await anasEvidence();
    const me = ana.profile.read();
    const files = unzipSync(share(ana));
    delete files['signature.json'];
    const evidence = JSON.parse(strFromU8(files['evidence.json']!));
    const forged = evidence.analyses[0].cells.map((cell: { rating: string; updatedAt: string }) => ({
      ...cell,
      rating: 'II',
      updatedAt: '2026-11-30T00:00:00.000Z',
    }));
    evidence.analyses[0].cells = forged;
    files['evidence.json'] = strToU8(JSON.stringify(evidence));
    const plan = await importInto(ana, Buffer.from(zipSync(files)), true, true);
    expect(plan.signer.signed).toBe(false);
    const view = await callOk(ana, 'getAnalysis', { id: made.analysisId });
    const mine = view.cells.filter((cell) => cell.authorId === me.authorId);
    expect(mine.map((cell) => cell.rating).sort()).toEqual(['CC', 'I', 'N', 'N']);
    const others = view.cells.filter((cell) => cell.authorId !== me.authorId);
    expect(others).toHaveLength(4);
    expect(view.disagreements.flatMap((d) => d.ratings.map((rating) => rating.authorName))).toContain(
      'Ana Analyst (unverified)',
    );
  });

  it('refuses a bundle whose evidence is malformed or too large, naming the entry, and stores none of it', async () => {
    await anasEvidence();
    const files = unzipSync(share(ana));
    delete files['signature.json'];
    const evidence = JSON.parse(strFromU8(files['evidence.json']!));
    evidence.claims[0].statement = 'x'.repeat(5000);
    files['evidence.json'] = strToU8(JSON.stringify(evidence));
    await expect(importInto(rui, Buffer.from(zipSync(files)), true, true)).rejects.toThrow(
      /evidence\.json in the bundle is not what a bundle holds/,
    );
    expect(rui.documents.list()).toEqual([]);
    expect(evidenceState(rui).claims).toEqual([]);
  });

  it('leaves out forged cross-references (ids of another analysis, a link to itself, unknown passages) without failing the import', async () => {
    const made = await anasEvidence();
    await importInto(rui, share(ana));
    const { id: otherAnalysis } = await callOk(rui, 'saveAnalysis', { question: 'Another question?' });
    const files = unzipSync(share(ana));
    delete files['signature.json'];
    const evidence = JSON.parse(strFromU8(files['evidence.json']!));
    const [analysis] = evidence.analyses;
    // The same analysis again under Rui's other analysis's id: its hypotheses and rows belong elsewhere here.
    evidence.analyses.push({ ...analysis, id: otherAnalysis });
    analysis.cells.push({ ...analysis.cells[0], rowId: 'no-such-row', authorId: 'someone', authorName: 'Someone' });
    evidence.links.push({ ...evidence.links[0], id: 'self-link', toId: evidence.links[0].fromId });
    evidence.grades.push({ ...evidence.grades[0], annotationId: 'no-such-annotation' });
    evidence.grades.push({ ...evidence.grades[0], credibility: '9' });
    files['evidence.json'] = strToU8(JSON.stringify(evidence));
    const before = evidenceState(rui);
    const plan = await importInto(rui, Buffer.from(zipSync(files)), true, true);
    expect(plan.evidenceSkipped).toBeGreaterThanOrEqual(4 + analysis.hypotheses.length + analysis.rows.length);
    const after = evidenceState(rui);
    expect(after.links).toEqual(before.links);
    expect(after.grades).toEqual(before.grades);
    expect(after.hypotheses).toEqual(before.hypotheses);
    // Unsigned, Ana's own cells come in beside hers under "(unverified)"; the forged ones do not.
    expect(after.cells).toHaveLength(before.cells.length + 4);
    expect(after.cells).not.toContainEqual(expect.objectContaining({ author_name: 'Someone (unverified)' }));
    expect((await callOk(rui, 'getAnalysis', { id: otherAnalysis })).hypotheses).toEqual([]);
    expect(made.analysisId).not.toBe(otherAnalysis);
  });

  it('leaves out evidence that points at passages not here, and counts it in the preview', async () => {
    const made = await anasEvidence();
    // Share only the first report: the link and the storm row point into the second.
    const bytes = Buffer.from(ana.exportBundle({ documentIds: [library.firstDoc] }).bytes);
    const plan = await importInto(rui, bytes);
    expect(plan.evidence.links.added).toBe(0);
    expect(plan.evidence.rows.added).toBe(1);
    expect(plan.evidenceSkipped).toBeGreaterThan(0);
    const claim = await callOk(rui, 'getClaim', { id: made.claim.id });
    expect(claim.evidence.map((piece) => piece.annotationId)).toEqual([made.original]);
  });

  it('merges bundles from two analysts into a third library to the same state in either order, once the passages are there', async () => {
    const made = await anasEvidence();
    await importInto(rui, share(ana));
    const first = open('carl-1', 'Carl');
    const second = open('carl-2', 'Carl');
    // Carl has Ana's notes already: Rui's bundle carries them too, but only Ana's key can bring them.
    await importInto(first, share(ana));
    await importInto(second, share(ana));
    await callOk(rui, 'rateAchCell', {
      analysisId: made.analysisId,
      rowId: made.stormRow,
      hypothesisId: made.seizedH,
      rating: 'II',
    });
    await callOk(rui, 'linkAnnotations', { fromId: made.storm, toId: made.original, kind: 'contradicts' });
    await callOk(ana, 'gradeAnnotation', { annotationId: made.copy, credibility: '3' });
    const fromAna = share(ana);
    const fromRui = share(rui);
    try {
      await importInto(first, fromAna);
      await importInto(first, fromRui);
      await importInto(second, fromRui);
      await importInto(second, fromAna);
      expect(evidenceState(second)).toEqual(evidenceState(first));
      expect(evidenceState(first).links).toHaveLength(2);
      expect(evidenceState(first).cells).toHaveLength(5);
    } finally {
      first.close();
      second.close();
    }
  });
});
