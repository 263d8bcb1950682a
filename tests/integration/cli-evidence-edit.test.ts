import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCliCaptured } from '../support/cli-run';
import { FIRST_REPORT, SECOND_REPORT, callOk, openTwoAnalysts } from '../support/evidence-library';
import { makeTempDir } from '../support/temp';

// Changing evidence already made from the command line: listing and removing links, a claim's
// evidence and wording, and an analysis's hypotheses, rows, ratings, question and itself.

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.remove());

const cli = (...args: string[]) => runCliCaptured(['--data-dir', join(temp.path, 'lib'), ...args]);

async function ok(...args: string[]): Promise<string> {
  const result = await cli(...args);
  if (result.code !== 0) throw new Error(`${args.join(' ')} exited ${result.code}: ${result.stderr}`);
  return result.stdout;
}

async function jsonOf<T>(...args: string[]): Promise<T> {
  return JSON.parse(await ok('--json', ...args)) as T;
}

/** Two reports imported, with the same sentence highlighted in each; returns the annotation ids. */
async function twoReports(): Promise<{ original: string; copy: string; storm: string }> {
  writeFileSync(join(temp.path, 'harbour-radio.txt'), FIRST_REPORT);
  writeFileSync(join(temp.path, 'coast-courier.txt'), SECOND_REPORT);
  await ok('import', join(temp.path, 'harbour-radio.txt'), join(temp.path, 'coast-courier.txt'));
  const quote = 'fishing boats left Zuwara at dawn';
  const original = (await ok('annotate', 'Harbour Radio reported', '--quote', quote)).trim();
  const copy = (await ok('annotate', 'The Coast Courier', '--quote', quote)).trim();
  const storm = (await ok('annotate', 'The Coast Courier', '--quote', 'storm closed the harbour')).trim();
  return { original, copy, storm };
}

