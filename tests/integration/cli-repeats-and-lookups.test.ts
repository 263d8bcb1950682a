import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cliAt } from '../support/cli-library';
import { FIRST_REPORT, SECOND_REPORT } from '../support/evidence-library';
import { makeTempDir } from '../support/temp';

// What a person expects when they run a command a second time, name things by their words
// (punctuation and all), or run a command with nothing to change.

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.remove());

const { cli, ok, jsonOf } = cliAt(() => temp.path);

const FIRST_DOC = 'Harbour Radio reported';

/** Two reports imported and one passage highlighted in the second; returns that annotation's id. */
async function twoReports(): Promise<string> {
  writeFileSync(join(temp.path, 'harbour-radio.txt'), FIRST_REPORT);
  writeFileSync(join(temp.path, 'coast-courier.txt'), SECOND_REPORT);
  await ok('import', join(temp.path, 'harbour-radio.txt'), join(temp.path, 'coast-courier.txt'));
  return (await ok('annotate', 'The Coast Courier', '--quote', 'storm closed the harbour')).trim();
}

/** An analysis with two hypotheses and the storm passage as its one row; returns their ids. */
async function stormAnalysis(storm: string): Promise<{ analysis: string; row: string }> {
  const analysis = (
    await ok('ach', 'new', 'Were the boats lost at sea, or was the harbour closed by the storm?')
  ).trim();
  await ok('ach', 'hypothesis', analysis, 'Storm sank them');
  await ok('ach', 'hypothesis', analysis, 'Seized at sea');
  const { id: row } = await jsonOf<{ id: string }>('ach', 'row', analysis, '--annotation', storm);
  return { analysis, row };
}

describe('the CLI run twice or by words', () => {
  it('selects your highlight already on a quote instead of making a second one, and says so', async () => {
    const first = await twoReports();
    const again = await cli('annotate', 'The Coast Courier', '--quote', 'storm closed the harbour');
    expect(again).toMatchObject({ code: 0, stdout: `${first}\n` });
    expect(again.stderr).toBe(
      `marginalia: Already highlighted: “storm closed the harbour” is annotation ${first}; nothing new was made.\n`,
    );
    const json = await jsonOf<{ id: string; new: boolean }>(
      'annotate',
      'The Coast Courier',
      '--quote',
      'storm closed the harbour',
    );
    expect(json).toMatchObject({ id: first, new: false });
    expect(await jsonOf<unknown[]>('annotations', 'The Coast Courier')).toHaveLength(1);
    const fresh = await jsonOf<{ new: boolean }>('annotate', FIRST_DOC, '--quote', 'eleven boats');
    expect(fresh.new).toBe(true);
  });

  it('finds claims and analyses by words whatever punctuation stands around them', async () => {
    const storm = await twoReports();
    const claim = (await ok('claims', 'add', 'Two fishing boats are missing', '--supports', storm)).split(' ')[0]!;
    expect((await jsonOf<{ id: string }>('claims', 'show', 'Two fishing boats are missing.')).id).toBe(claim);
    const { analysis } = await stormAnalysis(storm);
    for (const words of ['closed?', 'boats, lost', '“harbour closed”', 'storm!'])
      expect((await jsonOf<{ id: string }>('ach', 'show', words)).id).toBe(analysis);
  });

  it('rates N/A as NA and finds a hypothesis by words of its label, listing those that share them', async () => {
    const { analysis, row } = await stormAnalysis(await twoReports());
    expect(await ok('ach', 'rate', analysis, row, 'seized', 'n/a')).toMatch(
      /against H2 “Seized at sea”: NA, not applicable\./,
    );
    expect(await ok('ach', 'rate', analysis, row, 'storm sank', 'N/A')).toMatch(/against H1 “Storm sank them”: NA/);
    const ambiguous = await cli('ach', 'rate', analysis, row, 'S', 'C');
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.stderr).toContain('2 hypotheses have the words “S”; give more of the label or an id:');
    expect(ambiguous.stderr).toMatch(/\n {2}[0-9a-f-]{36} {2}Storm sank them\n {2}[0-9a-f-]{36} {2}Seized at sea\n$/);
  });

  it('says evidence is already a row of the analysis, with its id, instead of adding it again', async () => {
    const storm = await twoReports();
    const { analysis, row } = await stormAnalysis(storm);
    expect(await ok('ach', 'row', analysis, '--annotation', storm)).toBe(
      `Already a row: ${row.slice(0, 8)}  storm closed the harbour\n`,
    );
    expect(await ok('ach', 'row', analysis, '--annotation', storm, '--relevance', 'high')).toBe(
      `Already a row: ${row.slice(0, 8)}  storm closed the harbour; its relevance is now high\n`,
    );
    const json = await jsonOf<{ id: string; new: boolean }>('ach', 'row', analysis, '--annotation', storm);
    expect(json).toMatchObject({ id: row, new: false, relevance: 'high' });
    expect(await ok('ach')).toContain('2 hypotheses × 1 row of evidence');
  });

  it("shows an annotation's grade when grade is given no flags: credibility, sources and their reliability", async () => {
    const storm = await twoReports();
    expect(await ok('grade', storm)).toBe(`${storm}  credibility -  no sources (nor has its document)\n`);
    await ok('sources', 'add', 'Coast Courier', '--reliability', 'C');
    await ok('sources', 'add', 'Port officials', '--reliability', 'B');
    await ok('sources', 'document', 'The Coast Courier', '--source', 'Coast Courier');
    expect(await ok('grade', storm.slice(0, 8))).toBe(
      `${storm}  credibility -  the document's sources: Coast Courier (C)\n`,
    );
    await ok('grade', storm, '--credibility', '2', '--source', 'Port officials');
    expect(await ok('grade', storm)).toBe(`${storm}  credibility 2  sources: Port officials (B)\n`);
    expect(await jsonOf<{ credibility: string }>('grade', storm)).toMatchObject({
      annotationId: storm,
      credibility: '2',
    });
  });

  it('exits 1 with the reason when a search names a grade or a source that does not exist', async () => {
    await twoReports();
    const grade = await cli('search', 'grade:Z9');
    expect(grade).toMatchObject({ code: 1, stdout: '' });
    expect(grade.stderr).toMatch(/^marginalia: The search could not be run: .*Z9/);
    const source = await cli('--json', 'search', 'source:Nobody');
    expect(source).toMatchObject({ code: 1, stdout: '' });
    expect(JSON.parse(source.stderr)).toEqual({
      code: 'INVALID_QUERY',
      message: 'The search could not be run: No source is named “Nobody”, nor has a name with those words.',
    });
  });

  it('takes several sources after one --only, and --only repeated still', async () => {
    await twoReports();
    for (const name of ['Harbour Radio', 'Residents', 'Coast Courier']) await ok('sources', 'add', name);
    expect(await ok('sources', 'document', FIRST_DOC, '--only', 'Residents', 'Coast Courier')).toMatch(
      /has the default sources Residents, Coast Courier\.\n$/,
    );
    expect(await ok('sources', 'document', FIRST_DOC, '--only', 'Harbour Radio', '--only', 'Residents')).toMatch(
      /has the default sources Harbour Radio, Residents\.\n$/,
    );
  });
});
