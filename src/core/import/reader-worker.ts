// The entry of the worker thread that runs the heavy format readers (PDF, Word, EPUB), so
// a crash or runaway memory in one cannot take the app down. Built beside each bundle
// (out/cli/reader-worker.mjs, out/main/reader-worker.js).
// The same worker draws an original page when given a page job (src/core/pages).
import { workerData } from 'node:worker_threads';
import { isPageRenderJob } from '../pages/page-render-protocol';
import { servePageRender } from '../pages/page-render-serve';
import { FORMAT_READERS } from './formats';
import { serveReader } from './reader-worker-serve';

void (isPageRenderJob(workerData) ? servePageRender(workerData) : serveReader(FORMAT_READERS));
