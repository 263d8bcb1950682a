// Modal dialogs built on <dialog>: focus is trapped by the browser, Escape cancels.
import { useEffect, useRef } from 'react';

/** Opens a <dialog> as modal; Escape calls onCancel, except while `busy`. */
export function useModal(onCancel: () => void, busy = false) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    const cancel = (event: Event) => {
      event.preventDefault();
      if (!busy) onCancel();
    };
    dialog.addEventListener('cancel', cancel);
    return () => dialog.removeEventListener('cancel', cancel);
  }, [busy, onCancel]);
  return ref;
}

interface FormFooterProps {
  /** Shown as an alert above the buttons. */
  error: string | undefined;
  busy: boolean;
  canSubmit: boolean;
  submitLabel: string;
  busyLabel: string;
  onCancel: () => void;
}

/** The end of a form dialog: its error, Cancel, and a submit button that says when it is working. */
export function FormFooter({ error, busy, canSubmit, submitLabel, busyLabel, onCancel }: FormFooterProps) {
  return (
    <>
      {error !== undefined && (
        <p className="export-dialog__error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" disabled={busy || !canSubmit}>
          {busy ? busyLabel : submitLabel}
        </button>
      </div>
    </>
  );
}

interface MessageDialogProps {
  title: string;
  body: string;
  onClose: () => void;
}

export function MessageDialog({ title, body, onClose }: MessageDialogProps) {
  const ref = useModal(onClose);
  return (
    <dialog
      ref={ref}
      className="dialog"
      role="alertdialog"
      aria-labelledby="message-title"
      aria-describedby="message-body"
    >
      <h2 id="message-title">{title}</h2>
      <p id="message-body" className="dialog__body">
        {body}
      </p>
      <div className="dialog__actions">
        <button type="button" className="button button--primary" autoFocus onClick={onClose}>
          OK
        </button>
      </div>
    </dialog>
  );
}

interface ConfirmDialogProps {
  title: string;
  body: string;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  /** False when confirming changes nothing here (opening a link): not drawn as a warning. */
  destructive?: boolean;
}

export function ConfirmDialog({
  title,
  body,
  confirmLabel,
  onConfirm,
  onCancel,
  destructive = true,
}: ConfirmDialogProps) {
  const ref = useModal(onCancel);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="confirm-title" aria-describedby="confirm-body">
      <h2 id="confirm-title">{title}</h2>
      <p id="confirm-body" className="dialog__body">
        {body}
      </p>
      <div className="dialog__actions">
        <button type="button" className="button" autoFocus onClick={onCancel}>
          Cancel
        </button>
        <button
          type="button"
          className={destructive ? 'button button--danger' : 'button button--primary'}
          onClick={onConfirm}
        >
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
