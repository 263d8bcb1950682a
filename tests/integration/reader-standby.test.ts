// The reader worker the CLI starts before it loads its core (a standby): it warms the reader
// the files' names call for, takes the first file read on its entry and limits, and reads it
// exactly as a worker started with the file does.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_WORKER_LIMITS,
  defaultReaderWorkerEntry,
  startWorker,
  workerReader,
} from '../../src/core/import/reader-worker-host';
import { EarlyRead } from '../../src/core/import/early-read';
import type { StandbyStart } from '../../src/core/import/reader-worker-protocol';
import { ReaderStandby, startReaderStandby, workerTypesNamed } from '../../src/core/import/standby';
import { buildDocx, DOCX_TITLE } from '../support/docx-fixture';
import { makeTempDir } from '../support/temp';

const SOURCE_ENTRY = new URL('../../src/core/import/reader-worker.ts', import.meta.url);
const limits = { maxOldGenerationSizeMb: 256, timeoutMs: 60_000 };

describe('a standby reader worker', () => {
  it('reads a Word file given after it started into the same document a worker started with the file reads', async () => {
    const bytes = await buildDocx();
    const standby = new ReaderStandby(SOURCE_ENTRY, limits, ['docx']);
    try {
      const fromStandby = await workerReader(
        'docx',
        SOURCE_ENTRY,
        limits,
        standby,
      )({
        fileName: 'report.docx',
        bytes: new Uint8Array(bytes),
      });
      const fresh = await workerReader(
        'docx',
        SOURCE_ENTRY,
        limits,
      )({
        fileName: 'report.docx',
        bytes: new Uint8Array(bytes),
      });
      expect(fromStandby.title).toBe(DOCX_TITLE);
      expect(fromStandby).toEqual(fresh);
      // Its one job taken, it is not handed out again.
      expect(standby.take(SOURCE_ENTRY, limits)).toBeUndefined();
    } finally {
      standby.close();
    }
  }, 60_000);

  it('told no job is coming, ends itself once its warm-up is over, never terminated inside it', async () => {
    // Terminating a thread inside a zlib call (the warm-up inflates a small Word file) aborted a
    // whole test process in CI: "close before init". Ended by itself, a thread exits with code 0;
    // terminated, with 1.
    const start: StandbyStart = { kind: 'standby', warm: ['docx'], rehearse: true };
    const worker = startWorker(SOURCE_ENTRY, start, limits);
    const said: unknown[] = [];
    worker.on('message', (message) => said.push(message)).on('error', (error) => said.push(error));
    const exited = new Promise<number>((resolve) => worker.once('exit', resolve));
    worker.postMessage({ kind: 'close' });
    expect(await exited).toBe(0);
    // It took the message for what it is, not for a job to read.
    expect(said).toEqual([]);
  }, 60_000);

  it('is left waiting for a read on another entry or under other limits', () => {
    const standby = new ReaderStandby(SOURCE_ENTRY, limits, []);
    try {
      expect(standby.take(new URL('./elsewhere.mjs', SOURCE_ENTRY), limits)).toBeUndefined();
      expect(standby.take(SOURCE_ENTRY, { ...limits, timeoutMs: 1000 })).toBeUndefined();
      const worker = standby.take(SOURCE_ENTRY, { ...limits });
      expect(worker).toBeDefined();
      void worker?.terminate();
    } finally {
      standby.close();
    }
  }, 30_000);

  it('warms only the worker-read types the names claim, and none starts for files read in process', () => {
    expect(workerTypesNamed(['a.DOCX', 'b.pdf', 'c.docx', 'notes.md', 'page.html', 'book.epub', 'noext'])).toEqual([
      'docx',
      'pdf',
      'epub',
    ]);
    expect(startReaderStandby(['notes.md', 'mail.eml'])).toBeUndefined();
  });

  it('is started with the limits every production read uses', () => {
    const standby = startReaderStandby(['report.docx']);
    try {
      expect(standby).toBeDefined();
      // The entry every production read uses: the default one (here the tests' bundled worker).
      const worker = standby?.take(defaultReaderWorkerEntry(), DEFAULT_WORKER_LIMITS);
      expect(worker).toBeDefined();
      void worker?.terminate();
    } finally {
      standby?.close();
    }
  }, 30_000);

  describe('named on the command line as its first file, a Word file', () => {
    let temp: ReturnType<typeof makeTempDir>;
    beforeEach(() => {
      temp = makeTempDir('marginalia-early-read-');
    });
    afterEach(() => temp.remove());

    async function wordFileAt(name: string): Promise<{ path: string; bytes: Uint8Array }> {
      const bytes = new Uint8Array(await buildDocx());
      const path = join(temp.path, name);
      writeFileSync(path, bytes);
      return { path, bytes };
    }

    const readWith = (standby: ReaderStandby | undefined, fileName: string, bytes: Uint8Array) =>
      workerReader('docx', defaultReaderWorkerEntry(), DEFAULT_WORKER_LIMITS, standby)({ fileName, bytes });

    it('is read from the start, and the import of the same name and bytes takes that read once', async () => {
      const { path, bytes } = await wordFileAt('report.docx');
      const standby = startReaderStandby([path]);
      try {
        const job = { sourceType: 'docx' as const, fileName: 'report.docx', bytes };
        const early = await standby?.earlyRead(defaultReaderWorkerEntry(), DEFAULT_WORKER_LIMITS, job, job);
        expect(early).toBeDefined();
        const fresh = await readWith(undefined, 'report.docx', bytes);
        expect(await early?.document).toEqual(fresh);
        expect(fresh.title).toBe(DOCX_TITLE);
        expect(await standby?.earlyRead(defaultReaderWorkerEntry(), DEFAULT_WORKER_LIMITS, job, job)).toBeUndefined();
      } finally {
        standby?.close();
      }
    }, 60_000);

    it('is read afresh when the import reads other bytes or another name (the file changed meanwhile)', async () => {
      const { path, bytes } = await wordFileAt('report.docx');
      const standby = startReaderStandby([path]);
      try {
        const changed = new Uint8Array(bytes);
        changed[changed.length - 30] = (changed[changed.length - 30] ?? 0) ^ 1;
        const entry = defaultReaderWorkerEntry();
        const other = { sourceType: 'docx' as const, fileName: 'report.docx', bytes: changed };
        expect(await standby?.earlyRead(entry, DEFAULT_WORKER_LIMITS, other, other)).toBeUndefined();
        const renamed = { sourceType: 'docx' as const, fileName: 'other.docx', bytes };
        expect(await standby?.earlyRead(entry, DEFAULT_WORKER_LIMITS, renamed, renamed)).toBeUndefined();
        const withPassword = { ...renamed, fileName: 'report.docx', password: 'secret' };
        expect(await standby?.earlyRead(entry, DEFAULT_WORKER_LIMITS, withPassword, withPassword)).toBeUndefined();
        expect((await readWith(standby, 'report.docx', bytes)).title).toBe(DOCX_TITLE);
      } finally {
        standby?.close();
      }
    }, 60_000);

    it('is read afresh, as it now is, when the file changed on disk between the early read and the import', async () => {
      const { path } = await wordFileAt('report.docx');
      const standby = new ReaderStandby(defaultReaderWorkerEntry(), DEFAULT_WORKER_LIMITS, ['docx']);
      try {
        await standby.readEarlyFrom(path);
        writeFileSync(path, await buildDocx({ title: 'Field report, second edition' }));
        const imported = await readWith(standby, 'report.docx', new Uint8Array(readFileSync(path)));
        expect(imported.title).toBe('Field report, second edition');
      } finally {
        standby.close();
      }
    }, 60_000);

    it('keeps only a digest of the bytes it read early, the bytes themselves moved to the worker', async () => {
      const bytes = new Uint8Array(await buildDocx());
      const standby = new ReaderStandby(defaultReaderWorkerEntry(), DEFAULT_WORKER_LIMITS, ['docx']);
      const job = { sourceType: 'docx' as const, fileName: 'report.docx', bytes };
      const again = { ...job, bytes: new Uint8Array(bytes) };
      const early = new EarlyRead(defaultReaderWorkerEntry(), DEFAULT_WORKER_LIMITS, job, standby);
      try {
        expect(bytes.byteLength).toBe(0);
        const held = JSON.stringify(early, (_key, value: unknown) => (value instanceof Uint8Array ? 'BYTES' : value));
        expect(held).not.toContain('BYTES');
        const read = early.take(defaultReaderWorkerEntry(), DEFAULT_WORKER_LIMITS, again, again);
        expect((await read)?.title).toBe(DOCX_TITLE);
      } finally {
        early.close();
        standby.close();
      }
    }, 60_000);

    it('is not handed out once the command has closed its standby', async () => {
      const { path, bytes } = await wordFileAt('report.docx');
      const standby = startReaderStandby([path]);
      standby?.close();
      const job = { sourceType: 'docx' as const, fileName: 'report.docx', bytes };
      expect(await standby?.earlyRead(defaultReaderWorkerEntry(), DEFAULT_WORKER_LIMITS, job, job)).toBeUndefined();
    });

    it('is not read early when it is a PDF, whose password and OCR setting are not known yet, nor when it is missing', async () => {
      const pdf = join(temp.path, 'scan.pdf');
      writeFileSync(pdf, '%PDF-1.4\n%%EOF\n');
      for (const path of [pdf, join(temp.path, 'missing.docx')]) {
        const standby = startReaderStandby([path]);
        try {
          const job = { sourceType: 'pdf' as const, fileName: 'scan.pdf', bytes: new Uint8Array() };
          expect(await standby?.earlyRead(defaultReaderWorkerEntry(), DEFAULT_WORKER_LIMITS, job, job)).toBeUndefined();
          // The name still warms the reader it claims.
          expect(standby?.take(defaultReaderWorkerEntry(), DEFAULT_WORKER_LIMITS)).toBeDefined();
        } finally {
          standby?.close();
        }
      }
    }, 30_000);
  });
});
