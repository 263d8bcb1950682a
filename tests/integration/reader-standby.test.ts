// The reader worker the CLI starts before it loads its core (a standby): it warms the reader
// the files' names call for, takes the first file read on its entry and limits, and reads it
// exactly as a worker started with the file does.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WORKER_LIMITS,
  defaultReaderWorkerEntry,
  workerReader,
} from '../../src/core/import/reader-worker-host';
import { ReaderStandby, startReaderStandby, workerTypesNamed } from '../../src/core/import/standby';
import { buildDocx, DOCX_TITLE } from '../support/docx-fixture';

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
});
