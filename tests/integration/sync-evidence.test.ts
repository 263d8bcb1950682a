import fc from 'fast-check';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MarginaliaCore } from '../../src/core/core';
import type { EvidenceEntry } from '../../src/shared/bundle-evidence';
import type { EvidenceLibrary } from '../support/evidence-library';
import { callOk, makeEvidenceLibrary } from '../support/evidence-library';
import { makeTempDir } from '../support/temp';

// Issue 17's evidence in the workspace: evidence.jsonld, written and merged back by the sync.

let temp: ReturnType<typeof makeTempDir>;
let core: MarginaliaCore;
let library: EvidenceLibrary;
let workspace: string;

beforeEach(() => {
  temp = makeTempDir();
  workspace = join(temp.path, 'workspace');
  core = new MarginaliaCore({ dataDir: join(temp.path, 'data'), host: 'cli', version: '1' });
  core.profile.rename('Ana Analyst');
  library = makeEvidenceLibrary(core);
});

afterEach(() => {
  core.close();
  temp.remove();
});

const evidencePath = () => join(workspace, 'evidence.jsonld');
const readEvidence = () => JSON.parse(readFileSync(evidencePath(), 'utf8')) as EvidenceEntry & Record<string, unknown>;

/** A graded passage, a repeats link, a claim and a one-cell analysis. */
async function someEvidence() {
  const original = library.highlight(library.firstDoc, 'fishing boats left Zuwara at dawn');
  const copy = library.highlight(library.secondDoc, 'fishing boats left Zuwara at dawn');
  const radio = await callOk(core, 'saveSource', { name: 'Harbour Radio', reliability: 'B' });
  await callOk(core, 'gradeAnnotation', { annotationId: original, sourceIds: [radio.id], credibility: '2' });
  await callOk(core, 'linkAnnotations', { fromId: copy, toId: original, kind: 'repeats' });
  const claim = await callOk(core, 'saveClaim', {
    statement: 'The boats left at dawn',
    evidence: [{ annotationId: original, stance: 'supports' }],
  });
  const { id: analysisId } = await callOk(core, 'saveAnalysis', { question: 'Where did the boats go?' });
  await callOk(core, 'saveHypothesis', { analysisId, label: 'South' });
  const view = await callOk(core, 'saveAchRow', { analysisId, evidence: { kind: 'claim', id: claim.id } });
  const cell = { analysisId, rowId: view.rows[0]!.id, hypothesisId: view.hypotheses[0]!.id };
  await callOk(core, 'rateAchCell', { ...cell, rating: 'C' });
  return { original, copy, claim, cell };
}

function evidenceTables(of: MarginaliaCore) {
  const all = (sql: string) => of.db.prepare(sql).all();
  return {
    sources: all('SELECT id, name, reliability, author_id FROM evidence_sources ORDER BY id'),
    grades: all('SELECT annotation_id, credibility, author_id FROM annotation_grades ORDER BY 1'),
    links: all('SELECT id, kind, from_id, to_id FROM annotation_links ORDER BY 1'),
    claims: all('SELECT id, statement FROM claims ORDER BY 1'),
    evidence: all('SELECT claim_id, annotation_id, stance FROM claim_evidence ORDER BY 1, 2'),
    cells: all('SELECT row_id, hypothesis_id, author_id, rating FROM ach_cells ORDER BY 1, 2, 3'),
  };
}

