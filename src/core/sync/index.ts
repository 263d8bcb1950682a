// The workspace sync, seen from outside this folder: the engine, what it needs from the core,
// and its options. Its stages are internal: sync-state (its SQL), sidecar-file (reading and
// validating a sidecar), merge-plan (the pure three-way merge) and apply-plan (applying it),
// file-import (files to the library), workspace-writer (the library to files), watcher and
// keyed-debouncer (changes made by other programs), conflicts (settling what a merge left to
// the person), verify (every difference).
export { SyncEngine, WRITE_DELAY_MS } from './engine';
export type { ImportOutcome, SyncOptions } from './engine';
export type { ConflictChoice } from './conflicts';
export type { SyncAnnotations, SyncDependencies, SyncDocuments } from './dependencies';
