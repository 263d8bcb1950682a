// The evidence dialogs' one frame: a modal form named by its title and described by the passage
// it is about, whose submit sends one change, reloads what the change touches and hands on the
// answer, or stays open with the reason the change was refused.
import type { ReactNode } from 'react';
import { useId, useState } from 'react';
import type { EvidenceKind } from '../../../shared/evidence-contract';
import type { Result } from '../../../shared/result';
import { dialogStyles, FormFooter, Modal } from '../ui/Dialogs';
import { useEvidenceStore } from './use-evidence';
import styles from './Evidence.module.css';

export interface EvidenceFormDialogProps<T> {
  title: string;
  /** What the dialog is about (its passage), read out with its name; none leaves it undescribed. */
  about?: ReactNode;
  wide?: boolean;
  submitLabel: string;
  busyLabel: string;
  canSubmit: boolean;
  /** Sends the change; null while there is nothing to send (nothing chosen yet). */
  send: () => Promise<Result<T>> | null;
  /** What the change touches: reloaded before the answer is handed on, so the views show it. */
  touches: readonly EvidenceKind[];
  onDone: (value: T) => void;
  onClose: () => void;
  children: ReactNode;
}

/** Busy from the click until the views show the change, so a second click cannot send it twice. */
function useSubmit<T>(
  send: () => Promise<Result<T>> | null,
  touches: readonly EvidenceKind[],
  done: (value: T) => void,
) {
  const store = useEvidenceStore();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const submit = async () => {
    const request = send();
    if (!request) return;
    setBusy(true);
    const result = await request;
    if (result.ok) await store.refreshAfter(touches);
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    done(result.value);
  };
  return { busy, error, submit };
}

export function EvidenceFormDialog<T>(props: EvidenceFormDialogProps<T>) {
  const { title, about, wide, submitLabel, busyLabel, canSubmit, send, touches, onDone, onClose, children } = props;
  const ids = useId();
  const { busy, error, submit } = useSubmit(send, touches, onDone);
  const aboutId = about === undefined ? undefined : `${ids}-about`;
  return (
    <Modal labelledBy={`${ids}-title`} describedBy={aboutId} onCancel={onClose} busy={busy} wide={wide}>
      <form
        className={dialogStyles.form}
        onSubmit={(event) => {
          event.preventDefault();
          if (!busy) void submit();
        }}
      >
        <h2 id={`${ids}-title`}>{title}</h2>
        {about !== undefined && (
          <p id={aboutId} className={dialogStyles.body}>
            {about}
          </p>
        )}
        {children}
        <div className={styles.footer}>
          <FormFooter
            error={error}
            busy={busy}
            canSubmit={canSubmit}
            submitLabel={submitLabel}
            busyLabel={busyLabel}
            onCancel={onClose}
          />
        </div>
      </form>
    </Modal>
  );
}
