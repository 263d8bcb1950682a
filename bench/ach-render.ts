// ACH matrix re-render (issue 17), the achRender section of `npm run bench -- evidence`: a
// 20 hypotheses × 500 rows analysis mounted alone in Chromium; each of many ratings recomputes
// the scores with the shared rules and re-renders the grid to layout, timed in the page (p95
// against one 16 ms frame). Baselines in the same run: the same cell's text changed straight
// in the DOM (the browser's floor), and the same rating with every row drawn again (what
// keeping unchanged rows saves). Also: the mount.
import type { Page } from '@playwright/test';
import { chromium } from '@playwright/test';
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { CHROMIUM_ARGS, findChromium } from '../tests/support/browser';
import { makeTempDir } from '../tests/support/temp';
import { median, percentile, round, seededRandom } from './support';

const HYPOTHESES = 20;
const ROWS = 500;
const RATINGS = 200;
const FULL_RATINGS = 40;
const FRAME_MS = 16;
const RATING_CODES = ['CC', 'C', 'N', 'I', 'II', 'NA'] as const;

interface Timing {
  scoreMs: number;
  renderMs: number;
  layoutMs: number;
  totalMs: number;
}

async function bundle(dir: string): Promise<string> {
  await build({
    entryPoints: [join(import.meta.dirname, '..', 'src', 'renderer', 'src', 'ach', 'bench-harness.tsx')],
    bundle: true,
    outdir: dir,
    format: 'esm',
    jsx: 'automatic',
    minify: true,
    define: { 'process.env.NODE_ENV': '"production"' },
    loader: { '.module.css': 'local-css', '.css': 'css', '.woff2': 'file' },
    logLevel: 'error',
  });
  return `<!doctype html><html><head><meta charset="utf-8"><title>ach</title>
<link rel="stylesheet" href="/bench-harness.css"></head><body><div id="root"></div>
<script type="module" src="/bench-harness.js"></script></body></html>`;
}

