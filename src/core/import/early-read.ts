// A Word or EPUB file read in a worker from the moment the CLI starts, while the command line
// and its core still load: the import takes the finished (or running) read when it comes to
// read the same bytes under the same name, and any other read goes its usual way.
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { SourceType } from '../../shared/model';
import { resolveImportType } from './detect';
import type { FormatInput, ReadDocument } from './formats/format-reader';
import type { WorkerLimits } from './reader-worker-host';
import { readInWorker } from './reader-worker-host';
import type { ReaderJob } from './reader-worker-protocol';
import type { ReaderStandby } from './standby';

/**
 * Only these readers take nothing but the name and the bytes (no password, no OCR setting),
 * so a read begun before the library's settings are known is the read the import would make.
 */
const EARLY_TYPES: readonly SourceType[] = ['docx', 'epub'];

/** Larger files are left to the import: the default import limit is 20 MB, and their read is long anyway. */
const EARLY_MAX_BYTES = 20 * 1024 * 1024;

/** Progress of a read, as a reader reports it. */
type Progress = NonNullable<FormatInput['onProgress']>;

export class EarlyRead {
  private readonly controller = new AbortController();
  private readonly document: Promise<ReadDocument>;
  private progress: Progress | undefined;
  private taken = false;

  constructor(
    readonly entry: URL,
    readonly limits: WorkerLimits,
    private readonly job: ReaderJob,
    standby: ReaderStandby,
  ) {
    // The worker gets its own copy of the bytes; these stay to be compared with the import's.
    const copy = { ...job, bytes: new Uint8Array(job.bytes) };
    const input = {
      fileName: job.fileName,
      bytes: job.bytes,
      signal: this.controller.signal,
      onProgress: (...args: Parameters<Progress>) => this.progress?.(...args),
    };
    this.document = readInWorker(entry, copy, limits, input, standby);
    // A read no import takes (the file was already in the library, say) fails unseen when closed.
    this.document.catch(() => undefined);
  }

  /** The read, once, when `job` is the same file on the same entry and limits; else undefined. */
  take(entry: URL, limits: WorkerLimits, job: ReaderJob, input: FormatInput): Promise<ReadDocument> | undefined {
    if (this.taken || !this.matches(entry, limits, job)) return undefined;
    this.taken = true;
    this.progress = input.onProgress;
    const signal = input.signal;
    if (signal?.aborted) this.controller.abort();
    else signal?.addEventListener('abort', () => this.controller.abort(), { once: true });
    return this.document;
  }

  /** Ends the read if no import took it; it is not handed out after. */
  close(): void {
    if (!this.taken) this.controller.abort();
    this.taken = true;
  }

  private matches(entry: URL, limits: WorkerLimits, job: ReaderJob): boolean {
    return (
      entry.href === this.entry.href &&
      JSON.stringify(limits) === JSON.stringify(this.limits) &&
      job.sourceType === this.job.sourceType &&
      job.fileName === this.job.fileName &&
      job.password === undefined &&
      Buffer.compare(job.bytes, this.job.bytes) === 0
    );
  }
}

/** The job for the file at `path` when it can be read early: a regular file, not too large, typed by its bytes as Word or EPUB. */
export function earlyJob(path: string): ReaderJob | undefined {
  try {
    const stat = statSync(path);
    if (!stat.isFile() || stat.size > EARLY_MAX_BYTES) return undefined;
    const fileName = basename(path.replace(/\\/g, '/'));
    const bytes = new Uint8Array(readFileSync(path));
    const sourceType = resolveImportType(fileName, bytes)?.sourceType;
    return sourceType !== undefined && EARLY_TYPES.includes(sourceType) ? { sourceType, fileName, bytes } : undefined;
  } catch {
    // Whatever is wrong with the path, the import itself finds it and says so.
    return undefined;
  }
}
