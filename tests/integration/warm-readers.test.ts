// The reader worker a host that stays open (the app, the browser host) keeps waiting between
// imports: none before the first read, one with the last kind's reader after each read, taken
// by the next read, ended when left unused or when the library closes.
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it, vi } from 'vitest';
import type { Worker } from 'node:worker_threads';
import { defaultReaderWorkerEntry, workerReader } from '../../src/core/import/reader-worker-host';
import { WarmReaders } from '../../src/core/import/warm-readers';
import { buildDocx, DOCX_TITLE } from '../support/docx-fixture';

const entry = defaultReaderWorkerEntry();
/** The next worker starts once the thread is done with the read's own work (see warm-readers.ts). */
const afterRead = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const limits = { maxOldGenerationSizeMb: 256, timeoutMs: 60_000 };

async function readWith(warm: WarmReaders): Promise<string> {
  const bytes = await buildDocx();
  const document = await workerReader('docx', entry, limits, warm)({ fileName: 'report.docx', bytes });
  return document.title;
}

describe('warm reader workers', () => {
  it('start nothing until the host asks to keep readers warm', async () => {
    const warm = new WarmReaders(entry, undefined, limits);
    try {
      expect(await readWith(warm)).toBe(DOCX_TITLE);
      expect(warm.isWaiting).toBe(false);
    } finally {
      warm.close();
    }
  }, 60_000);

  it('keep a worker waiting after a read, which the next read takes and reads the same document with', async () => {
    const warm = new WarmReaders(entry, undefined, limits);
    warm.keepWarm();
    const take = vi.spyOn(warm, 'take');
    try {
      expect(warm.isWaiting).toBe(false);
      expect(await readWith(warm)).toBe(DOCX_TITLE);
      expect(take.mock.results[0]?.value).toBeUndefined();
      await afterRead();
      expect(warm.isWaiting).toBe(true);
      expect(await readWith(warm)).toBe(DOCX_TITLE);
      expect(take.mock.results[1]?.value).toBeDefined();
      // Taken, it is replaced once that read has ended: one waits again, never two.
      expect(warm.isWaiting).toBe(false);
      await afterRead();
      expect(warm.isWaiting).toBe(true);
    } finally {
      warm.close();
    }
  }, 60_000);

  it('end the waiting worker once it has gone unused for the idle time', async () => {
    const warm = new WarmReaders(entry, undefined, limits, 300);
    warm.keepWarm();
    try {
      warm.readEnded('docx');
      expect(warm.isWaiting).toBe(false);
      await afterRead();
      expect(warm.isWaiting).toBe(true);
      await sleep(600);
      expect(warm.isWaiting).toBe(false);
      expect(warm.take(entry, limits)).toBeUndefined();
    } finally {
      warm.close();
    }
  }, 30_000);

  it('keep the Word reader loaded in the waiting worker, but leave a bare one after a PDF, whose pdf.js would hold 150 MB', async () => {
    const warm = new WarmReaders(entry, undefined, limits);
    warm.keepWarm();
    try {
      warm.readEnded('docx');
      await afterRead();
      expect(warm.waitingWith).toEqual(['docx']);
      warm.readEnded('pdf');
      await afterRead();
      expect(warm.isWaiting).toBe(true);
      expect(warm.waitingWith).toEqual([]);
    } finally {
      warm.close();
    }
  });

  it('end the waiting worker when closed, and start none after', async () => {
    const warm = new WarmReaders(entry, undefined, limits);
    warm.keepWarm();
    warm.readEnded('pdf');
    await afterRead();
    const waiting = warm.take(entry, limits) as Worker;
    expect(waiting).toBeDefined();
    await waiting.terminate();
    // Closed between a read's end and the worker's start: none starts.
    warm.readEnded('pdf');
    warm.close();
    await afterRead();
    expect(warm.isWaiting).toBe(false);
    warm.readEnded('docx');
    await afterRead();
    expect(warm.isWaiting).toBe(false);
  }, 30_000);

  it('hand out a worker only for reads on its entry and under its limits', async () => {
    const warm = new WarmReaders(entry, undefined, limits);
    warm.keepWarm();
    warm.readEnded('docx');
    await afterRead();
    try {
      expect(warm.take(entry, { ...limits, timeoutMs: 5 })).toBeUndefined();
      expect(warm.take(new URL('./elsewhere.mjs', entry), limits)).toBeUndefined();
      expect(warm.isWaiting).toBe(true);
    } finally {
      warm.close();
    }
  });
});
