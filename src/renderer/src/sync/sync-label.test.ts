import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../shared/sync';
import { SYNC_OFF } from '../../../shared/sync';
import { syncLabel } from './sync-label';

const status = (changes: Partial<SyncStatus>): SyncStatus => ({ ...SYNC_OFF, workspace: '/w', ...changes });
const problem = { file: 'a.json', line: 1, column: 2, message: 'Unexpected token' };

describe('what the sync indicator says', () => {
  it('shows only its icon while synced or syncing, named for the state', () => {
    expect(syncLabel(status({ state: 'synced' }))).toEqual({ name: 'Synced', text: null, attention: false });
    expect(syncLabel(status({ state: 'syncing' }))).toEqual({ name: 'Syncing…', text: null, attention: false });
  });

  it('shows and names the count of unreadable files when sync failed', () => {
    expect(syncLabel(status({ state: 'error', problems: [problem] }))).toEqual({
      name: 'Sync problem (1)',
      text: 'Sync problem (1)',
      attention: true,
    });
    expect(syncLabel(status({ state: 'error', problems: [problem, problem] })).name).toBe('Sync problems (2)');
  });

  it('counts conflicts and copies to merge, its visible text inside its name', () => {
    const label = syncLabel(
      status({
        state: 'synced',
        conflicts: [{ id: 'x', documentId: 'd', annotationId: 'a', file: 'a.json' }],
        conflictFiles: ['a (copy).json'],
      }),
    );
    expect(label).toEqual({ name: 'Synced, 2 to resolve', text: '2 to resolve', attention: true });
    expect(label.name).toContain(label.text);
  });
});