describe('links from the command line', () => {
  it("lists a document's links from its side, every document's without DOC, and removes one by a prefix of its id", async () => {
    const { original, copy, storm } = await twoReports();
    expect(await ok('links')).toBe('No links yet.\n');
    const repeats = (await ok('link', copy, original, '--kind', 'repeats')).trim();
    const supports = (await ok('link', storm, copy, '--kind', 'supports')).trim();
    expect(await ok('links', 'Harbour Radio')).toBe(
      `${repeats}  “fishing boats left Zuwara at dawn” repeated by “fishing boats left Zuwara at dawn” (The Coast Courier, citing Harbour Radio, said fishing boats left Zuwara at dawn.)\n`,
    );
    const courier = await ok('links', 'The Coast Courier');
    expect(courier).toContain(
      `${repeats}  “fishing boats left Zuwara at dawn” repeats “fishing boats left Zuwara at dawn” (Harbour Radio reported`,
    );
    expect(courier).toContain(
      `${supports}  “storm closed the harbour” supports “fishing boats left Zuwara at dawn” (The Coast Courier`,
    );
    expect(courier).toContain(
      `${supports}  “fishing boats left Zuwara at dawn” supported by “storm closed the harbour”`,
    );
    const every = await ok('links');
    expect(every.startsWith('Harbour Radio reported') || every.startsWith('The Coast Courier')).toBe(true);
    expect(every.split(repeats)).toHaveLength(3);
    const [first] = await jsonOf<Array<{ direction: string; kind: string; other: { annotationId: string } }>>(
      'links',
      'Harbour Radio',
    );
    expect(first).toMatchObject({ direction: 'incoming', kind: 'repeats', other: { annotationId: copy } });
    expect(await ok('unlink', repeats.slice(0, 8))).toBe(
      `Removed link ${repeats}  “fishing boats left Zuwara at dawn” repeats “fishing boats left Zuwara at dawn” (Harbour Radio reported that fishing boats left Zuwara at dawn.)\n`,
    );
    expect(await ok('links', 'Harbour Radio')).toBe(
      '“Harbour Radio reported that fishing boats left Zuwara at dawn.” has no links.\n',
    );
    expect(await jsonOf<{ deleted: boolean; id: string }>('unlink', supports)).toMatchObject({
      deleted: true,
      id: supports,
    });
    const gone = await cli('unlink', repeats);
    expect(gone).toMatchObject({ code: 1, stdout: '' });
    expect(gone.stderr).toContain(
      `No link has an id starting with “${repeats}”. \`marginalia links\` lists the links.`,
    );
    expect((await cli('unlink')).stderr).toContain('unlink LINK');
  });

  it("refuses to remove another analyst's link with the core's words, and keeps it", async () => {
    const { ana, rui, library, open, close, temp: analysts } = openTwoAnalysts();
    try {
      const original = library.highlight(library.firstDoc, 'fishing boats left Zuwara at dawn');
      const copy = library.highlight(library.secondDoc, 'fishing boats left Zuwara at dawn');
      const link = await callOk(ana, 'linkAnnotations', { fromId: copy, toId: original, kind: 'repeats' });
      const bytes = ana.exportBundle({ documentIds: [library.firstDoc, library.secondDoc], reviewOnly: false }).bytes;
      await rui.importBundle(Buffer.from(bytes), { allowUnsigned: false, apply: true });
      rui.close();
      const atRui = (...args: string[]) => runCliCaptured(['--data-dir', join(analysts.path, 'rui'), ...args]);
      const refused = await atRui('unlink', link.id.slice(0, 8));
      expect(refused).toMatchObject({ code: 1, stdout: '' });
      expect(refused.stderr).toMatch(/^marginalia: This link is Ana Analyst's: only they can change or delete it\./);
      expect((await atRui('links')).stdout.split(link.id)).toHaveLength(3);
      open('rui', 'Rui Reviewer');
    } finally {
      close();
    }
  });
});

describe('changing a claim from the command line', () => {
  it("adds evidence, changes a piece's stance and removes one, printing the claim's new status line", async () => {
    const { original, copy, storm } = await twoReports();
    const claim = (await ok('claims', 'add', 'Boats left Zuwara at dawn', '--supports', original)).split(' ')[0]!;
    expect(await ok('claims', 'evidence', 'left Zuwara', '--supports', copy.slice(0, 8), '--contradicts', storm)).toBe(
      `${claim}  contested      +2 -1 ~0  -    Boats left Zuwara at dawn\n`,
    );
    expect(await ok('claims', 'evidence', claim.slice(0, 6), '--context', storm)).toBe(
      `${claim}  corroborated   +2 -0 ~1  -    Boats left Zuwara at dawn\n`,
    );
    expect(await ok('claims', 'evidence', claim, '--remove', copy, '--remove', storm)).toBe(
      `${claim}  single-source  +1 -0 ~0  -    Boats left Zuwara at dawn\n`,
    );
    const detail = await jsonOf<{ evidence: Array<{ annotationId: string; stance: string }> }>(
      'claims',
      'evidence',
      claim,
      '--contradicts',
      original,
    );
    expect(detail.evidence).toEqual([expect.objectContaining({ annotationId: original, stance: 'contradicts' })]);
    const stray = await cli('claims', 'evidence', claim, '--remove', storm);
    expect(stray).toMatchObject({ code: 1, stdout: '' });
    expect(stray.stderr).toContain(`Annotation ${storm} is not evidence of “Boats left Zuwara at dawn”`);
    const nothing = await cli('claims', 'evidence', claim);
    expect(nothing.code).toBe(1);
    expect(nothing.stderr).toContain(
      'claims evidence needs a change: --supports, --contradicts, --context or --remove',
    );
    expect(nothing.stderr).toContain('marginalia claims evidence 2d7f --supports 5b1e');
    expect((await cli('claims', 'evidence', claim, '--supports', storm, '--context', storm)).stderr).toContain(
      `Annotation ${storm} is given twice`,
    );
  });

  it('rewords a claim found by its words and keeps its evidence', async () => {
    const { original } = await twoReports();
    const claim = (await ok('claims', 'add', 'Boats left Zuwara at dawn', '--supports', original)).split(' ')[0]!;
    expect(await ok('claims', 'reword', 'left Zuwara', 'Boats left Zuwara before dawn')).toBe(
      `${claim}  single-source  +1 -0 ~0  -    Boats left Zuwara before dawn\n`,
    );
    expect(await ok('claims', 'show', claim)).toContain('Boats left Zuwara before dawn\nsingle-source');
    const empty = await cli('claims', 'reword', claim, ' ');
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain('claims reword needs the new statement, and it is empty.');
    expect((await cli('claims', 'reword', claim)).stderr).toContain('claims reword CLAIM STATEMENT');
  });
});
