import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/cli';
import { runCliCaptured } from '../support/cli-run';
import {
  closedPort,
  encryptWithQpdf,
  manyPagePdf,
  serveOneFile,
  startTestSite,
  type TestSite,
} from '../support/import-fixtures';
import { imagePdf, knownText, renderPages, scannedPages, textPdf } from '../support/ocr-fixtures';
import { FONTS_DIR, makeTempDir } from '../support/temp';

// `marginalia import` with an encrypted PDF (--password, --password-file) and with web
// addresses mixed among files, served from a server on 127.0.0.1.

let temp: ReturnType<typeof makeTempDir>;
let site: TestSite;
let plainPdf: Uint8Array;
beforeAll(async () => {
  plainPdf = await manyPagePdf(3, 'Three Days at the Harbour');
  site = await startTestSite(plainPdf);
}, 60_000);
afterAll(() => site.close());
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.remove());

// A file already in a library is not read again, so a second read of the same file needs a library of its own.
const cli = (args: string[], askPassword?: CliIo['askPassword'], terminal?: boolean, library = 'lib') =>
  runCliCaptured(['--data-dir', join(temp.path, library), ...args], { fontsDir: FONTS_DIR }, {}, askPassword, {
    stderrIsTerminal: terminal === true,
  });

describe('marginalia import of a scan, while it recognizes the text', () => {
  it('says on stderr which page of a file or an address it is recognizing: a line a page, or one line redrawn on a terminal', async () => {
    const scan = join(temp.path, 'scan.pdf');
    writeFileSync(scan, await imagePdf(await scannedPages([knownText(3, 12), knownText(4, 12)])));
    const logged = await cli(['import', scan]);
    expect(logged.code).toBe(0);
    expect(logged.stdout).toMatch(/^[0-9a-f-]{36}\n$/);
    expect(logged.stderr.split('\n')).toEqual([
      'marginalia: Recognizing text in “scan.pdf”: page 1 of 2',
      'marginalia: Recognizing text in “scan.pdf”: page 2 of 2',
      '',
    ]);
    const served = await serveOneFile(readFileSync(scan), 'application/pdf');
    try {
      const fetched = await cli(['import', `${served.origin}/scan.pdf`], undefined, false, 'fetched');
      expect(fetched.stderr.split('\n').slice(0, 2)).toEqual(
        [1, 2].map((n) => `marginalia: Recognizing text in “${served.origin}/scan.pdf”: page ${n} of 2`),
      );
    } finally {
      await served.close();
    }
    // On a terminal: one line redrawn, and cleared once the pages are read.
    const shown = await cli(['import', scan], undefined, true, 'terminal');
    expect(shown.stderr).toBe(
      '\r\u001b[KRecognizing text in “scan.pdf”: page 1 of 2\r\u001b[KRecognizing text in “scan.pdf”: page 2 of 2\r\u001b[K',
    );
  }, 120_000);

  it('keeps stdout one JSON value with --json, and stderr free for a failure’s JSON when it is no terminal', async () => {
    const scan = join(temp.path, 'scan.png');
    writeFileSync(scan, (await scannedPages([knownText(5, 12)]))[0]!);
    const result = await cli(['--json', 'import', scan]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(result.stdout)).toEqual([expect.objectContaining({ file: scan, created: true })]);
    const shown = await cli(['--json', 'import', scan], undefined, true, 'terminal');
    expect(shown.stderr).toBe('\r\u001b[KRecognizing text in “scan.png”: page 1 of 1\r\u001b[K');
    expect(JSON.parse(shown.stdout)).toEqual([expect.objectContaining({ file: scan, created: true })]);
  }, 120_000);
});

const FRENCH =
  'La sœur du garçon a reçu une lettre très élégante de sa mère. Après le dîner, nous irons à la plage ' +
  'où le vent souffle fort près du phare. Ce cœur généreux ne connaît pas la rancœur, et son frère ' +
  'a déjà goûté le bœuf préparé à la façon de la région. Noël approche, la forêt est couverte de neige ' +
  'et les élèves célèbrent la fête avec leurs maîtres.';

