// The worker's side of running a format reader: takes the job from workerData, runs the
// reader registered for its type and posts back the document, progress, or the failure.
import { parentPort, workerData } from 'node:worker_threads';
import { UserFacingError } from '../../shared/result';
import type { ReaderRegistry } from './formats';
import type { CloseMessage, JobMessage, ReaderJob, WorkerMessage } from './reader-worker-protocol';

function post(message: WorkerMessage): void {
  parentPort?.postMessage(message);
}

/** Runs `job` (by default the one this worker was started with) through `registry`; the host ends the worker after the answer. */
export async function serveReader(registry: ReaderRegistry, job = workerData as ReaderJob): Promise<void> {
  const reader = registry[job.sourceType];
  try {
    if (reader === undefined) throw new UserFacingError('UNSUPPORTED_TYPE', `No reader for ${job.sourceType} files.`);
    const document = await reader({
      fileName: job.fileName,
      bytes: job.bytes,
      ...(job.password === undefined ? {} : { password: job.password }),
      ...(job.ocr === undefined ? {} : { ocr: job.ocr }),
      onProgress: (done, total, stage) => post({ kind: 'progress', done, total, ...(stage ? { stage } : {}) }),
    });
    post({ kind: 'done', document });
  } catch (error) {
    const code = error instanceof UserFacingError ? error.code : undefined;
    post({
      kind: 'failed',
      ...(code ? { code } : {}),
      message: error instanceof Error ? error.message : String(error),
    });
  }
}

/** A standby worker: warms its readers meanwhile, and reads the one job the host then sends. */
export function serveWhenGiven(registry: ReaderRegistry, warm: () => Promise<void>): void {
  const warmed = warm();
  parentPort?.once('message', (message: JobMessage | CloseMessage) => {
    // Told no job is coming, it ends after its warm-up, never inside it: Node 20 aborts the whole
    // process when a thread is terminated inside a zlib call ("close before init"), as CI saw.
    if (message.kind === 'close') void warmed.then(() => process.exit(0));
    else void serveReader(registry, message.job);
  });
}
