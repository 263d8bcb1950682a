// The workspace sync state in the toolbar, compact: an icon while all is synced or syncing
// (with a thin progress bar through a long scan), the icon and a short text when something
// needs attention; its button opens the sync dialog.
import { useEffect, useState } from 'react';
import type { MarginaliaClient } from '../../../shared/contract';
import type { SyncStatus } from '../../../shared/sync';
import { SYNC_OFF } from '../../../shared/sync';
import { notifyFailure } from '../app/notifications/store';
import { AlertIcon, SyncedIcon, SyncingIcon } from '../ui/icons';
import { Tooltip } from '../ui/Tooltip';
import { syncLabel } from './sync-label';
import { SyncDialog } from './SyncDialog';
import styles from './Sync.module.css';

export function SyncIndicator({
  client,
  report,
}: {
  client: MarginaliaClient;
  report: (title: string, message: string) => void;
}) {
  const [status, setStatus] = useState<SyncStatus>(SYNC_OFF);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    void client.getSyncStatus({}).then((result) => {
      if (result.ok) setStatus(result.value);
      else notifyFailure("Couldn't read the workspace sync state", result.error.message);
    });
    return client.on('syncStatus', setStatus);
  }, [client]);
  if (status.state === 'off') return null;
  const { name, text, attention } = syncLabel(status);
  const Icon = status.state === 'syncing' ? SyncingIcon : attention ? AlertIcon : SyncedIcon;
  return (
    <span className={styles.sync}>
      <Tooltip text={`${name} · ${status.workspace}`}>
        {(trigger) => (
          <button
            {...trigger}
            type="button"
            className={[styles.button, attention && styles.attention, styles[status.state]].filter(Boolean).join(' ')}
            aria-label={name}
            onClick={() => setOpen(true)}
          >
            <Icon />
            {text && <span>{text}</span>}
          </button>
        )}
      </Tooltip>
      {status.progress && (
        <progress
          className={styles.progress}
          max={Math.max(1, status.progress.total)}
          value={status.progress.done}
          aria-label="Workspace scan"
        />
      )}
      {open && (
        <SyncDialog
          client={client}
          status={status}
          onStatus={setStatus}
          onClose={() => setOpen(false)}
          report={report}
        />
      )}
    </span>
  );
}
