// Times and offset ranges from outside are judged the same way at every entry point: a
// note bundle (library and CLI), a workspace sidecar, and a contract call.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/cli';
import { MarginaliaCore } from '../../src/core/core';
import { UserFacingError } from '../../src/shared/result';
import { SAMPLE_REPORT, makeTempDir } from '../support/temp';
import { ipcTransport } from '../support/transports';

let temp: ReturnType<typeof makeTempDir>;
let analyst: MarginaliaCore;
let reviewer: MarginaliaCore;
let documentId: string;

beforeEach(() => {
  temp = makeTempDir();
  analyst = new MarginaliaCore({ dataDir: join(temp.path, 'analyst'), host: 'cli', version: '1' });
  reviewer = new MarginaliaCore({ dataDir: join(temp.path, 'reviewer'), host: 'cli', version: '1' });
  documentId = analyst.importPath(SAMPLE_REPORT).document.id;
  const text = analyst.documents.canonicalText(documentId);
  const start = text.indexOf('Tripoli');
  analyst.annotations.create({ documentId, start, end: start + 'Tripoli'.length, noteMarkdown: 'Capital' });
});

afterEach(() => {
  analyst.close();
  reviewer.close();
  temp.remove();
});

type Item = { modified: string; target: { selector: [unknown, { start: number; end: number }] } };

/** The analyst's bundle with its first annotation changed, unsigned (the change breaks any signature). */
function bundleWith(change: (item: Item) => void): Buffer {
  const files = unzipSync(analyst.exportBundle({ documentIds: [documentId] }).bytes);
  const collection = JSON.parse(strFromU8(files['annotations.jsonld']!)) as { first: { items: Item[] } };
  change(collection.first.items[0]!);
  files['annotations.jsonld'] = strToU8(JSON.stringify(collection));
  delete files['signature.json'];
  return Buffer.from(zipSync(files));
}

async function bundleRefusal(bytes: Buffer): Promise<string> {
  try {
    await reviewer.importBundle(bytes, { allowUnsigned: true, apply: true });
  } catch (error) {
    if (error instanceof UserFacingError) return error.message;
    throw error;
  }
  return 'imported';
}

/** Syncs the analyst's library to a workspace, changes the sidecar's first annotation, and returns the problem reported. */
async function sidecarProblem(change: (item: Item) => void): Promise<string | undefined> {
  const workspace = join(temp.path, 'workspace');
  const engine = await analyst.startSync(workspace, { watch: false });
  const name = readdirSync(workspace).find((file) => file.endsWith('.annotations.json'))!;
  const file = JSON.parse(readFileSync(join(workspace, name), 'utf8')) as { first: { items: Item[] } };
  change(file.first.items[0]!);
  writeFileSync(join(workspace, name), `${JSON.stringify(file, null, 2)}\n`);
  expect(engine.importFile(name)).toBe('refused');
  const problem = engine.status().problems[0]?.message;
  await engine.stop();
  return problem;
}

describe('an impossible date', () => {
  const impossible = (item: Item) => {
    item.modified = '2026-99-99T99:99:99Z';
  };

  it('in a bundle is refused, naming the field, and nothing is imported', async () => {
    expect(await bundleRefusal(bundleWith(impossible))).toBe(
      'annotations.jsonld in the bundle is not what a bundle holds: first.items.0.modified: must be a real date and time in ISO 8601, like 2026-03-01T12:00:00Z.',
    );
    expect(reviewer.documents.list()).toEqual([]);
  });

  it('in a bundle sent through the contract is refused the same way', async () => {
    const transport = ipcTransport(reviewer);
    const result = await transport.client.importBundle({
      dataBase64: bundleWith(impossible).toString('base64'),
      allowUnsigned: true,
    });
    expect(result).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('first.items.0.modified: must be a real date and time') },
    });
    await transport.close();
  });

  it('that only the calendar rules out (30 February, hour 24) is refused too', async () => {
    for (const time of ['2026-02-30T10:00:00Z', '2026-03-01T24:00:00Z', '2025-02-29T00:00:00.000Z']) {
      expect(await bundleRefusal(bundleWith((item) => (item.modified = time)))).toContain(
        'first.items.0.modified: must be a real date and time',
      );
    }
    expect(await bundleRefusal(bundleWith((item) => (item.modified = '2024-02-29T23:59:59.999+02:00')))).toBe(
      'imported',
    );
  });

  it('in a workspace sidecar is reported with the field and not applied', async () => {
    expect(await sidecarProblem(impossible)).toBe(
      'first.items.0.modified: must be a real date and time in ISO 8601, like 2026-03-01T12:00:00Z',
    );
    // Not applied: the time is still a real one. (Asking for no "99" in it failed whenever the
    // clock's milliseconds were 990–999.)
    const { updatedAt } = analyst.annotations.list(documentId)[0]!;
    expect(updatedAt).not.toBe('2026-99-99T99:99:99Z');
    expect(new Date(updatedAt).toISOString()).toBe(updatedAt);
  });
});

describe('a reversed range (start after end)', () => {
  const reversed = (item: Item) => {
    const position = item.target.selector[1];
    [position.start, position.end] = [position.end, position.start];
  };

  it('in a bundle is refused, naming the field', async () => {
    expect(await bundleRefusal(bundleWith(reversed))).toBe(
      'annotations.jsonld in the bundle is not what a bundle holds: first.items.0.target.selector.1.start: start must not be after end (the range is reversed).',
    );
    expect(reviewer.documents.list()).toEqual([]);
  });

  it('in a bundle imported with the CLI exits 1 with the same message', async () => {
    const file = join(temp.path, 'reversed.mnb');
    writeFileSync(file, bundleWith(reversed));
    let stderr = '';
    const code = await runCli(
      ['--data-dir', join(temp.path, 'cli'), 'bundle', 'import', file, '--allow-unsigned'],
      { stdout: () => {}, stderr: (text) => (stderr += text), env: {} },
      { version: '1' },
    );
    expect(code).toBe(1);
    expect(stderr).toContain(
      'first.items.0.target.selector.1.start: start must not be after end (the range is reversed)',
    );
  });

  it('in a workspace sidecar is reported with the field and not applied', async () => {
    expect(await sidecarProblem(reversed)).toBe(
      'first.items.0.target.selector.1.start: start must not be after end (the range is reversed)',
    );
    expect(analyst.annotations.list(documentId)[0]!.anchor.status).toBe('exact');
  });

  it('in a contract call is refused before it reaches the store', async () => {
    const transport = ipcTransport(analyst);
    const created = await transport.client.createAnnotation({ documentId, start: 20, end: 10 });
    expect(created).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('start must not be after end') },
    });
    const [existing] = analyst.annotations.list(documentId);
    const moved = await transport.client.reattachAnnotation({ id: existing!.id, start: 30, end: 5 });
    expect(moved).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('start must not be after end') },
    });
    expect(analyst.annotations.list(documentId)).toHaveLength(1);
    await transport.close();
  });
});
