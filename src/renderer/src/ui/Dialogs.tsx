// Modal dialogs on the native <dialog> opened with showModal(): the page behind is inert,
// Tab and Shift+Tab go round the dialog's controls, Escape cancels, and when the dialog
// goes focus returns to the control that opened it.
import type { ReactNode } from 'react';
import { useEffect, useId, useLayoutEffect, useRef } from 'react';
import styles from './Dialogs.module.css';

/** The dialogs' shared look, for dialogs that lay out their own <dialog> or form. */
export const dialogStyles = styles;

const TABBABLE = [
  'a[href]',
  'button',
  'input:not([type="hidden"])',
  'select',
  'textarea',
  'summary',
  '[tabindex]:not([tabindex="-1"])',
  '[contenteditable="true"]',
].join(', ');

/** The controls Tab can reach in the dialog, in order (disabled and hidden ones left out). */
function tabbableIn(dialog: HTMLElement): HTMLElement[] {
  return [...dialog.querySelectorAll<HTMLElement>(TABBABLE)].filter(
    (element) => !element.matches(':disabled') && element.tabIndex >= 0 && element.getClientRects().length > 0,
  );
}

/** Tab from the last control goes to the first, Shift+Tab from the first to the last. */
function keepTabInside(dialog: HTMLDialogElement, event: KeyboardEvent): void {
  if (event.key !== 'Tab') return;
  const controls = tabbableIn(dialog);
  const first = controls[0];
  const last = controls[controls.length - 1];
  if (!first || !last) return;
  const active = document.activeElement;
  if (event.shiftKey && (active === first || active === dialog)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && active === last) {
    event.preventDefault();
    first.focus();
  }
}

/**
 * Opens a <dialog> as modal while the component is mounted; Escape calls onCancel, except
 * while `busy`. Focus goes back to where it was when the dialog opened once it closes.
 */
export function useModal(onCancel: () => void, busy = false) {
  const ref = useRef<HTMLDialogElement>(null);
  const latest = useRef({ onCancel, busy });
  useLayoutEffect(() => {
    latest.current = { onCancel, busy };
  });
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    let leaving = false;
    if (!dialog.open) dialog.showModal();
    const cancel = (event: Event) => {
      event.preventDefault();
      if (!latest.current.busy) latest.current.onCancel();
    };
    // Chromium closes a dialog on a second Escape even when cancel is refused: keep the state in step.
    const closed = () => {
      if (leaving) return;
      if (latest.current.busy) dialog.showModal();
      else latest.current.onCancel();
    };
    const keys = (event: KeyboardEvent) => keepTabInside(dialog, event);
    dialog.addEventListener('cancel', cancel);
    dialog.addEventListener('close', closed);
    dialog.addEventListener('keydown', keys);
    return () => {
      leaving = true;
      dialog.removeEventListener('cancel', cancel);
      dialog.removeEventListener('close', closed);
      dialog.removeEventListener('keydown', keys);
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);
  return ref;
}

interface ModalProps {
  /** The id of the dialog's heading, which names it. */
  labelledBy: string;
  describedBy?: string;
  onCancel: () => void;
  /** While busy, Escape does not close it. */
  busy?: boolean;
  wide?: boolean;
  className?: string;
  children: ReactNode;
}

/** A modal dialog with the app's look, see useModal. */
export function Modal({ labelledBy, describedBy, onCancel, busy = false, wide, className, children }: ModalProps) {
  const ref = useModal(onCancel, busy);
  const classes = [styles.dialog, wide ? styles.wide : '', className ?? ''].filter(Boolean).join(' ');
  return (
    <dialog ref={ref} className={classes} aria-labelledby={labelledBy} aria-describedby={describedBy}>
      {children}
    </dialog>
  );
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
        <p className={styles.error} role="alert">
          {error}
        </p>
      )}
      <div className={styles.actions}>
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
  const ids = useId();
  return (
    <Modal labelledBy={`${ids}-title`} describedBy={`${ids}-body`} onCancel={onCancel}>
      <h2 id={`${ids}-title`}>{title}</h2>
      <p id={`${ids}-body`} className={styles.body}>
        {body}
      </p>
      <div className={styles.actions}>
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
    </Modal>
  );
}
