// Imports in progress, by the jobId the UI gave them: each gets an AbortSignal (Cancel) and
// reports how far it has come as importProgress events, so a long PDF or an OCR run shows a
// bar and can be stopped without storing anything.
import type { ImportProgress } from '../../shared/model';
import { UserFacingError } from '../../shared/result';
import type { EventBus } from '../events';

/** What a running import is handed: where to look for Cancel and where to say how far it is. */
export interface ImportJobControl {
  signal: AbortSignal;
  onProgress: (done: number, total: number, stage?: ImportProgress['stage']) => void;
}

/** The words for a cancelled import, the same from every reader and host. */
export function cancelledImport(name: string): UserFacingError {
  return new UserFacingError('CANCELLED', `Importing “${name}” was cancelled. Nothing was imported.`);
}

export class ImportJobs {
  private readonly running = new Map<string, { controller: AbortController; fileName: string }>();

  constructor(private readonly events: Pick<EventBus, 'emit'>) {}

  /** Runs one import under `jobId` (a fresh one when the caller gave none); always says when it is done. */
  async run<T>(
    jobId: string | undefined,
    fileName: string,
    work: (control: ImportJobControl) => Promise<T>,
  ): Promise<T> {
    const id = jobId ?? `import-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    const controller = new AbortController();
    const previous = this.running.get(id);
    previous?.controller.abort(cancelledImport(previous.fileName));
    const job = { controller, fileName };
    this.running.set(id, job);
    const emit = (stage: ImportProgress['stage'], done: number, total: number): void =>
      this.events.emit('importProgress', { jobId: id, fileName, stage, done, total });
    try {
      // Returned means stored: the importer checks the signal last, right before its one write.
      return await work({
        signal: controller.signal,
        onProgress: (done, total, stage = 'reading') => {
          // A reader still running after Cancel (the worker is ending) must not move the bar again.
          if (!controller.signal.aborted) emit(stage, done, total);
        },
      });
    } catch (error) {
      if (controller.signal.aborted) throw cancelledImport(fileName);
      throw error;
    } finally {
      if (this.running.get(id) === job) this.running.delete(id);
      emit('done', 1, 1);
    }
  }

  /** Stops the import named `jobId`; false when none by that name is running. */
  cancel(jobId: string): { cancelled: boolean } {
    const job = this.running.get(jobId);
    if (job === undefined) return { cancelled: false };
    this.running.delete(jobId);
    // The reason is what an in-process reader throws: the same words as the worker's.
    job.controller.abort(cancelledImport(job.fileName));
    return { cancelled: true };
  }
}
