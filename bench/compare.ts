// Before/after: runs one benchmark alternately in two checkouts (A B A B …, so drift in
// the machine's load falls on both alike) and prints each figure's median before and
// after with its spread, so a change can be judged against the noise.
//
//   node --import tsx bench/compare.ts <bench> [--before DIR] [--after DIR] [--rounds N]
//
// Defaults: --before /work/wt/before (the pre-restructure checkout), --after this checkout,
// --rounds 5. Each checkout needs its node_modules; each run writes its own bench/results.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { median, round, writeResult } from './support';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    before: { type: 'string', default: '/work/wt/before' },
    after: { type: 'string', default: resolve(import.meta.dirname, '..') },
    rounds: { type: 'string', default: '5' },
  },
});
const bench = positionals[0];
if (!bench) {
  process.stderr.write('usage: node --import tsx bench/compare.ts <bench> [--before DIR] [--after DIR] [--rounds N]\n');
  process.exit(2);
}
const rounds = Number(values.rounds);
const checkouts = { before: resolve(values.before), after: resolve(values.after) };

/** Every numeric figure of a result, by its dotted path (timestamps and versions are not numbers). */
function figures(value: unknown, path = '', into = new Map<string, number>()): Map<string, number> {
  if (typeof value === 'number') into.set(path, value);
  else if (value && typeof value === 'object')
    for (const [key, inner] of Object.entries(value)) figures(inner, path ? `${path}.${key}` : key, into);
  return into;
}

function runOnce(checkout: string): Map<string, number> {
  const child = spawnSync(process.execPath, ['--import', 'tsx', 'bench/run.ts', bench!], {
    cwd: checkout,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`${bench} failed in ${checkout}: ${child.stderr}`);
  return figures(JSON.parse(readFileSync(join(checkout, 'bench', 'results', `${bench}-latest.json`), 'utf8')));
}

const samples = { before: [] as Array<Map<string, number>>, after: [] as Array<Map<string, number>> };
for (let index = 0; index < rounds; index += 1) {
  for (const side of ['before', 'after'] as const) {
    const started = performance.now();
    samples[side].push(runOnce(checkouts[side]));
    process.stderr.write(
      `compare: ${bench} round ${index + 1}/${rounds} ${side} (${round((performance.now() - started) / 1000)} s)\n`,
    );
  }
}

interface Spread {
  median: number;
  min: number;
  max: number;
}

function spread(values: number[]): Spread {
  return { median: round(median(values), 2), min: round(Math.min(...values), 2), max: round(Math.max(...values), 2) };
}

const rows: Array<{ figure: string; before: Spread; after: Spread; changePercent: number; withinNoise: boolean }> = [];
for (const figure of samples.before[0]!.keys()) {
  const before = samples.before.map((sample) => sample.get(figure)).filter((value) => value !== undefined);
  const after = samples.after.map((sample) => sample.get(figure)).filter((value) => value !== undefined);
  if (before.length === 0 || after.length === 0) continue;
  const a = spread(before);
  const b = spread(after);
  // Within noise: each median lies inside the other side's range of runs.
  const withinNoise = (b.median >= a.min && b.median <= a.max) || (a.median >= b.min && a.median <= b.max);
  const changePercent = a.median === 0 ? 0 : round(((b.median - a.median) / Math.abs(a.median)) * 100, 1);
  rows.push({ figure, before: a, after: b, changePercent, withinNoise });
}

const show = (s: Spread) => `${s.median} [${s.min}–${s.max}]`;
const width = Math.max(...rows.map((row) => row.figure.length), 6);
process.stdout.write(
  `${bench}: ${rounds} rounds, interleaved; median [min–max] of the runs\n` +
    `  before: ${checkouts.before}\n  after:  ${checkouts.after}\n\n` +
    `${'figure'.padEnd(width)}  ${'before'.padStart(28)}  ${'after'.padStart(28)}  change\n`,
);
for (const row of rows)
  process.stdout.write(
    `${row.figure.padEnd(width)}  ${show(row.before).padStart(28)}  ${show(row.after).padStart(28)}  ` +
      `${row.changePercent >= 0 ? '+' : ''}${row.changePercent}%${row.withinNoise ? '' : '  ← outside the spread'}\n`,
  );
const path = writeResult(`compare-${bench}`, {
  benchmark: bench,
  at: new Date().toISOString(),
  rounds,
  checkouts,
  rows,
});
process.stdout.write(`\ncompare: wrote ${path}\n`);
