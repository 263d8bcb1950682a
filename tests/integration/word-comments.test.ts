import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MarginaliaCore } from '../../src/core/core';
import { placeImportedNotes } from '../../src/core/import/imported-notes';
import { textRun } from '../../src/shared/document-blocks';
import { buildDocx, COMMENTS } from '../support/docx-fixture';
import { makeTempDir } from '../support/temp';

// Word comments become margin notes on import: anchored to the text they comment on, in
// the import's own transaction, by a name the file claims (never the local user).

let temp: ReturnType<typeof makeTempDir>;
let core: MarginaliaCore;
beforeEach(() => {
  temp = makeTempDir();
  core = new MarginaliaCore({ dataDir: temp.path, host: 'cli', version: 'test' });
});
afterEach(() => {
  core.close();
  temp.remove();
});

// Built once: the docx package stamps each build with the time, so two builds differ.
let docx: Uint8Array | undefined;

async function importDocx(fileName = 'Field report.docx') {
  docx ??= await buildDocx();
  const bytes = docx;
  const result = await core.handlers.importDocument({ fileName, dataBase64: Buffer.from(bytes).toString('base64') });
  return result;
}

describe('Word comments on import', () => {
  it('makes each comment a margin note on the text it comments on, with its author and date', async () => {
    const outcome = await importDocx();
    const documentId = outcome.document.id;
    const text = core.documents.canonicalText(documentId);
    const notes = await core.handlers.listAnnotations({ documentId });
    expect(notes).toHaveLength(2);
    const sorted = [...notes].sort((a, b) => a.target!.position.start - b.target!.position.start);
    sorted.forEach((note, index) => {
      const comment = COMMENTS[index]!;
      const { start, end } = note.target!.position;
      expect(text.slice(start, end)).toBe(comment.quote);
      expect(note.note.text.trim()).toBe(comment.text);
      expect(note.author.name).toBe(`${comment.author} (Word comment)`);
      expect(note.createdAt).toBe(comment.date);
    });
    // "the old bridge" occurs again later (a numbered item): the note stays in the Findings paragraph.
    const bridge = sorted[1]!.target!.position.start;
    expect(text.indexOf('Engineers who inspected')).toBeLessThan(bridge);
    expect(text.lastIndexOf('the old bridge')).toBeGreaterThan(bridge);
  });

  it('never gives a comment the local author id, and gives one name one id', async () => {
    const outcome = await importDocx();
    const notes = await core.handlers.listAnnotations({ documentId: outcome.document.id });
    const local = core.identity.identity().authorId;
    expect(notes.every((note) => note.author.id !== local)).toBe(true);
    expect(new Set(notes.map((note) => note.author.id)).size).toBe(2);
  });

  it('does not add the comments again when the same file is imported again', async () => {
    const first = await importDocx();
    const again = await importDocx('copy.docx');
    expect(again.created).toBe(false);
    expect(await core.handlers.listAnnotations({ documentId: first.document.id })).toHaveLength(2);
  });

  it('stores neither document nor notes when writing a note fails', async () => {
    const insert = core.annotations.store.insertRow.bind(core.annotations.store);
    let calls = 0;
    core.annotations.store.insertRow = (row) => {
      calls += 1;
      if (calls === 2) throw new Error('disk full');
      insert(row);
    };
    await expect(importDocx()).rejects.toThrow('disk full');
    expect(core.documents.list()).toHaveLength(0);
    expect(core.db.prepare('SELECT COUNT(*) AS n FROM annotations').get()).toEqual({ n: 0 });
  });
});

describe('placing imported notes', () => {
  const blocks = [
    { kind: 'paragraph' as const, children: [textRun('The bridge is old.')] },
    { kind: 'paragraph' as const, children: [textRun('A second bridge stands.')] },
  ];
  const title = 'Bridges';
  const text = `${title}\n\nThe bridge is old.\n\nA second bridge stands.`;

  it('takes the first occurrence at or after the note’s block, past the title', () => {
    const { placed } = placeImportedNotes(text, { title, byline: '' }, blocks, [
      { quote: 'bridge', blockIndex: 1, text: 'Which?', author: 'A', createdAt: '' },
    ]);
    expect(placed[0]!.start).toBe(text.lastIndexOf('bridge'));
  });

  it('counts and skips a note whose quote is not in the text', () => {
    const placement = placeImportedNotes(text, { title, byline: '' }, blocks, [
      { quote: 'tunnel', blockIndex: 0, text: 'Where?', author: 'A', createdAt: '' },
      { quote: '', blockIndex: 0, text: 'On an image', author: 'A', createdAt: '' },
    ]);
    expect(placement).toEqual({ placed: [], skipped: 2 });
  });
});
