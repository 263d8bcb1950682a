import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MarginaliaCore } from '../../src/core/core';
import type { ImportProgress } from '../../src/shared/model';
import { manyPagePdf } from '../support/import-fixtures';
import { makeTempDir } from '../support/temp';
import type { TransportUnderTest } from '../support/transports';
import { httpTransport, ipcTransport } from '../support/transports';

// What the desktop's preload and the browser host's page get of an import under a jobId:
// the importProgress events pushed to them, and Cancel import through cancelImport.

const transports: Array<[string, (core: MarginaliaCore, dir: string) => Promise<TransportUnderTest>]> = [
  ['Electron IPC', async (core) => ipcTransport(core)],
  ['browser host HTTP', (core, dir) => httpTransport(core, join(dir, 'renderer'))],
];

let longPdf: Uint8Array;
beforeAll(async () => {
  longPdf = await manyPagePdf(300);
}, 60_000);

describe.each(transports)('an import over %s', (_name, connect) => {
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

  it('pushes its progress to the page and stops on cancelImport', async () => {
    const { client } = transport;
    const seen: ImportProgress[] = [];
    const stop = client.on('importProgress', (event) => {
      seen.push(event);
      if (event.done === 2 && event.stage === 'reading') void client.cancelImport({ jobId: 'job-1' });
    });
    const result = await client.importDocument({
      fileName: 'long.pdf',
      dataBase64: Buffer.from(longPdf).toString('base64'),
      jobId: 'job-1',
    });
    stop();
    expect(result).toEqual({
      ok: false,
      error: { code: 'CANCELLED', message: 'Importing “long.pdf” was cancelled. Nothing was imported.' },
    });
    expect(seen.slice(0, 2)).toEqual([
      { jobId: 'job-1', fileName: 'long.pdf', stage: 'reading', done: 1, total: 300 },
      { jobId: 'job-1', fileName: 'long.pdf', stage: 'reading', done: 2, total: 300 },
    ]);
    expect(core.documents.count()).toBe(0);
  }, 60_000);
});