describe('marginalia import of a scan that reads poorly in the language it was read in', () => {
  it('says the mean confidence is low and gives the command that reads it again in French, which reads it well', async () => {
    // A coarse scan (75 dpi) of French: read as English it scored 82, read as French 93.
    const scan = join(temp.path, 'lettre.png');
    writeFileSync(scan, renderPages(await textPdf([FRENCH], [560, 260]), 75)[0]!);
    const first = await cli(['import', scan]);
    expect(first.code).toBe(0);
    const id = first.stdout.trim();
    const hint = first.stderr.split('\n').find((line) => line.includes('confidence'));
    expect(hint).toMatch(
      new RegExp(
        `^marginalia: “${scan}” was read as English with a low mean OCR confidence \\(\\d+%\\): if it is in French, ` +
          `read it again with marginalia import --update ${id} --ocr-lang fra ${scan}\\.$`,
      ),
    );
    // The update reads the scan again, and says so as an import does.
    const again = await cli(['import', '--update', id, '--ocr-lang', 'fra', scan]);
    expect(again).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^Updated “lettre”: /),
      stderr: 'marginalia: Recognizing text in “lettre.png”: page 1 of 1\n',
    });
    const source = await cli(['--json', 'show', id]);
    expect(source.stdout).toContain('sœur');
    // Read as French, a new import of the same scan says nothing of its confidence.
    const french = await runCliCaptured(
      ['--data-dir', join(temp.path, 'fr'), '--json', 'import', '--ocr-lang', 'fra', scan],
      {
        fontsDir: FONTS_DIR,
      },
    );
    const [listed] = JSON.parse(french.stdout) as Array<{
      ocr: { meanConfidence: number; languages: string; hint?: string };
    }>;
    expect(listed!.ocr).toEqual({ meanConfidence: expect.any(Number), languages: 'fra' });
    const english = JSON.parse(
      (await runCliCaptured(['--data-dir', join(temp.path, 'en'), '--json', 'import', scan], { fontsDir: FONTS_DIR }))
        .stdout,
    ) as Array<{ id: string; ocr: { hint?: string } }>;
    // --json carries the same sentence, for its own document.
    expect(english[0]!.ocr.hint).toBe(hint!.replace(/^marginalia: /, '').replace(id, english[0]!.id));
  }, 180_000);
});

