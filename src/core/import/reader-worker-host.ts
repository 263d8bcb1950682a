// Runs a format reader in a worker thread with a memory limit and a timeout: a reader that
// crashes, loops or eats memory on a hostile file fails that one import, never the app.
// An AbortSignal ends the worker at once (Cancel).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { UserFacingError } from '../../shared/result';
import type { FormatInput, FormatReader, ReadDocument } from './formats/format-reader';
import type { SourceType } from '../../shared/model';
import type { ReaderRegistry } from './formats';
import type { ReaderJob, WorkerMessage } from './reader-worker-protocol';

export interface WorkerLimits {
  /** The worker's JavaScript heap; a reader past it is stopped. */
  maxOldGenerationSizeMb: number;
  timeoutMs: number;
  /**
   * More time for each page the reader says it will recognize (OCR): the deadline becomes
   * `timeoutMs` + this × pages, counted from the worker's start, so a long scan is not cut off.
   */
  recognizeMsPerPage?: number;
}

export const DEFAULT_WORKER_LIMITS: WorkerLimits = {
  maxOldGenerationSizeMb: 1024,
  timeoutMs: 120_000,
  recognizeMsPerPage: 60_000,
};

/**
 * Workers a read may find already started: the CLI's standby (one, started before its core
 * loaded), or the app's warm readers (one waiting between imports); see standby.ts and warm-readers.ts.
 */
export interface StandbySupply {
  /** The waiting worker, once, for a job on `entry` under `limits`; undefined when none fits. */
  take(entry: URL, limits: WorkerLimits): Worker | undefined;
  /** The read of this very file already under way in a worker, if one was started early. */
  earlyRead(
    entry: URL,
    limits: WorkerLimits,
    job: ReaderJob,
    input: FormatInput,
  ): Promise<{ document: Promise<ReadDocument> } | undefined>;
  /** Told once a read in a worker has ended, however it ended. */
  readEnded(sourceType: SourceType): void;
}

const FORMAT_LABELS: Partial<Record<SourceType, string>> = { pdf: 'PDF', docx: 'Word', epub: 'EPUB', image: 'image' };

/** The worker's deadline: a fixed allowance, widened once the reader says how many pages it will recognize. */
class Deadline {
  private timer: NodeJS.Timeout;
  private readonly startedAt = Date.now();
  private pages = 0;

  constructor(
    private readonly limits: WorkerLimits,
    private readonly expire: (allowedMs: number) => void,
  ) {
    this.timer = setTimeout(() => expire(limits.timeoutMs), limits.timeoutMs);
  }

  recognizing(total: number): void {
    if (total <= this.pages || !this.limits.recognizeMsPerPage) return;
    this.pages = total;
    const allowed = this.limits.timeoutMs + this.limits.recognizeMsPerPage * total;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.expire(allowed), Math.max(0, this.startedAt + allowed - Date.now()));
  }

  clear(): void {
    clearTimeout(this.timer);
  }
}

/** Names a built worker entry to run instead of the source one (the unit tests bundle one once). */
export const READER_WORKER_ENV = 'MARGINALIA_READER_WORKER';

/**
 * The worker entry next to this module: the bundle's built one (out/cli/reader-worker.mjs,
 * out/main/reader-worker.js); else, running from source, the one READER_WORKER_ENV names, else
 * the source file (run through tsx, which compiles the core again in every worker, about 3 s).
 */
export function defaultReaderWorkerEntry(): URL {
  const named = process.env[READER_WORKER_ENV];
  if (named && import.meta.url.endsWith('.ts')) return pathToFileURL(named);
  for (const name of ['./reader-worker.mjs', './reader-worker.js']) {
    const url = new URL(name, import.meta.url);
    if (existsSync(fileURLToPath(url))) return url;
  }
  return new URL('./reader-worker.ts', import.meta.url);
}

/** A worker on `entry`; a TypeScript entry (running from source) is loaded through tsx. */
export function startWorker(entry: URL, job: { bytes?: Uint8Array; kind?: string }, limits: WorkerLimits): Worker {
  const options = {
    workerData: job,
    transferList: job.bytes ? [job.bytes.buffer as ArrayBuffer] : [],
    resourceLimits: { maxOldGenerationSizeMb: limits.maxOldGenerationSizeMb },
    stdout: false,
  };
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, options);
  const require = createRequire(import.meta.url);
  const tsx = pathToFileURL(require.resolve('tsx/esm/api').replace(/index\.cjs$/, 'index.mjs')).href;
  const code = `import(${JSON.stringify(tsx)}).then((api) => api.tsImport(${JSON.stringify(entry.href)}, ${JSON.stringify(tsx)}))`;
  return new Worker(code, { ...options, eval: true });
}

