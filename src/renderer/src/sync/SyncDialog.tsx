// The workspace sync dialog: where the workspace is and when it last synced, files that could
// not be read (file, line, column, why), conflicts to resolve (keep mine, keep theirs, keep
// both) and copies of notes files to merge.
import { useId } from 'react';
import type { MarginaliaClient } from '../../../shared/contract';
import { formatDate } from '../../../shared/dates';
import type { SyncStatus } from '../../../shared/sync';
import { notifications } from '../app/notifications/store';
import { dialogStyles, useModal } from '../ui/Dialogs';
import styles from './Sync.module.css';

export function SyncDialog({
  client,
  status,
  onStatus,
  onClose,
  report,
}: {
  client: MarginaliaClient;
  status: SyncStatus;
  onStatus: (status: SyncStatus) => void;
  onClose: () => void;
  report: (title: string, message: string) => void;
}) {
  const ref = useModal(onClose);
  const ids = useId();
  const resolve = (id: string, choice: 'mine' | 'theirs' | 'both') =>
    void client
      .resolveSyncConflict({ id, choice })
      .then((result) =>
        result.ok ? onStatus(result.value) : report("Couldn't resolve the conflict", result.error.message),
      );
  const merge = (name: string) =>
    void client.mergeConflictFile({ name }).then((result) => {
      if (!result.ok) return report(`Couldn't merge ${name}`, result.error.message);
      onStatus(result.value);
      // The copy leaves the list; say where its notes went and where the file is now.
      notifications.notify(`Merged ${name} into its document; the file is set aside as ${name}.merged`);
    });
  return (
    <dialog ref={ref} className={`${dialogStyles.dialog} ${dialogStyles.wide}`} aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>Workspace sync</h2>
      <p className={dialogStyles.body}>
        {status.workspace}
        {status.lastSyncAt ? ` · last synced ${formatDate(status.lastSyncAt, 'clock-seconds')}` : ''}
      </p>
      {status.problems.length > 0 && (
        <>
          <h3>Files that could not be read</h3>
          <p className={styles.hint}>
            They are not applied and not overwritten until they are fixed; everything else keeps syncing.
          </p>
          <ul aria-label="Files that could not be read">
            {status.problems.map((problem) => (
              <li key={problem.file}>
                <code>
                  {problem.file}:{problem.line}:{problem.column}
                </code>{' '}
                {problem.message}
              </li>
            ))}
          </ul>
        </>
      )}
      {status.conflicts.length > 0 && (
        <>
          <h3>Conflicts</h3>
          <ul aria-label="Conflicts">
            {status.conflicts.map((conflict) => (
              <li key={conflict.id}>
                An annotation changed both here and in <code>{conflict.file}</code>.{' '}
                <button type="button" className="link-button" onClick={() => resolve(conflict.id, 'mine')}>
                  Keep mine
                </button>{' '}
                <button type="button" className="link-button" onClick={() => resolve(conflict.id, 'theirs')}>
                  Keep theirs
                </button>{' '}
                <button type="button" className="link-button" onClick={() => resolve(conflict.id, 'both')}>
                  Keep both
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {status.conflictFiles.length > 0 && (
        <>
          <h3>Copies to merge</h3>
          <p className={styles.hint}>
            Copies of a document's notes file, made by a sync tool or by hand. Merge takes their notes into the
            document.
          </p>
          <ul aria-label="Copies to merge">
            {status.conflictFiles.map((name) => (
              <li key={name}>
                <code>{name}</code>{' '}
                <button type="button" className="link-button" onClick={() => merge(name)}>
                  Merge
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {status.problems.length + status.conflicts.length + status.conflictFiles.length === 0 && (
        <p>Everything is in sync.</p>
      )}
      <div className={dialogStyles.actions}>
        <button type="button" className="button button--primary" onClick={onClose}>
          Close
        </button>
      </div>
    </dialog>
  );
}
