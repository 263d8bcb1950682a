import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync, zipSync } from 'fflate';
import {
  CommentRangeEnd,
  CommentRangeStart,
  Document as WordDocument,
  HeadingLevel,
  Packer,
  Paragraph,
  TextRun,
} from 'docx';
import { beforeAll, describe, expect, it } from 'vitest';
import { docxComments } from '../../src/core/import/formats/docx-comments';
import { readDocx } from '../../src/core/import/formats/docx-reader';
import { rehearsalDocx, rehearseDocx } from '../../src/core/import/formats/docx-rehearsal';
import type { ReadDocument } from '../../src/core/import/formats/format-reader';
import { tryParseXml } from '../../src/core/import/formats/xml';
import { readZipEntries } from '../../src/core/import/formats/zip-archive';
import type { Block, ListBlock } from '../../src/shared/document-blocks';
import { blockRuns, inlineText, tableLines, textRun } from '../../src/shared/document-blocks';
import { UserFacingError } from '../../src/shared/result';
import {
  buildDocx,
  BULLETS,
  CLOSING,
  COMMENTS,
  docxKnownText,
  DOCX_AUTHOR,
  DOCX_TITLE,
  FOOTNOTE,
  IMAGE_ALT,
  NESTED_BULLET,
  NUMBERED,
  SAFE_LINK,
  TABLE,
  TINY_PNG,
} from '../support/docx-fixture';
import { makeTempDir } from '../support/temp';
import { wordF1 } from '../support/text-score';
import { text, withDeclaredSize, zipWithZeros } from '../support/zip-hostile';

const MB = 1024 * 1024;

function blockText(block: Block): string {
  if (block.kind === 'table') return tableLines(block);
  if (block.kind !== 'list') return inlineText(block.children);
  return block.items.map((item) => [inlineText(item.children), ...item.nested.map(blockText)].join('\n')).join('\n');
}

const allText = (document: ReadDocument): string => document.blocks.map(blockText).join('\n');

async function failure(promise: Promise<unknown>): Promise<UserFacingError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(UserFacingError);
  return error as UserFacingError;
}

