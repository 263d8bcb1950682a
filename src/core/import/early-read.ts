// A Word or EPUB file read in a worker from the moment the CLI starts, while the command line
// and its core still load: the import takes the finished (or running) read when it comes to
// read the same bytes under the same name, and any other read goes its usual way.
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { SourceType } from '../../shared/model';
import { sha256Hex } from '../files/sha256';
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

/** What an import's read is compared with: the file's type, name and bytes' SHA-256, not the bytes. */
type JobSeen = Omit<ReaderJob, 'bytes'> & { sha256: string };

export class EarlyRead {
  private readonly controller = new AbortController();
  private readonly document: Promise<ReadDocument>;
  private readonly seen: JobSeen;
  private progress: Progress | undefined;
  private taken = false;

  /** `job`'s bytes go to the worker (moved, not copied); only their digest stays to compare. */
  constructor(
    readonly entry: URL,
    readonly limits: WorkerLimits,
    job: ReaderJob,
    standby: ReaderStandby,
  ) {
    const { bytes, ...rest } = job;
    this.seen = { ...rest, sha256: sha256Hex(bytes) };
    const input = {
      fileName: job.fileName,
      bytes,
      signal: this.controller.signal,
      onProgress: (...args: Parameters<Progress>) => this.progress?.(...args),
    };
    this.document = readInWorker(entry, job, limits, input, standby);
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
      job.sourceType === this.seen.sourceType &&
      job.fileName === this.seen.fileName &&
      job.password === undefined &&
      sha256Hex(job.bytes) === this.seen.sha256
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
