import fc from 'fast-check';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MarginaliaCore } from '../../src/core/core';
import type { EvidenceEntry } from '../../src/shared/bundle-evidence';
import type { EvidenceLibrary } from '../support/evidence-library';
import { callOk, makeEvidenceLibrary } from '../support/evidence-library';
import type { FileBody, FileSidecar } from '../support/sidecar-evidence';
import {
  annotationItem,
  assessingBodyOf,
  editSidecar,
  linkingItems,
  readSidecarAt,
  sidecarOf,
} from '../support/sidecar-evidence';
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
      // Announced by the sync (the sidecars' grades and links, then evidence.jsonld), never as local edits.
      expect(sources.length).toBeGreaterThan(0);
      expect(new Set(sources)).toEqual(new Set(['sync']));
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

  it('converges with no lost update whatever mix of app and file edits and removals of ratings, grades, links and claims happens between syncs', async () => {
    const { cell, original, copy, claim } = await someEvidence();
    const engine = await core.startSync(workspace, { watch: false });
    const authorId = core.profile.read().authorId;
    const ratings = ['CC', 'C', 'N', 'I'] as const;
    // The last of each is a removal: the grade cleared, the link taken away.
    const codes = ['1', '2', '3', '4', 'none'] as const;
    const kinds = ['repeats', 'supports', 'cites', 'contradicts', 'none'] as const;
    const edit = fc.record({
      side: fc.constantFrom('app', 'file'),
      target: fc.constantFrom('cell', 'grade', 'claim', 'link'),
      value: fc.nat(4),
    });
    let round = 0;
    const current = async () => ({
      cell: (await callOk(core, 'getAnalysis', { id: cell.analysisId })).cells[0]!.rating as string,
      grade:
        (await callOk(core, 'listGrades', { documentId: library.firstDoc })).find(
          (grade) => grade.annotationId === original,
        )?.credibility ?? 'none',
      claim: (await callOk(core, 'getClaim', { id: claim.id })).statement,
      link:
        (await callOk(core, 'listLinks', { documentId: library.secondDoc }))
          .map((link) => link.kind as string)
          .sort()
          .join(',') || 'none',
    });
    const inFile = () => {
      const file = readEvidence();
      const links = linkingItems(readSidecarAt(sidecarOf(workspace, library.secondDoc)));
      return {
        cell: file.analyses[0]!.cells[0]!.rating as string,
        grade:
          assessingBodyOf(readSidecarAt(sidecarOf(workspace, library.firstDoc)), original)?.marginalia?.credibility ??
          'none',
        claim: file.claims[0]!.statement,
        link:
          links
            .map((item) => String(item.marginalia!.linkKind))
            .sort()
            .join(',') || 'none',
      };
    };
    const appEdit = async (target: string, value: number, wanted: string) => {
      if (target === 'cell') await callOk(core, 'rateAchCell', { ...cell, rating: ratings[value % 4]! });
      else if (target === 'grade')
        await callOk(
          core,
          'gradeAnnotation',
          wanted === 'none'
            ? { annotationId: original, credibility: '', sourceIds: [] }
            : { annotationId: original, credibility: wanted },
        );
      else if (target === 'link') {
        // A link's kind is not edited in the app: the link is taken away and made again.
        for (const link of await callOk(core, 'listLinks', { documentId: library.secondDoc }))
          await callOk(core, 'unlinkAnnotations', { id: link.id });
        if (wanted !== 'none')
          await callOk(core, 'linkAnnotations', {
            fromId: copy,
            toId: original,
            kind: kinds[value] as Exclude<(typeof kinds)[number], 'none'>,
          });
      } else await callOk(core, 'saveClaim', { id: claim.id, statement: wanted });
    };
    // A hand edit: the value changes, its time does not; what is added carries the time of the edit.
    const fileEdit = (target: string, value: number, wanted: string) => {
      if (target === 'grade')
        return editSidecar(sidecarOf(workspace, library.firstDoc), (sidecar) => setGrade(sidecar, wanted));
      if (target === 'link')
        return editSidecar(sidecarOf(workspace, library.secondDoc), (sidecar) => setLink(sidecar, value));
      const file = readEvidence();
      if (target === 'cell') file.analyses[0]!.cells[0]!.rating = ratings[value % 4]!;
      else file.claims[0]!.statement = wanted;
      writeFileSync(evidencePath(), JSON.stringify(file, null, 2));
    };
    const setGrade = (sidecar: FileSidecar, wanted: string) => {
      const item = annotationItem(sidecar, original);
      const bodies = (item.body ?? []) as FileBody[];
      const others = bodies.filter((body) => body.purpose !== 'assessing');
      const grade = bodies.find((body) => body.purpose === 'assessing');
      const now = new Date(Date.now() + 1000).toISOString();
      if (wanted === 'none') item.body = others;
      else if (grade) grade.marginalia!.credibility = wanted;
      else
        item.body = [
          ...others,
          {
            type: 'TextualBody',
            purpose: 'assessing',
            value: wanted,
            creator: { id: `urn:uuid:${authorId}`, type: 'Person' },
            created: now,
            modified: now,
            marginalia: { credibility: wanted, sources: [] },
          } as FileBody,
        ];
    };
    const setLink = (sidecar: FileSidecar, value: number) => {
      const items = sidecar.first!.items;
      const [kept] = items.filter((item) => item.motivation === 'linking');
      sidecar.first!.items = items.filter((item) => item.motivation !== 'linking');
      if (kinds[value] === 'none') return;
      const now = new Date(Date.now() + 1000).toISOString();
      sidecar.first!.items.push({
        ...(kept ?? {
          id: `urn:uuid:${randomUUID()}`,
          type: 'Annotation',
          motivation: 'linking',
          created: now,
          modified: now,
          creator: { id: `urn:uuid:${authorId}`, type: 'Person' },
          body: `urn:uuid:${original}`,
          target: `urn:uuid:${copy}`,
        }),
        marginalia: { linkKind: kinds[value]! },
      });
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
                    ? ratings[value % 4]!
                    : target === 'grade'
                      ? codes[value]!
                      : target === 'link'
                        ? kinds[value]!
                        : `Claim ${round}-${value}-${side}`;
                if (side === 'app') await appEdit(target, value, wanted);
                else fileEdit(target, value, wanted);
                expected.set(target, wanted);
                sides.set(target, (sides.get(target) ?? new Set()).add(side));
              }
              await engine.scan();
              const here = await current();
              // The library and the files agree, and an edit or removal made on one side only since the last sync survives.
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
