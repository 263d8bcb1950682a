// The imports the window is running or about to run, one entry per file or web address, each
// with how far its reader has come (from importProgress events) and whether Cancel was asked.
// The notification area draws them as progress bars with Cancel import.
import type { MarginaliaClient } from '../../../shared/contract';
import type { ImportProgress } from '../../../shared/model';
import { Store } from '../app/store';

export interface ImportJobView {
  jobId: string;
  /** The file's name or the web address, as the bar names it: “Importing NAME”. */
  name: string;
  /** Waiting behind another file, or running in the core. */
  state: 'waiting' | 'running';
  /** `password`: the file waits for its password (the dialog is open). */
  stage: ImportProgress['stage'] | 'starting' | 'password';
  done: number;
  total: number;
  /** Which of several files chosen together this is (from 1), and how many there were. */
  position?: { index: number; count: number };
  /** A web address is fetched before it is read. */
  fetching?: boolean;
  /** A message's attachment (its Source panel keeps its Import button pressed while this runs). */
  attachment?: { documentId: string; index: number };
}

function pageOf(done: number, total: number): string {
  return `page ${Math.min(done + 1, total)} of ${total}`;
}

/** The line under a bar: “Reading page 3 of 40”, “Recognizing text: page 2 of 10”, “Waiting (file 3 of 5)”. */
export function stageLine(job: ImportJobView): string {
  const of = job.position && job.position.count > 1 ? ` (file ${job.position.index} of ${job.position.count})` : '';
  if (job.state === 'waiting') return `Waiting${of}`;
  if (job.stage === 'password') return `Waiting for the password${of}`;
  const known = job.total > 0 && job.done < job.total;
  let line: string;
  if (job.stage === 'recognizing')
    line = known ? `Recognizing text: ${pageOf(job.done, job.total)}` : 'Recognizing text';
  else if (job.stage === 'reading' && known) line = `Reading ${pageOf(job.done, job.total)}`;
  // Every page read, the reader still lays out the text and looks for scanned pages to recognize:
  // the library is written only once the core says so ('storing').
  else if (job.stage === 'reading' && job.total > 0) line = 'Preparing the text';
  else if (job.stage === 'storing' || job.stage === 'done') line = 'Saving to the library';
  else line = job.fetching ? 'Fetching the page' : 'Reading';
  return `${line}${of}`;
}

/** A bar moves at most this often within one stage: a 2,000-page PDF sends an event a page. */
export const PROGRESS_INTERVAL_MS = 100;

interface ImportJobsState {
  jobs: readonly ImportJobView[];
}

export class ImportProgressStore extends Store<ImportJobsState> {
  private readonly cancelled = new Set<string>();
  /** The latest event of each job not shown yet, and the timer that shows them. */
  private readonly pending = new Map<string, ImportProgress>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super({ jobs: [] });
  }

  add(job: Omit<ImportJobView, 'state' | 'stage' | 'done' | 'total'>): void {
    this.set((state) => ({
      jobs: [...state.jobs, { ...job, state: 'waiting', stage: 'starting', done: 0, total: 0 }],
    }));
  }

  start(jobId: string): void {
    this.patch(jobId, { state: 'running' });
  }

  progress(event: ImportProgress): void {
    // `done` ends one call; the bar goes when the import does (a password retry is the same import).
    if (event.stage === 'done') return;
    // A new stage shows at once; pages within a stage are gathered and the latest shown shortly,
    // so the window re-renders a few times a second, not once a page.
    const shown = this.get().jobs.find((job) => job.jobId === event.jobId);
    if (shown?.stage !== event.stage) return this.show(event);
    this.pending.set(event.jobId, event);
    this.timer ??= setTimeout(() => this.showPending(), PROGRESS_INTERVAL_MS);
  }

  private show(event: ImportProgress): void {
    this.pending.delete(event.jobId);
    this.patch(event.jobId, { stage: event.stage, done: event.done, total: event.total });
  }

  private showPending(): void {
    this.timer = undefined;
    for (const event of [...this.pending.values()]) this.show(event);
  }

  /** The file waits for its password: the bar says so instead of how far the failed try got. */
  askingPassword(jobId: string): void {
    this.pending.delete(jobId);
    this.patch(jobId, { stage: 'password', done: 0, total: 0 });
  }

  remove(jobId: string): void {
    this.cancelled.delete(jobId);
    this.pending.delete(jobId);
    this.set((state) => ({ jobs: state.jobs.filter((job) => job.jobId !== jobId) }));
  }

  /** Marks the job cancelled (a waiting one then never starts) and takes its bar away; true when it was running. */
  cancel(jobId: string): boolean {
    const job = this.get().jobs.find((each) => each.jobId === jobId);
    if (!job) return false;
    this.cancelled.add(jobId);
    this.pending.delete(jobId);
    this.set((state) => ({ jobs: state.jobs.filter((each) => each.jobId !== jobId) }));
    return job.state === 'running';
  }

  wasCancelled(jobId: string): boolean {
    return this.cancelled.has(jobId);
  }

  private patch(jobId: string, changes: Partial<ImportJobView>): void {
    this.set((state) => ({
      jobs: state.jobs.map((job) => (job.jobId === jobId ? { ...job, ...changes } : job)),
    }));
  }
}

/** Whether this attachment of this message is being imported (or waits to be). */
export function importingAttachment(jobs: readonly ImportJobView[], documentId: string, index: number): boolean {
  return jobs.some((job) => job.attachment?.documentId === documentId && job.attachment.index === index);
}

/** The window's imports in progress. */
export const importProgress = new ImportProgressStore();

let counter = 0;
export function newImportJobId(): string {
  counter += 1;
  return `import-${Date.now().toString(36)}-${counter}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Cancel import: a waiting file never starts; a running one is stopped in the core (nothing of it is stored). */
export function cancelImportJob(client: Pick<MarginaliaClient, 'cancelImport'>, jobId: string): void {
  if (importProgress.cancel(jobId)) void client.cancelImport({ jobId });
}
