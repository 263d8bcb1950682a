import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MarginaliaCore } from '../../src/core/core';
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

// Issue 17's grades and links in the workspace sidecars: W3C assessing bodies and linking
// annotations, merged back three ways, their removals carried as tombstones.

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

/** A graded passage in the first report, and the second report's copy linked to it ("repeats"). */
async function gradedAndLinked() {
  const original = library.highlight(library.firstDoc, 'fishing boats left Zuwara at dawn');
  const copy = library.highlight(library.secondDoc, 'fishing boats left Zuwara at dawn');
  const radio = await callOk(core, 'saveSource', { name: 'Harbour Radio', reliability: 'B' });
  await callOk(core, 'gradeAnnotation', { annotationId: original, sourceIds: [radio.id], credibility: '2' });
  const link = await callOk(core, 'linkAnnotations', { fromId: copy, toId: original, kind: 'repeats' });
  return { original, copy, radio, link };
}

const firstSidecar = () => sidecarOf(workspace, library.firstDoc);
const secondSidecar = () => sidecarOf(workspace, library.secondDoc);

async function syncOnce(of: MarginaliaCore = core) {
  const engine = await of.startSync(workspace, { watch: false });
  const problems = engine.status().problems;
  await engine.stop();
  return problems;
}

function gradeAndLinkTables(of: MarginaliaCore) {
  const all = (sql: string) => of.db.prepare(sql).all();
  return {
    grades: all('SELECT annotation_id, credibility, author_id, updated_at FROM annotation_grades ORDER BY 1'),
    gradeSources: all('SELECT annotation_id, source_id FROM annotation_grade_sources ORDER BY 1, 2'),
    links: all('SELECT id, kind, from_id, to_id, author_id FROM annotation_links ORDER BY 1'),
  };
}

