import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MarginaliaCore } from '../../src/core/core';
import { fetchUrl } from '../../src/core/import/fetch-url';
import type { DocumentDetail, ImportOutcome, ImportProgress } from '../../src/shared/model';
import type { Result } from '../../src/shared/result';
import {
  closedPort,
  encryptWithQpdf,
  manyPagePdf,
  pageText,
  startTestSite,
  type TestSite,
} from '../support/import-fixtures';
import type { WatchedLibrary } from '../support/watched-library';
import { watchedLibrary } from '../support/watched-library';

// Imports as the UI runs them, through the contract on a real core with the real PDF reader in
// its worker: progress events, Cancel mid-read with nothing stored, encrypted PDFs opened with
// their password, and web addresses fetched from a server on 127.0.0.1.

let temp: WatchedLibrary['temp'];
let core: WatchedLibrary['core'];
let progress: ImportProgress[];
let longPdf: Uint8Array;
let shortPdf: Uint8Array;

beforeAll(async () => {
  longPdf = await manyPagePdf(400);
  shortPdf = await manyPagePdf(6, 'Six Days at the Harbour');
}, 60_000);

let library: WatchedLibrary;
beforeEach(() => {
  library = watchedLibrary();
  ({ temp, core, progress } = library);
});
afterEach(() => library.close());

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

async function importPdf(fileName: string, bytes: Uint8Array, extra: { password?: string; jobId?: string } = {}) {
  return (await core.call('importDocument', {
    fileName,
    dataBase64: base64(bytes),
    ...extra,
  })) as Result<ImportOutcome>;
}

async function importUrl(url: string, jobId?: string) {
  return (await core.call('importUrl', { url, ...(jobId ? { jobId } : {}) })) as Result<ImportOutcome>;
}

function failure(result: Result<unknown>): { code: string; message: string } {
  if (result.ok) throw new Error('expected the call to fail');
  return result.error;
}