async function serve(dir: string, page: string): Promise<{ url: string; close: () => void }> {
  const server = createServer((request, response) => {
    const name = (request.url ?? '/').split('?')[0]!;
    if (name === '/') {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      return response.end(page);
    }
    const type = name.endsWith('.js') ? 'text/javascript' : 'text/css';
    try {
      const body = readFileSync(join(dir, name.replace(/^\/+/, '').replace(/\.\./g, '')));
      response.writeHead(200, { 'Content-Type': type });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => server.close() };
}

function summary(timings: readonly Timing[]) {
  const of = (key: keyof Timing) => timings.map((timing) => timing[key]);
  return {
    ratings: timings.length,
    p95Milliseconds: round(percentile(of('totalMs'), 95), 2),
    medianMilliseconds: round(median(of('totalMs')), 2),
    scoreMedianMilliseconds: round(median(of('scoreMs')), 2),
    renderMedianMilliseconds: round(median(of('renderMs')), 2),
    layoutMedianMilliseconds: round(median(of('layoutMs')), 2),
    scoreP95Milliseconds: round(percentile(of('scoreMs'), 95), 2),
    renderP95Milliseconds: round(percentile(of('renderMs'), 95), 2),
    layoutP95Milliseconds: round(percentile(of('layoutMs'), 95), 2),
  };
}

const CPU_RATINGS = 100;

/**
 * The renderer's main-thread CPU time (CDP ThreadTime in thread ticks) of one rating, and of an
 * empty evaluate (the measuring's own cost), so a machine busy with other work shows less.
 */
async function cpuTimes(page: Page, random: () => number) {
  const session = await page.context().newCDPSession(page);
  await session.send('Performance.enable', { timeDomain: 'threadTicks' });
  const threadTime = async () =>
    (await session.send('Performance.getMetrics')).metrics.find((metric) => metric.name === 'ThreadTime')!.value;
  const rating: number[] = [];
  const empty: number[] = [];
  for (let index = 0; index < CPU_RATINGS; index += 1) {
    const pick = [Math.floor(random() * ROWS), Math.floor(random() * HYPOTHESES)] as const;
    const code = RATING_CODES[Math.floor(random() * RATING_CODES.length)]!;
    let before = await threadTime();
    await page.evaluate(
      ([row, column, value]) =>
        void (window as unknown as Harness).__ach.rate(row as number, column as number, value as string),
      [pick[0], pick[1], code] as const,
    );
    rating.push((await threadTime()) - before);
    before = await threadTime();
    await page.evaluate(() => undefined);
    empty.push((await threadTime()) - before);
  }
  const ms = (values: number[], p: number) => round(percentile(values, p) * 1000, 2);
  return {
    ratings: CPU_RATINGS,
    p95Milliseconds: ms(rating, 95),
    medianMilliseconds: ms(rating, 50),
    emptyEvaluateP95Milliseconds: ms(empty, 95),
  };
}

type Harness = {
  __ach: {
    mount: (h: number, r: number) => number;
    rate: (row: number, column: number, rating: string, share?: boolean) => Timing;
    rawCellChange: (row: number, column: number, text: string) => number;
  };
};

export async function runAchRenderBenchmark(): Promise<Record<string, unknown>> {
  const temp = makeTempDir('marginalia-bench-ach-');
  const server = await serve(temp.path, await bundle(temp.path));
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(server.url);
    await page.waitForFunction(() => '__ach' in window);
    const mountStart = Date.now();
    const cells = await page.evaluate(
      ([h, r]) => (window as unknown as Harness).__ach.mount(h!, r!),
      [HYPOTHESES, ROWS],
    );
    const mountMilliseconds = Date.now() - mountStart;
    const random = seededRandom(17);
    const picks = Array.from({ length: RATINGS }, () => ({
      row: Math.floor(random() * ROWS),
      column: Math.floor(random() * HYPOTHESES),
      rating: RATING_CODES[Math.floor(random() * RATING_CODES.length)]!,
    }));
    // Interleaved, one frame apart, so a change in the machine's load falls on all three alike.
    const shared: Timing[] = [];
    const full: Timing[] = [];
    const raw: number[] = [];
    for (const [index, pick] of picks.entries()) {
      const result = await page.evaluate(
        ({ pick: { row, column, rating }, everyRow }) => {
          const harness = (window as unknown as Harness).__ach;
          return new Promise<{ one: Timing; all: Timing | null; raw: number }>((resolve) =>
            requestAnimationFrame(() => {
              const one = harness.rate(row, column, rating);
              const rawMs = harness.rawCellChange((row + 1) % 500, column, rating);
              const all = everyRow ? harness.rate(row, column, 'N', false) : null;
              requestAnimationFrame(() => resolve({ one, all, raw: rawMs }));
            }),
          );
        },
        { pick, everyRow: index % (RATINGS / FULL_RATINGS) === 0 },
      );
      shared.push(result.one);
      raw.push(result.raw);
      if (result.all) full.push(result.all);
    }
    const view = await page.evaluate(() => document.querySelectorAll('tr[data-row]').length);
    const cpu = await cpuTimes(page, random);
    return {
      matrix: { hypotheses: HYPOTHESES, rows: ROWS, gridCells: cells, rowsInDom: view },
      frameBudgetMilliseconds: FRAME_MS,
      mountMilliseconds,
      oneRating: summary(shared),
      withinOneFrameAtP95:
        percentile(
          shared.map((timing) => timing.totalMs),
          95,
        ) <= FRAME_MS,
      oneRatingMainThreadCpu: { ...cpu, withinOneFrameAtP95: cpu.p95Milliseconds <= FRAME_MS },
      baselineEveryRowDrawnAgain: summary(full),
      baselineOneCellTextInTheDom: {
        p95Milliseconds: round(percentile(raw, 95), 2),
        medianMilliseconds: round(median(raw), 2),
      },
    };
  } finally {
    await browser.close();
    server.close();
    temp.remove();
  }
}
