import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DocumentSource, ImportOutcome, ImportProgress } from '../../src/shared/model';
import type { Result } from '../../src/shared/result';
import { encryptWithQpdf, manyPagePdf } from '../support/import-fixtures';
import { messageWithAttachment } from '../support/mime-fixtures';
import { imagePdf, knownText, scannedPages } from '../support/ocr-fixtures';
import type { WatchedLibrary } from '../support/watched-library';
import { watchedLibrary } from '../support/watched-library';

// An e-mail's attachment imported through the contract as the Source panel imports it, under
// a jobId: the same importProgress events as a chosen file (named by the attachment, pages
// read and recognized), Cancel with nothing stored and the same words, the password retried
// under the same job, on a real core with the real PDF reader and OCR in their workers.

let temp: WatchedLibrary['temp'];
let core: WatchedLibrary['core'];
let progress: ImportProgress[];
let shortPdf: Uint8Array;
let longPdf: Uint8Array;

beforeAll(async () => {
  [shortPdf, longPdf] = await Promise.all([manyPagePdf(6, 'Six Days at the Harbour'), manyPagePdf(400)]);
}, 60_000);

let library: WatchedLibrary;
beforeEach(() => {
  library = watchedLibrary();
  ({ temp, core, progress } = library);
});
afterEach(() => library.close());

/** Imports a message carrying `bytes` as `fileName`; its document id. */
async function messageCarrying(fileName: string, bytes: Uint8Array, subject = 'Fwd: harbour log'): Promise<string> {
  const eml = messageWithAttachment(subject, 'The log is attached.', { fileName, mimeType: 'application/pdf', bytes });
  const imported = (await core.call('importDocument', {
    fileName: 'fwd.eml',
    dataBase64: eml.toString('base64'),
  })) as Result<ImportOutcome>;
  if (!imported.ok) throw new Error(imported.error.message);
  // Only the attachment's events count: the message's own import is forgotten.
  progress.length = 0;
  return imported.value.document.id;
}

const importAttachment = (input: { documentId: string; index: number; password?: string; jobId?: string }) =>
  core.call('importAttachment', input) as Promise<Result<ImportOutcome>>;

/** Cancels `jobId` at the first progress event `when` accepts; resolves with cancelImport's answer. */
function cancelWhen(jobId: string, when: (event: ImportProgress) => boolean): Promise<unknown> {
  let asked = false;
  return new Promise((resolve) => {
    core.events.subscribe((envelope) => {
      if (envelope.event !== 'importProgress' || asked || !when(envelope.payload)) return;
      asked = true;
      void core.call('cancelImport', { jobId }).then(resolve);
    });
  });
}

