// `marginalia export` refuses a tag, author or color filter that no annotation of the chosen
// documents has, instead of writing a PDF without a single highlight.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCliCaptured } from '../support/cli-run';
import { FONTS_DIR, SAMPLE_REPORT, makeTempDir } from '../support/temp';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.remove());

const cli = (args: string[]) =>
  runCliCaptured(['--data-dir', join(temp.path, 'lib'), ...args], { version: '1.2.3', fontsDir: FONTS_DIR });

async function annotatedSample(): Promise<void> {
  await cli(['import', SAMPLE_REPORT]);
  await cli(['profile', '--name', 'tess analyst']);
  await cli(['annotate', 'reports', '--quote', 'beheading 11 people', '--tag', 'Claims/Relabelling']);
  await cli(['annotate', 'reports', '--quote', '200 IS fighters', '--tag', 'Place/Sabratha', '--color', 'green']);
}

describe('marginalia export with filters', () => {
  it('refuses a tag no annotation has, naming the tags there are, and writes no file', async () => {
    await annotatedSample();
    const out = join(temp.path, 'f.pdf');
    const result = await cli(['export', 'reports', '--tag', 'Claims/Relabeling', '--out', out]);
    expect(result.stderr).toBe(
      'marginalia: no annotation of the chosen documents has the tag “Claims/Relabeling” or a tag under it; ' +
        'their tags are “Claims/Relabelling”, “Place/Sabratha”.\n',
    );
    expect(result.code).toBe(1);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses an author who wrote none of the annotations, naming the authors there are, as search’s author: matches whole names', async () => {
    await annotatedSample();
    const out = join(temp.path, 'f.pdf');
    const result = await cli(['export', 'reports', '--author', 'Tess', '--out', out]);
    expect(result.stderr).toBe(
      'marginalia: no annotation of the chosen documents is by “Tess” (give an author’s whole name or id); ' +
        'their authors are “tess analyst”.\n',
    );
    expect(result.code).toBe(1);
    expect(existsSync(out)).toBe(false);

    const exported = await cli(['export', 'reports', '--author', 'Tess Analyst', '--tag', 'Claims', '--out', out]);
    expect(exported).toMatchObject({ code: 0, stderr: '' });
    expect(exported.stdout).toMatch(/\(\d+ pages?, 1 highlight, 0 notes\)\n$/);
  });

  it('refuses filters that each match something but no annotation together', async () => {
    await annotatedSample();
    const out = join(temp.path, 'f.pdf');
    const result = await cli(['export', 'reports', '--tag', 'Claims', '--color', 'green', '--out', out]);
    expect(result.stderr).toBe(
      'marginalia: no annotation of the chosen documents passes all of these filters together.\n',
    );
    expect(result.code).toBe(1);
    expect(existsSync(out)).toBe(false);
  });
});
