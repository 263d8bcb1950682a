import {
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  Document as WordDocument,
  FootnoteReferenceRun,
  HeadingLevel,
  NoBreakHyphen,
  Packer,
  Paragraph,
  TextRun,
} from 'docx';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MarginaliaCore } from '../../src/core/core';
import { placeImportedNotes } from '../../src/core/import/imported-notes';
import { textRun } from '../../src/shared/document-blocks';
import { refusedSummary } from '../../src/shared/bundles';
import { buildDocx, COMMENTS } from '../support/docx-fixture';

import { useTempCore } from '../support/temp-core';

// Word comments become margin notes on import: anchored to the text they comment on, in
// the import's own transaction, by a name the file claims (never the local user).

const library = useTempCore();

// Built once: the docx package stamps each build with the time, so two builds differ.
let docx: Uint8Array | undefined;

async function importDocx(fileName = 'Field report.docx') {
  docx ??= await buildDocx();
  const bytes = docx;
  const result = await library.core.handlers.importDocument({
    fileName,
    dataBase64: Buffer.from(bytes).toString('base64'),
  });
  return result;
}

describe('Word comments on import', () => {
  it('makes each comment a margin note on the text it comments on, with its author and date', async () => {
    const outcome = await importDocx();
    const documentId = outcome.document.id;
    const text = library.core.documents.canonicalText(documentId);
    const notes = await library.core.handlers.listAnnotations({ documentId });
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
    const notes = await library.core.handlers.listAnnotations({ documentId: outcome.document.id });
    const local = library.core.identity.identity().authorId;
    expect(notes.every((note) => note.author.id !== local)).toBe(true);
    expect(new Set(notes.map((note) => note.author.id)).size).toBe(2);
  });

  it('does not add the comments again when the same file is imported again', async () => {
    const first = await importDocx();
    const again = await importDocx('copy.docx');
    expect(again.created).toBe(false);
    expect(await library.core.handlers.listAnnotations({ documentId: first.document.id })).toHaveLength(2);
  });

  it('stores neither document nor notes when writing a note fails', async () => {
    const insert = library.core.annotations.store.insertRow.bind(library.core.annotations.store);
    let calls = 0;
    library.core.annotations.store.insertRow = (row) => {
      calls += 1;
      if (calls === 2) throw new Error('disk full');
      insert(row);
    };
    await expect(importDocx()).rejects.toThrow('disk full');
    expect(library.core.documents.list()).toHaveLength(0);
    expect(library.core.db.prepare('SELECT COUNT(*) AS n FROM annotations').get()).toEqual({ n: 0 });
  });

  it('keeps a comment’s text as written: “**stars**”, “_lines_” and “1.” stay characters, not bold, italic or a list', async () => {
    const said = ['Keep the **stars** and _lines_ as typed', '1. not a list, `not code`, [not](a link)'];
    const document = new WordDocument({
      comments: { children: [{ id: 0, author: 'J. Smith', children: said.map((line) => new Paragraph(line)) }] },
      sections: [
        {
          children: [
            new Paragraph({
              children: [
                new CommentRangeStart(0) as unknown as TextRun,
                new TextRun('The ford is passable.'),
                new CommentRangeEnd(0) as unknown as TextRun,
                new TextRun({ children: [new CommentReference(0)] }),
              ],
            }),
          ],
        },
      ],
    });
    const bytes = new Uint8Array(await Packer.toBuffer(document));
    const outcome = await library.core.handlers.importDocument({
      fileName: 'stars.docx',
      dataBase64: Buffer.from(bytes).toString('base64'),
    });
    const [note] = await library.core.handlers.listAnnotations({ documentId: outcome.document.id });
    expect(note!.note.text).toBe(said.join('\n'));
    expect(note!.note.lexicalJson).not.toMatch(/"format":[1-9]|"type":"(link|list|listitem)"/);
  });
});

