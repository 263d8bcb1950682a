// A workspace keeps each document's original: a library rebuilt from the folder alone reads
// a PDF and a Word file through their readers again (in a worker, outside the sync's
// transactions), with their annotations, page maps and provenance.
import { copyFileSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MarginaliaCore } from '../../src/core/core';
import { FINDINGS, buildDocx } from '../support/docx-fixture';
import { TITLE, buildFixturePdf } from '../support/pdf-fixtures';
import { makeTempDir } from '../support/temp';

let temp: ReturnType<typeof makeTempDir>;
let core: MarginaliaCore;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => {
  core.close();
  temp.remove();
});

function annotate(documentId: string, quote: string, noteMarkdown: string) {
  const text = core.documents.canonicalText(documentId);
  const start = text.indexOf(quote);
  expect(start).toBeGreaterThanOrEqual(0);
  return core.annotations.create({ documentId, start, end: start + quote.length, noteMarkdown });
}

function snapshot(documentId: string) {
  return {
    summary: core.documents.summary(documentId),
    text: core.documents.canonicalText(documentId),
    provenance: core.documents.source(documentId).provenance,
    annotations: core.annotations
      .list(documentId)
      .map((annotation) => [
        annotation.id,
        annotation.note.text,
        annotation.target?.position,
        annotation.anchor.status,
      ]),
  };
}

describe('restoring binary documents from a workspace folder', () => {
  it('brings back a PDF and a Word file with their annotations and page maps in a fresh library', async () => {
    const pdfPath = join(temp.path, 'survey.pdf');
    const docxPath = join(temp.path, 'crossings.docx');
    const pdf = await buildFixturePdf();
    writeFileSync(pdfPath, pdf.bytes);
    writeFileSync(docxPath, await buildDocx());
    const workspace = join(temp.path, 'workspace');
    core = new MarginaliaCore({ dataDir: join(temp.path, 'data'), host: 'cli', version: '1' });
    const pdfId = (await core.importFile(pdfPath)).document.id;
    const docxId = (await core.importFile(docxPath)).document.id;
    annotate(pdfId, 'Findings at the Harbour', 'The harbour section.');
    annotate(docxId, FINDINGS.slice(0, 40), 'Low water.');
    await core.startSync(workspace, { watch: false });
    await core.sync?.stop();
    const before = [snapshot(pdfId), snapshot(docxId)];
    expect(before[0]!.provenance?.pageMap.length).toBe(pdf.pageCount);
    core.close();
    expect(existsSync(join(workspace, 'ruins-of-the-coastal-city.pdf'))).toBe(true);

    core = new MarginaliaCore({ dataDir: join(temp.path, 'fresh'), host: 'cli', version: '1' });
    await core.startSync(workspace, { watch: false });
    await core.sync?.stop();
    expect(core.sync?.status().problems ?? []).toEqual([]);
    expect(new Set(core.documents.list().map((document) => document.id))).toEqual(new Set([pdfId, docxId]));
    for (const [index, id] of [pdfId, docxId].entries()) {
      const after = snapshot(id);
      expect(after.text).toBe(before[index]!.text);
      expect(after.annotations).toEqual(before[index]!.annotations);
      expect(after.summary.sourceType).toBe(before[index]!.summary.sourceType);
      expect(after.provenance?.pageMap).toEqual(before[index]!.provenance?.pageMap);
      expect(after.provenance?.sha256).toBe(before[index]!.provenance?.sha256);
      expect(after.provenance?.importer).toBe(before[index]!.provenance?.importer);
    }
    expect(core.documents.summary(pdfId).title).toBe(TITLE);
    expect(core.documents.source(pdfId).provenance?.pageCount).toBe(pdf.pageCount);
  }, 60_000);
});

describe('a binary document copied into a watched workspace', () => {
  it('is read in the background and arrives with its annotation while the sync keeps watching', async () => {
    const docxPath = join(temp.path, 'crossings.docx');
    writeFileSync(docxPath, await buildDocx());
    const first = join(temp.path, 'first');
    core = new MarginaliaCore({ dataDir: join(temp.path, 'data'), host: 'cli', version: '1' });
    const id = (await core.importFile(docxPath)).document.id;
    annotate(id, FINDINGS.slice(0, 40), 'Low water.');
    await core.startSync(first, { watch: false });
    await core.sync?.stop();
    core.close();

    const watched = join(temp.path, 'watched');
    core = new MarginaliaCore({ dataDir: join(temp.path, 'fresh'), host: 'cli', version: '1' });
    const engine = await core.startSync(watched, { watch: true });
    await engine.whenWatching();
    for (const name of readdirSync(first).filter((file) => /\.(docx|annotations\.json)$/.test(file)))
      copyFileSync(join(first, name), join(watched, name));
    const started = Date.now();
    while (!core.documents.exists(id)) {
      if (Date.now() - started > 30_000) throw new Error(`not restored: ${JSON.stringify(engine.status().problems)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // The note made on it, and the file's two Word comments, which came in as notes.
    expect(core.annotations.list(id).map((annotation) => annotation.note.text)).toEqual([
      'Which mill do we mean here?',
      'Low water.',
      'Add photos of the cracks.',
    ]);
    expect(core.documents.source(id).provenance?.sourceType).toBe('docx');
  }, 60_000);
});
