// Sidecars and bundles are W3C Web Annotation collections: checked here for the shape the
// model requires, and read back in the shape files written before had.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MarginaliaCore } from '../../src/core/core';
import { callOk } from '../support/evidence-library';
import { SAMPLE_REPORT, makeTempDir } from '../support/temp';
import { w3cFailures } from '../support/w3c-annotation-model';

let temp: ReturnType<typeof makeTempDir>;
let core: MarginaliaCore;
let documentId: string;
let workspace: string;

type JsonObject = Record<string, unknown>;
type Collection = JsonObject & { first?: JsonObject & { items: JsonObject[] }; items?: JsonObject[] };

function highlight(quote: string, extra: { noteMarkdown?: string; tags?: string[] } = {}) {
  const text = core.documents.canonicalText(documentId);
  const start = text.indexOf(quote);
  return core.annotations.create({ documentId, start, end: start + quote.length, ...extra });
}

beforeEach(() => {
  temp = makeTempDir();
  workspace = join(temp.path, 'workspace');
  core = new MarginaliaCore({ dataDir: join(temp.path, 'data'), host: 'cli', version: '1' });
  documentId = core.importPath(SAMPLE_REPORT).document.id;
  highlight('Tripoli');
  highlight('beheading 11 people', { noteMarkdown: 'Check the count', tags: ['Claim/Casualties'] });
});

afterEach(() => {
  core.close();
  temp.remove();
});

async function writtenSidecar(
  library: MarginaliaCore,
  folder: string,
): Promise<{ path: string; collection: Collection }> {
  await (await library.startSync(folder, { watch: false })).stop();
  const path = join(
    folder,
    readdirSync(folder).find((name) => name.endsWith('.annotations.json'))!,
  );
  return { path, collection: JSON.parse(readFileSync(path, 'utf8')) as Collection };
}

function bundleCollection(bytes: Uint8Array): Collection {
  return JSON.parse(strFromU8(unzipSync(bytes)['annotations.jsonld']!)) as Collection;
}

