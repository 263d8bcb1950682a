import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MarginaliaCore } from '../../src/core/core';
import type { AchView } from '../../src/shared/evidence';
import type { EvidenceLibrary } from '../support/evidence-library';
import { callError, callOk, makeEvidenceLibrary } from '../support/evidence-library';
import { makeTempDir } from '../support/temp';

// Analyses of competing hypotheses through the contract, on a real library.

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

/** An analysis with three hypotheses and two rows: an annotation and a claim. */
async function matrix() {
  const question = await callOk(core, 'saveAnalysis', { question: 'Why  did the boats not come back?' });
  const analysisId = question.id;
  for (const label of ['Storm', 'Engine failure', 'Seized at sea'])
    await callOk(core, 'saveHypothesis', { analysisId, label });
  const storm = library.highlight(library.secondDoc, 'storm closed the harbour');
  const missing = library.highlight(library.firstDoc, 'eleven boats did not come back');
  await callOk(core, 'gradeAnnotation', { annotationId: missing, credibility: '2' });
  const claim = await callOk(core, 'saveClaim', {
    statement: 'Eleven boats are missing',
    evidence: [{ annotationId: missing, stance: 'supports' }],
  });
  await callOk(core, 'saveAchRow', { analysisId, evidence: { kind: 'annotation', id: storm }, relevance: 'high' });
  const view = await callOk(core, 'saveAchRow', { analysisId, evidence: { kind: 'claim', id: claim.id } });
  const [stormH, engineH, seizedH] = view.hypotheses.map((hypothesis) => hypothesis.id) as [string, string, string];
  const rowOf = (v: AchView, label: string) => v.rows.find((row) => row.label === label)!.id;
  return { analysisId, view, stormH, engineH, seizedH, storm, claim, rowOf };
}

