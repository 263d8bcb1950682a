// Draws a page in a worker thread with a memory limit and a timeout (the reader worker's
// entry, given a page job): a page that crashes pdfjs, loops or eats memory fails with a
// message, never the app.
import type { Worker } from 'node:worker_threads';
import { UserFacingError } from '../../shared/result';
import { defaultReaderWorkerEntry, startWorker } from '../import/reader-worker-host';
import type { WorkerLimits } from '../import/reader-worker-host';
import type { PageRenderJob, PageWorkerMessage, RenderedPage } from './page-render-protocol';

/** A page is one picture: far less than a whole file's reading needs. */
export const PAGE_WORKER_LIMITS: WorkerLimits = { maxOldGenerationSizeMb: 512, timeoutMs: 30_000 };

function drawFailed(job: PageRenderJob, what: string): UserFacingError {
  return new UserFacingError('READER_FAILED', `Page ${job.page} of “${job.fileName}” could not be drawn: ${what}.`);
}

function failureOf(job: PageRenderJob, limits: WorkerLimits, error: Error): UserFacingError {
  if ((error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return drawFailed(job, `it needed more than ${limits.maxOldGenerationSizeMb} MB of memory`);
  }
  return drawFailed(job, error.message.slice(0, 300));
}

/** Draws one page in a fresh worker; settles once, and the worker is always ended. */
export function renderInWorker(
  job: PageRenderJob,
  limits: WorkerLimits = PAGE_WORKER_LIMITS,
  entry: URL = defaultReaderWorkerEntry(),
): Promise<RenderedPage> {
  return new Promise((resolve, reject) => {
    const worker: Worker = startWorker(entry, job, limits);
    let settled = false;
    const finish = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      outcome();
    };
    const timer = setTimeout(
      () => finish(() => reject(drawFailed(job, `it took longer than ${Math.round(limits.timeoutMs / 1000)} s`))),
      limits.timeoutMs,
    );
    worker.on('message', (message: PageWorkerMessage) => {
      if (message.kind === 'rendered') finish(() => resolve(message.page));
      else
        finish(() =>
          reject(
            message.code
              ? new UserFacingError(message.code, message.message)
              : drawFailed(job, message.message.slice(0, 300)),
          ),
        );
    });
    worker.on('error', (error) => finish(() => reject(failureOf(job, limits, error))));
    worker.on('exit', (exitCode) =>
      finish(() => reject(drawFailed(job, `the worker stopped (exit code ${exitCode})`))),
    );
  });
}