describe('grades and links in the workspace sidecars', () => {
  it('writes a grade as an assessing body of its annotation and a link as a linking annotation in its from-document’s sidecar, and evidence.jsonld lists neither', async () => {
    const { original, copy, radio, link } = await gradedAndLinked();
    await syncOnce();
    const first = readSidecarAt(firstSidecar());
    expect(assessingBodyOf(first, original)).toEqual({
      type: 'TextualBody',
      purpose: 'assessing',
      value: 'B2',
      creator: { id: `urn:uuid:${core.profile.read().authorId}`, type: 'Person' },
      created: expect.any(String),
      modified: expect.any(String),
      marginalia: { credibility: '2', sources: [`urn:uuid:${radio.id}`], scheme: 'Admiralty' },
    });
    expect(linkingItems(first)).toEqual([]);
    const second = readSidecarAt(secondSidecar());
    expect(linkingItems(second)).toEqual([
      {
        id: `urn:uuid:${link.id}`,
        type: 'Annotation',
        motivation: 'linking',
        created: link.createdAt,
        modified: link.createdAt,
        creator: { id: `urn:uuid:${link.authorId}`, type: 'Person' },
        body: `urn:uuid:${original}`,
        target: `urn:uuid:${copy}`,
        marginalia: { linkKind: 'repeats' },
      },
    ]);
    expect(second.total).toBe(2);
    const evidence = JSON.parse(readFileSync(join(workspace, 'evidence.jsonld'), 'utf8')) as Record<string, unknown>;
    // `deleted` holds the other evidence's tombstones; grades' and links' are in the sidecars.
    expect(Object.keys(evidence)).toEqual([
      '@context',
      'type',
      'sources',
      'documentSources',
      'claims',
      'analyses',
      'deleted',
    ]);

    // An empty library pointed at the workspace gets every grade and link back from the sidecars.
    const restored = new MarginaliaCore({ dataDir: join(temp.path, 'restored'), host: 'cli', version: '1' });
    try {
      expect(await syncOnce(restored)).toEqual([]);
      expect(gradeAndLinkTables(restored)).toEqual(gradeAndLinkTables(core));
    } finally {
      restored.close();
    }
  });

  it('takes a grade and a link changed by hand in a sidecar, their times left as they were', async () => {
    const { original, link } = await gradedAndLinked();
    await syncOnce();
    editSidecar(firstSidecar(), (sidecar) => {
      assessingBodyOf(sidecar, original)!.marginalia!.credibility = '4';
    });
    editSidecar(secondSidecar(), (sidecar) => {
      linkingItems(sidecar)[0]!.marginalia = { linkKind: 'cites' };
    });
    expect(await syncOnce()).toEqual([]);
    expect((await callOk(core, 'listGrades', { documentId: library.firstDoc }))[0]).toMatchObject({
      annotationId: original,
      credibility: '4',
    });
    const links = await callOk(core, 'listLinks', { documentId: library.secondDoc });
    expect(links.map((one) => [one.id, one.kind])).toEqual([[link.id, 'cites']]);
    expect(assessingBodyOf(readSidecarAt(firstSidecar()), original)?.value).toBe('B4');
  });

  it('removes a grade and a link taken out of a sidecar by hand, and the sidecar then carries their tombstones', async () => {
    const { original, link } = await gradedAndLinked();
    await syncOnce();
    editSidecar(firstSidecar(), (sidecar) => {
      const item = annotationItem(sidecar, original);
      item.body = (item.body as FileBody[]).filter((body) => body.purpose !== 'assessing');
    });
    editSidecar(secondSidecar(), (sidecar) => {
      sidecar.first!.items = sidecar.first!.items.filter((item) => item.motivation !== 'linking');
    });
    expect(await syncOnce()).toEqual([]);
    expect(gradeAndLinkTables(core)).toMatchObject({ grades: [], links: [] });
    const authorId = core.profile.read().authorId;
    expect(readSidecarAt(firstSidecar()).marginalia.gradeTombstones).toEqual([
      { annotationId: original, authorId, deletedAt: expect.any(String) },
    ]);
    expect(readSidecarAt(secondSidecar()).marginalia.linkTombstones).toEqual([
      expect.objectContaining({ id: link.id, kind: 'repeats', authorId }),
    ]);
  });

  it('carries a removal made on one machine to another, and an older copy of the sidecar brings nothing back', async () => {
    const { original, copy } = await gradedAndLinked();
    await syncOnce();
    const before = { first: readFileSync(firstSidecar(), 'utf8'), second: readFileSync(secondSidecar(), 'utf8') };
    const other = new MarginaliaCore({ dataDir: join(temp.path, 'other'), host: 'cli', version: '1' });
    try {
      await syncOnce(other);
      expect(gradeAndLinkTables(other).links).toHaveLength(1);
      // Their author clears the grade and removes the link (only they may), and the other machine follows.
      await callOk(core, 'gradeAnnotation', { annotationId: original, credibility: '', sourceIds: [] });
      const [link] = await callOk(core, 'listLinks', { documentId: library.secondDoc });
      await callOk(core, 'unlinkAnnotations', { id: link!.id });
      await syncOnce();

      await syncOnce(other);
      expect(gradeAndLinkTables(other)).toMatchObject({ grades: [], links: [] });
      expect(await callOk(other, 'listLinks', { documentId: library.firstDoc })).toEqual([]);

      // A sync tool restores last week's files: the grade and link they still hold stay removed.
      writeFileSync(firstSidecar(), before.first);
      writeFileSync(secondSidecar(), before.second);
      await syncOnce();
      await syncOnce(other);
      for (const of of [core, other]) expect(gradeAndLinkTables(of)).toMatchObject({ grades: [], links: [] });
      expect(assessingBodyOf(readSidecarAt(firstSidecar()), original)).toBeUndefined();
      expect(linkingItems(readSidecarAt(secondSidecar()))).toEqual([]);

      // Graded and linked again afterwards, they are new and travel.
      await callOk(core, 'gradeAnnotation', { annotationId: original, credibility: '3' });
      await callOk(core, 'linkAnnotations', { fromId: copy, toId: original, kind: 'supports' });
      await syncOnce();
      await syncOnce(other);
      expect(gradeAndLinkTables(other).grades).toMatchObject([{ annotation_id: original, credibility: '3' }]);
      expect(gradeAndLinkTables(other).links).toMatchObject([{ kind: 'supports' }]);
    } finally {
      other.close();
    }
  });

  it('refuses a sidecar with a hostile grade or link, naming what is wrong, and applies nothing of it', async () => {
    const { original, copy } = await gradedAndLinked();
    await syncOnce();
    const clean = readFileSync(firstSidecar(), 'utf8');
    const before = gradeAndLinkTables(core);
    const grade = (sidecar: FileSidecar) => assessingBodyOf(sidecar, original)!;
    const cases: Array<[string, (sidecar: FileSidecar) => void, RegExp]> = [
      [
        'two grades on one annotation',
        (sidecar) => (annotationItem(sidecar, original).body as unknown[]).push({ ...grade(sidecar) }),
        /has 2 assessing bodies; an annotation has one grade/,
      ],
      [
        'a credibility code far too long',
        (sidecar) => (grade(sidecar).marginalia!.credibility = 'X'.repeat(5000)),
        /credibility/,
      ],
      [
        'an unknown link kind',
        (sidecar) =>
          sidecar.first!.items.push({
            ...annotationItem(sidecar, original),
            id: 'urn:uuid:6f9a3c1e-0000-4000-8000-000000000001',
            motivation: 'linking',
            body: `urn:uuid:${copy}`,
            target: `urn:uuid:${original}`,
            marginalia: { linkKind: 'disproves' },
          }),
        /linkKind/,
      ],
      [
        'a link to itself',
        (sidecar) =>
          sidecar.first!.items.push({
            id: 'urn:uuid:6f9a3c1e-0000-4000-8000-000000000002',
            type: 'Annotation',
            motivation: 'linking',
            created: '2026-01-01T00:00:00.000Z',
            creator: { id: 'urn:uuid:someone', type: 'Person' },
            body: `urn:uuid:${original}`,
            target: `urn:uuid:${original}`,
            marginalia: { linkKind: 'supports' },
          }),
        /links an annotation to itself/,
      ],
      [
        'a thousand sources on one grade',
        (sidecar) => (grade(sidecar).marginalia!.sources = Array.from({ length: 1000 }, (_, i) => `urn:uuid:${i}`)),
        /sources/,
      ],
    ];
    for (const [what, change, message] of cases) {
      writeFileSync(firstSidecar(), clean);
      editSidecar(firstSidecar(), (sidecar) => {
        // In the same file, a change that would be taken if the file were applied at all.
        grade(sidecar).marginalia!.credibility = '5';
        change(sidecar);
      });
      const bad = readFileSync(firstSidecar(), 'utf8');
      const problems = await syncOnce();
      expect(problems.map((problem) => problem.message).join('\n'), what).toMatch(message);
      expect(gradeAndLinkTables(core), what).toEqual(before);
      expect(readFileSync(firstSidecar(), 'utf8'), what).toBe(bad);
    }
  });

  it('still reads grades and links from an evidence.jsonld written before they moved to the sidecars', async () => {
    const { original, copy, link } = await gradedAndLinked();
    await syncOnce();
    const path = join(workspace, 'evidence.jsonld');
    const file = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    const later = new Date(Date.now() + 30_000).toISOString();
    const authorId = core.profile.read().authorId;
    file.grades = [
      { annotationId: original, sourceIds: [], credibility: '5', authorId, createdAt: later, updatedAt: later },
    ];
    file.links = [{ id: link.id, kind: 'repeats', fromId: copy, toId: original, authorId, createdAt: link.createdAt }];
    writeFileSync(path, JSON.stringify(file));
    expect(await syncOnce()).toEqual([]);
    expect(gradeAndLinkTables(core).grades).toMatchObject([{ annotation_id: original, credibility: '5' }]);
    expect(assessingBodyOf(readSidecarAt(firstSidecar()), original)?.marginalia?.credibility).toBe('5');
    expect(Object.keys(JSON.parse(readFileSync(path, 'utf8')) as object)).not.toContain('grades');
  });
});
