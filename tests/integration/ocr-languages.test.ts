import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/cli';
import { MarginaliaCore } from '../../src/core/core';
import { readImage } from '../../src/core/import/ocr/image-reader';
import { ocrLanguagePath } from '../../src/core/import/ocr/ocr-models';
import { blockRuns, inlineText } from '../../src/shared/document-blocks';
import type { DocumentSource } from '../../src/shared/model';
import { serveOneFile } from '../support/import-fixtures';
import { messageWithAttachment } from '../support/mime-fixtures';
import { characterErrorRate, scannedPages } from '../support/ocr-fixtures';
import { FONTS_DIR, makeTempDir } from '../support/temp';

// OCR in French, English or both, offline: a page of known French text (é, è, à, ç, œ) read
// with French chosen, the two-language model folder made in the data folder (never in
// node_modules), and the language chosen in Settings or with --ocr-lang used and recorded.

const FRENCH =
  'La sœur du garçon a reçu une lettre très élégante de sa mère. Après le dîner, nous irons à la plage ' +
  'où le vent souffle fort près du phare. Ce cœur généreux ne connaît pas la rancœur, et son frère ' +
  'a déjà goûté le bœuf préparé à la façon de la région. Noël approche, la forêt est couverte de neige ' +
  'et les élèves célèbrent la fête avec leurs maîtres.';
/** A wide page, so the text fits on one rendered image. */
const PAGE: [number, number] = [560, 260];

let temp: ReturnType<typeof makeTempDir>;
let png: Uint8Array;
beforeAll(async () => {
  temp = makeTempDir();
  const pages = await scannedPages([FRENCH], PAGE);
  expect(pages).toHaveLength(1);
  png = pages[0]!;
}, 60_000);
afterAll(() => temp.remove());

function textOf(read: Awaited<ReturnType<typeof readImage>>): string {
  return read.blocks.map((block) => inlineText(blockRuns(block))).join(' ');
}

function sourceOf(core: MarginaliaCore, id: string): DocumentSource {
  return core.documents.source(id);
}

