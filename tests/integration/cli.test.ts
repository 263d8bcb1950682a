import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/cli';
import { runCli } from '../../src/cli/cli';
import { APP_ROOT, FIXTURES, SAMPLE_REPORT, HTML_SAMPLES, makeTempDir } from '../support/temp';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.remove());

async function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), env };
  const code = await runCli(args, io, { version: '1.2.3' });
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
    const show = await cli([...dataDir(), 'show', 'THE \'BIRTH']);
    expect(show.code).toBe(0);
    expect(show.stdout.split('\n\n').slice(0, 2)).toEqual(["The 'birth lottery' and economic mobility", 'Ahiza Garcia']);
  });

  it('prints one JSON value with --json', async () => {
    const imported = await cli([...dataDir(), '--json', 'import', SAMPLE_REPORT]);
    const [entry] = JSON.parse(imported.stdout) as Array<{ id: string; created: boolean }>;
    expect(entry?.created).toBe(true);
    const list = JSON.parse((await cli([...dataDir(), '--json', 'list'])).stdout) as Array<{ id: string; wordCount: number }>;
    expect(list.map((doc) => doc.id)).toEqual([entry?.id]);
    const shown = JSON.parse((await cli([...dataDir(), '--json', 'show', entry!.id])).stdout) as { text: string };
    expect(shown.text.startsWith('Reports of western')).toBe(true);
  });

  it('removes a document by id', async () => {
    const id = (await cli([...dataDir(), 'import', SAMPLE_REPORT])).stdout.trim();
    const removed = await cli([...dataDir(), 'remove', id]);
    expect(removed).toMatchObject({ code: 0, stdout: `Removed “Reports of western ‘boots on the ground’ in Libya as Islamic State storms Sabratha” (${id}).\n` });
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
    expect((await cli(['--nope'])).stderr).toMatch(/Unknown option '--nope'/);
    await cli([...dataDir(), 'import', SAMPLE_REPORT, join(FIXTURES, 'briefing.md')]);
    const missing = await cli([...dataDir(), 'show', 'zebra']);
    expect(missing).toMatchObject({ code: 1, stderr: 'marginalia: No document has the id or a title starting with “zebra”.\n' });
    writeFileSync(join(temp.path, 'r2.md'), '# Reports from the south\n\nText.');
    await cli([...dataDir(), 'import', join(temp.path, 'r2.md')]);
    const ambiguous = await cli([...dataDir(), 'show', 'reports']);
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.stderr).toMatch(/“reports” matches 2 documents/);
  });

  it('uses MARGINALIA_HOME when no --data-dir is given', async () => {
    const home = join(temp.path, 'home');
    await cli(['import', SAMPLE_REPORT], { MARGINALIA_HOME: home });
    const list = await cli(['--data-dir', home, '--json', 'list']);
    expect(JSON.parse(list.stdout)).toHaveLength(1);
  });

  it('exits 2 on an internal error', async () => {
    const notADir = join(temp.path, 'file');
    writeFileSync(notADir, 'x');
    const result = await cli(['--data-dir', notADir, 'list']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^marginalia: internal error/);
  });

  it('runs as the installed bin with --help and --version', () => {
    const bin = join(APP_ROOT, 'bin/marginalia.mjs');
    const help = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^marginalia: read, highlight and annotate documents/);
    const version = spawnSync(process.execPath, [bin, '--version'], { encoding: 'utf8' });
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const listed = spawnSync(process.execPath, [bin, '--data-dir', join(temp.path, 'x'), 'import', SAMPLE_REPORT], { encoding: 'utf8' });
    expect(listed.status).toBe(0);
  });

  it('annotates the Nth occurrence of a quote and lists annotations as JSON with selectors and notes', async () => {
    await cli([...dataDir(), 'import', SAMPLE_REPORT]);
    const id = (
      await cli([...dataDir(), 'annotate', 'reports of', '--quote', 'Sabratha', '--occurrence', '2', '--color', 'blue', '--tag', 'Place/Sabratha', '--tag', 'Claim/Where', '--note', 'Second **mention**'])
    ).stdout.trim();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const listed = JSON.parse((await cli([...dataDir(), '--json', 'annotations', 'reports'])).stdout) as Array<Record<string, unknown>>;
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
    expect((await cli([...dataDir(), 'annotate', 'reports', '--quote', 'x', '--color', 'mauve'])).stderr).toMatch(/unknown color “mauve”/);
  });

  it('searches, lists tags, renames and merges them', async () => {
    await cli([...dataDir(), 'import', SAMPLE_REPORT]);
    await cli([...dataDir(), 'annotate', 'reports', '--quote', 'Islamic State militants', '--tag', 'Actor/IS']);
    await cli([...dataDir(), 'annotate', 'reports', '--quote', '200 IS fighters', '--tag', 'Actor/ISIS']);
    const search = await cli([...dataDir(), 'search', 'tag:Actor']);
    expect(search.stdout).toMatch(/note [0-9a-f-]{36}: Islamic State militants/);
    expect((await cli([...dataDir(), 'tags'])).stdout).toBe('    1  Actor/IS\n    1  Actor/ISIS\n');
    expect((await cli([...dataDir(), 'tags', 'merge', 'Actor/ISIS', 'Actor/IS'])).code).toBe(0);
    expect((await cli([...dataDir(), 'tags', 'rename', 'Actor', 'Group'])).stdout).toBe('Renamed 1 tag.\n');
    expect((await cli([...dataDir(), 'tags'])).stdout).toBe('    2  Group/IS\n');
  });

  it('searches with the true total, a page at a time, and says why a query cannot be read', async () => {
    await cli([...dataDir(), 'import', join(HTML_SAMPLES, 'aclu/source.html')]);
    const first = await cli([...dataDir(), 'search', 'Facebook']);
    expect(first).toMatchObject({ code: 0 });
    expect(first.stdout).toMatch(/^51 results in 1 document\n/);
    expect(first.stdout).toMatch(/: 51 results\n/);
    expect(first.stdout.match(/^ {2}text \d+: /gm)).toHaveLength(50);
    expect(first.stdout).toMatch(/Showing 1–50 of 51; --offset 50 shows the next\.\n$/);
    const next = await cli([...dataDir(), 'search', 'Facebook', '--offset', '50']);
    expect(next.stdout.match(/^ {2}text \d+: /gm)).toHaveLength(1);
    const json = JSON.parse((await cli([...dataDir(), '--json', 'search', 'Facebook', '--limit', '5'])).stdout) as { total: number; groups: Array<{ hits: unknown[] }> };
    expect(json.total).toBe(51);
    expect(json.groups[0]!.hits).toHaveLength(5);
    const invalid = await cli([...dataDir(), 'search', '"security vacuum" OR x((']);
    expect(invalid).toMatchObject({ code: 1, stdout: '' });
    expect(invalid.stderr).toMatch(/The search could not be read: a “\(” is never closed/);
  });

  it('updates a document from a changed file and reports how its annotations re-anchored', async () => {
    await cli([...dataDir(), 'import', SAMPLE_REPORT]);
    await cli([...dataDir(), 'annotate', 'reports', '--quote', 'beheading 11 people']);
    await cli([...dataDir(), 'annotate', 'reports', '--quote', 'French special forces']);
    const changed = join(temp.path, 'report-v2.txt');
    writeFileSync(changed, readFileSync(SAMPLE_REPORT, 'utf8').replace('beheading 11 people', 'killing').replace('Islamic State militants stormed', 'Militants stormed'));
    const updated = await cli([...dataDir(), 'import', '--update', 'reports', changed]);
    expect(updated).toMatchObject({ code: 0, stdout: expect.stringMatching(/: 0 kept, 1 moved, 0 fuzzy, 1 orphaned\.\n$/) });
    const orphans = await cli([...dataDir(), 'search', 'is:orphan']);
    expect(orphans.stdout).toContain('beheading 11 people');
  });
});
