// Foundation benchmark (issue 2): a generated 1 MB article of about 2,000 paragraphs,
// imported from HTML by the CLI, then opened in the reader in Chromium. Each figure sits
// beside a baseline measured in the same run:
//   CLI import          vs. a bare Node process that reads and hashes the same file
//   reader text painted vs. the same text as a static HTML page in the same browser
import { chromium } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MarginaliaCore } from '../src/core/core';
import { startBrowserHost } from '../src/server/browser-host';
import { CHROMIUM_ARGS, findChromium } from '../tests/support/browser';
import { makeTempDir } from '../tests/support/temp';
import { PAINT_PROBE, generateArticle, median, paintTimeOf, round, serveStaticText } from './support';

const APP_ROOT = join(import.meta.dirname, '..');
const RUNS = 5;

function timeProcess(args: string[]): number {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { encoding: 'utf8' });
  const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed: ${result.stderr}`);
  return elapsed;
}

export async function runFoundationBenchmark(): Promise<Record<string, unknown>> {
  const temp = makeTempDir('marginalia-bench-');
  const { html, paragraphs } = generateArticle();
  const htmlPath = join(temp.path, 'coastal-report.html');
  writeFileSync(htmlPath, html);
  const bin = join(APP_ROOT, 'bin', 'marginalia.mjs');

  // CLI import of the 1 MB HTML article, each run into an empty library.
  const importTimes: number[] = [];
  const baselineTimes: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    baselineTimes.push(
      timeProcess([
        '-e',
        `const b=require('fs').readFileSync(${JSON.stringify(htmlPath)});require('crypto').createHash('sha256').update(b).digest('hex')`,
      ]),
    );
    importTimes.push(timeProcess([bin, '--data-dir', join(temp.path, `lib-${run}`), 'import', htmlPath]));
  }

  // Reader in Chromium vs. static HTML of the same text.
  const dataDir = join(temp.path, 'lib-0');
  const core = new MarginaliaCore({ dataDir, host: 'browser', version: 'bench' });
  const [doc] = core.documents.list();
  if (!doc) throw new Error('the import produced no document');
  core.settings.update({ lastOpenedDocumentId: doc.id });
  const canonicalText = core.documents.canonicalText(doc.id);
  const host = await startBrowserHost({ core, rendererDir: join(APP_ROOT, 'out', 'renderer') });
  const staticServer = await serveStaticText(canonicalText);
  const staticUrl = staticServer.url;

  const executablePath = findChromium();
  const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(PAINT_PROBE);
  const page = await context.newPage();
  await page.goto(host.url); // trades the token for the session cookie
  await page.waitForFunction(() => (window as unknown as { __paintedAt?: number }).__paintedAt !== undefined, null, {
    timeout: 60_000,
  });

  const readerTimes: number[] = [];
  const staticTimes: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    staticTimes.push(await paintTimeOf(page, staticUrl));
    readerTimes.push(await paintTimeOf(page, `${host.origin}/`));
  }
  await browser.close();
  await host.close();
  staticServer.close();
  core.close();
  temp.remove();

  const importMedian = median(importTimes);
  const readerMedian = median(readerTimes);
  const staticMedian = median(staticTimes);
  return {
    document: {
      htmlBytes: Buffer.byteLength(html),
      paragraphs: paragraphs.length,
      canonicalTextChars: canonicalText.length,
    },
    runs: RUNS,
    cliImport: {
      medianMs: round(importMedian),
      runsMs: importTimes.map((value) => round(value)),
      baseline: 'node process that reads and SHA-256-hashes the same file',
      baselineMedianMs: round(median(baselineTimes)),
      ratio: round(importMedian / median(baselineTimes), 2),
      targetMs: 1500,
      meetsTarget: importMedian < 1500,
    },
    readerPaint: {
      metric: 'navigation start to the frame after the last paragraph enters the DOM',
      medianMs: round(readerMedian),
      runsMs: readerTimes.map((value) => round(value)),
      baseline: 'the same canonical text as a static HTML page, same browser, same run',
      baselineMedianMs: round(staticMedian),
      ratio: round(readerMedian / staticMedian, 2),
      targetRatio: 2,
      meetsTarget: readerMedian / staticMedian <= 2,
    },
  };
}
