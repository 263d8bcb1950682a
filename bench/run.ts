// npm run bench: runs every benchmark and writes JSON to bench/results/.
import { runFoundationBenchmark } from './foundation';
import { runHighlightsBenchmark } from './highlights';
import { runSearchBenchmark } from './search';
import { runAnchoringBenchmark } from './anchoring';
import { runExportBenchmark } from './export';
import { runBundlesBenchmark } from './bundles';
import { runSyncBenchmark } from './sync';
import { runScaleBenchmark } from './scale';
import { runImportFormatsBenchmark } from './import-formats';
import { runEvidenceBenchmark } from './evidence';
import { writeResult } from './support';

const only = process.argv[2];
const benchmarks: Record<string, () => Promise<Record<string, unknown>>> = {
  foundation: runFoundationBenchmark,
  highlights: runHighlightsBenchmark,
  search: runSearchBenchmark,
  anchoring: runAnchoringBenchmark,
  export: runExportBenchmark,
  bundles: runBundlesBenchmark,
  sync: runSyncBenchmark,
  'import-formats': runImportFormatsBenchmark,
  evidence: runEvidenceBenchmark,
  scale: runScaleBenchmark,
};

/** Run only when named: it builds (once) and reads a library of a million annotations. */
const NAMED_ONLY = new Set(['scale']);

for (const [name, run] of Object.entries(benchmarks)) {
  if (only ? only !== name : NAMED_ONLY.has(name)) continue;
  process.stdout.write(`bench: ${name}…\n`);
  const result = { benchmark: name, at: new Date().toISOString(), node: process.version, ...(await run()) };
  const path = writeResult(name, result);
  process.stdout.write(`${JSON.stringify(result, null, 2)}\nbench: wrote ${path}\n`);
}
