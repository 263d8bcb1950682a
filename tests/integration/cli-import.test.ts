import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/cli';
import { runCli } from '../../src/cli/cli';
import { MarginaliaCore } from '../../src/core/core';
import { sha256Hex } from '../../src/core/files/sha256';
import { prepareDocument } from '../../src/core/import';
import { FINDINGS, buildDocx } from '../support/docx-fixture';
import { TITLE, buildFixturePdf } from '../support/pdf-fixtures';
import { buildPagedPdf, pageLines } from '../support/paged-pdf';
import { APP_ROOT, FIXTURES, FONTS_DIR, SAMPLE_REPORT, makeTempDir } from '../support/temp';

// `marginalia import` with a mix of files: text imports, binary types are told apart by
// their bytes, and --json lists what was made and what was refused and why.

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.remove());

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), env: {} };
  const code = await runCli(args, io, { version: '1.2.3', fontsDir: FONTS_DIR });
  return { code, stdout, stderr };
}

/** A text file, a real PDF, a damaged PDF, a Markdown file, text named .pdf, and an .mbox of one message. */
async function mixedFiles(): Promise<string[]> {
  const report = join(temp.path, 'survey.pdf');
  writeFileSync(report, (await buildFixturePdf()).bytes);
  const damaged = join(temp.path, 'scan.pdf');
  writeFileSync(damaged, '%PDF-1.7\n1 0 obj\n<<>>\nendobj\n');
  const misnamed = join(temp.path, 'notes.pdf');
  writeFileSync(misnamed, 'Plain notes, wrongly named.\n');
  const inbox = join(temp.path, 'inbox.mbox');
  writeFileSync(inbox, 'From ada Mon Jan  1 00:00:00 2026\nFrom: Ada <ada@example.org>\nSubject: Hi\n\nHello.\n');
  return [SAMPLE_REPORT, report, damaged, join(FIXTURES, 'briefing.md'), misnamed, inbox];
}

const EXPECTED_ERRORS = {
  'scan.pdf': '“scan.pdf” could not be read as a PDF; it may be damaged or cut short (pdf.js: Invalid PDF structure.).',
  'notes.pdf':
    '“notes.pdf” is named as a PDF, but its bytes are text, not a PDF. Nothing was imported. Rename it to .txt, .md or .html to import it as text.',
};

const OUTCOMES = [
  'created',
  'created',
  EXPECTED_ERRORS['scan.pdf'],
  'created',
  EXPECTED_ERRORS['notes.pdf'],
  'created',
];

