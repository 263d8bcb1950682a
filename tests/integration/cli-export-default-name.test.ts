// `marginalia export DOC` without --out or --out-dir writes into the current folder, under the
// name the app's Export dialog gives the download, and never over a file already there.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCliCaptured } from '../support/cli-run';
import { FIXTURES, FONTS_DIR, SAMPLE_REPORT, makeTempDir } from '../support/temp';

const SAMPLE_PDF = 'Reports of western ‘boots on the ground’ in Libya as Islamic State storms Sabratha (annotated).pdf';

let temp: ReturnType<typeof makeTempDir>;
let out: string;
let startedIn: string;
beforeEach(() => {
  temp = makeTempDir();
  out = join(temp.path, 'here');
  startedIn = process.cwd();
});
afterEach(() => {
  process.chdir(startedIn);
  temp.remove();
});

const cli = (args: string[]) =>
  runCliCaptured(['--data-dir', join(temp.path, 'lib'), ...args], { version: '1.2.3', fontsDir: FONTS_DIR });

/** Runs the CLI with the current folder at `out`, as a person in a shell there would. */
async function cliIn(args: string[]) {
  mkdirSync(out, { recursive: true });
  process.chdir(out);
  try {
    return await cli(args);
  } finally {
    process.chdir(startedIn);
  }
}

describe('marginalia export without --out', () => {
  it('writes the PDF into the current folder under the dialog’s name and prints the path', async () => {
    await cli(['import', SAMPLE_REPORT]);
    const result = await cliIn(['export', 'reports']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(readdirSync(out)).toEqual([SAMPLE_PDF]);
    expect(result.stdout).toMatch(/^(.+)  \(\d+ pages?, 0 highlights, 0 notes\)\n$/);
    const printed = /^(.+)  \(/.exec(result.stdout)![1]!;
    expect(readFileSync(printed).subarray(0, 5).toString()).toBe('%PDF-');
    expect(printed.endsWith(join('here', SAMPLE_PDF))).toBe(true);
  });

  it('never overwrites a file already there: it adds “ (2)”, “ (3)” before the extension, and --json gives the path', async () => {
    await cli(['import', SAMPLE_REPORT]);
    await cli(['import', join(FIXTURES, 'briefing.md')]);
    const combined = 'Field briefing coastal cities and 1 other (annotated).pdf';
    await cliIn(['export', 'reports', 'field']);
    writeFileSync(join(out, 'Field briefing coastal cities and 1 other (annotated) (2).pdf'), 'mine');
    const json = await cliIn(['--json', 'export', 'field', 'reports']);
    expect(json).toMatchObject({ code: 0, stderr: '' });
    const [written] = JSON.parse(json.stdout) as Array<{ path: string }>;
    expect(written!.path).toBe(join(out, 'Field briefing coastal cities and 1 other (annotated) (3).pdf'));
    expect(existsSync(written!.path)).toBe(true);
    expect(readdirSync(out).sort()).toEqual([
      'Field briefing coastal cities and 1 other (annotated) (2).pdf',
      'Field briefing coastal cities and 1 other (annotated) (3).pdf',
      combined,
    ]);
    expect(readFileSync(join(out, 'Field briefing coastal cities and 1 other (annotated) (2).pdf'), 'utf8')).toBe(
      'mine',
    );
  });

  it('names a combined export of a thread after its first message, as the app does, and tells same-titled ones apart with “ (2)” in --out-dir', async () => {
    const date = (day: number) => `Mon, ${day} Jan 2024 09:30:00 +0000`;
    const mail = (id: string, subject: string, day: number, extra: string[] = []) =>
      [
        `From: ada@example.org`,
        `Subject: ${subject}`,
        `Message-ID: <${id}@example.org>`,
        `Date: ${date(day)}`,
        ...extra,
        '',
        `Body of ${id}.`,
      ].join('\r\n');
    writeFileSync(join(temp.path, 'first.eml'), mail('c1', 'Cistern', 1));
    writeFileSync(join(temp.path, 'reply.eml'), mail('c2', 'Re: Cistern', 2, ['In-Reply-To: <c1@example.org>']));
    writeFileSync(join(temp.path, 'again.eml'), mail('c3', 'Re: Cistern', 3, ['In-Reply-To: <c2@example.org>']));
    // The first message imported first: newest import first alone would name the file after a reply.
    for (const name of ['first.eml', 'reply.eml', 'again.eml']) await cli(['import', join(temp.path, name)]);
    const ids = JSON.parse((await cli(['--json', 'list'])).stdout) as Array<{ id: string; title: string }>;
    const all = ids.map((doc) => doc.id);
    expect((await cliIn(['export', ...all])).code).toBe(0);
    expect(readdirSync(out)).toEqual(['Cistern and 2 others (annotated).pdf']);
    expect((await cliIn(['export', ...all, '--out-dir', 'each'])).code).toBe(0);
    expect(readdirSync(join(out, 'each')).sort()).toEqual([
      'Cistern (annotated).pdf',
      'Re Cistern (annotated) (2).pdf',
      'Re Cistern (annotated).pdf',
    ]);
  });

  it('still writes where --out says', async () => {
    await cli(['import', SAMPLE_REPORT]);
    const result = await cliIn(['export', 'reports', '--out', join(temp.path, 'brief.pdf')]);
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith(`${join(temp.path, 'brief.pdf')}  (`)).toBe(true);
    expect(readdirSync(out)).toEqual([]);
  });
});
