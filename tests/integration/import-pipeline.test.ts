import { zipSync, strToU8 } from 'fflate';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { DocumentImporter } from '../../src/core/import';
import type { ReaderRegistry } from '../../src/core/import/formats';
import { readDocx } from '../../src/core/import/formats/docx-reader';
import { workerReader } from '../../src/core/import/reader-worker-host';
import type { DocumentSource, ImportOutcome } from '../../src/shared/model';
import { pageAt } from '../../src/shared/page-map';
import { UserFacingError } from '../../src/shared/result';
import { buildDocx, COMMENTS, DOCX_TITLE, FOOTNOTE } from '../support/docx-fixture';
import { importerFor } from '../support/importer';

import { useTempCore } from '../support/temp-core';
import { TEST_READERS } from '../support/test-readers';

// The import pipeline with small test readers registered through its `readers` seam: files
// typed by their bytes, refusals that say what the bytes are, readers in a worker that crash,
// eat memory, spin or are cancelled without anything stored, and provenance kept.

const library = useTempCore();

const TEST_WORKER = new URL('../support/test-reader-worker.ts', import.meta.url);

function importerWith(readers: ReaderRegistry, splitMbox?: (bytes: Uint8Array) => Uint8Array[]): DocumentImporter {
  return importerFor(library.core, readers, splitMbox);
}

const pdf = (body: string) => Buffer.from(`%PDF-1.7\n${body}`, 'latin1');
const PAGED = '== page 1 i\nThe preface.\n== page 2\nA harbour at dawn.\nBoats.\n== page 3\nThe end.';

async function failureOf(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof UserFacingError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected the import to fail');
}

async function sourceOf(id: string): Promise<DocumentSource> {
  const result = await library.core.call('getDocumentSource', { id });
  if (!result.ok) throw new Error(result.error.message);
  return result.value as DocumentSource;
}

describe('typing files by their bytes', () => {
  it('imports PDF bytes as a PDF whatever the name says', async () => {
    const importer = importerWith(TEST_READERS);
    for (const name of ['scan.txt', 'scan', 'scan.bin']) {
      const outcome = await importer.importFile(name, pdf(`${PAGED}\n${name}`));
      expect(outcome.created).toBe(true);
      expect(outcome.document.sourceType).toBe('pdf');
      expect(outcome.document.title).toBe('Paged test document');
    }
  });

  it('tells a Word document from an EPUB from any other zip by what is inside', async () => {
    const docx = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>') });
    expect((await importerWith(TEST_READERS).importFile('memo.pdf', docx)).document.sourceType).toBe('docx');
    const epub = zipSync({
      mimetype: [strToU8('application/epub+zip'), { level: 0 }],
      'OEBPS/a.xhtml': strToU8('<p/>'),
    });
    expect(await failureOf(importerWith(TEST_READERS).importFile('book.epub', epub))).toEqual({
      code: 'UNSUPPORTED_TYPE',
      message: "“book.epub” is an EPUB book, and this Marginalia can't read those yet. Nothing was imported.",
    });
    const other = zipSync({ 'a.txt': strToU8('hello') });
    expect((await failureOf(importerWith(TEST_READERS).importFile('memo.docx', other))).message).toMatch(
      /^“memo\.docx” is a zip archive, but not a Word document \(\.docx\) or an EPUB book/,
    );
  });

  it('refuses a file named as a PDF whose bytes are not one, saying what they are', async () => {
    const importer = importerWith(TEST_READERS);
    expect(await failureOf(importer.importFile('notes.pdf', Buffer.from('just some notes\n')))).toEqual({
      code: 'UNSUPPORTED_TYPE',
      message:
        '“notes.pdf” is named as a PDF, but its bytes are text, not a PDF. Nothing was imported. Rename it to .txt, .md or .html to import it as text.',
    });
    expect(
      (await failureOf(importer.importFile('photo.pdf', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1])))).message,
    ).toBe('“photo.pdf” is named as a PDF, but its bytes are binary data, not a PDF. Nothing was imported.');
    expect(library.core.documents.count()).toBe(0);
  });

  it('refuses a type with no reader registered yet, naming the type', async () => {
    expect(await failureOf(importerWith({}).importFile('scan.pdf', pdf(PAGED)))).toEqual({
      code: 'UNSUPPORTED_TYPE',
      message: "“scan.pdf” is a PDF, and this Marginalia can't read those yet. Nothing was imported.",
    });
  });

  it('imports text files as before, a note that starts with a From: line staying text', async () => {
    const importer = importerWith(TEST_READERS);
    const memo = await importer.importFile('memo.md', Buffer.from('From: Ada\nTo: Ben\n\n# Plans\n\nThe plan.'));
    expect(memo.document.sourceType).toBe('md');
    const message = await importer.importFile(
      'message',
      Buffer.from('From: Ada\nSubject: Plans\nMessage-ID: <1@x>\n\nThe plan.'),
    );
    expect([message.document.sourceType, message.document.title]).toEqual(['eml', 'Plans']);
  });
});

