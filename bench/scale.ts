// Scale (issue 14): a library of 10,000 documents and 1,000,000 annotations, built once and
// cached (bench/scale-library.ts). Each figure beside its baseline from the same run, and
// each measured in a fresh process so it reports its own peak memory (maxRSS):
// - start to the library listed, beside the same at 1,000 documents (growth should be ≤ 10×);
// - a document with 1,000 annotations opened to its text and highlight spans, beside one with 100;
// - search p95 over 200 queries through the contract, beside a bare FTS5 MATCH on the same database
//   (and the same queries on the 1,000-document library, for growth);
// - sync start with nothing changed, beside stat and read of every workspace file (both libraries).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { BASELINE, SCALE, cachedLibrary, type CachedLibrary } from './scale-library';
import { median, round } from './support';

const ROUNDS = 3;
/** Opening takes milliseconds, so many warm repeats keep one slow moment of a shared machine out of the median. */
const OPEN_REPEATS = 50;
const QUERIES = 200;
/** Every bare MATCH at this scale ranks ~90,000 hits and they vary little: 100 give a steady p95. */
const BARE_QUERIES = 100;
/** A sync start on the 10,000-file workspace takes most of a minute until watching. */
const SYNC_ROUNDS = 2;

interface Measured {
  milliseconds: number;
  maxRssMegabytes: number;
  heapUsedMegabytes: number;
  [figure: string]: number;
}

function measure(task: string, ...args: string[]): Measured {
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'scale-worker.ts'), task, ...args],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (child.status !== 0) throw new Error(`scale worker ${task} failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as Measured;
}

/** Runs each named measurement ROUNDS times, interleaved, and keeps each figure's median. */
function interleaved(runs: Record<string, () => Measured>, rounds = ROUNDS): Record<string, Record<string, number>> {
  const samples: Record<string, Measured[]> = Object.fromEntries(Object.keys(runs).map((name) => [name, []]));
  for (let round = 0; round < rounds; round += 1)
    for (const [name, run] of Object.entries(runs)) samples[name]!.push(run());
  return Object.fromEntries(
    Object.entries(samples).map(([name, results]) => [
      name,
      Object.fromEntries(
        Object.keys(results[0]!).map((figure) => [figure, round(median(results.map((result) => result[figure]!)), 2)]),
      ),
    ]),
  );
}

/** A figure beside its baseline; growth is judged against how much more work the figure does. */
function grown(measured: Record<string, number>, baseline: Record<string, number>, work: number) {
  const ratio = round(measured.milliseconds! / baseline.milliseconds!, 2);
  return { measured, baseline, ratio, workRatio: round(work, 2), growsFasterThanTheWork: ratio > work * 1.5 };
}

/** A figure beside the least that work can cost (a bare query, reading the files). */
function beside(measured: Record<string, number>, least: Record<string, number>) {
  return { measured, least, ratio: round(measured.milliseconds! / least.milliseconds!, 2) };
}

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

export async function runScaleBenchmark(): Promise<Record<string, unknown>> {
  const started = performance.now();
  const baseline: CachedLibrary = await cachedLibrary(BASELINE, log);
  const scale: CachedLibrary = await cachedLibrary(SCALE, log);
  const measuringStarted = performance.now();
  const floor = measure('floor');

  log('bench: scale: start to the library listed…');
  const list = interleaved({
    scale: () => measure('list', scale.dataDir),
    baseline: () => measure('list', baseline.dataDir),
  });

  log('bench: scale: opening documents…');
  const open = interleaved({
    heavy: () => measure('open', scale.dataDir, scale.heavyDocumentId, String(OPEN_REPEATS)),
    typical: () => measure('open', scale.dataDir, scale.typicalDocumentId, String(OPEN_REPEATS)),
  });

  log('bench: scale: search…');
  const search = interleaved(
    {
      scale: () => measure('search', scale.dataDir, String(QUERIES)),
      bare: () => measure('bareSearch', scale.dataDir, String(BARE_QUERIES)),
      baseline: () => measure('search', baseline.dataDir, String(QUERIES)),
    },
    1,
  );

  log('bench: scale: sync start…');
  const sync = interleaved(
    {
      scale: () => measure('sync', scale.dataDir, scale.workspace),
      scaleRead: () => measure('readWorkspace', scale.workspace),
      baseline: () => measure('sync', baseline.dataDir, baseline.workspace),
      baselineRead: () => measure('readWorkspace', baseline.workspace),
    },
    SYNC_ROUNDS,
  );

  return {
    library: {
      documents: SCALE.documents,
      annotations: SCALE.annotations,
      baselineDocuments: BASELINE.documents,
      baselineAnnotations: BASELINE.annotations,
      builtThisRunSeconds: round(scale.builtSeconds + baseline.builtSeconds),
    },
    rounds: { listAndOpen: ROUNDS, search: 1, sync: SYNC_ROUNDS },
    processFloor: { maxRssMegabytes: round(floor.maxRssMegabytes), heapUsedMegabytes: round(floor.heapUsedMegabytes) },
    startToLibraryListed: grown(list.scale!, list.baseline!, SCALE.documents / BASELINE.documents),
    openDocumentToHighlights: {
      note: 'getDocument (text parsed) + listHighlightSpans → paintable spans, through the contract; the painting itself is DOM-only (HighlightPainter)',
      ...grown(open.heavy!, open.typical!, open.heavy!.spans! / open.typical!.spans!),
    },
    searchP95: {
      queries: QUERIES,
      bareQueries: BARE_QUERIES,
      ...beside(search.scale!, search.bare!),
      fromTheBaselineLibrary: grown(search.scale!, search.baseline!, SCALE.annotations / BASELINE.annotations),
    },
    syncStartNothingChanged: {
      ...beside(sync.scale!, sync.scaleRead!),
      baselineLibrary: beside(sync.baseline!, sync.baselineRead!),
      fromTheBaselineLibrary: grown(sync.scale!, sync.baseline!, SCALE.documents / BASELINE.documents),
    },
    measuringSeconds: round((performance.now() - measuringStarted) / 1000),
    totalSeconds: round((performance.now() - started) / 1000),
  };
}
