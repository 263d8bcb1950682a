// What the sync engine reports to the UI: its state, files it could not read (with line and
// column), conflicts waiting for a decision, and progress through a long scan.

export interface SyncProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}

export interface SyncConflict {
  id: string;
  documentId: string;
  annotationId: string;
  file: string;
}

export interface SyncStatus {
  workspace: string;
  state: 'off' | 'synced' | 'syncing' | 'error';
  lastSyncAt: string;
  problems: SyncProblem[];
  conflicts: SyncConflict[];
  /** Files a sync tool left beside the sidecars (such as *.sync-conflict-*), offered for merging. */
  conflictFiles: string[];
  progress: { done: number; total: number } | null;
}

export const SYNC_OFF: SyncStatus = {
  workspace: '',
  state: 'off',
  lastSyncAt: '',
  problems: [],
  conflicts: [],
  conflictFiles: [],
  progress: null,
};
