// One .mbox import in a process of its own, so maxRSS is this import's peak memory.
import { performance } from 'node:perf_hooks';
import { MarginaliaCore } from '../../src/core/core';
import { round } from '../support';

const [path, dataDir] = process.argv.slice(2) as [string, string];
const core = new MarginaliaCore({ dataDir, host: 'cli', version: 'bench', maxImportMegabytes: 200 });
const started = performance.now();
const outcome = await core.importFile(path);
const seconds = (performance.now() - started) / 1000;
const messages = 1 + (outcome.also?.length ?? 0);
core.close();
process.stdout.write(
  `${JSON.stringify({ messages, seconds: round(seconds, 2), peakRssMb: round(process.resourceUsage().maxRSS / 1024) })}\n`,
);
