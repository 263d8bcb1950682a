// A Word file imported as a person meets it in the browser host (the app works the same way):
// the served core already open, the file posted to importDocument and timed from the request
// to the stored document's answer. The first import on a fresh server starts its reader
// worker then; the next finds one waiting with the Word reader loaded (core.keepReadersWarm).
// Each is set beside mammoth in a fresh process of its own, in the state the worker is in:
// loading and converting for the first; for the next, loaded and having converted the same
// small file the waiting worker reads once (docx-rehearsal.ts), then converting.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { rehearsalDocx } from '../../src/core/import/formats/docx-rehearsal';
import { median, round } from '../support';

const ROOT = join(import.meta.dirname, '..', '..');

interface Server {
  url: URL;
  token: string;
  stop: () => void;
}

/** `marginalia serve` on a fresh library, once it has printed its address. */
async function startServer(dataDir: string): Promise<Server> {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'marginalia.mjs'), '--data-dir', dataDir, 'serve'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let printed = '';
  for await (const chunk of child.stdout) {
    printed += String(chunk);
    const address = /http:\/\/127\.0\.0\.1:\d+\/\?token=([\w-]+)/.exec(printed);
    if (address) return { url: new URL(address[0]), token: address[1]!, stop: () => child.kill() };
  }
  throw new Error(`marginalia serve printed no address: ${printed}`);
}

/** Milliseconds from posting the file to the stored document's answer. */
async function timedImport(server: Server, fileName: string, bytes: Buffer): Promise<number> {
  const started = performance.now();
  const response = await fetch(new URL('/api/call/importDocument', server.url), {
    method: 'POST',
    headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ fileName, dataBase64: bytes.toString('base64') }),
  });
  const answer = (await response.json()) as { ok: boolean; error?: { message: string } };
  const elapsed = performance.now() - started;
  if (!answer.ok) throw new Error(`the import of ${fileName} failed: ${answer.error?.message}`);
  return elapsed;
}

/** mammoth in a fresh process: loading it and converting `path`; then, in another, converting `path` after `rehearsal`. */
function mammothAlone(path: string, rehearsal: string): { loadAndConvert: number; convert: number } {
  const read = (file: string) => `{ buffer: require('fs').readFileSync(${JSON.stringify(file)}) }`;
  const first = `const t0 = performance.now(); const mammoth = require('mammoth');
    mammoth.convertToHtml(${read(path)}).then(() => process.stdout.write(String(performance.now() - t0)));`;
  const next = `const mammoth = require('mammoth'); mammoth.convertToHtml(${read(rehearsal)}).then(() => {
    const t1 = performance.now();
    return mammoth.convertToHtml(${read(path)}).then(() => process.stdout.write(String(performance.now() - t1)));
  });`;
  return { loadAndConvert: Number(runNode(first)), convert: Number(runNode(next)) };
}

function runNode(script: string): string {
  const child = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`mammoth alone failed: ${child.stderr}`);
  return child.stdout;
}

/** `runs` fresh servers, each importing `first` then (a worker waiting by then) `next`, alternating with mammoth alone. */
export async function appImportSection(first: string, next: string, dataDir: (run: number) => string, runs: number) {
  const rehearsal = join(dirname(first), 'rehearsal.docx');
  writeFileSync(rehearsal, rehearsalDocx());
  const cold: number[] = [];
  const warm: number[] = [];
  const baseline: Array<{ loadAndConvert: number; convert: number }> = [];
  for (let run = 0; run < runs; run += 1) {
    baseline.push(mammothAlone(first, rehearsal));
    const server = await startServer(dataDir(run));
    try {
      cold.push(await timedImport(server, 'report.docx', readFileSync(first)));
      // The worker that waits starts once the first read has ended: given a moment, as a person's next import is.
      await sleep(2000);
      warm.push(await timedImport(server, 'report-next.docx', readFileSync(next)));
    } finally {
      server.stop();
    }
  }
  const firstImport = median(cold);
  const nextImport = median(warm);
  const loadAndConvert = median(baseline.map((figures) => figures.loadAndConvert));
  const convert = median(baseline.map((figures) => figures.convert));
  return {
    firstImport: {
      medianMilliseconds: round(firstImport),
      baselineMilliseconds: round(loadAndConvert),
      timeRatio: round(firstImport / loadAndConvert, 2),
    },
    nextImport: {
      medianMilliseconds: round(nextImport),
      baselineMilliseconds: round(convert),
      timeRatio: round(nextImport / convert, 2),
    },
    baselineIs:
      'mammoth in a fresh process: require and convertToHtml for the first import; for the next, convertToHtml after converting the small file the waiting worker reads once',
  };
}
