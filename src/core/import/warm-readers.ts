// Keeps one reader worker waiting in a host that stays open (the app, the browser host): once a
// read in a worker has ended, another worker starts with that reader loaded, so the next file
// of that kind (the rest of a batch, or the next import) skips the worker's start and the
// reader's load, about a quarter of a Word file's import. Nothing starts before the first read,
// and a worker left unused for WARM_IDLE_MS ends, so an app that imports nothing keeps none.
// Measured waiting: a bare worker about 17 MB, with the Word reader 35 MB, with pdf.js 150 MB;
// so a PDF or an image leaves a bare worker waiting, and its reader loads with the next file.
import type { Worker } from 'node:worker_threads';
import type { SourceType } from '../../shared/model';
import type { FormatInput, ReadDocument } from './formats/format-reader';
import type { StandbySupply, WorkerLimits } from './reader-worker-host';
import { DEFAULT_WORKER_LIMITS } from './reader-worker-host';
import type { ReaderJob } from './reader-worker-protocol';
import { ReaderStandby } from './standby';

export const WARM_IDLE_MS = 5 * 60_000;

/** The kinds whose reader is kept loaded in the waiting worker (see above for why not pdf.js). */
const KEPT_LOADED: ReadonlySet<SourceType> = new Set(['docx', 'epub']);

export class WarmReaders implements StandbySupply {
  private waiting: ReaderStandby | undefined;
  private idleTimer: NodeJS.Timeout | undefined;
  private starting: NodeJS.Immediate | undefined;
  private keepingWarm = false;
  private closed = false;

  /** `first`: a standby the host started early (the CLI's), taken before any warm one. */
  constructor(
    private readonly entry: URL,
    private readonly first?: StandbySupply,
    private readonly limits: WorkerLimits = DEFAULT_WORKER_LIMITS,
    private readonly idleMs: number = WARM_IDLE_MS,
  ) {}

  /** From now on, a worker waits after each read (a host that stays open calls this once). */
  keepWarm(): void {
    this.keepingWarm = true;
  }

  /** Whether a worker is waiting now (for the tests and the benchmark to wait on). */
  get isWaiting(): boolean {
    return this.waiting !== undefined;
  }

  /** The kinds whose reader the waiting worker has loaded (none for a bare one). */
  get waitingWith(): readonly SourceType[] {
    return this.waiting?.warm ?? [];
  }

  take(entry: URL, limits: WorkerLimits): Worker | undefined {
    const early = this.first?.take(entry, limits);
    if (early) return early;
    const worker = this.waiting?.take(entry, limits);
    if (worker) this.stopWaiting();
    return worker;
  }

  earlyRead(
    entry: URL,
    limits: WorkerLimits,
    job: ReaderJob,
    input: FormatInput,
  ): Promise<{ document: Promise<ReadDocument> } | undefined> {
    return this.first ? this.first.earlyRead(entry, limits, job, input) : Promise.resolve(undefined);
  }

  readEnded(sourceType: SourceType): void {
    this.first?.readEnded(sourceType);
    if (!this.keepingWarm || this.closed) return;
    // Started once this thread is done with the read (its document built and stored, the answer
    // sent): a worker loading its reader meanwhile took a core from that work, and a 200-page
    // Word file's store took 50 ms instead of 16-26 (session 20, timed in `marginalia serve`).
    clearImmediate(this.starting);
    this.starting = setImmediate(() => this.startWaiting(sourceType));
  }

  /** Ends the waiting worker, and one about to start; the early standby is its host's to end. */
  close(): void {
    this.closed = true;
    clearImmediate(this.starting);
    this.stopWaiting();
  }

  /** The last kind read is the likeliest next: one waiting worker at most, of that kind. */
  private startWaiting(sourceType: SourceType): void {
    this.starting = undefined;
    if (this.closed) return;
    this.stopWaiting();
    const loaded = KEPT_LOADED.has(sourceType) ? [sourceType] : [];
    this.waiting = new ReaderStandby(this.entry, this.limits, loaded, true);
    this.idleTimer = setTimeout(() => this.stopWaiting(), this.idleMs);
    this.idleTimer.unref();
  }

  private stopWaiting(): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    this.waiting?.close();
    this.waiting = undefined;
  }
}
