// The entry of the worker thread that runs the heavy format readers (PDF, Word, EPUB), so
// a crash or runaway memory in one cannot take the app down. Built beside each bundle
// (out/cli/reader-worker.mjs, out/main/reader-worker.js).
// Started as a page worker, the same entry draws original pages instead (page-render.ts).
import { workerData } from 'node:worker_threads';
import { isPageWorker } from './page-render-protocol';
import { servePages } from './page-render-serve';
import { FORMAT_READERS } from './formats';
import { serveReader } from './reader-worker-serve';

if (isPageWorker(workerData)) servePages();
else void serveReader(FORMAT_READERS);