describe('marginalia import --json with a mix of files', () => {
  it('lists each file with the document it made or why it was refused, and exits 1', async () => {
    const files = await mixedFiles();
    const result = await cli(['--data-dir', join(temp.path, 'lib'), '--json', 'import', ...files]);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as Array<{ file: string; id?: string; created?: boolean; error?: string }>;
    expect(report.map((entry) => entry.file)).toEqual(files);
    expect(report.map((entry) => entry.error ?? (entry.created ? 'created' : 'existing'))).toEqual(OUTCOMES);
    expect(report[1]).toMatchObject({ created: true, title: TITLE, id: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(report[5]).toMatchObject({ created: true, title: 'Hi' });
    expect(result.stderr).toBe('');
    const list = JSON.parse((await cli(['--data-dir', join(temp.path, 'lib'), '--json', 'list'])).stdout) as unknown[];
    expect(list).toHaveLength(4);
  });

  it('reports a file that is not there only in the JSON on stdout, with its code, and exits 1', async () => {
    const missing = join(temp.path, 'missing-file.pdf');
    const result = await cli(['--data-dir', join(temp.path, 'lib'), '--json', 'import', missing]);
    expect(result).toMatchObject({ code: 1, stderr: '' });
    expect(JSON.parse(result.stdout)).toEqual([
      { file: missing, code: 'NOT_FOUND', error: `“${missing}” does not exist.` },
    ]);
  });

  it('says the same from the built command', async () => {
    const files = await mixedFiles();
    const run = spawnSync(
      process.execPath,
      [join(APP_ROOT, 'bin/marginalia.mjs'), '--data-dir', join(temp.path, 'lib'), '--json', 'import', ...files],
      { encoding: 'utf8' },
    );
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as Array<{ error?: string; created?: boolean }>;
    expect(report.map((entry) => entry.error ?? (entry.created ? 'created' : 'existing'))).toEqual(OUTCOMES);
  }, 30_000);
});

describe('marginalia import --attachment', () => {
  it("imports a file a stored message carried, by its number, and refuses a number it doesn't have", async () => {
    const dataDir = join(temp.path, 'lib');
    const core = new MarginaliaCore({ dataDir, host: 'cli', version: 'test' });
    const minutes = Buffer.from('Minutes of the meeting.\n');
    const prepared = prepareDocument('Quarterly report.txt', Buffer.from('The message body.\n'), 1024 * 1024);
    const message = core.documents.insert({
      ...prepared,
      attachments: [
        {
          fileName: 'minutes.txt',
          mimeType: 'text/plain',
          size: minutes.length,
          sha256: sha256Hex(minutes),
          bytes: minutes,
        },
      ],
    }).document;
    core.close();
    const result = await cli(['--data-dir', dataDir, '--json', 'import', '--attachment', '1', 'quarterly']);
    expect(result.code).toBe(0);
    const made = JSON.parse(result.stdout) as { id: string; title: string; created: boolean };
    expect(made).toMatchObject({ title: 'minutes', created: true });
    const shown = JSON.parse((await cli(['--data-dir', dataDir, '--json', 'show', made.id])).stdout) as {
      text: string;
    };
    expect(shown.text).toContain('Minutes of the meeting.');
    expect(await cli(['--data-dir', dataDir, 'import', '--attachment', '2', message.id])).toMatchObject({
      code: 1,
      stderr: `marginalia: Document ${message.id} has no attachment number 2: its only attachment is 1 “minutes.txt”.\n`,
    });
  });
});

describe('marginalia import --update with a binary file', () => {
  async function sourceOf(dataDir: string, id: string) {
    const core = new MarginaliaCore({ dataDir, host: 'cli', version: 'test' });
    try {
      return core.documents.source(id).provenance;
    } finally {
      core.close();
    }
  }

  it('replaces a Word document’s text and provenance with a changed file and re-anchors its annotations', async () => {
    const dataDir = join(temp.path, 'lib');
    const first = join(temp.path, 'crossings.docx');
    const second = join(temp.path, 'crossings-v2.docx');
    writeFileSync(first, await buildDocx());
    const revised = await buildDocx({ title: 'Revised report on the river crossings, second edition' });
    writeFileSync(second, revised);
    const id = (await cli(['--data-dir', dataDir, 'import', first])).stdout.trim();
    const quote = FINDINGS.split(' ').slice(0, 6).join(' ');
    expect((await cli(['--data-dir', dataDir, 'annotate', id, '--quote', quote])).code).toBe(0);
    const updated = await cli(['--data-dir', dataDir, 'import', '--update', id.slice(0, 8), second]);
    expect(updated).toMatchObject({ code: 0, stderr: '' });
    expect(updated.stdout).toBe(
      // The note made here and the file's two Word comments, which came in as notes.
      'Updated “Field report on the river crossings”: 0 kept, 3 moved, 0 fuzzy, 0 orphaned.\n',
    );
    const shown = JSON.parse((await cli(['--data-dir', dataDir, '--json', 'show', id])).stdout) as { text: string };
    expect(shown.text.startsWith('Revised report on the river crossings, second edition')).toBe(true);
    expect(await sourceOf(dataDir, id)).toMatchObject({
      fileName: 'crossings-v2.docx',
      sourceType: 'docx',
      sha256: sha256Hex(revised),
      origin: { kind: 'file', path: second },
    });
  }, 60_000);

  it('replaces a PDF with a changed one: its page map follows the new file and the annotation is kept', async () => {
    const dataDir = join(temp.path, 'lib');
    const first = join(temp.path, 'survey.pdf');
    const second = join(temp.path, 'survey-v2.pdf');
    const original = await buildFixturePdf();
    const longer = await buildFixturePdf({ blankPageAtEnd: true });
    writeFileSync(first, original.bytes);
    writeFileSync(second, longer.bytes);
    const id = (await cli(['--data-dir', dataDir, 'import', first])).stdout.trim();
    expect((await sourceOf(dataDir, id))?.pageCount).toBe(original.pageCount);
    expect((await cli(['--data-dir', dataDir, 'annotate', id, '--quote', 'Findings at the Harbour'])).code).toBe(0);
    const updated = await cli(['--data-dir', dataDir, 'import', '--update', id, second]);
    expect(updated.stdout).toBe(`Updated “${TITLE}”: 1 kept, 0 moved, 0 fuzzy, 0 orphaned.\n`);
    const provenance = await sourceOf(dataDir, id);
    expect(provenance).toMatchObject({ fileName: 'survey-v2.pdf', pageCount: longer.pageCount });
    expect(provenance?.sha256).toBe(sha256Hex(longer.bytes));
    expect(provenance?.pageMap.length).toBeGreaterThan(1);
  }, 60_000);

  it('imports a cut-off mailbox’s whole messages, says the last one was left out and why, and exits 1', async () => {
    const dataDir = join(temp.path, 'lib');
    const inbox = join(temp.path, 'cut.mbox');
    const whole = 'From ada Mon Jan  1 00:00:00 2026\nFrom: Ada <ada@example.org>\nSubject: Hi\n\nHello.\n\n';
    const cut =
      'From ada Mon Jan  2 00:00:00 2026\nFrom: Ada <ada@example.org>\nSubject: Report\n' +
      'Content-Type: multipart/mixed; boundary="b"\n\n--b\nContent-Type: text/plain\n\nSee the report.\n' +
      '--b\nContent-Type: application/pdf\nContent-Transfer-Encoding: base64\n\nJVBERi0xLjQK';
    writeFileSync(inbox, whole + cut);
    const result = await cli(['--data-dir', dataDir, 'import', inbox]);
    expect(result.code).toBe(1);
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain(
      'its last message, message 2 (“Report”), was not imported: the file ends in the middle',
    );
    expect(result.stderr).toContain(`“${inbox}”: 1 of its 2 messages is in the library, 1 left out.`);
    const listed = await cli(['--data-dir', join(temp.path, 'lib2'), '--json', 'import', inbox]);
    expect(listed.code).toBe(1);
    const reports = JSON.parse(listed.stdout) as Array<Record<string, unknown>>;
    expect(reports).toHaveLength(2);
    expect(reports[1]).toEqual({
      file: inbox,
      code: 'INVALID_INPUT',
      error: expect.stringContaining('its last message, message 2 (“Report”), was not imported'),
    });
  });

  it('refuses an .mbox as the new version of one document, changing nothing', async () => {
    const dataDir = join(temp.path, 'lib');
    const id = (await cli(['--data-dir', dataDir, 'import', SAMPLE_REPORT])).stdout.trim();
    const inbox = join(temp.path, 'inbox.mbox');
    writeFileSync(inbox, 'From ada Mon Jan  1 00:00:00 2026\nFrom: Ada <ada@example.org>\nSubject: Hi\n\nHello.\n');
    const result = await cli(['--data-dir', dataDir, 'import', '--update', id, inbox]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('is an mbox mail folder of many messages');
    expect((await sourceOf(dataDir, id))?.sourceType).toBe('txt');
  });
});

describe('marginalia annotations on a document with pages', () => {
  it('names the page of the original each annotation is on, as the app does, and gives it in --json', async () => {
    const dataDir = join(temp.path, 'lib');
    const file = join(temp.path, 'harbour.pdf');
    writeFileSync(file, (await buildPagedPdf(4)).bytes);
    const id = (await cli(['--data-dir', dataDir, 'import', file])).stdout.trim();
    const quote = pageLines(3)[1]!;
    expect((await cli(['--data-dir', dataDir, 'annotate', id, '--quote', quote])).code).toBe(0);
    const listed = await cli(['--data-dir', dataDir, 'annotations', id]);
    expect(listed.stdout).toMatch(/^\S+ {2}\d+-\d+ {2}p\. 3 {2}yellow {2}exact {2}by /);
    const [annotation] = JSON.parse((await cli(['--data-dir', dataDir, '--json', 'annotations', id])).stdout) as Array<{
      page: unknown;
    }>;
    expect(annotation?.page).toEqual({ first: 3, last: 3, text: 'p. 3' });
  }, 60_000);
});

describe('marginalia import of a mailbox imported before', () => {
  it('says in one line how many of its messages were already in the library', async () => {
    const dataDir = join(temp.path, 'lib');
    const message = (n: number) =>
      `From ada Mon Jan  1 00:00:00 2026\nFrom: Ada <ada@example.org>\nSubject: Report ${n}\nMessage-ID: <r${n}@example.org>\n\nBody ${n}.\n\n`;
    const first = join(temp.path, 'first.mbox');
    const second = join(temp.path, 'second.mbox');
    writeFileSync(first, message(1) + message(2));
    writeFileSync(second, message(1) + message(2) + message(3));
    expect(await cli(['--data-dir', dataDir, 'import', first])).toMatchObject({ code: 0, stderr: '' });
    const more = await cli(['--data-dir', dataDir, 'import', second]);
    expect(more.stdout.trim().split('\n')).toHaveLength(3);
    expect(more.stderr).toBe(
      `marginalia: “${second}”: 1 new message, 2 already in the library (they were not imported again).\n`,
    );
    const again = await cli(['--data-dir', dataDir, 'import', first]);
    expect(again.stderr).toBe(`marginalia: Both messages in “${first}” are already in the library.\n`);
  });
});

describe('marginalia list of e-mail messages', () => {
  it('dates a message by its own Date header, as the app’s library does, and other documents by their import', async () => {
    const dataDir = join(temp.path, 'lib');
    const dated = join(temp.path, 'dated.eml');
    writeFileSync(
      dated,
      'From: Ada <ada@example.org>\nSubject: Old news\nDate: Sat, 11 Oct 2025 10:00:00 +0000\nMessage-ID: <d1@x>\n\nHello.\n',
    );
    const undated = join(temp.path, 'undated.eml');
    writeFileSync(undated, 'From: Ada <ada@example.org>\nSubject: No date\nMessage-ID: <d2@x>\n\nHello again.\n');
    expect((await cli(['--data-dir', dataDir, 'import', dated, undated, SAMPLE_REPORT])).code).toBe(0);
    const today = new Date().toISOString().slice(0, 10);
    const listed = (await cli(['--data-dir', dataDir, 'list'])).stdout.trim().split('\n');
    const dateOf = (title: string) => listed.find((line) => line.includes(`  ${title}  `))?.split(/\s+/)[1];
    expect(dateOf('Old news')).toBe('2025-10-11');
    expect(dateOf('No date')).toBe(today);
    expect(listed).toHaveLength(3);
    expect(listed.filter((line) => line.split(/\s+/)[1] === today)).toHaveLength(2);
  });
});
