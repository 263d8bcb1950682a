// One contract suite, run against both transports: whatever the renderer can do over
// Electron IPC it can do over the browser host's HTTP, with the same results and errors.
import { homedir } from 'node:os';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MarginaliaCore } from '../../src/core/core';
import type { EventEnvelope } from '../../src/shared/contract';
import { METHOD_NAMES } from '../../src/shared/contract';
import { canonicalTextOf } from '../../src/shared/lexical-document';
import { FIXTURES, SAMPLE_REPORT, makeTempDir } from '../support/temp';
import type { TransportUnderTest } from '../support/transports';
import { httpTransport, ipcTransport } from '../support/transports';

const base64 = (path: string) => readFileSync(path).toString('base64');

const transports: Array<[string, (core: MarginaliaCore, dir: string) => Promise<TransportUnderTest>]> = [
  ['Electron IPC', async (core) => ipcTransport(core)],
  ['browser host HTTP', (core, dir) => httpTransport(core, join(dir, 'renderer'))],
];

describe.each(transports)('the contract over %s', (name, connect) => {
  let temp: ReturnType<typeof makeTempDir>;
  let core: MarginaliaCore;
  let transport: TransportUnderTest;

  beforeEach(async () => {
    temp = makeTempDir();
    core = new MarginaliaCore({ dataDir: join(temp.path, 'data'), host: 'desktop', version: '9.9.9' });
    transport = await connect(core, temp.path);
  });

  afterEach(async () => {
    await transport.close();
    core.close();
    temp.remove();
  });

  it('reports the app version and where the library lives', async () => {
    const info = await transport.client.getAppInfo({});
    expect(info).toEqual({
      ok: true,
      value: {
        version: '9.9.9',
        // The browser host says so, whoever opened the library (serve opens it as the CLI does).
        host: name === 'browser host HTTP' ? 'browser' : 'desktop',
        dataDir: join(temp.path, 'data'),
        databasePath: join(temp.path, 'data', 'marginalia.db'),
        defaultWorkspaceDir: join(homedir(), 'Documents', 'Marginalia'),
      },
    });
  });

  it('imports a file, lists it and returns its canonical document', async () => {
    const imported = await transport.client.importDocument({
      fileName: 'sabratha-report.txt',
      dataBase64: base64(SAMPLE_REPORT),
    });
    expect(imported.ok && imported.value.created).toBe(true);
    const list = await transport.client.listDocuments({});
    expect(list.ok && list.value.map((doc) => doc.title)).toEqual([
      'Reports of western ‘boots on the ground’ in Libya as Islamic State storms Sabratha',
    ]);
    const id = imported.ok ? imported.value.document.id : '';
    const detail = await transport.client.getDocument({ id });
    if (!detail.ok) throw new Error(detail.error.message);
    const text = canonicalTextOf(detail.value.lexicalJson);
    expect(createHash('sha256').update(text).digest('hex')).toBe(detail.value.textSha256);
    expect(detail.value.textLength).toBe(text.length);
  });

  it('returns the existing document when the same file is imported again', async () => {
    const first = await transport.client.importDocument({
      fileName: 'briefing.md',
      dataBase64: base64(join(FIXTURES, 'briefing.md')),
    });
    const again = await transport.client.importDocument({
      fileName: 'copy.md',
      dataBase64: base64(join(FIXTURES, 'briefing.md')),
    });
    expect(again).toEqual({ ok: true, value: { document: first.ok && first.value.document, created: false } });
  });

  it('answers a bad file with a serializable error and stores nothing', async () => {
    const result = await transport.client.importDocument({ fileName: 'empty.txt', dataBase64: '' });
    expect(result).toEqual({
      ok: false,
      error: { code: 'EMPTY_FILE', message: '“empty.txt” is empty: there is nothing to import.' },
    });
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    expect(await transport.client.listDocuments({})).toEqual({ ok: true, value: [] });
  });

  it('validates every input at the core boundary', async () => {
    const call = transport.client.importDocument as (input: unknown) => Promise<unknown>;
    for (const bad of [
      { fileName: 'a.txt' },
      { fileName: 'a.txt', dataBase64: 'QQ==', extra: 1 },
      { fileName: 5, dataBase64: '' },
      null,
      'x',
    ]) {
      const result = (await call(bad)) as { ok: boolean; error?: { code: string } };
      expect(result.ok, JSON.stringify(bad)).toBe(false);
      expect(result.error?.code).toBe('INVALID_INPUT');
    }
    const tooBig = await transport.client.updateSettings({ fontSize: 400 });
    expect(tooBig.ok === false && tooBig.error.code).toBe('INVALID_INPUT');
  });

  it('reports a missing document as NOT_FOUND, and removal makes a document missing', async () => {
    expect(await transport.client.getDocument({ id: 'nope' })).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'No document with id nope is in the library.' },
    });
    const imported = await transport.client.importDocument({ fileName: 'r.txt', dataBase64: base64(SAMPLE_REPORT) });
    const id = imported.ok ? imported.value.document.id : '';
    expect(await transport.client.removeDocument({ id })).toEqual({ ok: true, value: { removed: true } });
    const gone = await transport.client.getDocument({ id });
    expect(gone.ok === false && gone.error.code).toBe('NOT_FOUND');
  });

  it('saves settings and reads them back', async () => {
    expect((await transport.client.updateSettings({ theme: 'dark', fontSize: 21 })).ok).toBe(true);
    const settings = await transport.client.getSettings({});
    expect(settings.ok && settings.value).toMatchObject({ theme: 'dark', fontSize: 21, fontFamily: 'serif' });
  });

  it('pushes library changes to the UI as events', async () => {
    const received: Array<EventEnvelope['payload']> = [];
    const stop = transport.client.on('libraryChanged', (payload) => received.push(payload));
    await transport.client.importDocument({ fileName: 'r.txt', dataBase64: base64(SAMPLE_REPORT) });
    await expect.poll(() => received).toEqual([{ reason: 'imported' }]);
    stop();
    core.events.emit('libraryChanged', { reason: 'removed' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(received).toHaveLength(1);
  });

  it('serves every method the contract names', async () => {
    for (const method of METHOD_NAMES) {
      const result = await (
        transport.client[method] as (input: unknown) => Promise<{ ok: boolean; error?: { code: string } }>
      )({});
      expect(result.error?.code, method).not.toBe('UNKNOWN_METHOD');
    }
  });
});

