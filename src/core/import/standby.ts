// The import feature's light entry point: a reader worker started before its host has loaded
// the rest (the CLI's import loads its whole core meanwhile): one already reading the first
// file when that is a Word or EPUB file (an early read), else one told which readers to warm
// from the files' names and given its one file once the import reads it. Loads no reader itself.
import type { Worker } from 'node:worker_threads';
import { IMPORTABLE_EXTENSIONS, extensionOf } from '../../shared/model';
import type { SourceType } from '../../shared/model';
import { WORKER_TYPES } from './formats';
import type { StandbySupply, WorkerLimits } from './reader-worker-host';
import { DEFAULT_WORKER_LIMITS, defaultReaderWorkerEntry, startWorker } from './reader-worker-host';
import type { CloseMessage, ReaderJob, StandbyStart } from './reader-worker-protocol';
import type { FormatInput, ReadDocument } from './formats/format-reader';
import type { EarlyRead } from './early-read';

/** One reader worker waiting for a job; the first read on the same entry and limits takes it. */
export class ReaderStandby implements StandbySupply {
  private worker: Worker | undefined;
  private early: EarlyRead | undefined;
  /** Settles once the first file has been read and typed for an early read, or found unfit for one. */
  private earlyReady: Promise<void> = Promise.resolve();
  private closed = false;
  /** Forgets the worker if it fails or ends before a job takes it. */
  private readonly drop = (): void => {
    this.worker = undefined;
  };

  constructor(
    private readonly entry: URL,
    private readonly limits: WorkerLimits,
    readonly warm: readonly SourceType[],
    rehearse = false,
  ) {
    const start: StandbyStart = { kind: 'standby', warm: [...warm], ...(rehearse ? { rehearse } : {}) };
    const worker = startWorker(entry, start, limits);
    // Waiting, it keeps no process alive; a worker that fails before its job is simply not used.
    worker.unref();
    worker.on('error', this.drop).on('exit', this.drop);
    this.worker = worker;
  }

  /** The waiting worker, once, for a job on `entry` under `limits`; undefined when it does not match or is gone. */
  take(entry: URL, limits: WorkerLimits): Worker | undefined {
    const worker = this.worker;
    if (!worker || entry.href !== this.entry.href || JSON.stringify(limits) !== JSON.stringify(this.limits))
      return undefined;
    this.worker = undefined;
    worker.off('error', this.drop).off('exit', this.drop);
    worker.ref();
    return worker;
  }

  /**
   * Reads and types the file at `path` and, when it is a Word or EPUB file, gives the waiting
   * worker its job at once (an early read). The module that types files (and its zip reader)
   * loads only now, after the worker has started: loading it first put off the worker's start.
   * Settles once the file has been read (or found unfit for an early read).
   */
  readEarlyFrom(path: string): Promise<void> {
    this.earlyReady = import('./early-read')
      .then(({ EarlyRead, earlyJob }) => {
        const job = earlyJob(path);
        if (job && !this.closed) this.early = new EarlyRead(this.entry, this.limits, job, this);
      })
      // Without an early read the import reads the file the usual way, and says what is wrong with it.
      .catch(() => undefined);
    return this.earlyReady;
  }

  /** The early read of this very file (same name and bytes) on `entry` under `limits`, once; else undefined. */
  async earlyRead(
    entry: URL,
    limits: WorkerLimits,
    job: ReaderJob,
    input: FormatInput,
  ): Promise<{ document: Promise<ReadDocument> } | undefined> {
    await this.earlyReady;
    const document = this.early?.take(entry, limits, job, input);
    return document && { document };
  }

  /** One worker, once: nothing starts again after a read (the CLI's command ends after its files). */
  readEnded(): void {}

  /** Ends the worker, or the early read, if no job took it. */
  close(): void {
    this.closed = true;
    if (this.worker) endWhenWarm(this.worker);
    this.worker = undefined;
    this.early?.close();
  }
}

/** How long a standby told to end may finish its warm-up before it is terminated all the same. */
const END_GRACE_MS = 10_000;

/**
 * Ends a waiting worker once its warm-up is over (it reads a small file, inflating its parts):
 * terminating it inside that could abort the process (see serveWhenGiven).
 */
function endWhenWarm(worker: Worker): void {
  worker.postMessage({ kind: 'close' } satisfies CloseMessage);
  setTimeout(() => void worker.terminate(), END_GRACE_MS).unref();
}

/** The types read in a worker that these files' names claim, each once. */
export function workerTypesNamed(fileNames: readonly string[]): SourceType[] {
  const types = fileNames.map((name) => IMPORTABLE_EXTENSIONS[extensionOf(name)]);
  return [...new Set(types)].filter((type): type is SourceType => type !== undefined && WORKER_TYPES.includes(type));
}

/**
 * A standby reader worker for an import of the files at `paths`, warming the readers their
 * names claim, and reading the first at once when its bytes show a Word or EPUB file; none
 * when no name claims a type read in a worker. A wrong claim costs only the warm-up: the file
 * is still typed by its bytes, and its reader loads on first use.
 */
export function startReaderStandby(paths: readonly string[]): ReaderStandby | undefined {
  const warm = workerTypesNamed(paths);
  if (warm.length === 0) return undefined;
  const standby = new ReaderStandby(defaultReaderWorkerEntry(), DEFAULT_WORKER_LIMITS, warm);
  if (paths[0] !== undefined) void standby.readEarlyFrom(paths[0]);
  return standby;
}