describe('importAttachment under a jobId', () => {
  it('reports each page read under the attachment’s name, then storing, then done, and stores it linked to its message', async () => {
    const messageId = await messageCarrying('harbour log.pdf', shortPdf);
    const result = await importAttachment({ documentId: messageId, index: 0, jobId: 'job-log' });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value).toMatchObject({ created: true, document: { title: 'Six Days at the Harbour' } });
    const reading = progress.filter((event) => event.stage === 'reading');
    expect(reading.map((event) => event.done)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(reading.every((event) => event.jobId === 'job-log' && event.fileName === 'harbour log.pdf')).toBe(true);
    expect(reading.every((event) => event.total === 6)).toBe(true);
    expect(progress.slice(-2)).toEqual([
      { jobId: 'job-log', fileName: 'harbour log.pdf', stage: 'storing', done: 1, total: 1 },
      { jobId: 'job-log', fileName: 'harbour log.pdf', stage: 'done', done: 1, total: 1 },
    ]);
    const message = (await core.call('getDocumentSource', { id: messageId })) as Result<DocumentSource>;
    expect(message.ok && message.value.importedAttachments).toEqual([
      { index: 0, documentId: result.value.document.id },
    ]);
  }, 60_000);

  it('stops mid-read on Cancel, stores nothing, says so as for a file, and imports in full afterwards', async () => {
    const messageId = await messageCarrying('long log.pdf', longPdf);
    const before = core.documents.count();
    const answered = cancelWhen('job-long', (event) => event.stage === 'reading' && event.done === 3);
    const result = await importAttachment({ documentId: messageId, index: 0, jobId: 'job-long' });
    expect(await answered).toEqual({ ok: true, value: { cancelled: true } });
    expect(result).toEqual({
      ok: false,
      error: { code: 'CANCELLED', message: 'Importing “long log.pdf” was cancelled. Nothing was imported.' },
    });
    expect(Math.max(...progress.filter((event) => event.stage === 'reading').map((event) => event.done))).toBeLessThan(
      400,
    );
    expect(progress.at(-1)).toMatchObject({ jobId: 'job-long', stage: 'done' });
    expect(core.documents.count()).toBe(before);
    const message = (await core.call('getDocumentSource', { id: messageId })) as Result<DocumentSource>;
    expect(message.ok && (message.value.importedAttachments ?? [])).toEqual([]);
    // Nothing half-stored stands in the way of the whole import.
    const again = await importAttachment({ documentId: messageId, index: 0 });
    expect(again).toMatchObject({ ok: true, value: { created: true } });
  }, 120_000);

  it('reports a scanned attachment’s pages as they are recognized, and Cancel then stores nothing', async () => {
    const scan = await imagePdf(await scannedPages([knownText(31, 30), knownText(32, 30), knownText(33, 30)]));
    const messageId = await messageCarrying('scanned letter.pdf', scan, 'Fwd: scanned letter');
    const before = core.documents.count();
    const answered = cancelWhen('job-scan', (event) => event.stage === 'recognizing');
    const result = await importAttachment({ documentId: messageId, index: 0, jobId: 'job-scan' });
    expect(await answered).toEqual({ ok: true, value: { cancelled: true } });
    expect(progress.find((event) => event.stage === 'recognizing')).toMatchObject({
      jobId: 'job-scan',
      fileName: 'scanned letter.pdf',
      total: 3,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(core.documents.count()).toBe(before);
  }, 120_000);

  it('asks for an encrypted attachment’s password and opens it on the retry under the same job', async () => {
    const locked = encryptWithQpdf(await manyPagePdf(2, 'Two Locked Days'), temp.path, 'tide-table');
    const messageId = await messageCarrying('locked log.pdf', locked);
    const asked = await importAttachment({ documentId: messageId, index: 0, jobId: 'job-locked' });
    expect(asked).toMatchObject({ ok: false, error: { code: 'PASSWORD_REQUIRED' } });
    expect(progress.at(-1)).toMatchObject({ jobId: 'job-locked', fileName: 'locked log.pdf', stage: 'done' });
    const opened = await importAttachment({
      documentId: messageId,
      index: 0,
      password: 'tide-table',
      jobId: 'job-locked',
    });
    expect(opened).toMatchObject({ ok: true, value: { created: true, document: { title: 'Two Locked Days' } } });
    expect(progress.filter((event) => event.stage === 'reading').map((event) => event.done)).toEqual([1, 2]);
  }, 60_000);

  it('refuses an attachment the message does not have without starting a job', async () => {
    const messageId = await messageCarrying('harbour log.pdf', shortPdf);
    const missing = await importAttachment({ documentId: messageId, index: 4, jobId: 'job-missing' });
    expect(missing).toMatchObject({
      ok: false,
      error: {
        code: 'NOT_FOUND',
        message: `Document ${messageId} has no attachment number 5: its only attachment is 1 “harbour log.pdf”.`,
      },
    });
    expect(progress).toEqual([]);
  });

  it('refuses a jobId that is empty or too long, as importDocument does', async () => {
    const messageId = await messageCarrying('harbour log.pdf', shortPdf);
    const before = core.documents.count();
    for (const jobId of ['', 'j'.repeat(101)])
      expect(await importAttachment({ documentId: messageId, index: 0, jobId })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
    expect(core.documents.count()).toBe(before);
  });
});