describe('the IPC transport', () => {
  it("refuses calls from a frame that is not the app's own", async () => {
    const temp = makeTempDir();
    const core = new MarginaliaCore({ dataDir: temp.path, host: 'desktop', version: '1' });
    const transport = ipcTransport(core, 'https://evil.example/page.html');
    const result = await transport.client.listDocuments({});
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'UNAUTHORIZED',
        message: "listDocuments refused: the request did not come from Marginalia's own window.",
      },
    });
    await transport.close();
    expect(transport.ipc.handlerCount).toBe(0);
    core.close();
    temp.remove();
  });
});

describe('opening a link outside the app', () => {
  it('is refused by a host that cannot open links, and any host refuses a link that is not web or mail', async () => {
    const temp = makeTempDir();
    const opened: string[] = [];
    const browser = new MarginaliaCore({ dataDir: join(temp.path, 'browser'), host: 'browser', version: '1' });
    const desktop = new MarginaliaCore({
      dataDir: join(temp.path, 'desktop'),
      host: 'desktop',
      version: '1',
      openExternal: async (url) => void opened.push(url),
    });
    try {
      expect(await browser.call('openExternal', { url: 'https://example.org/' })).toEqual({
        ok: false,
        error: {
          code: 'INVALID_INPUT',
          message: 'This browser host cannot open links outside itself; open https://example.org/ yourself.',
        },
      });
      expect(await desktop.call('openExternal', { url: 'https://example.org/' })).toEqual({
        ok: true,
        value: { opened: true },
      });
      expect((await desktop.call('openExternal', { url: 'javascript:alert(1)' })).ok).toBe(false);
      expect(opened).toEqual(['https://example.org/']);
    } finally {
      browser.close();
      desktop.close();
      temp.remove();
    }
  });
});
