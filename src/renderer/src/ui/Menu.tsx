// A menu button (WAI-ARIA menu button pattern): the button opens a list of commands; arrows,
// Home, End and a typed letter move through it, Enter or Space runs one, and Esc or Tab
// closes it with focus back on the button.
import type { KeyboardEvent, ReactNode } from 'react';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { nextMenuIndex } from './menu-navigation';
import { Tooltip } from './Tooltip';
import { useDismiss } from './useDismiss';
import styles from './Menu.module.css';

export interface MenuItem {
  id: string;
  label: string;
  /** The item's key chord, spelled for this platform. */
  keys?: string;
  disabled?: boolean;
  onSelect: () => void;
}

export interface MenuButtonProps {
  /** The button's accessible name (and the menu's); it contains any text the button shows (WCAG 2.5.3). */
  label: string;
  /** A longer tooltip, which becomes the button's description; the label when not given. */
  tooltip?: string;
  /** What the button shows: an icon, a short text, or both. */
  children: ReactNode;
  items: readonly MenuItem[];
  buttonClassName?: string;
  /** Which edge of the button the menu lines up with. */
  align?: 'start' | 'end';
}

export function MenuButton({ label, tooltip, children, items, buttonClassName, align = 'start' }: MenuButtonProps) {
  const ids = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const container = useRef<HTMLSpanElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const itemRefs = useRef<Array<HTMLButtonElement | null>>([]);

  const close = useCallback(() => {
    setOpen(false);
    setActive(-1);
  }, []);
  const closeAndReturn = useCallback(() => {
    close();
    button.current?.focus();
  }, [close]);
  useDismiss(open, container, close);

  useEffect(() => {
    if (open && active >= 0) itemRefs.current[active]?.focus();
  }, [open, active]);

  const openAt = (index: number) => {
    setOpen(true);
    setActive(index);
  };

  const onButtonKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      openAt(event.key === 'ArrowDown' ? 0 : items.length - 1);
    }
  };

  const onMenuKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      event.stopPropagation();
      closeAndReturn();
      return;
    }
    const next = nextMenuIndex(
      event.key,
      active,
      items.map((item) => item.label),
    );
    if (next === null) return;
    event.preventDefault();
    setActive(next);
  };

  const choose = (item: MenuItem) => {
    if (item.disabled) return;
    // Focus returns to the button first, so a dialog the command opens gives it back there.
    closeAndReturn();
    item.onSelect();
  };

  return (
    <span ref={container} className={styles.container}>
      <Tooltip text={tooltip ?? label} suppressed={open}>
        {(trigger) => (
          <button
            {...trigger}
            ref={button}
            type="button"
            className={buttonClassName}
            aria-label={label}
            aria-haspopup="menu"
            aria-expanded={open}
            aria-controls={open ? `${ids}-menu` : undefined}
            onClick={() => (open ? close() : openAt(0))}
            onKeyDown={onButtonKeyDown}
          >
            {children}
          </button>
        )}
      </Tooltip>
      {open && (
        <div
          id={`${ids}-menu`}
          role="menu"
          aria-label={label}
          className={align === 'end' ? `${styles.menu} ${styles.end}` : styles.menu}
          onKeyDown={onMenuKeyDown}
        >
          {items.map((item, index) => (
            <button
              key={item.id}
              ref={(element) => {
                itemRefs.current[index] = element;
              }}
              type="button"
              role="menuitem"
              tabIndex={index === active ? 0 : -1}
              aria-disabled={item.disabled || undefined}
              className={styles.item}
              onClick={() => choose(item)}
              onPointerMove={() => index !== active && setActive(index)}
            >
              <span>{item.label}</span>
              {item.keys && <kbd className={styles.keys}>{item.keys}</kbd>}
            </button>
          ))}
        </div>
      )}
    </span>
  );
}
