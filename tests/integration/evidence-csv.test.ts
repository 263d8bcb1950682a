import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MarginaliaCore } from '../../src/core/core';
import { toCsv } from '../../src/shared/csv';
import { runCliCaptured } from '../support/cli-run';
import { parseCsv } from '../support/csv-parse';
import type { EvidenceLibrary } from '../support/evidence-library';
import { callError, callOk, makeEvidenceLibrary } from '../support/evidence-library';
import { makeTempDir } from '../support/temp';

// An analysis of competing hypotheses as CSV, through the contract and the CLI, read back
// with an independent RFC 4180 reader.

let temp: ReturnType<typeof makeTempDir>;
let core: MarginaliaCore;
let library: EvidenceLibrary;
const dataDir = () => join(temp.path, 'lib');

beforeEach(() => {
  temp = makeTempDir();
  core = new MarginaliaCore({ dataDir: dataDir(), host: 'cli', version: 'test' });
  library = makeEvidenceLibrary(core);
});

afterEach(() => {
  core.close();
  temp.remove();
});

/** Three hypotheses (one with a comma and quotes, one that looks like a formula) and two rated rows. */
async function ratedMatrix() {
  const analysis = await callOk(core, 'saveAnalysis', { question: 'Why did the boats not come back?' });
  const analysisId = analysis.id;
  for (const label of ['Storm, "the big one"', '=HYPERLINK("http://x")', 'Seized at sea'])
    await callOk(core, 'saveHypothesis', { analysisId, label });
  const storm = library.highlight(library.secondDoc, 'storm closed the harbour');
  const missing = library.highlight(library.firstDoc, 'eleven boats did not come back');
  await callOk(core, 'gradeAnnotation', { annotationId: missing, credibility: '2' });
  const claim = await callOk(core, 'saveClaim', {
    statement: '-Eleven boats\nare missing',
    evidence: [{ annotationId: missing, stance: 'supports' }],
  });
  await callOk(core, 'saveAchRow', { analysisId, evidence: { kind: 'annotation', id: storm }, relevance: 'high' });
  let view = await callOk(core, 'saveAchRow', { analysisId, evidence: { kind: 'claim', id: claim.id } });
  const ratings = [
    ['CC', 'I', 'II'],
    ['C', 'NA', 'I'],
  ] as const;
  for (const [rowIndex, row] of view.rows.entries())
    for (const [column, hypothesis] of view.hypotheses.entries())
      view = await callOk(core, 'rateAchCell', {
        analysisId,
        rowId: row.id,
        hypothesisId: hypothesis.id,
        rating: ratings[rowIndex]![column]!,
      });
  return { analysisId, view };
}

