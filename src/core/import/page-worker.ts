// Draws pages in a worker thread with a memory limit and a timeout per page (the reader
// worker's entry, started as a page worker): a page that crashes pdfjs, loops or eats memory
// fails with a message, never the app. The worker stays a while after a page, so turning
// pages does not pay for loading pdfjs each time; one page is drawn at a time.
import type { Worker } from 'node:worker_threads';
import { UserFacingError } from '../../shared/result';
import { defaultReaderWorkerEntry, startWorker } from './reader-worker-host';
import type { WorkerLimits } from './reader-worker-host';
import type { PageRenderJob, PageWorkerMessage, RenderedPage } from './page-render-protocol';
import { PAGE_WORKER_DATA } from './page-render-protocol';

/** A page is one picture: far less than a whole file's reading needs. */
export const PAGE_WORKER_LIMITS: WorkerLimits = { maxOldGenerationSizeMb: 512, timeoutMs: 30_000 };
/** How long an idle page worker stays for the next page. */
const IDLE_MS = 60_000;

function drawFailed(job: PageRenderJob, what: string): UserFacingError {
  return new UserFacingError('READER_FAILED', `Page ${job.page} of “${job.fileName}” could not be drawn: ${what}.`);
}

function failureOf(job: PageRenderJob, limits: WorkerLimits, error: Error): UserFacingError {
  if ((error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return drawFailed(job, `it needed more than ${limits.maxOldGenerationSizeMb} MB of memory`);
  }
  return drawFailed(job, error.message.slice(0, 300));
}

export class PageWorker {
  private worker: Worker | undefined;
  private idle: ReturnType<typeof setTimeout> | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private nextId = 1;

  constructor(
    private readonly limits: WorkerLimits = PAGE_WORKER_LIMITS,
    private readonly entry: URL = defaultReaderWorkerEntry(),
  ) {}

  /** Draws one page once the pages asked for before it are done. */
  render(job: PageRenderJob): Promise<RenderedPage> {
    const result = this.queue.then(() => this.renderNow(job));
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** Ends the worker (the app is closing). */
  close(): void {
    clearTimeout(this.idle);
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = startWorker(this.entry, PAGE_WORKER_DATA, this.limits);
    // An idle page worker never keeps the process (the CLI, a test) alive.
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private renderNow(job: PageRenderJob): Promise<RenderedPage> {
    clearTimeout(this.idle);
    const worker = this.started();
    const id = this.nextId++;
    return new Promise<RenderedPage>((resolve, reject) => {
      const finish = (outcome: () => void, broken: boolean): void => {
        clearTimeout(timer);
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
        // A worker that failed or overran is ended; the next page starts a fresh one.
        if (broken) this.end(worker);
        else this.idle = setTimeout(() => this.end(worker), IDLE_MS).unref();
        outcome();
      };
      const onMessage = (message: PageWorkerMessage): void => {
        if (message.id !== id) return;
        if (message.kind === 'rendered') return finish(() => resolve(message.page), false);
        const error = message.code
          ? new UserFacingError(message.code, message.message)
          : drawFailed(job, message.message.slice(0, 300));
        finish(() => reject(error), false);
      };
      const onError = (error: Error): void => finish(() => reject(failureOf(job, this.limits, error)), true);
      const onExit = (exitCode: number): void =>
        finish(() => reject(drawFailed(job, `the worker stopped (exit code ${exitCode})`)), true);
      const timer = setTimeout(
        () => finish(() => reject(drawFailed(job, `it took longer than ${this.limits.timeoutMs / 1000} s`)), true),
        this.limits.timeoutMs,
      );
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      const bytes = new Uint8Array(job.bytes);
      worker.postMessage({ id, job: { ...job, bytes } }, [bytes.buffer]);
    });
  }

  private end(worker: Worker): void {
    if (this.worker === worker) this.worker = undefined;
    void worker.terminate();
  }
}

/** Draws one page in a worker of its own, ended after the page (for a one-off, and tests). */
export async function renderInWorker(
  job: PageRenderJob,
  limits: WorkerLimits = PAGE_WORKER_LIMITS,
  entry: URL = defaultReaderWorkerEntry(),
): Promise<RenderedPage> {
  const worker = new PageWorker(limits, entry);
  try {
    return await worker.render(job);
  } finally {
    worker.close();
  }
}
