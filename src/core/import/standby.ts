// The import feature's light entry point: a reader worker started before its host has loaded
// the rest (the CLI's import loads its whole core meanwhile): one already reading the first
// file when that is a Word or EPUB file (an early read), else one told which readers to warm
// from the files' names and given its one file once the import reads it. Loads no reader itself.
import type { Worker } from 'node:worker_threads';
import { IMPORTABLE_EXTENSIONS, extensionOf } from '../../shared/model';
import type { SourceType } from '../../shared/model';
import { WORKER_TYPES } from './formats';
import type { WorkerLimits } from './reader-worker-host';
import { DEFAULT_WORKER_LIMITS, defaultReaderWorkerEntry, startWorker } from './reader-worker-host';
import type { ReaderJob, StandbyStart } from './reader-worker-protocol';
import type { FormatInput, ReadDocument } from './formats/format-reader';
import { EarlyRead, earlyJob } from './early-read';

/** One reader worker waiting for a job; the first read on the same entry and limits takes it. */
export class ReaderStandby {
  private worker: Worker | undefined;
  private early: EarlyRead | undefined;
  /** Forgets the worker if it fails or ends before a job takes it. */
  private readonly drop = (): void => {
    this.worker = undefined;
  };

  constructor(
    private readonly entry: URL,
    private readonly limits: WorkerLimits,
    warm: SourceType[],
  ) {
    const start: StandbyStart = { kind: 'standby', warm };
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

  /** Gives the waiting worker `job` at once, to be taken by the import of the same file (see takeRead). */
  readEarly(job: ReaderJob): void {
    this.early = new EarlyRead(this.entry, this.limits, job, this);
  }

  /** The early read of this very file (same name and bytes) on `entry` under `limits`, once; else undefined. */
  takeRead(entry: URL, limits: WorkerLimits, job: ReaderJob, input: FormatInput): Promise<ReadDocument> | undefined {
    return this.early?.take(entry, limits, job, input);
  }

  /** Ends the worker, or the early read, if no job took it. */
  close(): void {
    void this.worker?.terminate();
    this.worker = undefined;
    this.early?.close();
  }
}

/** The types read in a worker that these files' names claim, each once. */
export function workerTypesNamed(fileNames: readonly string[]): SourceType[] {
  const types = fileNames.map((name) => IMPORTABLE_EXTENSIONS[extensionOf(name)]);
  return [...new Set(types)].filter((type): type is SourceType => type !== undefined && WORKER_TYPES.includes(type));
}

/**
 * A standby reader worker for an import of the files at `paths`: reading the first at once
 * when it is a Word or EPUB file, else warming the readers their names claim; none when no
 * name claims a type read in a worker. A wrong claim costs only the warm-up: the file is
 * still typed by its bytes, and its reader loads on first use.
 */
export function startReaderStandby(paths: readonly string[]): ReaderStandby | undefined {
  const start = (warm: SourceType[]) => new ReaderStandby(defaultReaderWorkerEntry(), DEFAULT_WORKER_LIMITS, warm);
  const warm = workerTypesNamed(paths);
  // Started before the file is read, so the worker boots while the bytes are read and typed.
  const standby = warm.length > 0 ? start(warm) : undefined;
  const job = paths[0] === undefined ? undefined : earlyJob(paths[0]);
  if (!job) return standby;
  const reading = standby ?? start([]);
  reading.readEarly(job);
  return reading;
}