describe('an analysis as CSV', () => {
  it('parses back to the matrix: hypotheses as columns, rows most diagnostic first with their ratings, then scores and ranks', async () => {
    const { analysisId, view } = await ratedMatrix();
    const { fileName, csv } = await callOk(core, 'exportAnalysisCsv', { id: analysisId });
    expect(fileName).toBe('Why did the boats not come back (ACH).csv');
    const records = parseCsv(csv);
    expect(records[0]).toEqual([
      'Evidence',
      'Kind',
      'Relevance',
      'Credibility',
      'Diagnosticity',
      'Sensitive',
      'Storm, "the big one"',
      `'=HYPERLINK("http://x")`,
      'Seized at sea',
    ]);
    expect(records).toHaveLength(view.rows.length + 3);
    view.rows.forEach((row, index) => {
      const record = records[index + 1]!;
      const label = row.label.startsWith('-') ? `'${row.label}` : row.label;
      expect(record.slice(0, 6)).toEqual([
        label,
        row.evidence.kind,
        row.relevance,
        row.credibility,
        view.scores.diagnosticity[row.id]!.toFixed(2),
        view.scores.sensitiveRows.includes(row.id) ? 'yes' : '',
      ]);
      const local = view.hypotheses.map(
        (hypothesis) => view.cells.find((cell) => cell.rowId === row.id && cell.hypothesisId === hypothesis.id)!.rating,
      );
      expect(record.slice(6)).toEqual(local);
    });
    expect(records.map((record) => record[0])).toContain("'-Eleven boats are missing");
    const [scores, ranks] = records.slice(-2) as [string[], string[]];
    expect(scores.slice(0, 6)).toEqual(['Weighted inconsistency', '', '', '', '', '']);
    expect(scores.slice(6)).toEqual(view.hypotheses.map((item) => view.scores.inconsistency[item.id]!.toFixed(2)));
    expect(ranks[0]).toBe('Rank');
    expect(ranks.slice(6)).toEqual(view.hypotheses.map((item) => `${view.scores.ranks[item.id]}`));
  });

  it('gives hypotheses of equal score the same rank in the Rank record, and skips the next (1, 1, 3)', async () => {
    const analysisId = (await callOk(core, 'saveAnalysis', { question: 'Which boat sank?' })).id;
    for (const label of ['Storm', 'Seized at sea', 'Sank in the night'])
      await callOk(core, 'saveHypothesis', { analysisId, label });
    const storm = library.highlight(library.secondDoc, 'storm closed the harbour');
    const view = await callOk(core, 'saveAchRow', { analysisId, evidence: { kind: 'annotation', id: storm } });
    const rowId = view.rows[0]!.id;
    for (const [index, rating] of (['C', 'C', 'II'] as const).entries())
      await callOk(core, 'rateAchCell', { analysisId, rowId, hypothesisId: view.hypotheses[index]!.id, rating });
    const records = parseCsv((await callOk(core, 'exportAnalysisCsv', { id: analysisId })).csv);
    expect(records.at(-2)!.slice(6)).toEqual(['0.00', '0.00', '2.00']);
    expect(records.at(-1)!.slice(6)).toEqual(['1', '1', '3']);
  });

  it('refuses an analysis that does not exist', async () => {
    expect(await callError(core, 'exportAnalysisCsv', { id: 'missing' })).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('is written to a file by `ach export --out` and printed by `ach show --csv`', async () => {
    const { analysisId } = await ratedMatrix();
    const { csv } = await callOk(core, 'exportAnalysisCsv', { id: analysisId });
    core.close();
    const out = join(temp.path, 'matrix.csv');
    const written = await runCliCaptured([
      '--data-dir',
      dataDir(),
      'ach',
      'export',
      analysisId.slice(0, 8),
      '--out',
      out,
    ]);
    expect(written).toMatchObject({ code: 0 });
    expect(readFileSync(out, 'utf8')).toBe(csv);
    const shown = await runCliCaptured(['--data-dir', dataDir(), 'ach', 'show', analysisId.slice(0, 8), '--csv']);
    expect(shown).toMatchObject({ code: 0, stdout: csv });
    const usage = await runCliCaptured(['--data-dir', dataDir(), 'ach', 'export', analysisId.slice(0, 8)]);
    expect(usage.code).not.toBe(0);
    expect(usage.stderr).toContain('--out FILE');
    core = new MarginaliaCore({ dataDir: dataDir(), host: 'cli', version: 'test' });
  });
});

describe('the CSV writer', () => {
  it('quotes fields with commas, quotes and line breaks, ends records with CRLF, and defuses formulas', () => {
    const cells = [['plain', 'a,b', 'say "hi"', 'two\nlines', '=1+1', '+cmd', '-2', '@SUM(A1)', '', 'x=y']];
    const text = toCsv(cells);
    expect(text).toBe(`plain,"a,b","say ""hi""","two\nlines",'=1+1,'+cmd,'-2,'@SUM(A1),,x=y\r\n`);
    expect(parseCsv(text)).toEqual([
      ['plain', 'a,b', 'say "hi"', 'two\nlines', "'=1+1", "'+cmd", "'-2", "'@SUM(A1)", '', 'x=y'],
    ]);
  });
});
