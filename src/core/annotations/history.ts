// Undo and redo for annotation and tag changes. Each entry holds the rows it touched as
// they were before and after, so undoing writes "before" back and redoing writes "after".
import type { AnnotationRepository, Snapshot } from './annotation-repository';

export interface HistoryEntry {
  description: string;
  before: Snapshot;
  after: Snapshot;
  documentIds: string[];
}

export const HISTORY_LIMIT = 200;

export class UndoHistory {
  private past: HistoryEntry[] = [];
  private future: HistoryEntry[] = [];

  push(entry: HistoryEntry): void {
    this.past.push(entry);
    if (this.past.length > HISTORY_LIMIT) this.past.shift();
    this.future = [];
  }

  undo(store: AnnotationRepository): HistoryEntry | undefined {
    const entry = this.past.pop();
    if (!entry) return undefined;
    store.restore(entry.before);
    this.future.push(entry);
    return entry;
  }

  redo(store: AnnotationRepository): HistoryEntry | undefined {
    const entry = this.future.pop();
    if (!entry) return undefined;
    store.restore(entry.after);
    this.past.push(entry);
    return entry;
  }

  clear(): void {
    this.past = [];
    this.future = [];
  }

  get state(): { canUndo: string | null; canRedo: string | null } {
    return { canUndo: this.past.at(-1)?.description ?? null, canRedo: this.future.at(-1)?.description ?? null };
  }
}
