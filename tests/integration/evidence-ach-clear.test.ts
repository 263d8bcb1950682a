import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MarginaliaCore } from '../../src/core/core';
import type { EvidenceLibrary } from '../support/evidence-library';
import { callOk, makeEvidenceLibrary } from '../support/evidence-library';
import { makeTempDir } from '../support/temp';

// The matrix's Delete: rateAchCell with rating null takes the local analyst's rating back.

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

describe('clearing a matrix cell', () => {
  it('removes my rating and its note, and the scores forget it', async () => {
    const { id: analysisId } = await callOk(core, 'saveAnalysis', { question: 'Why did the boats not come back?' });
    await callOk(core, 'saveHypothesis', { analysisId, label: 'Storm' });
    const storm = library.highlight(library.secondDoc, 'storm closed the harbour');
    const built = await callOk(core, 'saveHypothesis', { analysisId, label: 'Seized at sea' });
    const withRow = await callOk(core, 'saveAchRow', { analysisId, evidence: { kind: 'annotation', id: storm } });
    const rowId = withRow.rows[0]!.id;
    const hypothesisId = built.hypotheses[1]!.id;
    const rated = await callOk(core, 'rateAchCell', {
      analysisId,
      rowId,
      hypothesisId,
      rating: 'II',
      note: 'Calm sea',
    });
    expect(rated.cells).toHaveLength(1);
    expect(rated.scores.inconsistency[hypothesisId]).toBeGreaterThan(0);
    const cleared = await callOk(core, 'rateAchCell', { analysisId, rowId, hypothesisId, rating: null });
    expect(cleared.cells).toEqual([]);
    expect(cleared.scores.inconsistency[hypothesisId]).toBe(0);
  });
});