// A file with no title of its own, so its commented first heading becomes the title.
async function trickyDocx(): Promise<Uint8Array> {
  const start = (id: number) => new CommentRangeStart(id) as unknown as TextRun;
  const end = (id: number) => [
    new CommentRangeEnd(id) as unknown as TextRun,
    new TextRun({ children: [new CommentReference(id)] }),
  ];
  const children = [
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      children: [start(0), new TextRun('Checkpoint review'), ...end(0)],
    }),
    new Paragraph('The Checkpoint review came at dawn, before the convoy.'),
    new Paragraph({ children: [start(1), new TextRun('First paragraph of a span.')] }),
    new Paragraph({ children: [new TextRun('Second paragraph of a span.'), ...end(1)] }),
    new Paragraph({
      children: [start(2), new TextRun('Counted again'), new FootnoteReferenceRun(1), new TextRun('.'), ...end(2)],
    }),
    new Paragraph({
      children: [
        new TextRun('The pit covered '),
        start(3),
        new TextRun('40 m'),
        new TextRun({ text: '2', superScript: true }),
        ...end(3),
        new TextRun('.'),
      ],
    }),
    new Paragraph({
      children: [
        new DeletedTextRun({
          id: 9,
          author: 'A',
          date: '2024-01-01T00:00:00Z',
          children: [new FootnoteReferenceRun(2)],
        }),
        start(4),
        new TextRun({ children: ['A well', new NoBreakHyphen(), 'known ford'] }),
        new FootnoteReferenceRun(3),
        ...end(4),
      ],
    }),
  ];
  const comment = (id: number, text: string) => ({ id, author: 'J. Smith', children: [new Paragraph(text)] });
  const document = new WordDocument({
    comments: {
      children: [
        comment(0, 'On the heading.'),
        comment(1, 'Spans two.'),
        comment(2, 'Over a mark.'),
        comment(3, 'Area?'),
        comment(4, 'Which?'),
        comment(5, 'Which herders?'),
      ],
    },
    footnotes: {
      1: { children: [new Paragraph('By the second team.')] },
      2: { children: [new Paragraph('A note deleted with its mark.')] },
      3: {
        children: [new Paragraph({ children: [new TextRun('Used by '), start(5), new TextRun('herders'), ...end(5)] })],
      },
    },
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

/** Imports trickyDocx: its notes as [comment, the text it highlights, where], in reading order. */
async function importTricky() {
  const bytes = await trickyDocx();
  const outcome = await library.core.handlers.importDocument({
    fileName: 'tricky.docx',
    dataBase64: Buffer.from(bytes).toString('base64'),
  });
  const text = library.core.documents.canonicalText(outcome.document.id);
  const notes = await library.core.handlers.listAnnotations({ documentId: outcome.document.id });
  const quoted = notes
    .map((note) => ({ note: note.note.text.trim(), exact: note.target!.quote.exact, ...note.target!.position }))
    .sort((a, b) => a.start - b.start);
  for (const note of quoted) expect(note.exact).toBe(text.slice(note.start, note.end));
  return { outcome, text, quoted: quoted.map(({ note, exact, start }) => [note, exact, start]) };
}

describe('Word comments in two libraries', () => {
  it('are the same notes in both, so a bundle from one to the other brings only its signer’s own notes, refusing none', async () => {
    docx ??= await buildDocx();
    const reviewer = new MarginaliaCore({ dataDir: join(library.path, 'reviewer'), host: 'cli', version: 'test' });
    try {
      library.core.profile.rename('Ana Analyst');
      reviewer.profile.rename('Rui Reviewer');
      const path = join(library.path, 'Field report.docx');
      writeFileSync(path, docx);
      const { document } = await library.core.importFile(path);
      const theirs = (await reviewer.importFile(path)).document;
      const ids = (core: MarginaliaCore, id: string) =>
        core.annotations
          .list(id)
          .map((note) => note.id)
          .sort();
      expect(ids(reviewer, theirs.id)).toEqual(ids(library.core, document.id));
      const quote = 'the old bridge';
      const start = library.core.documents.canonicalText(document.id).indexOf(quote);
      library.core.annotations.create({
        documentId: document.id,
        start,
        end: start + quote.length,
        noteMarkdown: 'Mine',
      });
      const bundle = Buffer.from(library.core.exportBundle({ documentIds: [document.id] }).bytes);
      const plan = await reviewer.importBundle(bundle, { allowUnsigned: false, apply: true });
      expect(plan.refused).toBe(0);
      expect(plan.annotations.added).toBe(1);
      expect(reviewer.annotations.list(theirs.id)).toHaveLength(COMMENTS.length + 1);
    } finally {
      reviewer.close();
    }
  });
});

describe('Word comments in a bundle to a library without the Word file', () => {
  it('are left out, named by their authors, not called changes to other authors’ notes', async () => {
    docx ??= await buildDocx();
    const reviewer = new MarginaliaCore({ dataDir: join(library.path, 'reviewer'), host: 'cli', version: 'test' });
    try {
      library.core.profile.rename('Ana Analyst');
      const path = join(library.path, 'Field report.docx');
      writeFileSync(path, docx);
      const { document } = await library.core.importFile(path);
      const bundle = Buffer.from(library.core.exportBundle({ documentIds: [document.id] }).bytes);
      const plan = await reviewer.importBundle(bundle, { allowUnsigned: false, apply: true });
      const authors = [...new Set(COMMENTS.map((comment) => `${comment.author} (Word comment)`))];
      expect(plan.refusedNotes).toEqual({ count: COMMENTS.length, authors });
      const summary = refusedSummary(plan);
      expect(summary).toContain(`${COMMENTS.length} notes by “${authors[0]}”`);
      expect(summary).toContain("a signed bundle brings only its signer's own notes");
      expect(summary).not.toContain('claimed for other authors');
    } finally {
      reviewer.close();
    }
  });
});

describe('Word comments on the title heading, across paragraphs and over a footnote mark', () => {
  it('highlights the title for a comment on the first heading that became it, and counts none left out', async () => {
    const { outcome, quoted } = await importTricky();
    expect(outcome.document.title).toBe('Checkpoint review');
    expect(outcome.notesNotPlaced).toBeUndefined();
    expect(quoted).toHaveLength(6);
    expect(quoted[0]).toEqual(['On the heading.', 'Checkpoint review', 0]);
  });

  it('highlights the whole range of a comment that runs over two paragraphs', async () => {
    const { text, quoted } = await importTricky();
    const span = 'First paragraph of a span.\n\nSecond paragraph of a span.';
    expect(quoted).toContainEqual(['Spans two.', span, text.indexOf(span)]);
  });

  it('finds a comment whose range takes in a footnote mark, written [1] in the text', async () => {
    const { text, quoted } = await importTricky();
    expect(quoted).toContainEqual(['Over a mark.', 'Counted again[1].', text.indexOf('Counted again')]);
  });

  it('finds a comment whose range takes in an exponent, written m² in the text', async () => {
    const { text, quoted } = await importTricky();
    expect(quoted).toContainEqual(['Area?', '40 m²', text.indexOf('40 m²')]);
  });

  it('finds a comment over a no-break hyphen and a mark numbered past a deleted one', async () => {
    const { text, quoted } = await importTricky();
    expect(quoted).toContainEqual(['Which?', 'A well\u2011known ford[2]', text.indexOf('A well')]);
  });

  it('finds a comment on a footnote’s text in the notes at the end', async () => {
    const { text, quoted } = await importTricky();
    expect(text.lastIndexOf('herders')).toBeGreaterThan(text.indexOf('\n\nNotes\n\n'));
    expect(quoted).toContainEqual(['Which herders?', 'herders', text.lastIndexOf('herders')]);
  });
});

describe('a Word comment over a whole long document', () => {
  it('highlights all of it, though its quote is too long for one regular expression', async () => {
    const lines = Array.from(
      { length: 1500 },
      (_, index) => `Paragraph ${index}: the convoy passed the checkpoint again.`,
    );
    const children = lines.map(
      (line, index) =>
        new Paragraph({
          children: [
            ...(index === 0 ? [new CommentRangeStart(0) as unknown as TextRun] : []),
            new TextRun(line),
            ...(index === lines.length - 1 ? [new CommentRangeEnd(0) as unknown as TextRun] : []),
          ],
        }),
    );
    const file = new WordDocument({
      title: 'Long',
      comments: { children: [{ id: 0, author: 'A', children: [new Paragraph('All of it.')] }] },
      sections: [{ children }],
    });
    const bytes = await Packer.toBuffer(file);
    const outcome = await library.core.handlers.importDocument({
      fileName: 'long.docx',
      dataBase64: bytes.toString('base64'),
    });
    const text = library.core.documents.canonicalText(outcome.document.id);
    const [note] = await library.core.handlers.listAnnotations({ documentId: outcome.document.id });
    expect(note!.target!.position).toEqual({
      type: 'TextPositionSelector',
      start: text.indexOf('Paragraph 0'),
      end: text.length,
    });
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
