import { spawnSync } from 'node:child_process';
import BetterSqlite3 from 'better-sqlite3';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/cli';
import { runCli } from '../../src/cli/cli';
import { LATEST_SCHEMA_VERSION } from '../../src/core/store/migrations';
import { imagePdf, knownText, scannedPages } from '../support/ocr-fixtures';
import { readPdf } from '../support/pdf-reader';
import { APP_ROOT, FIXTURES, FONTS_DIR, SAMPLE_REPORT, HTML_SAMPLES, makeTempDir } from '../support/temp';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.remove());

async function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), env };
  const code = await runCli(args, io, { version: '1.2.3', fontsDir: FONTS_DIR });
  return { code, stdout, stderr };
}

const dataDir = () => ['--data-dir', join(temp.path, 'lib')];

describe('the marginalia CLI', () => {
  it('imports files and prints the new document ids, one per line', async () => {
    const result = await cli([...dataDir(), 'import', SAMPLE_REPORT, join(FIXTURES, 'briefing.md')]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^[0-9a-f-]{36}\n[0-9a-f-]{36}\n$/);
  });

  it('lists documents and shows one by a case-insensitive title prefix', async () => {
    await cli([...dataDir(), 'import', SAMPLE_REPORT, join(HTML_SAMPLES, 'cnn/source.html')]);
    const list = await cli([...dataDir(), 'list']);
    expect(list.stdout).toMatch(/Reports of western ‘boots on the ground’/);
    expect(list.stdout).toMatch(/The 'birth lottery' and economic mobility/);
    const show = await cli([...dataDir(), 'show', "THE 'BIRTH"]);
    expect(show.code).toBe(0);
    expect(show.stdout.split('\n\n').slice(0, 2)).toEqual([
      "The 'birth lottery' and economic mobility",
      'Ahiza Garcia',
    ]);
  });

  it('prints one JSON value with --json', async () => {
    const imported = await cli([...dataDir(), '--json', 'import', SAMPLE_REPORT]);
    const [entry] = JSON.parse(imported.stdout) as Array<{ id: string; created: boolean }>;
    expect(entry?.created).toBe(true);
    const list = JSON.parse((await cli([...dataDir(), '--json', 'list'])).stdout) as Array<{
      id: string;
      wordCount: number;
    }>;
    expect(list.map((doc) => doc.id)).toEqual([entry?.id]);
    const shown = JSON.parse((await cli([...dataDir(), '--json', 'show', entry!.id])).stdout) as { text: string };
    expect(shown.text.startsWith('Reports of western')).toBe(true);
  });

  it('removes a document by id', async () => {
    const id = (await cli([...dataDir(), 'import', SAMPLE_REPORT])).stdout.trim();
    const removed = await cli([...dataDir(), 'remove', id]);
    expect(removed).toMatchObject({
      code: 0,
      stdout: `Removed “Reports of western ‘boots on the ground’ in Libya as Islamic State storms Sabratha” (${id}).\n`,
    });
    expect((await cli([...dataDir(), 'list'])).stdout).toBe('The library is empty.\n');
  });

  it('exits 1 with a message on stderr for bad files, importing the good ones only', async () => {
    const empty = join(temp.path, 'empty.txt');
    writeFileSync(empty, '');
    const result = await cli([...dataDir(), 'import', empty, SAMPLE_REPORT]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('marginalia: “empty.txt” is empty: there is nothing to import.\n');
    expect(result.stdout).toMatch(/^[0-9a-f-]{36}\n$/);
    expect(JSON.parse((await cli([...dataDir(), '--json', 'list'])).stdout)).toHaveLength(1);
  });

  it('exits 1 for usage errors, unknown documents and ambiguous prefixes', async () => {
    expect((await cli(['frobnicate'])).code).toBe(1);
    expect((await cli(['--zebra'])).stderr).toBe(
      'marginalia: Unknown option --zebra.\nRun marginalia --help for usage.\n',
    );
    await cli([...dataDir(), 'import', SAMPLE_REPORT, join(FIXTURES, 'briefing.md')]);
    const missing = await cli([...dataDir(), 'show', 'zebra']);
    expect(missing).toMatchObject({
      code: 1,
      stderr: 'marginalia: No document has an id or a title starting with “zebra”.\n',
    });
    writeFileSync(join(temp.path, 'r2.md'), '# Reports from the south\n\nText.');
    await cli([...dataDir(), 'import', join(temp.path, 'r2.md')]);
    const ambiguous = await cli([...dataDir(), 'show', 'reports']);
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.stderr).toMatch(/“reports” matches 2 documents/);
  });

  it('finds a document by a unique prefix of its id, in show and remove, as git finds a commit', async () => {
    const id = (await cli([...dataDir(), 'import', SAMPLE_REPORT])).stdout.trim();
    const shown = await cli([...dataDir(), 'show', id.slice(0, 8).toUpperCase()]);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('Islamic State storms Sabratha');
    expect((await cli([...dataDir(), 'remove', id.slice(0, 6)])).stdout).toContain(`(${id})`);
  });

  it('tells same-titled documents apart by origin and version in list, and asks for an id when a title cannot choose', async () => {
    writeFileSync(join(temp.path, 'one.md'), '# Field report\n\nThe first draft.');
    writeFileSync(join(temp.path, 'two.md'), '# Field report\n\nThe second draft, revised.');
    await cli([...dataDir(), 'import', join(temp.path, 'one.md'), join(temp.path, 'two.md')]);
    const docs = JSON.parse((await cli([...dataDir(), '--json', 'list'])).stdout) as Array<{
      id: string;
      originName: string;
      textVersion: string;
    }>;
    expect(docs).toHaveLength(2);
    const list = (await cli([...dataDir(), 'list'])).stdout;
    for (const doc of docs) expect(list).toContain(`${doc.id}  `);
    for (const doc of docs)
      expect(list).toMatch(new RegExp(`${doc.id} .*Field report  \\(Imported here · version ${doc.textVersion}\\)`));
    const ambiguous = await cli([...dataDir(), 'show', 'field report']);
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.stderr).toMatch(/“field report” matches 2 documents; they share one title, so use an id:/);
    for (const doc of docs)
      expect(ambiguous.stderr).toContain(`  ${doc.id}  Field report  (Imported here · version ${doc.textVersion})`);
  });

  it('says which flag was probably meant, which flag lacks a value, and why a file cannot be read, in words', async () => {
    await cli([...dataDir(), 'import', SAMPLE_REPORT]);
    expect(await cli([...dataDir(), 'annotate', 'reports', '--quote', 'Sabratha', '--occurence', '1'])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'marginalia: Unknown option --occurence. Did you mean --occurrence?\nRun marginalia --help for usage.\n',
    });
    expect((await cli([...dataDir(), 'export', 'reports', '--out-dri', 'pdfs'])).stderr).toMatch(
      /^marginalia: Unknown option --out-dri\. Did you mean --out-dir\?\n/,
    );
    expect((await cli([...dataDir(), 'annotate', 'reports', '--quote'])).stderr).toBe(
      'marginalia: --quote needs a value (the text to annotate).\nRun marginalia --help for usage.\n',
    );
    expect((await cli([...dataDir(), 'annotate', 'reports', '--quote', '--tag', 'x'])).stderr).toMatch(
      /^marginalia: --quote needs a value \(the text to annotate\)\.\n/,
    );
    expect((await cli([...dataDir(), '--json=yes', 'list'])).stderr).toMatch(/^marginalia: --json takes no value\.\n/);

    const nope = join(temp.path, 'nope.txt');
    expect(await cli([...dataDir(), 'import', nope])).toMatchObject({
      code: 1,
      stderr: `marginalia: “${nope}” does not exist.\n`,
    });
    expect(await cli([...dataDir(), 'import', join(SAMPLE_REPORT, 'x.txt')])).toMatchObject({
      code: 1,
      stderr: `marginalia: “${join(SAMPLE_REPORT, 'x.txt')}” does not exist: part of that path is a file, not a folder.\n`,
    });
    expect(await cli([...dataDir(), 'import', '--update', 'reports', nope])).toMatchObject({
      code: 1,
      stderr: `marginalia: “${nope}” does not exist.\n`,
    });
  });

  it('says how to raise the import limit from the command line, and raises it for one command with --max-import-mb', async () => {
    const big = join(temp.path, 'big.txt');
    writeFileSync(big, 'word '.repeat(Math.ceil((21 * 1024 * 1024) / 5)));
    const refused = await cli([...dataDir(), 'import', big]);
    expect(refused).toMatchObject({
      code: 1,
      stderr:
        "marginalia: “big.txt” is 21 MB, over the import limit of 20 MB. Raise it for one command with --max-import-mb N (up to 500), or for good in the app's Settings.\n",
    });
    expect((await cli([...dataDir(), 'import', '--max-import-mb', '0.5', big])).stderr).toBe(
      'marginalia: --max-import-mb must be a number from 1 to 500, not “0.5”.\n',
    );
    expect(await cli([...dataDir(), 'import', '--max-import-mb', '22', big])).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^[0-9a-f-]{36}\n$/),
    });
    expect(JSON.parse((await cli([...dataDir(), '--json', 'list'])).stdout)).toHaveLength(1);
  }, 30_000);

  it('uses MARGINALIA_HOME when no --data-dir is given', async () => {
    const home = join(temp.path, 'home');
    await cli(['import', SAMPLE_REPORT], { MARGINALIA_HOME: home });
    const list = await cli(['--data-dir', home, '--json', 'list']);
    expect(JSON.parse(list.stdout)).toHaveLength(1);
  });

  it('exits 2 on an internal error', async () => {
    const broken = join(temp.path, 'broken');
    mkdirSync(broken);
    // A real SQLite file that claims the latest schema but has none of its tables.
    const raw = new BetterSqlite3(join(broken, 'marginalia.db'));
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION}`);
    raw.close();
    const result = await cli(['--data-dir', broken, 'list']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^marginalia: internal error/);
  });

  it('exits 1 with a message, not a stack trace, when the library folder is a file or its database is not SQLite', async () => {
    const file = join(temp.path, 'file');
    writeFileSync(file, 'x');
    const serve = async () => {
      throw new Error('serve must not start without a library');
    };
    for (const command of ['list', 'serve']) {
      let stderr = '';
      const code = await runCli(
        ['--data-dir', file, command],
        { stdout: () => undefined, stderr: (text) => (stderr += text), env: {} },
        { version: '1', serve },
      );
      expect({ code, stderr }).toEqual({
        code: 1,
        stderr: `marginalia: Can't use “${file}” as the library folder: it is a file, not a folder.\n`,
      });
    }
    expect(await cli(['--data-dir', join(file, 'inside'), 'list'])).toMatchObject({
      code: 1,
      stderr: `marginalia: Can't use “${join(file, 'inside')}” as the library folder: “${file}” is a file, not a folder.\n`,
    });
    if (existsSync('/dev/null')) {
      expect(await cli(['--data-dir', '/dev/null', 'list'])).toMatchObject({
        code: 1,
        stderr: "marginalia: Can't use “/dev/null” as the library folder: it is not a folder.\n",
      });
    }
    const notSqlite = join(temp.path, 'not-sqlite');
    mkdirSync(notSqlite);
    writeFileSync(join(notSqlite, 'marginalia.db'), 'These are my notes, not a database.\n'.repeat(40));
    const refused = await cli(['--data-dir', notSqlite, 'list']);
    expect(refused).toMatchObject({
      code: 1,
      stderr: `marginalia: “${join(notSqlite, 'marginalia.db')}” is not a Marginalia library: it is not an SQLite database. Move it aside, or choose another library folder.\n`,
    });
    expect(readFileSync(join(notSqlite, 'marginalia.db'), 'utf8')).toMatch(/^These are my notes/);
  });

  it.runIf(process.platform === 'linux')(
    'exits 1 at once for a library or workspace folder the system will not create',
    () => {
      // Node's recursive mkdir retries forever where mkdir fails with ENOENT under an existing parent, as in /proc.
      const run = (...args: string[]) => {
        const result = spawnSync(process.execPath, ['--import', 'tsx', join(APP_ROOT, 'src/cli/main.ts'), ...args], {
          encoding: 'utf8',
          timeout: 15_000,
        });
        return { signal: result.signal, status: result.status, stderr: result.stderr };
      };
      expect(run('--data-dir', '/proc/self/nope', 'list')).toEqual({
        signal: null,
        status: 1,
        stderr:
          "marginalia: Can't create the library folder “/proc/self/nope”: the system does not allow a folder there (ENOENT).\n",
      });
      expect(run('--data-dir', join(temp.path, 'lib'), '--workspace', '/proc/self/nope', 'sync')).toEqual({
        signal: null,
        status: 1,
        stderr:
          "marginalia: Can't create the workspace folder “/proc/self/nope”: the system does not allow a folder there (ENOENT).\n",
      });
    },
    40_000,
  );

  it('exits 1 with a message when the workspace folder is a file', async () => {
    const file = join(temp.path, 'file');
    writeFileSync(file, 'x');
    expect(await cli([...dataDir(), '--workspace', file, 'sync'])).toMatchObject({
      code: 1,
      stderr: `marginalia: Can't use “${file}” as the workspace folder: it is a file, not a folder.\n`,
    });
  });

  it('runs as the installed bin with --help and --version', () => {
    const bin = join(APP_ROOT, 'bin/marginalia.mjs');
    const help = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^marginalia: read, highlight and annotate documents/);
    const version = spawnSync(process.execPath, [bin, '--version'], { encoding: 'utf8' });
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const listed = spawnSync(process.execPath, [bin, '--data-dir', join(temp.path, 'x'), 'import', SAMPLE_REPORT], {
      encoding: 'utf8',
    });
    expect(listed.status).toBe(0);
  });

  it('reads a scanned PDF as the installed bin with nothing of the notes the OCR engine writes on the terminal', async () => {
    const scan = join(temp.path, 'scan.pdf');
    writeFileSync(scan, await imagePdf(await scannedPages([knownText(7, 20)])));
    const bin = join(APP_ROOT, 'bin/marginalia.mjs');
    const imported = spawnSync(process.execPath, [bin, '--data-dir', join(temp.path, 'ocr'), 'import', scan], {
      encoding: 'utf8',
    });
    expect(imported.status).toBe(0);
    // Tesseract writes "Estimating resolution as 407" and the like to stderr unless told not to:
    // only the import's own progress may be there.
    expect(imported.stderr).toBe('marginalia: Recognizing text in “scan.pdf”: page 1 of 1\n');
    expect(imported.stdout.trim()).toMatch(/^[0-9a-f-]{36}$/);
  }, 60_000);

  it('lists a quote or note longer than its line with "…" where it is cut, so it never reads as whole', async () => {
    await cli([...dataDir(), 'import', SAMPLE_REPORT]);
    const quote =
      'seizing the security directorate, the main hospital and beheading 11 people, residents and officials';
    await cli([...dataDir(), 'annotate', 'reports of', '--quote', quote, '--note', 'A note. '.repeat(20)]);
    const listed = (await cli([...dataDir(), 'annotations', 'reports'])).stdout;
    expect(listed).toContain(`“${quote.slice(0, 79)}…”`);
    expect(listed).toContain(`\n    ${'A note. '.repeat(20).slice(0, 119)}…`);
  }, 60_000);

  it('annotates the Nth occurrence of a quote and lists annotations as JSON with selectors and notes', async () => {
    await cli([...dataDir(), 'import', SAMPLE_REPORT]);
    const id = (
      await cli([
        ...dataDir(),
        'annotate',
        'reports of',
        '--quote',
        'Sabratha',
        '--occurrence',
        '2',
        '--color',
        'blue',
        '--tag',
        'Place/Sabratha',
        '--tag',
        'Claim/Where',
        '--note',
        'Second **mention**',
      ])
    ).stdout.trim();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const listed = JSON.parse((await cli([...dataDir(), '--json', 'annotations', 'reports'])).stdout) as Array<
      Record<string, unknown>
    >;
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({
      id,
      kind: 'highlight',
      color: 'blue',
      tags: ['Claim/Where', 'Place/Sabratha'],
      anchoring: { status: 'exact', score: 1 },
      note: { text: 'Second mention', markdown: 'Second **mention**' },
      selectors: [{ type: 'TextPositionSelector' }, { type: 'TextQuoteSelector', exact: 'Sabratha' }],
    });
    const missing = await cli([...dataDir(), 'annotate', 'reports', '--quote', 'Sabratha', '--occurrence', '99']);
    expect(missing).toMatchObject({ code: 1 });
    expect(missing.stderr).toMatch(/“Sabratha” occurs only \d+ times/);
    expect((await cli([...dataDir(), 'annotate', 'reports', '--quote', 'x', '--color', 'mauve'])).stderr).toMatch(
      /unknown color “mauve”/,
    );
  });

  it('finds a quote whatever kind of space the text holds between its words', async () => {
    await cli([...dataDir(), 'import', SAMPLE_REPORT]);
    await cli([...dataDir(), 'profile', '--name', 'Ada Analyst']);
    // The sample has a no-break space after "seizing"; the quote is typed with plain spaces, a tab and a line break.
    for (const quote of ['seizing the security directorate', 'the main  hospital\tand\nbeheading']) {
      const result = await cli([...dataDir(), 'annotate', 'reports', '--quote', quote]);
      expect(result, quote).toMatchObject({ code: 0, stderr: '' });
    }
    const listed = JSON.parse((await cli([...dataDir(), '--json', 'annotations', 'reports'])).stdout) as Array<{
      selectors: [unknown, { exact: string }];
    }>;
    expect(listed.map((annotation) => annotation.selectors[1].exact)).toEqual([
      'seizing\u00a0the security directorate',
      'the main hospital\u00a0and beheading',
    ]);
    expect((await cli([...dataDir(), 'annotate', 'reports', '--quote', 'seizing the  insecurity'])).stderr).toBe(
      'marginalia: “seizing the  insecurity” does not occur in “Reports of western ‘boots on the ground’ in Libya as Islamic State storms Sabratha”.\n',
    );
  });

  it('finds a quote typed with straight quotes and hyphens where the text has curly quotes and dashes, and points out other capitals', async () => {
    await cli([...dataDir(), 'import', SAMPLE_REPORT]);
    await cli([...dataDir(), 'profile', '--name', 'Ada Analyst']);
    for (const quote of [
      "officials told Libya's Channel",
      'militants - exploiting the "security vacuum"',
      'militants -- exploiting',
    ]) {
      expect(await cli([...dataDir(), 'annotate', 'reports', '--quote', quote]), quote).toMatchObject({
        code: 0,
        stderr: '',
      });
    }
    const listed = JSON.parse((await cli([...dataDir(), '--json', 'annotations', 'reports'])).stdout) as Array<{
      selectors: [unknown, { exact: string }];
    }>;
    expect(listed.map((annotation) => annotation.selectors[1].exact.replace(/\s/gu, ' ')).sort()).toEqual([
      'militants – exploiting',
      'militants – exploiting the “security vacuum”',
      'officials told Libya’s Channel',
    ]);

    const capitals = await cli([...dataDir(), 'annotate', 'reports', '--quote', 'islamic state militants']);
    expect(capitals.code).toBe(1);
    expect(capitals.stderr.split('\n')).toEqual([
      "marginalia: “islamic state militants” has no exact match in “Reports of western ‘boots on the ground’ in Libya as Islamic State storms Sabratha”; 1 place matches ignoring case (use the text's own capitals):",
      '   1  …storms Sabratha Libya’s Channel with wires [Islamic State militants] stormed the centre of Sabratha late Tuesday,…',
      '',
    ]);
  });

  it('refuses a quote that occurs more than once without --occurrence, listing each place with its context', async () => {
    await cli([...dataDir(), 'import', SAMPLE_REPORT]);
    const ambiguous = await cli([
      ...dataDir(),
      'annotate',
      'reports',
      '--quote',
      'Sabratha',
      '--tag',
      'Place/Sabratha',
    ]);
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.stdout).toBe('');
    const lines = ambiguous.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe(
      'marginalia: “Sabratha” occurs 12 times in “Reports of western ‘boots on the ground’ in Libya as Islamic State storms Sabratha”; say which with --occurrence N:',
    );
    expect(lines.slice(1)).toHaveLength(12);
    expect(lines[1]).toBe(
      '   1  …on the ground’ in Libya as Islamic State storms [Sabratha] Libya’s Channel with wires Islamic State…',
    );
    expect(lines[3]).toBe(
      '   3  …on the coastal town. “Some of the people from [Sabratha] managed to take IS injured from the hospital…',
    );
    expect(lines[4]).toMatch(/ said one of the \[Sabratha\]n forces .*…  \(inside “Sabrathan”\)$/);
    expect(lines.filter((line) => line.includes('(inside '))).toHaveLength(
      lines.filter((line) => /\]n /.test(line)).length,
    );
    expect(lines[11]).toBe(
      '  11  …announced the arrest of Sabrathan IS leader in [Sabratha] Mohamed Saad al-Tajuri. IS first appeared in…',
    );
    expect(JSON.parse((await cli([...dataDir(), '--json', 'annotations', 'reports'])).stdout)).toEqual([]);

    // The README's example picks the third.
    const third = await cli([
      ...dataDir(),
      'annotate',
      'reports of',
      '--quote',
      'Sabratha',
      '--occurrence',
      '3',
      '--tag',
      'Place/Sabratha',
    ]);
    expect(third.code).toBe(0);
    const [annotation] = JSON.parse((await cli([...dataDir(), '--json', 'annotations', 'reports'])).stdout) as Array<{
      selectors: [unknown, { prefix: string }];
    }>;
    expect(annotation!.selectors[1].prefix).toMatch(/Some of the people from $/);
    const once = await cli([...dataDir(), 'annotate', 'reports of', '--quote', 'beheading 11 people']);
    expect(once.code).toBe(0);
  });

  it('shows and sets the author name and key fingerprint with profile', async () => {
    const shown = await cli([...dataDir(), 'profile']);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/^Name: .+\nKey fingerprint: ([0-9a-f]{4} ){9}[0-9a-f]{4}\n$/);
    const fingerprint = /Key fingerprint: (.+)/.exec(shown.stdout)![1];
    const renamed = await cli([...dataDir(), 'profile', '--name', '  Ada   Analyst ']);
    expect(renamed).toMatchObject({ code: 0, stdout: `Name: Ada Analyst\nKey fingerprint: ${fingerprint}\n` });
    expect(JSON.parse((await cli([...dataDir(), '--json', 'profile'])).stdout)).toMatchObject({
      name: 'Ada Analyst',
      fingerprint,
    });
    await cli([...dataDir(), 'import', SAMPLE_REPORT]);
    await cli([...dataDir(), 'annotate', 'reports', '--quote', 'beheading 11 people']);
    const [annotation] = JSON.parse((await cli([...dataDir(), '--json', 'annotations', 'reports'])).stdout) as Array<{
      author: { name: string };
    }>;
    expect(annotation!.author.name).toBe('Ada Analyst');
    expect(await cli([...dataDir(), 'profile', '--name', ' '])).toMatchObject({
      code: 1,
      stderr: 'marginalia: Your name cannot be empty: it is shown on every note you write.\n',
    });
    expect(await cli([...dataDir(), 'profile', 'Ada'])).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(
        /^marginalia: profile takes no arguments, not 1\.\nusage: marginalia profile \[--name NAME\]\n/,
      ),
    });
  });

  it('shows the current name on notes written before the name was chosen, in lists, searches and PDF exports, and says how to choose it', async () => {
    await cli([...dataDir(), 'import', SAMPLE_REPORT]);
    const loginName = JSON.parse((await cli([...dataDir(), '--json', 'profile'])).stdout).name as string;
    const written = await cli([
      ...dataDir(),
      'annotate',
      'reports',
      '--quote',
      'beheading 11 people',
      '--note',
      'Check the count',
    ]);
    expect(written).toMatchObject({ code: 0, stdout: expect.stringMatching(/^[0-9a-f-]{36}\n$/) });
    expect(written.stderr).toBe(
      `marginalia: wrote this as “${loginName}”, your login name; set the name on your annotations with: marginalia profile --name "Your Name"\n`,
    );
    const [before] = JSON.parse((await cli([...dataDir(), '--json', 'annotations', 'reports'])).stdout) as Array<{
      modified: string;
      author: { name: string };
    }>;
    expect(before!.author.name).toBe(loginName);

    await cli([...dataDir(), 'profile', '--name', 'Ada Analyst']);
    const [after] = JSON.parse((await cli([...dataDir(), '--json', 'annotations', 'reports'])).stdout) as Array<{
      modified: string;
      author: { name: string };
    }>;
    expect(after).toMatchObject({ author: { name: 'Ada Analyst' }, modified: before!.modified });
    expect((await cli([...dataDir(), 'annotations', 'reports'])).stdout).toMatch(
      /^[0-9a-f-]{36} {2}\d+-\d+ {2}yellow {2}exact {2}by Ada Analyst\n {4}“beheading 11 people”\n {4}Check the count\n$/,
    );
    for (const query of ['author:"Ada Analyst"', 'Analyst']) {
      const found = JSON.parse((await cli([...dataDir(), '--json', 'search', query])).stdout) as {
        groups: Array<{ hits: Array<{ annotationId?: string }> }>;
      };
      expect(
        found.groups.flatMap((group) => group.hits.map((hit) => hit.annotationId)),
        query,
      ).toEqual([written.stdout.trim()]);
    }
    expect((await cli([...dataDir(), 'annotate', 'reports', '--quote', '200 IS fighters'])).stderr).toBe('');

    const out = join(temp.path, 'x.pdf');
    expect((await cli([...dataDir(), 'export', 'reports of', '--format', 'pdf', '--out', out])).code).toBe(0);
    const pdf = await readPdf(readFileSync(out));
    const text = pdf.items
      .flat()
      .map((item) => item.str)
      .join(' ');
    expect(text).toContain('Exported by Ada Analyst');
    expect(text).toMatch(/Ada Analyst [A-Z][a-z]+\s\d{1,2},\s\d{4}/);
    expect(text).not.toContain(`${loginName} ·`);
    expect(
      pdf.annotations.filter((annotation) => annotation.subtype === 'Highlight').map((annotation) => annotation.title),
    ).toEqual(['Ada Analyst', 'Ada Analyst']);
  });

  it('counts in correct plurals: 1 annotation, 2 annotations', async () => {
    await cli([...dataDir(), 'import', SAMPLE_REPORT]);
    await cli([...dataDir(), 'annotate', 'reports', '--quote', 'Islamic State militants', '--tag', 'Actor/IS']);
    await cli([...dataDir(), 'annotate', 'reports', '--quote', '200 IS fighters', '--tag', 'Actor/ISIS']);
    expect((await cli([...dataDir(), 'tags', 'merge', 'Actor/ISIS', 'Actor/IS'])).stdout).toBe(
      'Merged “Actor/ISIS” into “Actor/IS” (1 annotation).\n',
    );
    expect((await cli([...dataDir(), 'tags', 'merge', 'Actor/IS', 'Group'])).stdout).toBe(
      'Merged “Actor/IS” into “Group” (2 annotations).\n',
    );
    const one = join(temp.path, 'one.md');
    writeFileSync(one, '# Alone\n');
    await cli([...dataDir(), 'import', one]);
    expect((await cli([...dataDir(), 'list'])).stdout).toMatch(
      / {7}1 word {2}Alone {2}\(Imported here · version [0-9a-f]{7}\)\n/,
    );
    const missing = await cli([...dataDir(), 'annotate', 'alone', '--quote', 'Alone', '--occurrence', '2']);
    expect(missing.stderr).toBe('marginalia: “Alone” occurs only once in “Alone”.\n');
  });

  it('searches, lists tags, renames and merges them', async () => {
    await cli([...dataDir(), 'import', SAMPLE_REPORT]);
    await cli([...dataDir(), 'annotate', 'reports', '--quote', 'Islamic State militants', '--tag', 'Actor/IS']);
    await cli([...dataDir(), 'annotate', 'reports', '--quote', '200 IS fighters', '--tag', 'Actor/ISIS']);
    const search = await cli([...dataDir(), 'search', 'tag:Actor']);
    expect(search.stdout).toMatch(/annotation [0-9a-f-]{36}\n {4}Islamic State militants/);
    expect((await cli([...dataDir(), 'tags'])).stdout).toBe('    1  Actor/IS\n    1  Actor/ISIS\n');
    expect((await cli([...dataDir(), 'tags', 'merge', 'Actor/ISIS', 'Actor/IS'])).code).toBe(0);
    expect((await cli([...dataDir(), 'tags', 'rename', 'Actor', 'Group'])).stdout).toBe('Renamed 1 tag.\n');
    expect((await cli([...dataDir(), 'tags'])).stdout).toBe('    2  Group/IS\n');
  });

  it('searches with the true total, a page at a time, and says why a query cannot be read', async () => {
    await cli([...dataDir(), 'import', join(HTML_SAMPLES, 'aclu/source.html')]);
    // 52 places: “Facebook”'s 50 (the title's two are one, as it shows whole) and “ACLU” where it stands apart.
    const query = 'Facebook OR ACLU';
    const first = await cli([...dataDir(), 'search', query]);
    expect(first).toMatchObject({ code: 0 });
    expect(first.stdout).toMatch(/^52 results in 1 document\n/);
    expect(first.stdout).toMatch(/: 52 results\n/);
    expect(first.stdout.match(/^ {2}(?:passage|heading|title)(?: · .+)?\n {4}\S/gm)).toHaveLength(50);
    expect(first.stdout).toMatch(/Showing 1–50 of 52; --offset 50 shows the next\.\n$/);
    const next = await cli([...dataDir(), 'search', query, '--offset', '50']);
    expect(next.stdout.match(/^ {2}(?:passage|heading)(?: · .+)?\n {4}\S/gm)).toHaveLength(2);
    const json = JSON.parse((await cli([...dataDir(), '--json', 'search', query, '--limit', '5'])).stdout) as {
      total: number;
      groups: Array<{ hits: unknown[] }>;
    };
    expect(json.total).toBe(52);
    expect(json.groups[0]!.hits).toHaveLength(5);
    const invalid = await cli([...dataDir(), 'search', '"security vacuum" OR x((']);
    expect(invalid).toMatchObject({ code: 1, stdout: '' });
    expect(invalid.stderr).toMatch(/The search could not be read: a “\(” is never closed/);
  });

  it('updates a document from a changed file and reports how its annotations re-anchored', async () => {
    await cli([...dataDir(), 'import', SAMPLE_REPORT]);
    await cli([...dataDir(), 'annotate', 'reports', '--quote', 'beheading 11 people']);
    await cli([...dataDir(), 'annotate', 'reports', '--quote', 'French special forces', '--occurrence', '1']);
    const changed = join(temp.path, 'report-v2.txt');
    writeFileSync(
      changed,
      readFileSync(SAMPLE_REPORT, 'utf8')
        .replace('beheading 11 people', 'killing')
        .replace('Islamic State militants stormed', 'Militants stormed'),
    );
    const updated = await cli([...dataDir(), 'import', '--update', 'reports', changed]);
    expect(updated).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/: 0 kept, 1 moved, 0 fuzzy, 1 orphaned\.\n$/),
    });
    const orphans = await cli([...dataDir(), 'search', 'is:orphan']);
    expect(orphans.stdout).toContain('beheading 11 people');
  });
});