describe('the W3C shape', () => {
  it('a sidecar lists its annotations on a first AnnotationPage, and a plain highlight has no body', async () => {
    const { collection } = await writtenSidecar(core, workspace);
    expect(collection).toMatchObject({ id: `urn:uuid:${documentId}`, type: 'AnnotationCollection', total: 2 });
    expect(collection.items).toBeUndefined();
    expect(collection.first).toMatchObject({
      id: `urn:uuid:${documentId}#page-1`,
      type: 'AnnotationPage',
      partOf: `urn:uuid:${documentId}`,
      startIndex: 0,
    });
    const plain = collection.first!.items.find((item) => item.motivation === 'highlighting');
    const noted = collection.first!.items.find((item) => item.motivation === 'commenting');
    expect(plain).toBeDefined();
    expect(plain).not.toHaveProperty('body');
    expect(noted!.body).toHaveLength(2);
  });

  it('a bundle’s collection has an id and its items on a first page', () => {
    const collection = bundleCollection(core.exportBundle({ documentIds: [documentId] }).bytes);
    expect(collection.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(collection.items).toBeUndefined();
    expect(collection.first).toMatchObject({
      id: `${String(collection.id)}#page-1`,
      type: 'AnnotationPage',
      startIndex: 0,
    });
    expect(collection.first!.items.find((item) => item.motivation === 'highlighting')).not.toHaveProperty('body');
  });

  it('a collection with no annotations has total 0 and no page', async () => {
    core.annotations.remove(core.annotations.list(documentId).map((annotation) => annotation.id));
    const { collection } = await writtenSidecar(core, workspace);
    expect(collection.total).toBe(0);
    expect(collection).not.toHaveProperty('first');
    expect(collection).not.toHaveProperty('items');
  });
});

describe('the W3C Web Annotation test suite’s assertions', () => {
  beforeEach(() => {
    const start = core.documents.canonicalText(documentId).indexOf('Sabratha');
    const annotated = core.annotations.create({
      documentId,
      start,
      end: start + 'Sabratha'.length,
      tags: ['Place/Sabratha'],
    });
    core.annotations.createReply(annotated.id, 'Which day?');
    core.annotations.create({ documentId, kind: 'document', noteMarkdown: 'About the whole report' });
  });

  it('hold for every sidecar: plain highlights, notes, tags, replies and document notes', async () => {
    const { collection } = await writtenSidecar(core, workspace);
    expect(collection.first!.items.length).toBeGreaterThanOrEqual(5);
    expect(w3cFailures(collection)).toEqual([]);
  });

  it('hold for a sidecar with a grade (an assessing body) and a link (a linking annotation)', async () => {
    const [tripoli, count] = core.annotations.list(documentId);
    const radio = await callOk(core, 'saveSource', { name: 'Harbour Radio', reliability: 'B' });
    await callOk(core, 'gradeAnnotation', { annotationId: tripoli!.id, sourceIds: [radio.id], credibility: '2' });
    await callOk(core, 'linkAnnotations', { fromId: count!.id, toId: tripoli!.id, kind: 'supports' });
    const { collection } = await writtenSidecar(core, workspace);
    const items = collection.first!.items;
    expect(items.some((item) => item.motivation === 'linking')).toBe(true);
    expect(JSON.stringify(items)).toContain('"purpose":"assessing"');
    expect(w3cFailures(collection)).toEqual([]);
  });

  it('hold for every bundle', () => {
    expect(w3cFailures(bundleCollection(core.exportBundle({ documentIds: [documentId] }).bytes))).toEqual([]);
  });

  it('hold for an empty sidecar', async () => {
    core.annotations.remove(core.annotations.list(documentId).map((annotation) => annotation.id));
    expect(w3cFailures((await writtenSidecar(core, workspace)).collection)).toEqual([]);
  });

  it('catch the shape written before: body: [], items on the collection, no page, no bundle collection id', () => {
    const collection = bundleCollection(core.exportBundle({ documentIds: [documentId] }).bytes);
    const { first, id: _id, ...rest } = collection;
    const old = { ...rest, items: first!.items.map((item) => ({ ...item, body: item.body ?? [] })) };
    expect(w3cFailures(old)).toEqual(
      expect.arrayContaining([
        'collection: collections/5.1-collectionIdValidated.json',
        'collection: local/collectionFirstIfTotal.json',
        expect.stringMatching(/^annotation \d+: local\/annotationBodyNotEmpty\.json$/),
      ]),
    );
  });

  it('catch a document note whose target is {source} with no selector, and times that are not date-times', () => {
    const collection = bundleCollection(core.exportBundle({ documentIds: [documentId] }).bytes);
    const items = collection.first!.items;
    const note = items.findIndex(
      (item) =>
        typeof item.target === 'string' && (item.marginalia as { kind?: string } | undefined)?.kind === 'document',
    );
    expect(note).toBeGreaterThanOrEqual(0);
    const edited = items.map((item, index) =>
      index === note
        ? {
            ...item,
            target: { source: item.target },
            created: 'yesterday',
            modified: ['2024-01-01T00:00:00Z', '2024-01-02T00:00:00Z'],
          }
        : item,
    );
    expect(w3cFailures({ ...collection, first: { ...collection.first!, items: edited } })).toEqual([
      `annotation ${note}: annotations/3.2-targetObjectsRecognized.json`,
      `annotation ${note}: annotations/3.3.1-annotationCreatedValidated.json`,
      `annotation ${note}: annotations/3.3.1-annotationModifiedValidated.json`,
    ]);
  });

  it('catch a text selector the model does not allow: a quote without exact, a negative position', () => {
    const collection = bundleCollection(core.exportBundle({ documentIds: [documentId] }).bytes);
    const items = collection.first!.items;
    const highlighted = items.findIndex((item) => item.motivation === 'highlighting');
    const target = items[highlighted]!.target as { source: string; selector: [JsonObject, JsonObject] };
    const { exact: _exact, ...quote } = target.selector[0];
    for (const selector of [
      [quote, target.selector[1]],
      [target.selector[0], { ...target.selector[1], start: -1 }],
    ]) {
      const edited = items.map((item, index) =>
        index === highlighted ? { ...item, target: { ...target, selector } } : item,
      );
      expect(w3cFailures({ ...collection, first: { ...collection.first!, items: edited } })).toEqual([
        `annotation ${highlighted}: annotations/3.2-targetObjectsRecognized.json`,
      ]);
    }
  });
});

describe('files in the shape written before', () => {
  /** The old shape: items on the collection itself, `body: []` on a plain highlight, no collection id in a bundle. */
  function oldShape(collection: Collection): Collection {
    const { first, id: _id, ...rest } = collection;
    return { ...rest, items: first!.items.map((item) => ({ ...item, body: item.body ?? [] })) };
  }

  it('an old sidecar still syncs: its annotations are read, none deleted', async () => {
    const { path, collection } = await writtenSidecar(core, workspace);
    const old = oldShape(collection);
    const noted = old.items!.find((item) => item.motivation === 'commenting')!;
    (noted.body as Array<{ value: string; purpose: string }>)[0]!.value = 'Changed in an old file';
    writeFileSync(path, `${JSON.stringify({ ...old, id: collection.id }, null, 2)}\n`);
    const engine = await core.startSync(workspace, { watch: false });
    expect(engine.status().problems).toEqual([]);
    await engine.stop();
    expect(
      core.annotations
        .list(documentId)
        .map((annotation) => annotation.note.text)
        .sort(),
    ).toEqual(['', 'Changed in an old file']);
  });

  it('an old bundle still imports', async () => {
    const files = unzipSync(core.exportBundle({ documentIds: [documentId] }).bytes);
    files['annotations.jsonld'] = strToU8(JSON.stringify(oldShape(bundleCollection(zipSync(files)))));
    delete files['signature.json'];
    const other = new MarginaliaCore({ dataDir: join(temp.path, 'other'), host: 'cli', version: '1' });
    const plan = await other.importBundle(Buffer.from(zipSync(files)), { allowUnsigned: true, apply: true });
    expect(plan.annotations.added).toBe(2);
    expect(
      other.annotations
        .list(documentId)
        .map((annotation) => annotation.tags.join())
        .sort(),
    ).toEqual(['', 'Claim/Casualties']);
    other.close();
  });

  it('a document note whose target is {source} with no selector, as written before, still imports as a document note', async () => {
    core.annotations.create({ documentId, kind: 'document', noteMarkdown: 'About the whole report' });
    const files = unzipSync(core.exportBundle({ documentIds: [documentId] }).bytes);
    const collection = bundleCollection(zipSync(files));
    const items = collection.first!.items.map((item) =>
      typeof item.target === 'string' && item.motivation !== 'replying'
        ? { ...item, target: { source: item.target } }
        : item,
    );
    expect(
      items.filter((item) => typeof item.target === 'object' && !('selector' in (item.target as object))),
    ).toHaveLength(1);
    files['annotations.jsonld'] = strToU8(JSON.stringify({ ...collection, first: { ...collection.first!, items } }));
    delete files['signature.json'];
    const other = new MarginaliaCore({ dataDir: join(temp.path, 'other'), host: 'cli', version: '1' });
    await other.importBundle(Buffer.from(zipSync(files)), { allowUnsigned: true, apply: true });
    const notes = other.annotations.list(documentId).filter((annotation) => annotation.kind === 'document');
    expect(notes.map((annotation) => [annotation.note.text, annotation.target])).toEqual([
      ['About the whole report', null],
    ]);
    other.close();
  });

  it('a collection that says it has annotations but lists none is refused, not read as empty', async () => {
    const { path, collection } = await writtenSidecar(core, workspace);
    const { first: _first, ...withoutPage } = collection;
    writeFileSync(path, `${JSON.stringify(withoutPage, null, 2)}\n`);
    const engine = await core.startSync(workspace, { watch: false });
    expect(engine.status().problems[0]?.message).toBe(
      'first: lists no annotations (no first page) though its total says it has some',
    );
    await engine.stop();
    expect(core.annotations.list(documentId)).toHaveLength(2);
  });
});
