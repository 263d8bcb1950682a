// One export in a process of its own, so maxRSS is this export's peak memory.
import { MarginaliaCore } from '../src/core/core';

const [dataDir, documentId, out, fontsDir] = process.argv.slice(2) as [string, string, string, string];
const core = new MarginaliaCore({ dataDir, host: 'cli', version: 'bench', fontsDir });
const started = performance.now();
const result = await core.exportPdfToFile([documentId], {}, out);
const milliseconds = performance.now() - started;
const { statSync } = await import('node:fs');
process.stdout.write(
  `${JSON.stringify({
    milliseconds,
    maxRssMegabytes: process.resourceUsage().maxRSS / 1024,
    heapUsedMegabytes: process.memoryUsage().heapUsed / 1024 / 1024,
    pages: result.pageCount,
    highlights: result.highlightCount,
    bytes: statSync(out).size,
  })}\n`,
);
core.close();