describe('evidence in the workspace', () => {
  it('writes the library’s evidence to evidence.jsonld, and an empty library pointed at the workspace gets it back', async () => {
    await someEvidence();
    await callOk(core, 'saveClaim', { statement: 'A claim with no evidence yet' });
    await callOk(core, 'saveSource', { name: 'Unused Wire' });
    const engine = await core.startSync(workspace, { watch: false });
    await engine.stop();
    const file = readEvidence();
    expect(file['@context']).toMatchObject({ '@vocab': expect.stringContaining('marginalia') });
    expect(file.type).toBe('EvidenceCollection');
    expect(file.claims.map((claim) => claim.statement)).toEqual([
      'The boats left at dawn',
      'A claim with no evidence yet',
    ]);

    const restored = new MarginaliaCore({ dataDir: join(temp.path, 'restored'), host: 'cli', version: '1' });
    const sources: string[] = [];
    restored.events.subscribe((envelope, { source }) => {
      if (envelope.event === 'evidenceChanged') sources.push(source);
    });
    try {
      await (await restored.startSync(workspace, { watch: false })).stop();
      expect(evidenceTables(restored)).toEqual(evidenceTables(core));
      expect(sources).toEqual(['sync']);
    } finally {
      restored.close();
    }
  });

  it('rewrites the file when evidence changes here, and merges a later rating made in the file', async () => {
    const { cell } = await someEvidence();
    const engine = await core.startSync(workspace, { watch: false });
    await callOk(core, 'rateAchCell', { ...cell, rating: 'II' });
    await engine.flush();
    expect(readEvidence().analyses[0]!.cells[0]!.rating).toBe('II');
    await engine.stop();

    const file = readEvidence();
    file.analyses[0]!.cells[0] = {
      ...file.analyses[0]!.cells[0]!,
      rating: 'CC',
      updatedAt: new Date(Date.now() + 60_000).toISOString(),
    };
    writeFileSync(evidencePath(), JSON.stringify(file));
    await (await core.startSync(workspace, { watch: false })).stop();
    const view = await callOk(core, 'getAnalysis', { id: cell.analysisId });
    expect(view.cells.map((one) => one.rating)).toEqual(['CC']);
  });

  it('merges three ways: a rating changed by hand in the file (its time untouched) is taken, and one changed here stays when the file did not change it', async () => {
    const { cell, claim } = await someEvidence();
    await callOk(core, 'rateAchCell', { ...cell, rating: 'N' });
    await (await core.startSync(workspace, { watch: false })).stop();
    // Here, while the sync is off: the claim is reworded. In the file, by hand: the rating.
    await callOk(core, 'saveClaim', { id: claim.id, statement: 'The boats left before dawn' });
    const file = readEvidence();
    // "C" sorts before "N": by time, author and content alone, the library's rating would stay.
    file.analyses[0]!.cells[0] = { ...file.analyses[0]!.cells[0]!, rating: 'C' };
    writeFileSync(evidencePath(), JSON.stringify(file));
    await (await core.startSync(workspace, { watch: false })).stop();
    const view = await callOk(core, 'getAnalysis', { id: cell.analysisId });
    expect(view.cells.map((one) => one.rating)).toEqual(['C']);
    expect((await callOk(core, 'getClaim', { id: claim.id })).statement).toBe('The boats left before dawn');
    expect(readEvidence().claims[0]!.statement).toBe('The boats left before dawn');
    expect(readEvidence().analyses[0]!.cells[0]!.rating).toBe('C');
  });

  it('reports a bad evidence file, applies none of it and leaves it as it is to be fixed', async () => {
    const { cell } = await someEvidence();
    await (await core.startSync(workspace, { watch: false })).stop();
    const file = readEvidence();
    file.claims[0]!.statement = 'Rewritten in the file';
    file.claims[0]!.updatedAt = new Date(Date.now() + 60_000).toISOString();
    (file.analyses[0]!.cells[0] as { rating: string }).rating = 'maybe';
    const bad = JSON.stringify(file);
    writeFileSync(evidencePath(), bad);
    const before = evidenceTables(core);
    const engine = await core.startSync(workspace, { watch: false });
    expect(engine.status().problems.map((problem) => problem.file)).toContain('evidence.jsonld');
    await callOk(core, 'rateAchCell', { ...cell, rating: 'N' });
    await engine.stop();
    expect(evidenceTables(core).claims).toEqual(before.claims);
    expect(readFileSync(evidencePath(), 'utf8')).toBe(bad);
  });

  it('converges with no lost update whatever mix of app and file edits to ratings, grades and claims happens between syncs', async () => {
    const { cell, original, claim } = await someEvidence();
    const engine = await core.startSync(workspace, { watch: false });
    const ratings = ['CC', 'C', 'N', 'I'] as const;
    const codes = ['1', '2', '3', '4'] as const;
    const edit = fc.record({
      side: fc.constantFrom('app', 'file'),
      target: fc.constantFrom('cell', 'grade', 'claim'),
      value: fc.nat(3),
    });
    let round = 0;
    const current = async () => ({
      cell: (await callOk(core, 'getAnalysis', { id: cell.analysisId })).cells[0]!.rating as string,
      grade: (await callOk(core, 'listGrades', { documentId: library.firstDoc })).find(
        (grade) => grade.annotationId === original,
      )!.credibility,
      claim: (await callOk(core, 'getClaim', { id: claim.id })).statement,
    });
    const inFile = () => {
      const file = readEvidence();
      return {
        cell: file.analyses[0]!.cells[0]!.rating as string,
        grade: file.grades.find((grade) => grade.annotationId === original)!.credibility,
        claim: file.claims[0]!.statement,
      };
    };
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.array(edit, { maxLength: 4 }), { minLength: 1, maxLength: 4 }),
          async (batches) => {
            for (const edits of batches) {
              round++;
              const expected = new Map<string, string>();
              const sides = new Map<string, Set<string>>();
              for (const { side, target, value } of edits) {
                const wanted =
                  target === 'cell'
                    ? ratings[value]!
                    : target === 'grade'
                      ? codes[value]!
                      : `Claim ${round}-${value}-${side}`;
                if (side === 'app') {
                  if (target === 'cell') await callOk(core, 'rateAchCell', { ...cell, rating: ratings[value]! });
                  else if (target === 'grade')
                    await callOk(core, 'gradeAnnotation', { annotationId: original, credibility: codes[value]! });
                  else await callOk(core, 'saveClaim', { id: claim.id, statement: wanted });
                } else {
                  // A hand edit: the value changes, its time does not.
                  const file = readEvidence();
                  if (target === 'cell') file.analyses[0]!.cells[0]!.rating = ratings[value]!;
                  else if (target === 'grade')
                    file.grades.find((grade) => grade.annotationId === original)!.credibility = codes[value]!;
                  else file.claims[0]!.statement = wanted;
                  writeFileSync(evidencePath(), JSON.stringify(file, null, 2));
                }
                expected.set(target, wanted);
                sides.set(target, (sides.get(target) ?? new Set()).add(side));
              }
              await engine.scan();
              const here = await current();
              // The library and the file agree, and an edit made on one side only since the last sync survives.
              expect(inFile()).toEqual(here);
              for (const [target, value] of expected)
                if (sides.get(target)!.size === 1)
                  expect(here[target as keyof typeof here], `${[...sides.get(target)!]} edit of ${target}`).toBe(value);
            }
          },
        ),
        { numRuns: 25 },
      );
    } finally {
      await engine.stop();
    }
  });

  it('writes no evidence file for a library without evidence', async () => {
    library.highlight(library.firstDoc, 'fishing boats');
    await (await core.startSync(workspace, { watch: false })).stop();
    expect(existsSync(evidencePath())).toBe(false);
  });
});