describe('a Word file cut short', () => {
  it('is refused as damaged or cut short, not as some other zip to unpack', async () => {
    const whole = await buildDocx();
    const importer = importerWith({ docx: readDocx });
    const error = await failureOf(importer.importFile('memo.docx', whole.slice(0, Math.floor(whole.length / 2))));
    expect(error).toEqual({
      code: 'INVALID_INPUT',
      message:
        '“memo.docx” is damaged or cut short (a download that did not finish, say): ' +
        'the list of its contents, kept at the end of the file, is missing. Nothing was imported.',
    });
  });
});

describe('a file already in the library', () => {
  it('is known by its bytes and returned at once, its reader not run again', async () => {
    let reads = 0;
    const counting: ReaderRegistry = {
      ...TEST_READERS,
      pdf: (input) => {
        reads += 1;
        return TEST_READERS.pdf!(input);
      },
    };
    const importer = importerWith(counting);
    const first = await importer.importFile('report.pdf', pdf(PAGED));
    const again = await importer.importFile('copy of report.pdf', pdf(PAGED));
    expect(first.created).toBe(true);
    expect(again).toEqual({ document: first.document, created: false });
    expect(reads).toBe(1);
  });
});

describe('readers in a worker', () => {
  const limits = { maxOldGenerationSizeMb: 64, timeoutMs: 20_000 };
  const inWorker = (overrides: Partial<typeof limits> = {}) =>
    importerWith({ pdf: workerReader('pdf', TEST_WORKER, { ...limits, ...overrides }) });

  it('read a PDF in a worker and store it with its page map', async () => {
    const outcome = await inWorker().importFile('scan.pdf', pdf(PAGED));
    const text = library.core.documents.canonicalText(outcome.document.id);
    const { provenance } = await sourceOf(outcome.document.id);
    expect(provenance?.pageMap.map((entry) => [entry.number, entry.label])).toEqual([
      [1, 'i'],
      [2, undefined],
      [3, undefined],
    ]);
    expect(pageAt(provenance!.pageMap, text.indexOf('Boats'))?.number).toBe(2);
    expect(pageAt(provenance!.pageMap, text.indexOf('The end'))?.number).toBe(3);
    expect(pageAt(provenance!.pageMap, text.indexOf('The preface'))?.label).toBe('i');
    expect(pageAt(provenance!.pageMap, 0)).toBeUndefined();
  }, 30_000);

  it('turn a reader that crashes into a specific error and store nothing', async () => {
    const failure = await failureOf(inWorker().importFile('scan.pdf', pdf('CRASH')));
    expect(failure.code).toBe('READER_FAILED');
    expect(failure.message).toBe(
      'The PDF reader failed (the test reader crashed) on “scan.pdf”. Nothing was imported.',
    );
    expect(library.core.documents.count()).toBe(0);
  }, 30_000);

  it('stop a reader that eats more memory than its limit', async () => {
    const failure = await failureOf(inWorker().importFile('big.pdf', pdf('HOG')));
    expect(failure).toEqual({
      code: 'READER_FAILED',
      message: 'The PDF reader needed more than its 64 MB of memory on “big.pdf”. Nothing was imported.',
    });
    expect(library.core.documents.count()).toBe(0);
  }, 60_000);

  it('stop a reader that runs past its time', async () => {
    const failure = await failureOf(inWorker({ timeoutMs: 1500 }).importFile('loop.pdf', pdf('SPIN')));
    expect(failure.message).toBe('The PDF reader took longer than 2 s on “loop.pdf”. Nothing was imported.');
    expect(library.core.documents.count()).toBe(0);
  }, 30_000);

  it('end the worker when the import is cancelled', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const pending = inWorker().importFile('loop.pdf', pdf('SPIN'), { signal: controller.signal });
    setTimeout(() => controller.abort(), 300);
    expect(await failureOf(pending)).toEqual({
      code: 'CANCELLED',
      message: 'Importing “loop.pdf” was cancelled. Nothing was imported.',
    });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(library.core.documents.count()).toBe(0);
  }, 30_000);

  it('start from the built entries beside the CLI and desktop bundles (out/, made by npm run build)', async () => {
    for (const built of ['../../out/cli/reader-worker.mjs', '../../out/main/reader-worker.js']) {
      // Asked for a type the production registry never has a reader for, the built worker answers in words.
      const reader = workerReader('txt', new URL(built, import.meta.url), limits);
      expect(await failureOf(reader({ fileName: 'a.txt', bytes: pdf('x') }))).toEqual({
        code: 'UNSUPPORTED_TYPE',
        message: 'No reader for txt files.',
      });
    }
  }, 30_000);

  it('carry mammoth inside the built Word reader, not loaded from node_modules file by file at each import', () => {
    for (const folder of ['../../out/cli', '../../out/main/chunks']) {
      const dir = fileURLToPath(new URL(folder, import.meta.url));
      const chunk = readdirSync(dir).find((name) => /^docx-reader-.*\.m?js$/.test(name));
      const code = readFileSync(join(dir, chunk!), 'utf8');
      // A message of mammoth's own zip opener, so its code is here; and no load of the package by name.
      expect(code).toContain('Could not find file in options');
      expect(code).not.toMatch(/["']mammoth["']/);
    }
  });

  it('read a Word file with its notes and comments in the built CLI and desktop workers', async () => {
    const bytes = await buildDocx();
    for (const built of ['../../out/cli/reader-worker.mjs', '../../out/main/reader-worker.js']) {
      const read = await workerReader('docx', new URL(built, import.meta.url), {
        maxOldGenerationSizeMb: 256,
        timeoutMs: 20_000,
      })({ fileName: 'report.docx', bytes });
      expect(read.title).toBe(DOCX_TITLE);
      expect(read.facts?.importer).toMatch(/^mammoth \d+\.\d+\.\d+$/);
      expect(JSON.stringify(read.blocks)).toContain(FOOTNOTE);
      expect(read.notes?.map((note) => note.text)).toEqual(COMMENTS.map((comment) => comment.text));
    }
  }, 30_000);

  it("keep a reader's own refusal as it said it", async () => {
    expect(await failureOf(inWorker().importFile('locked.pdf', pdf('REFUSE')))).toEqual({
      code: 'INVALID_INPUT',
      message: 'This PDF is encrypted.',
    });
  }, 30_000);
});

describe('provenance', () => {
  it('records the file, where it came from, the importer and the page count', async () => {
    const path = join(library.path, 'Harbour scan.pdf');
    const bytes = pdf(PAGED);
    writeFileSync(path, bytes);
    const outcome = await importerWith(TEST_READERS).importFilePath(path);
    const { provenance } = await sourceOf(outcome.document.id);
    expect(provenance).toMatchObject({
      fileName: 'Harbour scan.pdf',
      sourceType: 'pdf',
      mimeType: 'application/pdf',
      size: bytes.length,
      origin: { kind: 'file', path },
      importer: 'test-pdf 1.0',
      pageCount: 3,
    });
    expect(provenance?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(Date.parse(provenance!.importedAt)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('is recorded for text imports too, and is null for documents from before it was kept', async () => {
    const text = await importerWith({}).importFile('note.txt', Buffer.from('A plain note.'));
    expect((await sourceOf(text.document.id)).provenance).toMatchObject({
      importer: 'marginalia plain text',
      origin: { kind: 'upload' },
    });
    library.core.db.prepare(`UPDATE documents SET provenance_json = '{}'`).run();
    expect((await sourceOf(text.document.id)).provenance).toBeNull();
  });

  it("keeps a Word document's comments with their authors as names", async () => {
    const docx = zipSync({ 'word/document.xml': strToU8('<w:document/>') });
    const outcome = await importerWith(TEST_READERS).importFile('memo.docx', docx);
    expect((await sourceOf(outcome.document.id)).provenance?.notes).toEqual([
      { quote: 'budget', text: 'Which year?', author: 'Mallory', createdAt: '2026-01-02T00:00:00Z' },
    ]);
  });
});

const MESSAGE = (n: number, extra = '') =>
  Buffer.from(
    `From: Ada <ada@example.org>\nSubject: Report ${n}\nMessage-ID: <m${n}@example.org>\n${extra}\nBody of message ${n}.\n`,
  );

describe('e-mail', () => {
  it('lists attachments in the provenance and imports one later as a linked document', async () => {
    const importer = importerWith(TEST_READERS);
    const message = await importer.importFile('report.eml', MESSAGE(1, 'Attach: notes.txt=Minutes of the meeting.\n'));
    const { provenance } = await sourceOf(message.document.id);
    expect(provenance?.attachments).toEqual([
      {
        index: 0,
        fileName: 'notes.txt',
        mimeType: 'text/plain',
        size: 23,
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
    ]);
    const attached = await importer.importAttachment(message.document.id, 0);
    expect(library.core.documents.canonicalText(attached.document.id)).toContain('Minutes of the meeting.');
    expect((await sourceOf(attached.document.id)).provenance?.origin).toEqual({
      kind: 'attachment',
      messageId: '<m1@example.org>',
      attachmentName: 'notes.txt',
      documentId: message.document.id,
    });
    expect(await failureOf(importer.importAttachment(message.document.id, 5))).toEqual({
      code: 'NOT_FOUND',
      message: `Document ${message.document.id} has no attachment number 6: its only attachment is 1 “notes.txt”.`,
    });
  });

  it('names what a message does carry when asked for an attachment number it lacks', async () => {
    const importer = importerWith(TEST_READERS);
    const two = 'Attach: notes.txt=Minutes.\nAttach: plan.txt=The plan.\n';
    const message = await importer.importFile('report.eml', MESSAGE(2, two));
    expect(await failureOf(importer.importAttachment(message.document.id, 2))).toEqual({
      code: 'NOT_FOUND',
      message: `Document ${message.document.id} has no attachment number 3: its attachments are 1 “notes.txt” and 2 “plan.txt”.`,
    });
    const bare = await importer.importFile('bare.eml', MESSAGE(3));
    expect((await failureOf(importer.importAttachment(bare.document.id, 0))).message).toBe(
      `Document ${bare.document.id} has no attachment number 1: it carries no attachments.`,
    );
  });

  it('links an attachment already in the library as a file to its message, both ways', async () => {
    const importer = importerWith(TEST_READERS);
    const file = await importer.importFile('notes.txt', Buffer.from('Minutes of the meeting.'));
    const message = await importer.importFile('report.eml', MESSAGE(2, 'Attach: notes.txt=Minutes of the meeting.\n'));
    const again = await importer.importAttachment(message.document.id, 0);
    expect(again).toEqual({ document: file.document, created: false });
    expect((await sourceOf(message.document.id)).importedAttachments).toEqual([
      { index: 0, documentId: file.document.id },
    ]);
    expect((await sourceOf(file.document.id)).attachedTo).toEqual([
      { documentId: message.document.id, attachmentName: 'notes.txt' },
    ]);
  });

  it('makes one document per message of an mbox, all in one go', async () => {
    const split = (bytes: Uint8Array) =>
      Buffer.from(bytes)
        .toString('utf8')
        .split(/^From .*\n/m)
        .filter((part) => part !== '')
        .map((part) => Buffer.from(part));
    const mbox = Buffer.concat([
      Buffer.from('From ada Mon Jan  1 00:00:00 2026\n'),
      MESSAGE(1),
      Buffer.from('From ada Mon Jan  1 00:00:00 2026\n'),
      MESSAGE(2),
    ]);
    const outcome: ImportOutcome = await importerWith(TEST_READERS, split).importFile('inbox.mbox', mbox);
    expect([outcome.document.title, ...(outcome.also ?? []).map((other) => other.document.title)]).toEqual([
      'Report 1',
      'Report 2',
    ]);
    expect(library.core.documents.count()).toBe(2);
  });

  it('stores none of an mbox when one message cannot be read', async () => {
    const split = () => [MESSAGE(1), Buffer.from('From: x\nSubject: BROKEN\n\nx')];
    const mbox = Buffer.concat([Buffer.from('From ada\n'), MESSAGE(1)]);
    expect(await failureOf(importerWith(TEST_READERS, split).importFile('inbox.mbox', mbox))).toEqual({
      code: 'READER_FAILED',
      message:
        'The reader for an e-mail message failed (the test e-mail reader failed) on “inbox.mbox (message 2)”. Nothing was imported.',
    });
    expect(library.core.documents.count()).toBe(0);
  });

  it('refuses an mbox while no splitter is registered', async () => {
    const failure = await failureOf(
      importerWith(TEST_READERS).importFile('inbox.mbox', Buffer.concat([Buffer.from('From ada\n'), MESSAGE(1)])),
    );
    expect(failure.code).toBe('UNSUPPORTED_TYPE');
  });
});
