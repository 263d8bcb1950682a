// Asks for the name that goes on every note (first run), and holds the settings that
// are not reading preferences: that name and the import size limit.
import type { ReactNode } from 'react';
import { useState } from 'react';
import { dialogStyles, useModal } from '../ui/Dialogs';

interface ProfileDialogProps {
  title: string;
  intro: string;
  name: string;
  maxImportMegabytes?: number;
  onSave: (changes: { name: string; maxImportMegabytes?: number; workspaceDir?: string }) => void;
  /** The workspace folder, when the dialog offers it (Settings). */
  workspaceDir?: string;
  /** On first run: a workspace folder to offer, off unless the person ticks it. */
  offerWorkspace?: string;
  /** More settings shown above the buttons. */
  extra?: ReactNode;
  onCancel?: () => void;
}

export function ProfileDialog({
  title,
  intro,
  name,
  maxImportMegabytes,
  workspaceDir,
  offerWorkspace,
  extra,
  onSave,
  onCancel,
}: ProfileDialogProps) {
  const [workspace, setWorkspace] = useState(workspaceDir ?? offerWorkspace ?? '');
  const [useWorkspace, setUseWorkspace] = useState(false);
  // The welcome dialog has no Cancel: Escape leaves it open until a name is saved.
  const ref = useModal(() => onCancel?.(), onCancel === undefined);
  const [value, setValue] = useState(name);
  const [limit, setLimit] = useState(String(maxImportMegabytes ?? ''));
  return (
    <dialog ref={ref} className={dialogStyles.dialog} aria-labelledby="profile-title">
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          const megabytes = Number(limit);
          onSave({
            name: value,
            ...(maxImportMegabytes !== undefined && Number.isFinite(megabytes)
              ? { maxImportMegabytes: megabytes }
              : {}),
            ...(workspaceDir !== undefined ? { workspaceDir: workspace.trim() } : {}),
            ...(offerWorkspace !== undefined && useWorkspace ? { workspaceDir: workspace.trim() } : {}),
          });
        }}
      >
        <h2 id="profile-title">{title}</h2>
        <p className={dialogStyles.body}>{intro}</p>
        <label className={dialogStyles.field}>
          Your name
          <input
            value={value}
            autoFocus
            required
            maxLength={80}
            placeholder="e.g. Rania Haddad"
            onChange={(event) => setValue(event.currentTarget.value)}
          />
        </label>
        {maxImportMegabytes !== undefined && (
          <label className={dialogStyles.field}>
            Largest file to import (MB)
            <input
              type="number"
              min={1}
              max={500}
              value={limit}
              onChange={(event) => setLimit(event.currentTarget.value)}
            />
          </label>
        )}
        {offerWorkspace !== undefined && (
          <>
            <label className={dialogStyles.check}>
              <input
                type="checkbox"
                checked={useWorkspace}
                onChange={(event) => setUseWorkspace(event.currentTarget.checked)}
              />{' '}
              Also keep my notes as plain files in a workspace folder (for backups, git or a sync tool)
            </label>
            {useWorkspace && (
              <label className={dialogStyles.field}>
                Workspace folder
                <input value={workspace} onChange={(event) => setWorkspace(event.currentTarget.value)} />
              </label>
            )}
          </>
        )}
        {workspaceDir !== undefined && (
          <label className={dialogStyles.field}>
            Workspace folder (your notes as plain files; empty to turn off)
            <input
              value={workspace}
              placeholder="/home/you/Documents/Marginalia"
              onChange={(event) => setWorkspace(event.currentTarget.value)}
            />
          </label>
        )}
        {extra}
        <div className={dialogStyles.actions}>
          {onCancel && (
            <button type="button" className="button" onClick={onCancel}>
              Cancel
            </button>
          )}
          <button type="submit" className="button button--primary">
            Save
          </button>
        </div>
      </form>
    </dialog>
  );
}
