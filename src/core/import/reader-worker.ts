// The entry of the worker thread that runs the heavy format readers (PDF, Word, EPUB), so
// a crash or runaway memory in one cannot take the app down. Built beside each bundle
// (out/cli/reader-worker.mjs, out/main/reader-worker.js).
import { FORMAT_READERS } from './formats';
import { serveReader } from './reader-worker-serve';

void serveReader(FORMAT_READERS);
