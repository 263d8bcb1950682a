// What the sync indicator says: its full name (the button's accessible name and tooltip) and
// the shorter text it shows, which the name always contains; nothing shown while all is well.
import type { SyncStatus } from '../../../shared/sync';
import { nounFor } from '../../../shared/plural';

export interface SyncLabel {
  /** The accessible name: Synced, Syncing…, Sync problem (N), Synced, N to resolve. */
  name: string;
  /** The visible text beside the icon, or null when the icon says enough. */
  text: string | null;
  /** Something the person has to look at. */
  attention: boolean;
}

export function syncLabel(status: SyncStatus): SyncLabel {
  if (status.state === 'syncing') return { name: 'Syncing…', text: null, attention: false };
  if (status.state === 'error') {
    const name = `${nounFor(status.problems.length, 'Sync problem')} (${status.problems.length})`;
    return { name, text: name, attention: true };
  }
  const toResolve = status.problems.length + status.conflicts.length + status.conflictFiles.length;
  if (toResolve > 0)
    return { name: `Synced, ${toResolve} to resolve`, text: `${toResolve} to resolve`, attention: true };
  return { name: 'Synced', text: null, attention: false };
}
