// What the app says after importing several files at once: every file, good or bad.
import { describe, expect, it } from 'vitest';
import { importMessages, outcomeOf } from '../../src/renderer/src/library/import-report';
import type { DocumentSummary } from '../../src/shared/model';

describe('the messages after an import', () => {
  it('names every failed file with its own reason, and still says which files came in', () => {
    const messages = importMessages([
      { fileName: 'random.bin', outcome: 'failed', reason: 'It is a binary file.' },
      { fileName: 'latin1.txt', outcome: 'failed', reason: 'It is not UTF-8 text.' },
      { fileName: 'field-note.txt', outcome: 'imported' },
      { fileName: 'blank.txt', outcome: 'failed', reason: '“blank.txt” is empty.' },
    ]);
    expect(messages).toEqual([
      { text: 'Imported field-note.txt', kind: 'info' },
      {
        text: "Couldn't import 3 files:\n• random.bin: It is a binary file.\n• latin1.txt: It is not UTF-8 text.\n• “blank.txt” is empty.",
        kind: 'error',
      },
    ]);
  });

  it('shows a mailbox’s message left out as an error that stays, beside the news of what came in', () => {
    const leftOut = '“inbox.mbox”: its last message, message 3, was not imported: the file ends in the middle of it.';
    const summary = { id: 'd1', title: 'Cistern' } as DocumentSummary;
    const file = outcomeOf('inbox.mbox', {
      ok: true,
      value: { document: summary, created: true, also: [{ document: summary, created: true }], leftOut: [leftOut] },
    });
    expect(importMessages([file])).toEqual([
      { text: 'Imported inbox.mbox', kind: 'info', documentId: 'd1' },
      { text: leftOut, kind: 'error' },
    ]);
  });

  it('says how many Word comments could not become margin notes, and nothing when all could', () => {
    expect(
      importMessages([
        { fileName: 'memo.docx', outcome: 'imported', documentId: 'd1', notesNotPlaced: 2 },
        { fileName: 'plain.docx', outcome: 'imported', notesNotPlaced: 0 },
      ]),
    ).toEqual([
      { text: 'Imported memo.docx, plain.docx', kind: 'info' },
      {
        text: '2 comments in memo.docx commented on text that is not in the document (an image, a header), so did not become margin notes.',
        kind: 'info',
      },
    ]);
  });

  it('says a file identical to one in the library is already there, and a single failure in one line', () => {
    expect(
      importMessages([
        { fileName: 'report.txt', outcome: 'existing', title: 'Report' },
        { fileName: 'blank.txt', outcome: 'failed', reason: 'It is empty.' },
      ]),
    ).toEqual([
      { text: 'report.txt is already in the library as “Report”.', kind: 'info' },
      { text: "Couldn't import blank.txt: It is empty.", kind: 'error' },
    ]);
  });

  it('names the document a message is about, so it can offer to open it, but not when several came in', () => {
    expect(
      importMessages([
        { fileName: 'a.txt', outcome: 'imported', documentId: 'doc-a' },
        { fileName: 'report.txt', outcome: 'existing', title: 'Report', documentId: 'doc-r' },
      ]),
    ).toEqual([
      { text: 'Imported a.txt', kind: 'info', documentId: 'doc-a' },
      { text: 'report.txt is already in the library as “Report”.', kind: 'info', documentId: 'doc-r' },
    ]);
    expect(
      importMessages([
        { fileName: 'a.txt', outcome: 'imported', documentId: 'doc-a' },
        { fileName: 'b.txt', outcome: 'imported', documentId: 'doc-b' },
      ]),
    ).toEqual([{ text: 'Imported a.txt, b.txt', kind: 'info' }]);
  });

  it('says how many messages of a mailbox imported again were already in the library', () => {
    const doc = (id: string) => ({ id, title: `Message ${id}` }) as DocumentSummary;
    const outcome = (...created: boolean[]) => ({
      ok: true as const,
      value: {
        document: doc('m0'),
        created: created[0]!,
        also: created.slice(1).map((made, index) => ({ document: doc(`m${index + 1}`), created: made })),
      },
    });
    expect(importMessages([outcomeOf('inbox.mbox', outcome(false, false, false))])).toEqual([
      { text: 'All 3 messages in inbox.mbox are already in the library.', kind: 'info' },
    ]);
    // The first message was there already but another is new: the file did import.
    expect(importMessages([outcomeOf('inbox.mbox', outcome(false, true, false))])).toEqual([
      { text: 'Imported inbox.mbox', kind: 'info', documentId: 'm0' },
      {
        text: 'inbox.mbox: 1 new message, 2 already in the library (they were not imported again).',
        kind: 'info',
      },
    ]);
    expect(importMessages([outcomeOf('inbox.mbox', outcome(true, true))])).toEqual([
      { text: 'Imported inbox.mbox', kind: 'info', documentId: 'm0' },
    ]);
  });

  it('names a web address that failed once, not in the heading and again in the reason', () => {
    const url = 'https://example.org/gone';
    expect(
      importMessages([
        { fileName: url, outcome: 'failed', reason: `${url} answered 404 Not Found. Nothing was imported.` },
      ]),
    ).toEqual([{ text: `Couldn't import: ${url} answered 404 Not Found. Nothing was imported.`, kind: 'error' }]);
  });

  it('says when a scan read poorly and how to read it again in the other language, and nothing when it read well', () => {
    const summary = { id: 'd1', title: 'Lettre' } as DocumentSummary;
    const poor = outcomeOf('lettre.png', {
      ok: true,
      value: { document: summary, created: true, ocr: { meanConfidence: 82.4, languages: 'eng' } },
    });
    expect(importMessages([poor])).toEqual([
      { text: 'Imported lettre.png', kind: 'info', documentId: 'd1' },
      {
        text:
          'lettre.png was read as English with a low mean OCR confidence (82%): if it is in French, delete it, ' +
          'choose French under Settings › Language of scanned pages (OCR) and import it again.',
        kind: 'info',
      },
    ]);
    const good = outcomeOf('letter.png', {
      ok: true,
      value: { document: summary, created: true, ocr: { meanConfidence: 95.8, languages: 'eng' } },
    });
    expect(importMessages([good])).toEqual([{ text: 'Imported letter.png', kind: 'info', documentId: 'd1' }]);
  });
});