describe('an import run under a jobId', () => {
  it('reports every page read, in order, then storing while the document is written, then done', async () => {
    let countWhenStoring: number | undefined;
    core.events.subscribe((envelope) => {
      if (envelope.event === 'importProgress' && envelope.payload.stage === 'storing')
        countWhenStoring = core.documents.count();
    });
    const before = core.documents.count();
    const result = await importPdf('six.pdf', shortPdf, { jobId: 'job-six' });
    expect(result.ok).toBe(true);
    expect(progress.at(-2)).toEqual({ jobId: 'job-six', fileName: 'six.pdf', stage: 'storing', done: 1, total: 1 });
    expect(countWhenStoring).toBe(before);
    const reading = progress.filter((event) => event.stage === 'reading');
    expect(reading.map((event) => event.done)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(
      reading.every((event) => event.total === 6 && event.jobId === 'job-six' && event.fileName === 'six.pdf'),
    ).toBe(true);
    expect(progress.at(-1)).toEqual({ jobId: 'job-six', fileName: 'six.pdf', stage: 'done', done: 1, total: 1 });
  }, 60_000);

  it('stops the PDF worker mid-read on Cancel and stores nothing', async () => {
    const before = core.documents.count();
    let answer: unknown;
    const cancelled = new Promise<void>((resolve) => {
      core.events.subscribe((envelope) => {
        if (envelope.event !== 'importProgress' || envelope.payload.done !== 3 || answer !== undefined) return;
        void core.call('cancelImport', { jobId: 'job-long' }).then((result) => {
          answer = result;
          resolve();
        });
      });
    });
    const result = await importPdf('long.pdf', longPdf, { jobId: 'job-long' });
    await cancelled;
    expect(answer).toEqual({ ok: true, value: { cancelled: true } });
    expect(failure(result)).toEqual({
      code: 'CANCELLED',
      message: 'Importing “long.pdf” was cancelled. Nothing was imported.',
    });
    const read = progress.filter((event) => event.stage === 'reading').map((event) => event.done);
    expect(Math.max(...read)).toBeLessThan(400);
    expect(progress.at(-1)?.stage).toBe('done');
    expect(core.documents.count()).toBe(before);
    // The same file imports in full afterwards: the cancel left nothing behind to collide with.
    expect((await importPdf('long.pdf', shortPdf)).ok).toBe(true);
  }, 120_000);

  it('answers false for a jobId that is not running', async () => {
    expect(await core.call('cancelImport', { jobId: 'never-started' })).toEqual({
      ok: true,
      value: { cancelled: false },
    });
    await importPdf('six.pdf', shortPdf, { jobId: 'job-finished' });
    expect(await core.call('cancelImport', { jobId: 'job-finished' })).toEqual({
      ok: true,
      value: { cancelled: false },
    });
  }, 60_000);
});

describe('an encrypted PDF', () => {
  it('asks for its password, says a wrong one is wrong, and opens with the right one', async () => {
    const locked = encryptWithQpdf(shortPdf, temp.path, 'tide-table');
    const asked = failure(await importPdf('locked.pdf', locked));
    expect(asked).toEqual({
      code: 'PASSWORD_REQUIRED',
      message: '“locked.pdf” is encrypted: it opens only with its password. Nothing was imported.',
    });
    const wrong = failure(await importPdf('locked.pdf', locked, { password: 'low-water' }));
    expect(wrong).toEqual({
      code: 'PASSWORD_WRONG',
      message: 'The password for “locked.pdf” is not right. Nothing was imported.',
    });
    expect(core.documents.count()).toBe(0);
    const opened = await importPdf('locked.pdf', locked, { password: 'tide-table' });
    if (!opened.ok) throw new Error(opened.error.message);
    expect(opened.value.document.title).toBe('Six Days at the Harbour');
    const text = core.documents.canonicalText(opened.value.document.id).replace(/\s+/g, ' ');
    expect(text).toContain(pageText(6).split('. ')[0]);
  }, 60_000);
});

describe('importing a web address', () => {
  let site: TestSite;
  beforeAll(async () => {
    site = await startTestSite(await manyPagePdf(3, 'Three Days at the Harbour'));
  });
  afterAll(() => site.close());

  it('reads an HTML page through Readability and keeps its address and capture time', async () => {
    const before = Date.now();
    const result = await importUrl(`${site.origin}/article`, 'job-url');
    if (!result.ok) throw new Error(result.error.message);
    const { document, created } = result.value;
    expect(created).toBe(true);
    expect(document.sourceType).toBe('html');
    expect(document.title).toBe('Notes from the quay');
    const source = await core.call('getDocumentSource', { id: document.id });
    if (!source.ok) throw new Error(source.error.message);
    const provenance = (source.value as { provenance: Record<string, unknown> }).provenance;
    expect(provenance.origin).toEqual({ kind: 'url', url: `${site.origin}/article` });
    expect(provenance.originUrl).toBe(`${site.origin}/article`);
    expect(Date.parse(String(provenance.capturedAt))).toBeGreaterThanOrEqual(before - 1000);
    expect(progress.at(-1)).toMatchObject({ jobId: 'job-url', fileName: `${site.origin}/article`, stage: 'done' });
  });

  it('keeps a page’s relative links as links to the addresses they stand for', async () => {
    const result = await importUrl(`${site.origin}/notes/linked`);
    if (!result.ok) throw new Error(result.error.message);
    const detail = (await core.call('getDocument', { id: result.value.document.id })) as Result<DocumentDetail>;
    if (!detail.ok) throw new Error(detail.error.message);
    const urls = [...detail.value.lexicalJson.matchAll(/"url":"([^"]*)"/g)].map((match) => match[1]);
    expect(urls).toEqual([
      `${site.origin}/notes/annex.html`,
      `${site.origin}/maps/quay?v=2`,
      'http://example.org/elsewhere',
      'mailto:ada@example.org',
    ]);
    expect(core.documents.canonicalText(result.value.document.id)).toContain('the top');
  });

  it('reads a PDF by its content type and bytes, through the PDF reader', async () => {
    const result = await importUrl(`${site.origin}/report`);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.document.sourceType).toBe('pdf');
    expect(result.value.document.title).toBe('Three Days at the Harbour');
    expect(result.value.document.sourceName).toBe('report.pdf');
  }, 60_000);

  it('follows a redirect and keeps both the address asked for and the one it came from', async () => {
    const result = await importUrl(`${site.origin}/moved`);
    if (!result.ok) throw new Error(result.error.message);
    const source = await core.call('getDocumentSource', { id: result.value.document.id });
    const provenance = (source as { value: { provenance: Record<string, unknown> } }).value.provenance;
    expect(provenance.origin).toEqual({ kind: 'url', url: `${site.origin}/moved` });
    expect(provenance.originUrl).toBe(`${site.origin}/article`);
  });

  it('returns the document already imported when the same address gives the same bytes', async () => {
    const first = await importUrl(`${site.origin}/article`);
    const again = await importUrl(`${site.origin}/article`);
    if (!first.ok || !again.ok) throw new Error('expected both imports to work');
    expect(again.value.created).toBe(false);
    expect(again.value.document.id).toBe(first.value.document.id);
    expect(core.documents.count()).toBe(1);
  });

  it('says which status a server answered, and that nothing was imported', async () => {
    expect(failure(await importUrl(`${site.origin}/gone`))).toEqual({
      code: 'NOT_FOUND',
      message: `${site.origin}/gone answered 404 Not Found. Nothing was imported.`,
    });
    expect(core.documents.count()).toBe(0);
  });

  it('stops an endless body at the import limit', async () => {
    const small = new MarginaliaCore({
      dataDir: temp.path + '-small',
      host: 'cli',
      version: 'test',
      maxImportMegabytes: 1,
    });
    try {
      const error = failure((await small.call('importUrl', { url: `${site.origin}/huge` })) as Result<unknown>);
      expect(error.code).toBe('TOO_LARGE');
      expect(error.message).toBe(
        `The page at ${site.origin}/huge is more than the import limit of 1.0 MB. Nothing was imported. The limit can be raised in Settings.`,
      );
      expect(small.documents.count()).toBe(0);
    } finally {
      small.close();
    }
  });

  it('refuses redirects past the limit, redirects away from the web, and addresses that are not http', async () => {
    expect(failure(await importUrl(`${site.origin}/loop`)).message).toBe(
      `${site.origin}/loop redirected more than 5 times. Nothing was imported.`,
    );
    expect(failure(await importUrl(`${site.origin}/elsewhere`)).message).toBe(
      'Marginalia imports only http and https addresses, not ftp: (“ftp://127.0.0.1/file”).',
    );
    expect(failure(await importUrl('file:///etc/passwd'))).toEqual({
      code: 'INVALID_INPUT',
      message: 'Marginalia imports only http and https addresses, not file: (“file:///etc/passwd”).',
    });
    expect(failure(await importUrl('not an address')).code).toBe('INVALID_INPUT');
  });

  it('says the server refused the connection when nothing listens at the address, not that it is offline', async () => {
    const port = await closedPort();
    expect(failure(await importUrl(`http://127.0.0.1:${port}/article`))).toEqual({
      code: 'NETWORK',
      message: `127.0.0.1:${port} refused the connection (ECONNREFUSED): no server is answering at that address and port. Nothing was imported.`,
    });
  });

  it('gives up on a server that does not answer in time, and Cancel stops a fetch', async () => {
    const limits = { timeoutMs: 300, maxRedirects: 5, maxBytes: 1024 * 1024, limitHint: '' };
    await expect(fetchUrl(`${site.origin}/slow`, limits)).rejects.toMatchObject({
      code: 'NETWORK',
      message: '127.0.0.1:' + new URL(site.origin).port + ' did not answer within 1 s. Nothing was imported.',
    });
    const pending = importUrl(`${site.origin}/slow`, 'job-slow');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await core.call('cancelImport', { jobId: 'job-slow' })).toEqual({ ok: true, value: { cancelled: true } });
    expect(failure(await pending)).toEqual({
      code: 'CANCELLED',
      message: `Importing “${site.origin}/slow” was cancelled. Nothing was imported.`,
    });
  });
});