describe('OCR languages', () => {
  it('reads a French page with its accents when French is chosen', async () => {
    const read = await readImage({ fileName: 'lettre.png', bytes: png, ocr: { languages: 'fra' } });
    expect(characterErrorRate(FRENCH, textOf(read))).toBeLessThanOrEqual(0.02);
    expect(textOf(read)).toContain('sœur');
    expect(read.facts.ocr?.languages).toBe('fra');
    expect(read.facts.importer).toMatch(/^tesseract\.js \S+ fra \(PNG\)$/);
  }, 120_000);

  it('reads English and French together from a model folder it makes in the data folder', async () => {
    const modelsDir = join(temp.path, 'ocr-models');
    const read = await readImage({ fileName: 'lettre.png', bytes: png, ocr: { languages: 'eng+fra', modelsDir } });
    expect(characterErrorRate(FRENCH, textOf(read))).toBeLessThanOrEqual(0.02);
    expect(read.facts.ocr?.languages).toBe('eng+fra');
    const folder = ocrLanguagePath({ languages: 'eng+fra', modelsDir });
    expect(folder.startsWith(modelsDir)).toBe(true);
    expect(readdirSync(folder).sort()).toEqual(['eng.traineddata.gz', 'fra.traineddata.gz']);
    // One language is read straight from its package, with nothing copied.
    expect(ocrLanguagePath({ languages: 'fra', modelsDir })).toMatch(/@tesseract\.js-data[/\\]fra[/\\]/);
  }, 120_000);

  it('uses the language chosen in Settings and records it in the provenance', async () => {
    const dataDir = join(temp.path, 'settings-library');
    const core = new MarginaliaCore({ dataDir, host: 'cli', version: 'test' });
    try {
      const changed = await core.call('updateSettings', { ocrLanguages: 'eng+fra' });
      expect(changed.ok).toBe(true);
      const result = await core.call('importDocument', {
        fileName: 'lettre.png',
        dataBase64: Buffer.from(png).toString('base64'),
      });
      if (!result.ok) throw new Error(result.error.message);
      const { provenance } = sourceOf(core, (result.value as { document: { id: string } }).document.id);
      expect(provenance?.ocr?.languages).toBe('eng+fra');
      expect(provenance?.importer).toMatch(/ eng\+fra \(PNG\)$/);
      expect(existsSync(join(dataDir, 'ocr-models', '4.0.0_best_int', 'fra.traineddata.gz'))).toBe(true);
    } finally {
      core.close();
    }
  }, 120_000);

  it('takes the language from --ocr-lang in the CLI, and refuses one it does not know', async () => {
    const { writeFileSync } = await import('node:fs');
    const file = join(temp.path, 'lettre.png');
    writeFileSync(file, png);
    const dataDir = join(temp.path, 'cli-library');
    let stderr = '';
    const io = { stdout: () => undefined, stderr: (text: string) => (stderr += text), env: {} };
    const options = { version: '1.2.3', fontsDir: FONTS_DIR };
    expect(await runCli(['--data-dir', dataDir, 'import', '--ocr-lang', 'deu', file], io, options)).toBe(1);
    expect(stderr).toContain('--ocr-lang must be eng, fra or eng+fra, not “deu”.');
    expect(await runCli(['--data-dir', dataDir, 'import', '--ocr-lang', 'fra', file], io, options)).toBe(0);
    const core = new MarginaliaCore({ dataDir, host: 'cli', version: 'test' });
    try {
      const [document] = core.documents.list();
      const { provenance } = sourceOf(core, document!.id);
      expect(provenance?.ocr?.languages).toBe('fra');
      expect(provenance?.importer).toMatch(/ fra \(PNG\)$/);
    } finally {
      core.close();
    }
  }, 120_000);

  it('reads a scan fetched from a web address in the language --ocr-lang gives', async () => {
    const site = await serveOneFile(png, 'image/png');
    const dataDir = join(temp.path, 'cli-url-library');
    const io = { stdout: () => undefined, stderr: () => undefined, env: {} };
    const options = { version: '1.2.3', fontsDir: FONTS_DIR };
    const url = `${site.origin}/lettre.png`;
    try {
      expect(await runCli(['--data-dir', dataDir, 'import', '--ocr-lang', 'fra', url], io, options)).toBe(0);
    } finally {
      await site.close();
    }
    const core = new MarginaliaCore({ dataDir, host: 'cli', version: 'test' });
    try {
      const [document] = core.documents.list();
      const { provenance } = sourceOf(core, document!.id);
      expect(provenance?.ocr?.languages).toBe('fra');
      expect(provenance?.importer).toMatch(/ fra \(PNG\)$/);
      // The fetch time, which the Source panel shows as Fetched, is kept for an image as for a page.
      expect(provenance?.origin).toEqual({ kind: 'url', url });
      expect(Date.parse(String(provenance?.capturedAt))).toBeGreaterThan(Date.now() - 10 * 60_000);
      expect(core.documents.canonicalText(document!.id)).toContain('sœur');
    } finally {
      core.close();
    }
  }, 120_000);

  it('reads a scanned attachment imported with --attachment in the language --ocr-lang gives', async () => {
    const { writeFileSync } = await import('node:fs');
    const file = join(temp.path, 'lettre.eml');
    const attachment = { fileName: 'lettre.png', mimeType: 'image/png', bytes: png };
    writeFileSync(file, messageWithAttachment('Une lettre', 'La lettre est jointe.', attachment));
    const dataDir = join(temp.path, 'cli-attachment-library');
    let stdout = '';
    const io = { stdout: (text: string) => (stdout += text), stderr: () => undefined, env: {} };
    const options = { version: '1.2.3', fontsDir: FONTS_DIR };
    expect(await runCli(['--data-dir', dataDir, 'import', file], io, options)).toBe(0);
    const message = stdout.trim();
    const command = ['--data-dir', dataDir, 'import', '--attachment', '1', message, '--ocr-lang', 'fra'];
    expect(await runCli(command, io, options)).toBe(0);
    const core = new MarginaliaCore({ dataDir, host: 'cli', version: 'test' });
    try {
      const scan = core.documents.list().find((document) => document.id !== message);
      const { provenance } = sourceOf(core, scan!.id);
      expect(provenance?.ocr?.languages).toBe('fra');
      expect(provenance?.importer).toMatch(/ fra \(PNG\)$/);
      expect(core.documents.canonicalText(scan!.id)).toContain('sœur');
    } finally {
      core.close();
    }
  }, 120_000);

  it('reads a scan fetched by importUrl (as the browser host imports an address) in the language Settings name', async () => {
    const site = await serveOneFile(png, 'image/png');
    const core = new MarginaliaCore({ dataDir: join(temp.path, 'url-library'), host: 'cli', version: 'test' });
    try {
      expect((await core.call('updateSettings', { ocrLanguages: 'fra' })).ok).toBe(true);
      const bySetting = await core.call('importUrl', { url: `${site.origin}/setting.png` });
      if (!bySetting.ok) throw new Error(bySetting.error.message);
      const settingId = (bySetting.value as { document: { id: string } }).document.id;
      expect(sourceOf(core, settingId).provenance?.ocr?.languages).toBe('fra');
    } finally {
      core.close();
      await site.close();
    }
  }, 120_000);
});
