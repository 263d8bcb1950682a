// Imports in progress, by the jobId the UI gave them: each gets an AbortSignal (Cancel) and
// reports how far it has come as importProgress events, so a long PDF or an OCR run shows a
// bar and can be stopped without storing anything.
import type { ImportProgress } from '../../shared/model';
import type { EventBus } from '../events';

/** What a running import is handed: where to look for Cancel and where to say how far it is. */
export interface ImportJobControl {
  signal: AbortSignal;
  onProgress: (done: number, total: number, stage?: ImportProgress['stage']) => void;
}

export class ImportJobs {
  private readonly running = new Map<string, AbortController>();

  constructor(private readonly events: Pick<EventBus, 'emit'>) {}

  /** Runs one import under `jobId` (a fresh one when the caller gave none); always says when it is done. */
  async run<T>(
    jobId: string | undefined,
    fileName: string,
    work: (control: ImportJobControl) => Promise<T>,
  ): Promise<T> {
    const id = jobId ?? `import-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    const controller = new AbortController();
    this.running.get(id)?.abort();
    this.running.set(id, controller);
    const emit = (stage: ImportProgress['stage'], done: number, total: number): void =>
      this.events.emit('importProgress', { jobId: id, fileName, stage, done, total });
    try {
      return await work({
        signal: controller.signal,
        onProgress: (done, total, stage = 'reading') => emit(stage, done, total),
      });
    } finally {
      if (this.running.get(id) === controller) this.running.delete(id);
      emit('done', 1, 1);
    }
  }

  /** Stops the import named `jobId`; false when none by that name is running. */
  cancel(jobId: string): { cancelled: boolean } {
    const controller = this.running.get(jobId);
    if (controller === undefined) return { cancelled: false };
    controller.abort();
    this.running.delete(jobId);
    return { cancelled: true };
  }
}