describe('analyses of competing hypotheses', () => {
  it('builds a matrix of hypotheses and rows with labels, relevance and credibility', async () => {
    const { view } = await matrix();
    expect(view.question).toBe('Why did the boats not come back?');
    expect(view.hypotheses.map((hypothesis) => hypothesis.label)).toEqual(['Storm', 'Engine failure', 'Seized at sea']);
    expect(view.rows.map((row) => [row.evidence.kind, row.label, row.relevance, row.credibility])).toEqual([
      ['annotation', 'storm closed the harbour', 'high', ''],
      ['claim', 'Eleven boats are missing', 'medium', '2'],
    ]);
    expect(view.scores.ranking).toHaveLength(3);
  });

  it("scores the local analyst's ratings: ranking, diagnosticity, rows most diagnostic first", async () => {
    const { analysisId, stormH, engineH, seizedH, view, rowOf } = await matrix();
    const stormRow = rowOf(view, 'storm closed the harbour');
    const claimRow = rowOf(view, 'Eleven boats are missing');
    const rate = (rowId: string, hypothesisId: string, rating: 'CC' | 'C' | 'N' | 'I' | 'II' | 'NA') =>
      callOk(core, 'rateAchCell', { analysisId, rowId, hypothesisId, rating });
    await rate(claimRow, stormH, 'C');
    await rate(claimRow, engineH, 'I');
    await rate(stormRow, stormH, 'CC');
    await rate(stormRow, engineH, 'I');
    const rated = await rate(stormRow, seizedH, 'II');
    expect(rated.scores.ranking[0]).toBe(stormH);
    expect(rated.scores.inconsistency[stormH]).toBe(0);
    expect(rated.scores.inconsistency[seizedH]).toBeCloseTo(2 * Math.SQRT2);
    expect(rated.rows.map((row) => row.id)).toEqual([stormRow, claimRow]);
    expect(rated.scores.diagnosticity[stormRow]).toBeGreaterThan(rated.scores.diagnosticity[claimRow]!);
    const summaries = await callOk(core, 'listAnalyses', {});
    expect(summaries).toEqual([
      expect.objectContaining({ id: analysisId, hypotheses: 3, rows: 2, leading: ['Storm'] }),
    ]);
  });

  it("keeps another analyst's ratings beside the local ones and shows where they disagree", async () => {
    const { analysisId, stormH, view, rowOf } = await matrix();
    const stormRow = rowOf(view, 'storm closed the harbour');
    core.db
      .prepare(
        `INSERT INTO ach_cells (analysis_id, row_id, hypothesis_id, author_id, author_name, rating, note, updated_at)
         VALUES (?, ?, ?, 'other-analyst', 'Rania', 'II', '', '2026-01-01T00:00:00.000Z')`,
      )
      .run(analysisId, stormRow, stormH);
    const rated = await callOk(core, 'rateAchCell', {
      analysisId,
      rowId: stormRow,
      hypothesisId: stormH,
      rating: 'CC',
      note: 'Port log',
    });
    expect(rated.cells.map((cell) => [cell.authorId === 'other-analyst' ? 'Rania' : 'me', cell.rating]).sort()).toEqual(
      [
        ['Rania', 'II'],
        ['me', 'CC'],
      ],
    );
    expect(rated.scores.inconsistency[stormH]).toBe(0);
    expect(rated.disagreements).toHaveLength(1);
    expect(rated.disagreements[0]!.ratings.map((rating) => [rating.authorName, rating.rating]).sort()).toEqual(
      [
        [core.profile.read().displayName, 'CC'],
        ['Rania', 'II'],
      ].sort(),
    );
    const again = await callOk(core, 'rateAchCell', { analysisId, rowId: stormRow, hypothesisId: stormH, rating: 'C' });
    expect(again.cells.find((cell) => cell.authorId !== 'other-analyst')).toMatchObject({
      rating: 'C',
      note: 'Port log',
    });
  });

  it('changes relevance, removes hypotheses and rows with their cells, and a row goes with its evidence', async () => {
    const { analysisId, stormH, engineH, view, rowOf, storm, claim } = await matrix();
    const stormRow = rowOf(view, 'storm closed the harbour');
    await callOk(core, 'rateAchCell', { analysisId, rowId: stormRow, hypothesisId: stormH, rating: 'I' });
    const relevant = await callOk(core, 'saveAchRow', { analysisId, id: stormRow, relevance: 'low' });
    expect(relevant.rows.find((row) => row.id === stormRow)?.relevance).toBe('low');
    const again = await callOk(core, 'saveAchRow', { analysisId, evidence: { kind: 'annotation', id: storm } });
    expect(again.rows).toHaveLength(2);
    const fewer = await callOk(core, 'removeHypothesis', { analysisId, id: stormH });
    expect(fewer.hypotheses.map((hypothesis) => hypothesis.id)).not.toContain(stormH);
    expect(fewer.cells).toEqual([]);
    await callOk(core, 'deleteAnnotations', { ids: [storm] });
    await callOk(core, 'deleteClaim', { id: claim.id });
    expect((await callOk(core, 'getAnalysis', { id: analysisId })).rows).toEqual([]);
    await callOk(core, 'saveHypothesis', { analysisId, id: engineH, label: 'Engines' });
    await callOk(core, 'deleteAnalysis', { id: analysisId });
    expect(await callOk(core, 'listAnalyses', {})).toEqual([]);
  });

  it('stores a hypothesis typed with its own number, "H1: Storm", without it, and keeps another number', async () => {
    const { id: analysisId } = await callOk(core, 'saveAnalysis', { question: 'Why did the boats not come back?' });
    await callOk(core, 'saveHypothesis', { analysisId, label: 'H1: Storm' });
    await callOk(core, 'saveHypothesis', { analysisId, label: 'h2 Engine failure' });
    await callOk(core, 'saveHypothesis', { analysisId, label: 'H4: Seized at sea' });
    let view = await callOk(core, 'saveHypothesis', { analysisId, label: 'H4:' });
    expect(view.hypotheses.map((hypothesis) => hypothesis.label)).toEqual([
      'Storm',
      'Engine failure',
      'H4: Seized at sea',
      'H4:',
    ]);
    view = await callOk(core, 'saveHypothesis', { analysisId, id: view.hypotheses[1]!.id, label: 'H2:  Engine fire' });
    expect(view.hypotheses[1]!.label).toBe('Engine fire');
  });

  it('names what was not found', async () => {
    const { analysisId, stormH, view } = await matrix();
    expect(await callError(core, 'getAnalysis', { id: 'nope' })).toEqual({
      code: 'NOT_FOUND',
      message: 'No analysis with id nope exists.',
    });
    expect(
      (await callError(core, 'rateAchCell', { analysisId, rowId: 'r?', hypothesisId: stormH, rating: 'C' })).message,
    ).toBe('No row with id r? is in this analysis.');
    expect(
      (await callError(core, 'rateAchCell', { analysisId, rowId: view.rows[0]!.id, hypothesisId: 'h?', rating: 'C' }))
        .message,
    ).toBe('No hypothesis with id h? is in this analysis.');
    expect((await callError(core, 'saveAchRow', { analysisId, evidence: { kind: 'claim', id: 'c?' } })).message).toBe(
      'No claim with id c? exists.',
    );
    expect((await callError(core, 'saveAchRow', { analysisId })).message).toBe(
      'A new row needs its evidence: a claim or an annotation.',
    );
  });
});