function readerFailed(job: ReaderJob, what: string): UserFacingError {
  const format = FORMAT_LABELS[job.sourceType] ?? job.sourceType;
  return new UserFacingError(
    'READER_FAILED',
    `The ${format} reader ${what} on “${job.fileName}”. Nothing was imported.`,
  );
}

/** Why a worker ended without an answer, in words. */
function failureOf(job: ReaderJob, limits: WorkerLimits, error: Error): UserFacingError {
  const code = (error as { code?: string }).code;
  if (code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return readerFailed(job, `needed more than its ${limits.maxOldGenerationSizeMb} MB of memory`);
  }
  return readerFailed(job, `failed (${error.message.slice(0, 300)})`);
}

/** A worker for `job`: the standby's, given the job now, else a fresh one started with it. */
function workerFor(entry: URL, job: ReaderJob, limits: WorkerLimits, standby?: StandbySupply): Worker {
  const waiting = standby?.take(entry, limits);
  if (!waiting) return startWorker(entry, job, limits);
  waiting.postMessage({ kind: 'job', job }, [job.bytes.buffer as ArrayBuffer]);
  return waiting;
}

/** Reads one file in a fresh (or standby) worker; settles once, and the worker is always ended. */
export function readInWorker(
  entry: URL,
  job: ReaderJob,
  limits: WorkerLimits,
  input: FormatInput,
  standby?: StandbySupply,
): Promise<ReadDocument> {
  return new Promise((resolve, reject) => {
    if (input.signal?.aborted) return reject(cancelled(job));
    const worker = workerFor(entry, job, limits, standby);
    let settled = false;
    const finish = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      deadline.clear();
      input.signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      outcome();
    };
    const onAbort = (): void => finish(() => reject(cancelled(job)));
    const deadline = new Deadline(limits, (allowedMs) =>
      finish(() => reject(readerFailed(job, `took longer than ${Math.round(allowedMs / 1000)} s`))),
    );
    input.signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (message: WorkerMessage) => {
      if (message.kind === 'progress') {
        if (message.stage === 'recognizing') deadline.recognizing(message.total);
        input.onProgress?.(message.done, message.total, message.stage);
      } else if (message.kind === 'done') finish(() => resolve(message.document));
      else
        finish(() =>
          reject(
            message.code
              ? new UserFacingError(message.code, message.message)
              : readerFailed(job, `failed (${message.message.slice(0, 300)})`),
          ),
        );
    });
    worker.on('error', (error) => finish(() => reject(failureOf(job, limits, error))));
    worker.on('exit', (exitCode) =>
      finish(() => reject(readerFailed(job, `stopped unexpectedly (exit code ${exitCode})`))),
    );
  });
}

function cancelled(job: ReaderJob): UserFacingError {
  return new UserFacingError('CANCELLED', `Importing “${job.fileName}” was cancelled. Nothing was imported.`);
}

/** A FormatReader for `sourceType` that runs in a worker on `entry` under `limits` (the standby's, if it is waiting). */
export function workerReader(
  sourceType: SourceType,
  entry: URL = defaultReaderWorkerEntry(),
  limits: WorkerLimits = DEFAULT_WORKER_LIMITS,
  standby?: StandbySupply,
): FormatReader {
  return (input) => {
    // The worker gets its own copy: the caller still stores and hashes the original bytes.
    const job: ReaderJob = {
      sourceType,
      fileName: input.fileName,
      bytes: new Uint8Array(input.bytes),
      ...(input.password === undefined ? {} : { password: input.password }),
      ...(input.ocr === undefined ? {} : { ocr: input.ocr }),
    };
    if (!standby) return readInWorker(entry, job, limits, input);
    return standby
      .earlyRead(entry, limits, job, input)
      .then((early) => early?.document ?? readInWorker(entry, job, limits, input, standby))
      .finally(() => standby.readEnded(sourceType));
  };
}

/** The registry as the pipeline uses it: the heavy formats' readers run in a worker (the standby's first), the rest in process. */
export function hostedReaders(
  registry: ReaderRegistry,
  workerTypes: readonly SourceType[],
  standby?: StandbySupply,
  entry?: URL,
): ReaderRegistry {
  const hosted: ReaderRegistry = {};
  for (const [type, reader] of Object.entries(registry) as Array<[SourceType, FormatReader]>) {
    hosted[type] = workerTypes.includes(type) ? workerReader(type, entry, undefined, standby) : reader;
  }
  return hosted;
}