describe('reading a Word file', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let document: ReadDocument;

  beforeAll(async () => {
    temp = makeTempDir();
    const path = join(temp.path, 'Field report.docx');
    writeFileSync(path, await buildDocx());
    document = await readDocx({ fileName: 'Field report.docx', bytes: readFileSync(path) });
    temp.remove();
  });

  it('brings back the words of the file (word F1 at least 0.98 against the known text)', () => {
    expect(wordF1(allText(document), docxKnownText())).toBeGreaterThanOrEqual(0.98);
  });

  it('takes title, author and date from the core properties and names mammoth as the importer', () => {
    expect(document.title).toBe(DOCX_TITLE);
    expect(document.facts.author).toBe(DOCX_AUTHOR);
    expect(Date.parse(document.facts.createdAt ?? '')).toBeGreaterThan(Date.parse('2024-01-01'));
    expect(document.facts.importer).toMatch(/^mammoth \d+\.\d+\.\d+$/);
  });

  it('keeps Heading 1 and Heading 2 as headings of those levels', () => {
    const headings = document.blocks.filter((block) => block.kind === 'heading');
    expect(headings.map((block) => [block.level, inlineText(block.children)])).toEqual([
      [1, 'Introduction'],
      [2, 'Findings'],
      [1, 'Notes'],
    ]);
  });

  it('keeps a bulleted list with its nested item and a numbered list', () => {
    const lists = document.blocks.filter((block): block is ListBlock => block.kind === 'list');
    expect(lists.map((list) => list.ordered)).toEqual([false, true]);
    expect(lists[0]!.items.map((item) => inlineText(item.children))).toEqual(BULLETS);
    expect(inlineText(lists[0]!.items[0]!.nested[0]!.items[0]!.children)).toBe(NESTED_BULLET);
    expect(lists[1]!.items.map((item) => inlineText(item.children))).toEqual(NUMBERED);
  });

  it('keeps the table as a table: its cells in order, the header row marked, between the list and the closing paragraph', () => {
    const tables = document.blocks.filter((block) => block.kind === 'table');
    expect(tables).toHaveLength(1);
    const table = tables[0]!;
    expect(table.header).toBe(true);
    expect(table.rows.map((row) => row.cells.map((cell) => inlineText(cell.children)))).toEqual(TABLE);
    const at = document.blocks.indexOf(table);
    expect(document.blocks[at - 1]!.kind).toBe('list');
    expect(inlineText(blockRuns(document.blocks[at + 1]!))).toBe(CLOSING);
  });

  it('ends with the footnote as "1. text" under a Notes heading, without the back-link arrow', () => {
    const last = document.blocks.slice(-2).map(blockText);
    expect(last).toEqual(['Notes', `1. ${FOOTNOTE}`]);
    expect(allText(document)).toContain('heavy vehicles.[1]');
    // The note's mark stays on the line, as a PDF's "[1]" does: only other superscripts are raised.
    const raised = document.blocks.flatMap((block) =>
      blockRuns(block).filter((run) => run.kind === 'text' && (run.superscript || run.subscript)),
    );
    expect(raised).toEqual([]);
    expect(allText(document)).not.toContain('↑');
  });

  it('keeps emphasis and the https link, and turns a javascript: link into plain text', () => {
    const runs = document.blocks.flatMap((block) => blockRuns(block));
    expect(runs).toContainEqual({ kind: 'text', text: 'the map', bold: true });
    expect(runs).toContainEqual({ kind: 'text', text: 'near the mill', italic: true });
    expect(runs.filter((run) => run.kind === 'link').map((run) => run.url)).toEqual([SAFE_LINK]);
    expect(runs).toContainEqual({ kind: 'text', text: 'an unsafe link' });
  });

  it('reduces an image to its alt text', () => {
    expect(document.blocks.map(blockText)).toContain(IMAGE_ALT);
  });

  it('returns both comments with author, date, text and the quote in the block where it starts', () => {
    expect(document.notes).toHaveLength(2);
    document.notes!.forEach((note, index) => {
      const comment = COMMENTS[index]!;
      expect(note).toMatchObject({ author: comment.author, text: comment.text, createdAt: comment.date });
      expect(note.quote).toBe(comment.quote);
      expect(blockText(document.blocks[note.blockIndex]!)).toContain(comment.quote);
    });
  });

  it('anchors a comment on the second of two identical phrases to the block of the second', () => {
    const bridge = document.notes![1]!;
    const first = document.blocks.findIndex((block) => blockText(block).includes(bridge.quote));
    expect(bridge.blockIndex).toBeGreaterThan(first);
    expect(blockText(document.blocks[bridge.blockIndex - 1]!)).toBe('Findings');
  });

  it('takes the first heading as the title when the file has none, and leaves it out of the body', async () => {
    const untitled = await readDocx({ fileName: 'x.docx', bytes: await buildDocx({ title: '' }) });
    expect(untitled.title).toBe('Introduction');
    expect(blockText(untitled.blocks[0]!)).not.toBe('Introduction');
    expect(blockText(untitled.blocks[untitled.notes![0]!.blockIndex]!)).toContain(COMMENTS[0]!.quote);
  });

  it('takes no author from a creator a program wrote when no one was named (the docx package’s “Un-named”)', async () => {
    const file = new WordDocument({ sections: [{ children: [new Paragraph('Checkpoint review.')] }] });
    const bytes = new Uint8Array(await Packer.toBuffer(file));
    expect(strFromU8(unzipSync(bytes)['docProps/core.xml']!)).toContain('<dc:creator>Un-named</dc:creator>');
    const read = await readDocx({ fileName: 'memo.docx', bytes });
    expect(read.facts.author).toBeUndefined();
  });

  it('anchors a comment on the first heading, which becomes the title, to the title (block -1)', async () => {
    const start = new CommentRangeStart(0) as unknown as TextRun;
    const end = new CommentRangeEnd(0) as unknown as TextRun;
    const file = new WordDocument({
      comments: { children: [{ id: 0, author: 'Ana', children: [new Paragraph('A title?')] }] },
      sections: [
        {
          children: [
            new Paragraph({
              heading: HeadingLevel.HEADING_1,
              children: [start, new TextRun('Checkpoint review'), end],
            }),
            new Paragraph('Checkpoint review again.'),
          ],
        },
      ],
    });
    const read = await readDocx({ fileName: 'titled.docx', bytes: new Uint8Array(await Packer.toBuffer(file)) });
    expect(read.title).toBe('Checkpoint review');
    expect(read.blocks.map(blockText)).toEqual(['Checkpoint review again.']);
    expect(read.notes).toMatchObject([{ quote: 'Checkpoint review', blockIndex: -1, text: 'A title?' }]);
  });

  it('keeps a superscript footnote mark apart from its word ("quarter.[1]"), and an exponent as one ("m²")', async () => {
    const run = (text: string, superScript = false) => new TextRun({ text, superScript });
    const paragraph = new Paragraph({
      children: [run('Sales fell in the third quarter.'), run('1', true), run(' The pit covered 40 m'), run('2', true)],
    });
    const file = await Packer.toBuffer(new WordDocument({ sections: [{ children: [paragraph] }] }));
    const read = await readDocx({ fileName: 'marks.docx', bytes: new Uint8Array(file) });
    expect(allText(read)).toContain('Sales fell in the third quarter.[1] The pit covered 40 m²');
  });

  it('keeps a subscript as a subscript (H₂O) and a superscript that is no mark as a superscript (5th), marks as text', async () => {
    const run = (text: string, raised: 'subScript' | 'superScript' | '' = '') =>
      new TextRun({ text, ...(raised ? { [raised]: true } : {}) });
    const paragraph = new Paragraph({
      children: [
        run('Water is H'),
        run('2', 'subScript'),
        run('O, on the 5'),
        run('th', 'superScript'),
        run(' day of the quarter.'),
        run('1', 'superScript'),
      ],
    });
    const file = await Packer.toBuffer(new WordDocument({ sections: [{ children: [paragraph] }] }));
    const read = await readDocx({ fileName: 'water.docx', bytes: new Uint8Array(file) });
    expect(blockRuns(read.blocks[0]!)).toEqual([
      textRun('Water is H'),
      textRun('2', { subscript: true }),
      textRun('O, on the 5'),
      textRun('th', { superscript: true }),
      textRun(' day of the quarter.'),
      textRun('[1]'),
    ]);
  });
});

