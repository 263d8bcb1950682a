// A button that opens a small non-modal panel of controls beneath it (a disclosure with a
// labelled dialog): focus moves into the panel, Esc closes it and gives focus back to the
// button, and a press or focus outside closes it.
import type { ReactNode } from 'react';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { Tooltip } from './Tooltip';
import { useDismiss } from './useDismiss';
import styles from './Popover.module.css';

export interface PopoverProps {
  /** The button's accessible name and tooltip, containing what the button shows; also names the panel. */
  label: string;
  /** The tooltip, when it should say more than the label. */
  description?: string;
  /** What the button shows. */
  button: ReactNode;
  buttonClassName?: string;
  align?: 'start' | 'end';
  children: ReactNode;
}

export function Popover({ label, description, button, buttonClassName, align = 'start', children }: PopoverProps) {
  const ids = useId();
  const [open, setOpen] = useState(false);
  const container = useRef<HTMLSpanElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, container, close);

  useEffect(() => {
    if (!open) return;
    const first = panel.current?.querySelector<HTMLElement>(
      'button:not(:disabled), input:not(:disabled):checked, input',
    );
    first?.focus();
  }, [open]);

  return (
    <span ref={container} className={styles.container}>
      <Tooltip text={description ?? label} suppressed={open}>
        {(tooltip) => (
          <button
            {...tooltip}
            ref={trigger}
            type="button"
            className={buttonClassName}
            aria-label={label}
            aria-expanded={open}
            aria-controls={`${ids}-panel`}
            onClick={() => setOpen((value) => !value)}
          >
            {button}
          </button>
        )}
      </Tooltip>
      <div
        ref={panel}
        id={`${ids}-panel`}
        role="dialog"
        aria-label={label}
        hidden={!open}
        className={align === 'end' ? `${styles.panel} ${styles.end}` : styles.panel}
        onKeyDown={(event) => {
          if (event.key !== 'Escape') return;
          event.preventDefault();
          event.stopPropagation();
          close();
          trigger.current?.focus();
        }}
      >
        {open && children}
      </div>
    </span>
  );
}
