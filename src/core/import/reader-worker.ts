// The entry of the worker thread that runs the heavy format readers (PDF, Word, EPUB), so
// a crash or runaway memory in one cannot take the app down. Built beside each bundle
// (out/cli/reader-worker.mjs, out/main/reader-worker.js).
// Started as a page worker, the same entry draws original pages instead (page-render.ts).
// Each side loads only what it needs (drawing pages needs canvas, a Word file neither it nor pdf.js).
// Started as a standby (the CLI's import, before the file is read; the app's warm reader,
// between imports), it warms the readers it is told of and waits for its job.
import { workerData } from 'node:worker_threads';
import { isPageWorker } from './page-render-protocol';
import { isStandby } from './reader-worker-protocol';
import { FORMAT_READERS, warmReaders } from './formats';
import { serveReader, serveWhenGiven } from './reader-worker-serve';

if (isPageWorker(workerData)) void import('./page-render-serve').then(({ servePages }) => servePages());
else if (isStandby(workerData)) serveWhenGiven(FORMAT_READERS, () => warmReaders(workerData.warm, workerData.rehearse));
else void serveReader(FORMAT_READERS);
