// One import (or its baseline) in a process of its own, timed from the process's start to its
// exit, with its processor time and peak memory (maxRSS, worker threads included), written to stderr as the
// last line: `cli ARGS…` runs the built command-line app (out/cli/marginalia.mjs, the same
// bundle and reader worker a person runs); `pdfjs FILE` is pdfjs-dist's getTextContent of
// every page alone; `mammoth FILE` is mammoth's convertToHtml alone; `mammoth-in-worker FILE`
// is the same in a worker thread, the floor of any import that reads in one.
import { readFileSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const [mode, ...rest] = process.argv.slice(2);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

process.on('exit', () => {
  const usage = process.resourceUsage();
  const figures = {
    milliseconds: performance.now(),
    maxRssMegabytes: usage.maxRSS / 1024,
    // Processor time of every thread: on a machine busy with other work it tells apart what wall time cannot.
    cpuMilliseconds: (usage.userCPUTime + usage.systemCPUTime) / 1000,
  };
  writeSync(2, `\n${JSON.stringify(figures)}\n`);
});

if (mode === 'cli') {
  process.argv = [process.argv[0], join(root, 'bin', 'marginalia.mjs'), ...rest];
  await import(pathToFileURL(join(root, 'out', 'cli', 'marginalia.mjs')).href);
} else if (mode === 'pdfjs') {
  const workerUrl = pathToFileURL(require.resolve('pdfjs-dist/legacy/build/pdf.worker.mjs')).href;
  globalThis.pdfjsWorker = await import(workerUrl);
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // The options the app's reader opens every PDF with (src/core/import/formats/pdf-library.ts).
  const folder = (name) => `${join(dirname(require.resolve('pdfjs-dist/package.json')), name)}/`;
  const pdf = await pdfjs.getDocument({
    data: new Uint8Array(readFileSync(rest[0])),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    enableXfa: false,
    disableRange: true,
    disableStream: true,
    disableAutoFetch: true,
    standardFontDataUrl: folder('standard_fonts'),
    cMapUrl: folder('cmaps'),
    cMapPacked: true,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  }).promise;
  let characters = 0;
  for (let number = 1; number <= pdf.numPages; number += 1) {
    const page = await pdf.getPage(number);
    const content = await page.getTextContent();
    for (const item of content.items) if ('str' in item) characters += item.str.length;
    page.cleanup();
  }
  await pdf.destroy();
  process.stdout.write(`${characters}\n`);
} else if (mode === 'mammoth') {
  const mammoth = require('mammoth');
  const result = await mammoth.convertToHtml({ buffer: readFileSync(rest[0]) });
  process.stdout.write(`${result.value.length}\n`);
} else if (mode === 'mammoth-in-worker') {
  // The least an import that reads in a worker can cost: mammoth alone, in a worker thread under
  // the app's memory limit (DEFAULT_WORKER_LIMITS), the process waiting for its answer. No core,
  // no library, nothing stored.
  const { Worker } = await import('node:worker_threads');
  const source = `const mammoth = require('mammoth');
    mammoth.convertToHtml({ buffer: require('node:fs').readFileSync(${JSON.stringify(rest[0])}) })
      .then((result) => require('node:worker_threads').parentPort.postMessage(result.value.length));`;
  const worker = new Worker(source, { eval: true, resourceLimits: { maxOldGenerationSizeMb: 1024 } });
  const length = await new Promise((resolve, reject) => worker.once('message', resolve).once('error', reject));
  await worker.terminate();
  process.stdout.write(`${length}\n`);
} else {
  throw new Error(`unknown mode ${mode}`);
}
