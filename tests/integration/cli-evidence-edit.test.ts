import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cliAt } from '../support/cli-library';
import { runCliCaptured } from '../support/cli-run';
import { callOk, openTwoAnalysts } from '../support/evidence-library';
import { makeTempDir } from '../support/temp';

// Changing evidence already made from the command line: listing and removing links, a claim's
// evidence and wording, and an analysis's hypotheses, rows, ratings, question and itself.

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.remove());

const { cli, ok, jsonOf, twoReports } = cliAt(() => temp.path);

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

/** An analysis with hypotheses Storm and Seized at sea and one row, the storm passage, rated CC and II. */
async function ratedAnalysis(): Promise<{ analysis: string; row: string; storm: string; original: string }> {
  const { storm, original } = await twoReports();
  const analysis = (await ok('ach', 'new', 'Why did the boats not come back?')).trim();
  await ok('ach', 'hypothesis', analysis, 'Storm');
  await ok('ach', 'hypothesis', analysis, 'Seized at sea');
  const { id: row } = await jsonOf<{ id: string }>('ach', 'row', analysis, '--annotation', storm);
  await ok('ach', 'rate', analysis, row, 'H1', 'CC');
  await ok('ach', 'rate', analysis, row, 'H2', 'II');
  return { analysis, row, storm, original };
}

interface AnalysisJson {
  question: string;
  hypotheses: Array<{ id: string; label: string }>;
  rows: Array<{ id: string; relevance: string }>;
  cells: Array<{ hypothesisId: string; rating: string }>;
}

describe('changing an analysis from the command line', () => {
  it('renames and removes hypotheses found as ach rate finds them, by number or id', async () => {
    const { analysis } = await ratedAnalysis();
    const before = await jsonOf<AnalysisJson>('ach', 'show', analysis);
    const seized = before.hypotheses[1]!.id;
    expect(await ok('ach', 'rename-hypothesis', 'boats not come back', 'h2', 'Seized by the coast guard')).toBe(
      `Renamed H2  ${seized}  Seized by the coast guard\n`,
    );
    expect(await ok('ach', 'show', analysis)).toMatch(/H2 {2}[0-9a-f]{8} {2}rank 2 .*Seized by the coast guard/);
    expect(await ok('ach', 'remove-hypothesis', analysis, seized.slice(0, 8))).toBe(
      'Removed H2 “Seized by the coast guard”\n',
    );
    const after = await jsonOf<AnalysisJson>('ach', 'show', analysis);
    expect(after.hypotheses.map((item) => item.label)).toEqual(['Storm']);
    expect(after.cells.every((cell) => cell.hypothesisId !== seized)).toBe(true);
    const missing = await cli('ach', 'remove-hypothesis', analysis, 'H2');
    expect(missing).toMatchObject({ code: 1, stdout: '' });
    expect(missing.stderr).toContain('The analysis has no hypothesis H2: it has only H1.');
    const empty = await cli('ach', 'rename-hypothesis', analysis, 'H1', '');
    expect(empty.stderr).toContain('ach rename-hypothesis needs the new text, and it is empty.');
    expect((await cli('ach', 'rename-hypothesis', analysis, 'H1')).stderr).toContain(
      'ach rename-hypothesis ANALYSIS HYPOTHESIS LABEL',
    );
  });

  it("sets a row's relevance, clears a rating and removes the row", async () => {
    const { analysis, row } = await ratedAnalysis();
    expect(await ok('ach', 'relevance', analysis, row.slice(0, 8), 'HIGH')).toBe(
      `row ${row.slice(0, 8)} “storm closed the harbour”: relevance high\n`,
    );
    expect((await jsonOf<AnalysisJson>('ach', 'show', analysis)).rows[0]!.relevance).toBe('high');
    expect((await cli('ach', 'relevance', analysis, row, 'huge')).stderr).toContain(
      'unknown relevance “huge”; use low, medium, high.',
    );
    expect(await ok('ach', 'clear', analysis, row, 'H2')).toBe(
      `Cleared your rating of row ${row.slice(0, 8)} “storm closed the harbour” against H2 “Seized at sea”\n`,
    );
    expect((await jsonOf<AnalysisJson>('ach', 'show', analysis)).cells.map((cell) => cell.rating)).toEqual(['CC']);
    expect((await cli('ach', 'clear', analysis, row)).stderr).toContain('ach clear ANALYSIS ROW HYPOTHESIS');
    expect(await ok('ach', 'remove-row', analysis, row.slice(0, 6))).toBe(
      `Removed row ${row.slice(0, 8)} “storm closed the harbour”\n`,
    );
    expect(await ok('ach', 'show', analysis)).toContain('Evidence: none yet.');
    expect((await cli('ach', 'remove-row', analysis, row)).stderr).toContain(`No row has an id starting with “${row}”`);
  });

  it('rewords the question and deletes the analysis, leaving its claims and annotations', async () => {
    const { analysis, original } = await ratedAnalysis();
    const claim = (await ok('claims', 'add', 'Boats left at dawn', '--supports', original)).split(' ')[0]!;
    await ok('ach', 'row', analysis, '--claim', claim);
    expect(await ok('ach', 'question', analysis.slice(0, 6), 'Where did the boats go?')).toBe(
      `${analysis}  Where did the boats go?\n`,
    );
    expect((await cli('ach', 'question', analysis, ' ')).stderr).toContain('ach question needs the new question');
    expect(await ok('ach', 'remove', 'boats go')).toBe(`Deleted analysis ${analysis}  Where did the boats go?\n`);
    expect(await ok('ach')).toBe('No analyses yet.\n');
    expect(await ok('claims')).toContain('Boats left at dawn');
    expect((await cli('ach', 'remove', analysis)).stderr).toContain('No analysis has an id starting with');
  });
});
