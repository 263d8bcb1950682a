import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cliAt } from '../support/cli-library';
import { makeTempDir } from '../support/temp';

// The evidence commands (sources, grade, link, claims, ach) as a person types them.

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.remove());

/** The title the first report is imported with (its first line). */
const FIRST_TITLE = 'Harbour Radio reported that fishing boats left Zuwara at dawn.';

const { cli, ok, jsonOf, twoReports } = cliAt(() => temp.path);

describe('the evidence commands', () => {
  it('grade sources, make a claim from two reports, and see it single-sourced once one repeats the other', async () => {
    const { original, copy } = await twoReports();
    const radio = (
      await ok(
        'sources',
        'add',
        'Harbour Radio',
        '--kind',
        'outlet',
        '--reliability',
        'B',
        '--reason',
        'Accurate before',
      )
    ).trim();
    await ok('sources', 'add', 'Coast Courier', '--kind', 'outlet', '--reliability', 'C');
    expect(await ok('sources')).toBe(
      `${(await jsonOf<Array<{ id: string }>>('sources'))[0]!.id}  C   Coast Courier  [outlet]\n${radio}  B   Harbour Radio  [outlet] (Accurate before)\n`,
    );
    await ok('sources', 'document', 'Harbour Radio reported', '--source', 'harbour radio');
    await ok('sources', 'document', 'The Coast Courier', '--source', 'Coast Courier');
    expect(await ok('grade', original.slice(0, 8), '--credibility', '2')).toContain('credibility 2');
    const claim = (
      await ok('claims', 'add', 'Boats left Zuwara at dawn', '--supports', original, '--supports', copy)
    ).trim();
    expect(claim).toMatch(/ corroborated$/);
    const claimId = claim.split(' ')[0]!;
    await ok('link', copy.slice(0, 8), original.slice(0, 8), '--kind', 'repeats');
    expect(await ok('claims')).toBe(`${claimId}  single-source  +2 -0 ~0  B2   Boats left Zuwara at dawn\n`);
    const shown = await ok('claims', 'show', claimId.slice(0, 6));
    expect(shown).toContain(
      'single-source, 1 independent supporting source; best supporting grade B2 (as an ACH row: credibility 2)\nSingle source: “fishing boats left Zuwara at dawn” (in “The Coast Courier, citing Harbour…”) repeats “fishing boats left Zuwara at dawn” (in “Harbour Radio reported that fishing…”)\n',
    );
    expect(shown).toContain('  B2  “fishing boats left Zuwara at dawn” (Harbour Radio reported that');
    expect(shown).toMatch(/\n {6}Harbour Radio; annotation [0-9a-f-]{36}\n/);
    expect((await jsonOf<{ status: string }>('claims', 'show', claimId)).status).toBe('single-source');
  });

  it('changes and removes sources, and refuses what the scheme lacks in its own words', async () => {
    const { original } = await twoReports();
    const id = (await ok('sources', 'add', 'Residents', '--kind', 'group')).trim();
    expect(await ok('sources', 'set', 'Residents', '--reliability', 'D')).toBe(`${id}  D   Residents  [group]\n`);
    const wrong = await cli('sources', 'set', id.slice(0, 6), '--reliability', 'Q');
    expect(wrong).toMatchObject({ code: 1 });
    expect(wrong.stderr).toContain('“Q” is not a reliability of the Admiralty scheme; use one of A, B, C, D, E, F');
    expect((await cli('grade', original, '--credibility', '7')).stderr).toContain('use one of 1, 2, 3, 4, 5, 6');
    expect(await ok('grade', original, '--source', 'Residents')).toContain('sources: Residents');
    const refused = await cli('sources', 'remove', 'residents');
    expect(refused).toMatchObject({ code: 1, stdout: '' });
    expect(refused.stderr).toBe(
      'marginalia: “Residents” is the source of 1 grade; remove it from them first, or use --force.\n',
    );
    expect(await ok('sources', 'remove', id, '--force')).toBe(`Deleted source ${id}; 1 grade no longer names it.\n`);
    expect(await ok('sources')).toBe('No sources yet.\n');
    expect((await cli('link', original, original, '--kind', 'cites')).stderr).toContain('cannot be linked to itself');
    expect((await cli('grade', 'ffffffff', '--credibility', '1')).stderr).toContain(
      'No annotation has an id starting with “ffffffff”.',
    );
  });

  it('removes a claim found by its words and warns how many ACH rows went with it', async () => {
    const { original } = await twoReports();
    const claim = (await ok('claims', 'add', 'Boats left at dawn', '--supports', original)).split(' ')[0]!;
    const lonely = (await ok('claims', 'add', 'The harbour was closed', '--supports', original)).split(' ')[0]!;
    const first = (await ok('ach', 'new', 'Why did the boats not come back?')).trim();
    const second = (await ok('ach', 'new', 'Who saw them leave?')).trim();
    await ok('ach', 'row', first, '--claim', claim);
    await ok('ach', 'row', second, '--claim', claim);
    expect(await ok('claims', 'remove', 'left at dawn')).toBe(
      `Deleted claim ${claim}  Boats left at dawn\n` +
        'Warning: 2 ACH rows built on it went with it (in “Who saw them leave?”, “Why did the boats not come back?”).\n',
    );
    expect(await ok('ach', 'show', first)).toContain('Evidence: none yet.');
    const removed = await jsonOf<{ id: string; removedRows: number }>('claims', 'remove', lonely.slice(0, 8));
    expect(removed).toMatchObject({ id: lonely, removedRows: 0 });
    expect(await ok('claims')).toBe('No claims yet.\n');
    expect((await cli('claims', 'remove', 'left at dawn')).stderr).toContain('No claim has an id starting with');
  });

  it('builds an analysis from the command line and prints the matrix with ranking and diagnosticity', async () => {
    const { original, storm } = await twoReports();
    const analysis = (await ok('ach', 'new', 'Why did the boats not come back?')).trim();
    await ok('ach', 'hypothesis', analysis.slice(0, 6), 'Storm');
    await ok('ach', 'hypothesis', analysis, 'Seized at sea');
    const claim = (await ok('claims', 'add', 'Boats left at dawn', '--supports', original)).split(' ')[0]!;
    const added = await ok('ach', 'row', analysis, '--annotation', storm, '--relevance', 'high');
    expect(added).toMatch(/^Added row [0-9a-f]{8} {2}storm closed the harbour\n$/);
    const stormRow = added.split(' ')[2]!;
    const made = await jsonOf<{ id: string; label: string; relevance: string }>(
      'ach',
      'row',
      analysis,
      '--claim',
      claim,
    );
    expect(made).toMatchObject({ label: 'Boats left at dawn', relevance: 'medium' });
    const claimRow = made.id;
    await ok('ach', 'rate', analysis, stormRow.slice(0, 8), 'H1', 'CC');
    await ok('ach', 'rate', analysis, stormRow, 'H2', 'II');
    await ok('ach', 'rate', analysis, claimRow, 'H2', 'c');
    const shown = await ok('ach', 'show', analysis);
    expect(shown).toContain('Why did the boats not come back?');
    expect(shown).toMatch(/H1 {2}[0-9a-f]{8} {2}rank 1 {2}inconsistency 0\.00 {2}Storm/);
    expect(shown).toMatch(/H2 {2}[0-9a-f]{8} {2}rank 2 {2}inconsistency 2\.83 {2}Seized at sea/);
    const lines = shown.split('\n');
    const stormLine = lines.findIndex((line) => line.includes('storm closed the harbour'));
    const claimLine = lines.findIndex((line) => line.includes('claim: Boats left at dawn'));
    expect(stormLine).toBeGreaterThan(0);
    expect(stormLine).toBeLessThan(claimLine);
    expect(lines[stormLine]).toMatch(/ 2\.83 {2}high {4}- {5}CC {2}II {3}storm closed the harbour \*$/);
    expect(shown).toContain('Leading: Storm');
    expect(await ok('ach')).toMatch(
      / 2 hypotheses × 2 rows of evidence {2}leading: Storm {2}Why did the boats not come back\?\n$/,
    );
    expect((await cli('ach', 'rate', analysis, stormRow, 'H1', 'maybe')).stderr).toContain(
      'unknown rating “MAYBE”; ratings are CC, C, N, I, II, NA.',
    );
  });

  it('shows hypotheses of equal score sharing a rank and tied for first, in the text, the CSV and the list', async () => {
    const { storm } = await twoReports();
    const analysis = (await ok('ach', 'new', 'Why did the boats not come back?')).trim();
    expect(await ok('ach', 'hypothesis', analysis, 'Storm')).toMatch(/^Added H1 {2}[0-9a-f-]{36} {2}Storm\n$/);
    await ok('ach', 'hypothesis', analysis, 'Seized at sea');
    await ok('ach', 'hypothesis', analysis, 'Sank in the night');
    const { id: row } = await jsonOf<{ id: string }>('ach', 'row', analysis, '--annotation', storm);
    // Storm C, Seized C, Sank I: Storm and Seized score 0 and share rank 1; Sank is 3rd, not 2nd.
    await ok('ach', 'rate', analysis, row, 'H1', 'C');
    await ok('ach', 'rate', analysis, row, 'H2', 'C');
    await ok('ach', 'rate', analysis, row, 'H3', 'I');
    const shown = await ok('ach', 'show', analysis);
    expect(shown).toMatch(/H1 {2}[0-9a-f]{8} {2}rank 1= {2}inconsistency 0\.00 {2}Storm/);
    expect(shown).toMatch(/H2 {2}[0-9a-f]{8} {2}rank 1= {2}inconsistency 0\.00 {2}Seized at sea/);
    expect(shown).toMatch(/H3 {2}[0-9a-f]{8} {2}rank 3 {2}inconsistency 1\.00 {2}Sank in the night/);
    expect(shown).toContain('Tied for first: “Storm” and “Seized at sea”');
    expect(shown).not.toContain('Leading');
    const csv = await ok('ach', 'show', analysis, '--csv');
    expect(csv).toContain('Rank,,,,,,1,1,3');
    const out = join(temp.path, 'matrix.csv');
    await ok('ach', 'export', analysis, '--out', out);
    expect(readFileSync(out, 'utf8')).toContain('Rank,,,,,,1,1,3');
    expect(await ok('ach')).toContain('tied for first: “Storm” and “Seized at sea”  Why did the boats');
  });

  it('ranks nothing before anything is rated, in the text and the CSV, and says so', async () => {
    const { storm } = await twoReports();
    const analysis = (await ok('ach', 'new', 'Why did the boats not come back?')).trim();
    await ok('ach', 'hypothesis', analysis, 'Storm');
    await ok('ach', 'hypothesis', analysis, 'Seized at sea');
    const { id: row } = await jsonOf<{ id: string }>('ach', 'row', analysis, '--annotation', storm);
    const shown = await ok('ach', 'show', analysis);
    expect(shown).toMatch(/H1 {2}[0-9a-f]{8} {2}rank - {2}inconsistency 0\.00 {2}Storm/);
    expect(shown).toContain('Nothing rated yet: the hypotheses are not ranked.');
    expect(shown).not.toContain('Tied for first');
    expect(await ok('ach', 'show', analysis, '--csv')).toContain('Rank,,,,,,,\r\n');
    // N/A rates nothing against a hypothesis: still nothing is ranked.
    await ok('ach', 'rate', analysis, row, 'H1', 'NA');
    expect(await ok('ach', 'show', analysis)).toContain('Nothing rated yet');
    await ok('ach', 'rate', analysis, row, 'H2', 'I');
    const rated = await ok('ach', 'show', analysis);
    expect(rated).toMatch(/rank 1 {2}inconsistency 0\.00 {2}Storm/);
    expect(rated).toContain('Leading: Storm');
  });

  it('says which argument is missing or wrong, with the usage and an example, and exits 1', async () => {
    const analysis = (await ok('ach', 'new', 'Why?')).trim();
    const cases: Array<[string[], RegExp]> = [
      [
        ['ach', 'new'],
        /^marginalia: ach new needs QUESTION: .+\nusage: marginalia ach new QUESTION\nexample: marginalia ach new "/,
      ],
      [
        ['ach', 'hypothesis', analysis],
        /^marginalia: ach hypothesis needs LABEL: the hypothesis\.\nusage: .+\nexample: marginalia ach hypothesis /,
      ],
      [
        ['ach', 'hypothesis', analysis, 'A', 'local', 'militia'],
        /ach hypothesis takes 2 arguments \(ANALYSIS LABEL\), not 4; put text with spaces in quotes\./,
      ],
      [
        ['ach', 'hypothesis', 'ffff', 'Storm'],
        /No analysis has an id starting with “ffff” or those words\. `marginalia ach` lists the analyses\./,
      ],
      [
        ['ach', 'row', analysis],
        /ach row needs the evidence: --claim CLAIM or --annotation ANNOTATION\.\nusage: .+\nexample: marginalia ach row /,
      ],
      [['ach', 'rate', analysis, 'r'], /ach rate needs HYPOTHESIS: .+\nusage: .+\nexample: marginalia ach rate /],
      [
        ['ach', 'rate', analysis, 'r', 'H4', 'C'],
        /The analysis has no hypothesis H4: it has none yet \(add one with ach hypothesis\)\./,
      ],
      [
        ['ach', 'show'],
        /ach show needs ANALYSIS: an analysis id, a unique prefix of one, or words only its question has\.\n/,
      ],
      [
        ['ach', 'export', analysis],
        /ach export needs --out FILE, the CSV file to write .+\nusage: .+\nexample: marginalia ach export /,
      ],
      [['sources', 'add'], /sources add needs NAME: .+\nusage: .+\nexample: marginalia sources add /],
      [
        ['sources', 'set', 'nobody'],
        /No source is named “nobody” or has an id starting with it\. `marginalia sources` lists the sources\./,
      ],
      [['grade'], /grade needs ANNOTATION: .+\nusage: .+\nexample: marginalia grade /],
      [['grade', 'abcd'], /No annotation has an id starting with “abcd”\./],
      [['link', 'abcd'], /link needs TO: .+\nusage: marginalia link FROM TO --kind KIND\nexample: marginalia link /],
      [
        ['link', 'abcd', 'ef01'],
        /link needs --kind KIND, one of supports, contradicts, same-event, cites, repeats\.\n/,
      ],
      [['claims', 'add'], /claims add needs STATEMENT: what is claimed\.\nusage: .+\nexample: marginalia claims add /],
      [
        ['claims', 'show', 'ffff'],
        /No claim has an id starting with “ffff” or those words\. `marginalia claims` lists the claims\./,
      ],
    ];
    for (const [args, message] of cases) {
      const result = await cli(...args);
      expect({ args, code: result.code, stdout: result.stdout }).toEqual({ args, code: 1, stdout: '' });
      expect(result.stderr).toMatch(message);
    }
  });
});