describe('the small Word file a waiting reader worker reads once', () => {
  it('goes through the whole Word reader: its heading as the title, emphasis and a table', async () => {
    expect(await rehearseDocx(readDocx)).toBe('Rehearsal');
    const { blocks } = await readDocx({ fileName: 'rehearsal.docx', bytes: rehearsalDocx() });
    expect(blocks.map((block) => block.kind)).toEqual(['paragraph', 'paragraph', 'table', 'paragraph']);
    const emphasized = blockRuns(blocks[0]!).flatMap((run) =>
      run.kind === 'text' && (run.bold || run.italic) ? [run.text] : [],
    );
    expect(emphasized).toEqual(['bold', 'italic']);
  });
});

describe('a hostile or broken Word file', () => {
  let valid: Uint8Array;
  beforeAll(async () => {
    valid = await buildDocx();
  });

  it('refuses a PNG named .docx as not a zip archive', async () => {
    const error = await failure(readDocx({ fileName: 'photo.docx', bytes: TINY_PNG }));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toBe('“photo.docx” is not a Word document: it is not a zip archive, or it is cut short.');
  });

  it('refuses a file cut short', async () => {
    const error = await failure(readDocx({ fileName: 'cut.docx', bytes: valid.slice(0, valid.length - 200) }));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toContain('cut short');
  });

  it('refuses a zip archive that holds no Word document', async () => {
    const bytes = zipSync({ 'readme.txt': text('hello'), 'notes.xml': text('<a/>') });
    const error = await failure(readDocx({ fileName: 'other.docx', bytes }));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toContain('not a Word document');
  });

  it('refuses an entry whose name leads out of the archive', async () => {
    const bytes = zipSync({ '[Content_Types].xml': text('<Types/>'), '../../evil.xml': text('<a/>') });
    const error = await failure(readDocx({ fileName: 'escape.docx', bytes }));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toContain('leads outside the archive');
  });

  it('refuses a zip bomb whose body inflates past the limit, before inflating it', async () => {
    const error = await failure(readDocx({ fileName: 'bomb.docx', bytes: zipWithZeros('word/document.xml', 60 * MB) }));
    expect(error.code).toBe('TOO_LARGE');
    expect(error.message).toContain('over the 48 MB limit');
  });

  it('refuses an entry that shrank a thousand times as a zip bomb', async () => {
    const error = await failure(
      readDocx({ fileName: 'dense.docx', bytes: zipWithZeros('word/document.xml', 20 * MB) }),
    );
    expect(error.code).toBe('TOO_LARGE');
    expect(error.message).toContain('zip bomb');
  });

  it('stops inflating an entry that lies about its size at the size it declares', async () => {
    const bytes = withDeclaredSize(zipWithZeros('word/document.xml', 4 * MB), 1000);
    const error = await failure(readDocx({ fileName: 'liar.docx', bytes }));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toMatch(/“word\/document.xml” in “liar.docx” is damaged/);
  });

  it('refuses an entry that holds less than it declares, and one whose compressed data is corrupt', async () => {
    const short = withDeclaredSize(zipSync({ 'word/document.xml': text('<w:document/>') }), 5000);
    const shortError = await failure(readDocx({ fileName: 'short.docx', bytes: short }));
    expect(shortError.message).toBe('“word/document.xml” in “short.docx” is damaged (it is shorter than it declares).');
    const corrupt = zipSync({ 'word/document.xml': text('<w:document>'.repeat(50)) }, { level: 9 });
    const header = corrupt.findIndex(
      (_, at) => corrupt[at] === 0x50 && corrupt[at + 1] === 0x4b && corrupt[at + 2] === 3,
    );
    corrupt.fill(0xff, header + 30 + 'word/document.xml'.length, header + 40 + 'word/document.xml'.length);
    const corruptError = await failure(readDocx({ fileName: 'corrupt.docx', bytes: corrupt }));
    expect(corruptError.message).toBe(
      '“word/document.xml” in “corrupt.docx” is damaged (its compressed data is corrupt).',
    );
  });

  it('reads entries stored without compression as well as deflated ones', async () => {
    const parts = { 'a.xml': text('<stored/>'), 'b.xml': text('<deflated/>'.repeat(100)) };
    const request = { label: '“m.docx”', kind: 'a Word document', wanted: () => true };
    const limits = { fileBytes: MB, entries: 20, entryBytes: MB, totalBytes: MB };
    const stored = await readZipEntries(zipSync(parts, { level: 0 }), { ...request, limits });
    const deflated = await readZipEntries(zipSync(parts, { level: 9 }), { ...request, limits });
    for (const entries of [stored, deflated]) {
      expect(new TextDecoder().decode(entries.get('a.xml'))).toBe('<stored/>');
      expect(new TextDecoder().decode(entries.get('b.xml'))).toBe('<deflated/>'.repeat(100));
    }
  });

  it('refuses an archive with more entries than allowed, or more inflated bytes in all', async () => {
    const many = zipSync(Object.fromEntries(Array.from({ length: 30 }, (_, index) => [`${index}.xml`, text('<a/>')])));
    const limits = { fileBytes: MB, entries: 20, entryBytes: MB, totalBytes: 64 };
    const request = { label: '“m.docx”', kind: 'a Word document', wanted: () => true };
    expect((await failure(readZipEntries(many, { ...request, limits }))).message).toContain('holds 30 files');
    const total = await failure(readZipEntries(many, { ...request, limits: { ...limits, entries: 100 } }));
    expect(total.code).toBe('TOO_LARGE');
    expect(total.message).toContain('inflates to more than');
  });

  it('refuses a body nested thousands of elements deep before mammoth parses it', async () => {
    const deep = `<w:document xmlns:w="w"><w:body>${'<w:p>'.repeat(3000)}${'</w:p>'.repeat(3000)}</w:body></w:document>`;
    const parts = { '[Content_Types].xml': text('<Types/>'), 'word/document.xml': text(deep) };
    const error = await failure(readDocx({ fileName: 'deep.docx', bytes: zipSync(parts) }));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toContain('nested more than 1,000 deep');
  });

  it('refuses a body part that is not XML', async () => {
    const parts = { '[Content_Types].xml': text('<Types/>'), 'word/document.xml': text('<w:document><oops') };
    const error = await failure(readDocx({ fileName: 'bad.docx', bytes: zipSync(parts) }));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toBe(
      '“bad.docx” cannot be read as a Word document (its text is not well-formed XML: the file is damaged); nothing was imported.',
    );
  });
});