describe('marginalia import of an encrypted PDF', () => {
  it('says the password is needed, that a wrong one is wrong, and opens it with the right one', async () => {
    const locked = join(temp.path, 'locked.pdf');
    writeFileSync(locked, encryptWithQpdf(plainPdf, temp.path, 'tide-table'));
    const asked = await cli(['import', locked]);
    expect(asked.code).toBe(1);
    expect(asked.stderr).toContain(
      '“locked.pdf” is encrypted: it opens only with its password. Nothing was imported. Give it with --password-file FILE (or --password PASSWORD).',
    );
    const wrong = await cli(['import', '--password', 'low-water', locked]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('The password for “locked.pdf” is not right. Nothing was imported.');
    expect(wrong.stderr).not.toContain('low-water');
    const secret = join(temp.path, 'password.txt');
    writeFileSync(secret, 'tide-table\n');
    const opened = await cli(['--json', 'import', '--password-file', secret, locked]);
    expect(opened.code).toBe(0);
    expect(JSON.parse(opened.stdout)).toEqual([
      { file: locked, id: expect.any(String), title: 'Three Days at the Harbour', created: true },
    ]);
    expect(opened.stdout + opened.stderr).not.toContain('tide-table');
  }, 60_000);

  it('updates a document from a changed encrypted PDF with --password-file, and refuses without it', async () => {
    const secret = join(temp.path, 'password.txt');
    writeFileSync(secret, 'tide-table\n');
    const first = join(temp.path, 'log.pdf');
    writeFileSync(first, plainPdf);
    const id = (await cli(['import', first])).stdout.trim();
    const changed = join(temp.path, 'log-v2.pdf');
    writeFileSync(changed, encryptWithQpdf(await manyPagePdf(4, 'Three Days at the Harbour'), temp.path, 'tide-table'));
    const refused = await cli(['import', '--update', id, changed]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('“log-v2.pdf” is encrypted: it opens only with its password.');
    const updated = await cli(['import', '--update', id, '--password-file', secret, changed]);
    expect(updated).toMatchObject({ code: 0, stderr: '' });
    expect(updated.stdout).toMatch(/^Updated “Three Days at the Harbour”: /);
  }, 60_000);

  it('asks on the terminal when there is one and no password was given, again when it was wrong', async () => {
    const locked = join(temp.path, 'locked.pdf');
    writeFileSync(locked, encryptWithQpdf(plainPdf, temp.path, 'tide-table'));
    const gaveUp = await cli(['import', locked], async () => null);
    expect(gaveUp.code).toBe(1);
    expect(gaveUp.stderr).toContain('“locked.pdf” is encrypted: it opens only with its password.');
    const prompts: string[] = [];
    const answers = ['low-water', 'tide-table'];
    const opened = await cli(['import', locked], async (prompt) => {
      prompts.push(prompt);
      return answers.shift() ?? null;
    });
    expect(prompts).toEqual(['Password for locked.pdf: ', 'Wrong password. Password for locked.pdf: ']);
    expect(opened.code).toBe(0);
    // Once it is in the library, its bytes say so: no password is asked for again.
    const again = await cli(['import', locked], async () => {
      throw new Error('asked for a password it does not need');
    });
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('is already in the library');
  }, 60_000);

  it('refuses both password flags at once, and an empty password file', async () => {
    const secret = join(temp.path, 'empty.txt');
    writeFileSync(secret, '\n');
    const both = await cli(['import', '--password', 'a', '--password-file', secret, 'x.pdf']);
    expect(both).toMatchObject({ code: 1, stderr: expect.stringContaining('not both') });
    const empty = await cli(['import', '--password-file', secret, 'x.pdf']);
    expect(empty).toMatchObject({
      code: 1,
      stderr: expect.stringContaining(`The password file “${secret}” is empty.`),
    });
  });
});

describe('marginalia import of web addresses', () => {
  it('imports pages and PDFs from addresses beside files, and --json lists each with its document or error', async () => {
    const notes = join(temp.path, 'notes.md');
    writeFileSync(notes, '# Field notes\n\nThe quay was busy.\n');
    const port = await closedPort();
    const args = [
      `${site.origin}/article`,
      notes,
      `${site.origin}/report`,
      `${site.origin}/missing`,
      `http://127.0.0.1:${port}/`,
    ];
    const result = await cli(['--json', 'import', ...args]);
    expect(result.code).toBe(1);
    const listed = JSON.parse(result.stdout) as Array<Record<string, unknown>>;
    expect(listed.map((entry) => entry.title ?? entry.error)).toEqual([
      'Notes from the quay',
      'Field notes',
      'Three Days at the Harbour',
      `${site.origin}/missing answered 404 Not Found. Nothing was imported.`,
      `127.0.0.1:${port} refused the connection (ECONNREFUSED): no server is answering at that address and port. Nothing was imported.`,
    ]);
    expect(listed.map((entry) => entry.file)).toEqual(args);
    const again = await cli(['import', `${site.origin}/article`]);
    expect(again.code).toBe(0);
    expect(again.stdout.trim()).toBe(listed[0]!.id);
    expect(again.stderr).toContain('is already in the library as “Notes from the quay”.');
  }, 60_000);

  it('takes an address typed without a scheme as a browser does, and names a scheme it does not fetch', async () => {
    const typed = `${site.origin.replace(/^http:\/\//, '')}/article`;
    const fetched = await cli(['--json', 'import', typed]);
    expect(fetched.code).toBe(0);
    expect(JSON.parse(fetched.stdout)).toEqual([
      expect.objectContaining({ file: typed, title: 'Notes from the quay', created: true }),
    ]);
    // A file of that name would have been imported as the file instead.
    const ftp = await cli(['import', 'ftp://127.0.0.1/x']);
    expect(ftp).toMatchObject({ code: 1 });
    expect(ftp.stderr.trim()).toBe(
      'marginalia: Marginalia imports only http and https addresses, not ftp: (“ftp://127.0.0.1/x”).',
    );
    const missing = await cli(['import', 'missing-report.pdf']);
    expect(missing.stderr).toContain('does not exist');
    // A missing path that reads as an address is tried as one, and the message says there was no file either.
    const port = await closedPort();
    const guessed = await cli(['import', `127.0.0.1:${port}/gone`]);
    expect(guessed.stderr.trim()).toBe(
      `marginalia: 127.0.0.1:${port} refused the connection (ECONNREFUSED): no server is answering at that address and port. ` +
        `Nothing was imported. (No file “127.0.0.1:${port}/gone” exists here either.)`,
    );
  }, 60_000);
});