describe('the evidence commands after the trial of issue 17', () => {
  it('refuses an annotation with two stances and a claim without a statement, saying how to write one', async () => {
    const { original } = await twoReports();
    const both = await cli('claims', 'add', 'Boats left', '--supports', original, '--contradicts', original);
    expect(both).toMatchObject({ code: 1, stdout: '' });
    expect(both.stderr).toContain('is given as evidence that both supports and contradicts the claim');
    expect(await ok('claims')).toBe('No claims yet.\n');
    expect((await cli('claims', 'add', ' ', '--supports', original)).stderr).toBe(
      'marginalia: A claim needs a statement, e.g. claims add "IS fighters beheaded 11 people" --supports ID\n',
    );
  });

  it('adds, removes and replaces a document’s sources as the flags say, printing the resulting list', async () => {
    await twoReports();
    for (const name of ['Harbour Radio', 'Residents', 'Coast Courier']) await ok('sources', 'add', name);
    const doc = 'Harbour Radio reported';
    expect(await ok('sources', 'document', doc, '--source', 'Harbour Radio')).toBe(
      `“${FIRST_TITLE}” has the default source Harbour Radio.\n`,
    );
    expect(await ok('sources', 'document', doc, '--source', 'residents')).toBe(
      `“${FIRST_TITLE}” has the default sources Harbour Radio, Residents.\n`,
    );
    expect(await ok('sources', 'document', doc, '--remove', 'Harbour Radio')).toBe(
      `“${FIRST_TITLE}” has the default source Residents.\n`,
    );
    expect(await ok('sources', 'document', doc, '--only', 'Coast Courier', '--only', 'Harbour Radio')).toBe(
      `“${FIRST_TITLE}” has the default sources Coast Courier, Harbour Radio.\n`,
    );
    expect((await cli('sources', 'document', doc, '--only', 'Residents', '--source', 'Residents')).code).toBe(1);
    expect(await ok('sources', 'document', doc, '--none')).toBe(`“${FIRST_TITLE}” has no default sources.\n`);
  });

  it('reads codes in any case, and names close sources when none has the name or id given', async () => {
    const { original } = await twoReports();
    expect(await ok('sources', 'add', "Libya's Channel", '--reliability', 'b')).toMatch(/^[0-9a-f-]{36}\n$/);
    expect(await ok('sources')).toContain("  B   Libya's Channel");
    const nobody = await cli('grade', original, '--source', 'Nobody');
    expect(nobody.stderr).toBe(
      'marginalia: No source is named “Nobody” or has an id starting with it. `marginalia sources` lists the sources.\n',
    );
    const libya = await cli('sources', 'set', 'Libya', '--reliability', 'C');
    expect(libya.stderr).toMatch(
      /^marginalia: No source is named “Libya” or has an id starting with it\. Close names:\n {2}[0-9a-f-]{36} {2}Libya's Channel\n$/,
    );
  });

  it('finds a claim by words only its statement has, and lists the claims that share them', async () => {
    const { original, copy } = await twoReports();
    const black = (await ok('claims', 'add', 'Black smoke over the port', '--supports', original)).split(' ')[0]!;
    await ok('claims', 'add', 'Black boats left the port', '--supports', copy);
    expect(await ok('claims', 'show', 'smoke black')).toContain('Black smoke over the port\n');
    expect((await jsonOf<{ id: string }>('claims', 'show', 'SMOKE')).id).toBe(black);
    const ambiguous = await cli('claims', 'show', 'Black');
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.stderr).toContain('2 claims have the words “Black”; give more of the statement or an id:');
    expect(ambiguous.stderr).toContain(`  ${black}  Black smoke over the port`);
    expect((await cli('claims', 'show', 'nowhere')).stderr).toBe(
      'marginalia: No claim has an id starting with “nowhere” or those words. `marginalia claims` lists the claims.\n',
    );
  });

  it('finds an analysis by words only its question has, in each ach command, and lists those that share them', async () => {
    const { storm } = await twoReports();
    const boats = (await ok('ach', 'new', 'Why did the boats not come back?')).trim();
    const seen = (await ok('ach', 'new', 'Who saw the boats leave?')).trim();
    expect(await ok('ach', 'hypothesis', 'not come back', 'Storm')).toMatch(/^Added H1 /);
    const { id: row } = await jsonOf<{ id: string }>('ach', 'row', 'COME BACK', '--annotation', storm);
    await ok('ach', 'rate', 'come back why', row, 'H1', 'C');
    expect(await ok('ach', 'show', 'boats come back')).toMatch(/^Why did the boats not come back\?\n/);
    expect((await jsonOf<{ id: string }>('ach', 'show', 'saw')).id).toBe(seen);
    await ok('ach', 'export', 'come back', '--out', join(temp.path, 'matrix.csv'));
    expect(readFileSync(join(temp.path, 'matrix.csv'), 'utf8')).toContain('storm closed the harbour');
    const ambiguous = await cli('ach', 'show', 'the boats');
    expect(ambiguous).toMatchObject({ code: 1, stdout: '' });
    expect(ambiguous.stderr).toContain('2 analyses have the words “the boats”; give more of the question or an id:');
    expect(ambiguous.stderr).toContain(`  ${boats}  Why did the boats not come back?`);
    expect(ambiguous.stderr).toContain(`  ${seen}  Who saw the boats leave?`);
    expect((await cli('ach', 'show', 'nowhere')).stderr).toBe(
      'marginalia: No analysis has an id starting with “nowhere” or those words. `marginalia ach` lists the analyses.\n',
    );
  });

  it('lists each analysis with how many hypotheses and rows of evidence it has, in words', async () => {
    const { storm } = await twoReports();
    const empty = (await ok('ach', 'new', 'Who saw them leave?')).trim();
    const boats = (await ok('ach', 'new', 'Why did the boats not come back?')).trim();
    await ok('ach', 'hypothesis', boats, 'Storm');
    await ok('ach', 'row', boats, '--annotation', storm);
    const listed = (await ok('ach')).split('\n');
    expect(listed).toContain(`${boats}  1 hypothesis × 1 row of evidence  Why did the boats not come back?`);
    expect(listed).toContain(`${empty}  0 hypotheses × 0 rows of evidence  Who saw them leave?`);
  });

  it('quotes each hypothesis tied for first, so labels with commas in them read apart', async () => {
    const { storm } = await twoReports();
    const analysis = (await ok('ach', 'new', 'Was the seizure covert?')).trim();
    for (const label of ['Yes, covert', 'No, overt', 'Unclear, for now'])
      await ok('ach', 'hypothesis', analysis, label);
    const { id: row } = await jsonOf<{ id: string }>('ach', 'row', analysis, '--annotation', storm);
    for (const hypothesis of ['H1', 'H2', 'H3']) await ok('ach', 'rate', analysis, row, hypothesis, 'C');
    const tied = '“Yes, covert”, “No, overt” and “Unclear, for now”';
    expect(await ok('ach', 'show', analysis)).toContain(`Tied for first: ${tied}\n`);
    await ok('ach', 'rate', analysis, row, 'H3', 'II');
    expect(await ok('ach')).toContain(`tied for first: “Yes, covert” and “No, overt”  Was the seizure covert?`);
  });

  it('confirms a rating in one line with who leads now, and gives the whole analysis with --json', async () => {
    const { storm } = await twoReports();
    const analysis = (await ok('ach', 'new', 'Why did the boats not come back?')).trim();
    await ok('ach', 'hypothesis', analysis, 'Storm');
    await ok('ach', 'hypothesis', analysis, 'Seized at sea');
    const { id: row } = await jsonOf<{ id: string }>('ach', 'row', analysis, '--annotation', storm);
    const rowText = `row ${row.slice(0, 8)} “storm closed the harbour”`;
    expect(await ok('ach', 'rate', analysis, row, 'H2', 'ii')).toBe(
      `Rated ${rowText} against H2 “Seized at sea”: II, very inconsistent. Leading: Storm\n`,
    );
    expect(await ok('ach', 'rate', analysis, row, 'H2', 'C')).toBe(
      `Rated ${rowText} against H2 “Seized at sea”: C, consistent. Tied for first: “Storm” and “Seized at sea”\n`,
    );
    const rated = await jsonOf<{ id: string; cells: Array<{ rating: string }>; scores: { ranks: object } }>(
      'ach',
      'rate',
      analysis,
      row,
      'H1',
      'NA',
    );
    expect(rated).toMatchObject({ id: analysis, scores: { ranks: expect.any(Object) } });
    expect(rated.cells.map((cell) => cell.rating).sort()).toEqual(['C', 'NA']);
  });

  it('gives errors as one JSON value on stderr with --json, and a non-zero exit', async () => {
    const { original } = await twoReports();
    await ok('sources', 'add', 'Residents');
    await ok('grade', original, '--source', 'Residents');
    const failures = [];
    for (const args of [
      ['sources', 'remove', 'Residents'],
      ['claims', 'show', 'nothing'],
      ['grade', original, '--credibility', '9'],
      ['ach', 'show', 'nothing'],
    ])
      failures.push(await cli('--json', ...args));
    for (const failure of failures) {
      expect(failure).toMatchObject({ code: 1, stdout: '' });
      expect(Object.keys(JSON.parse(failure.stderr) as object)).toEqual(['code', 'message']);
    }
    expect(JSON.parse(failures[0]!.stderr)).toEqual({
      code: 'IN_USE',
      message: '“Residents” is the source of 1 grade; remove it from them first, or use --force.',
    });
  });
});