describe('Word comments as notes', () => {
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const paragraph = (inner: string) => `<w:p>${inner}</w:p>`;
  const run = (value: string) => `<w:r><w:t xml:space="preserve">${value}</w:t></w:r>`;
  const comments = tryParseXml(
    `<w:comments ${W}><w:comment w:id="7" w:author="Ana" w:date="not a date"><w:p>${run('Spans two.')}</w:p></w:comment>` +
      `<w:comment w:id="8" w:author="Bo"><w:p>${run('On nothing here.')}</w:p></w:comment></w:comments>`,
  )!;
  const body = tryParseXml(
    `<w:document ${W}><w:body>${paragraph(run('First ') + '<w:commentRangeStart w:id="7"/>' + run('half'))}` +
      `${paragraph(run('second') + '<w:commentRangeEnd w:id="7"/>' + run(' half'))}</w:body></w:document>`,
  )!;
  const blocks: Block[] = [
    { kind: 'paragraph', children: [textRun('First half')] },
    { kind: 'paragraph', children: [textRun('second half')] },
  ];

  it('quotes a comment that spans paragraphs to its end, a line for each, anchored to the block it starts in', () => {
    const [spanning] = docxComments(comments, body, blocks);
    expect(spanning).toEqual({
      quote: 'half\nsecond',
      blockIndex: 0,
      text: 'Spans two.',
      author: 'Ana',
      createdAt: '',
    });
  });

  it('keeps a comment with no range in the body, with an empty quote', () => {
    const [, loose] = docxComments(comments, body, blocks);
    expect(loose).toMatchObject({ quote: '', blockIndex: 0, text: 'On nothing here.', author: 'Bo' });
  });
});
