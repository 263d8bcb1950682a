// The reader's context menu in the browser host (the desktop app shows the native one): the
// table's context commands and Copy, as a role=menu with arrow keys; Esc gives focus back.
import type { KeyboardEvent } from 'react';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { CommandDeclaration, CommandId } from '../../../shared/commands';
import { COMMANDS } from '../../../shared/commands';
import { isMacPlatform, shortcutLabel } from './key-labels';
import styles from './commands.module.css';

export type ContextChoice = CommandId | 'copy';

interface MenuEntry {
  id: ContextChoice;
  label: string;
  shortcut?: string;
  enabled: boolean;
}

export interface ReaderContextMenuProps {
  x: number;
  y: number;
  enabled: ReadonlySet<CommandId>;
  hasSelection: boolean;
  onChoose: (choice: ContextChoice) => void;
  onClose: () => void;
}

function menuEntries(enabled: ReadonlySet<CommandId>, hasSelection: boolean, mac: boolean): MenuEntry[] {
  const contextual = (COMMANDS as readonly CommandDeclaration[]).filter((command) => command.context);
  return [
    ...contextual.map((command) => ({
      id: command.id as CommandId,
      label: command.label,
      ...(command.keys?.[0] ? { shortcut: shortcutLabel(command.keys[0], mac) } : {}),
      enabled: enabled.has(command.id as CommandId),
    })),
    { id: 'copy', label: 'Copy', shortcut: shortcutLabel('Mod+C', mac), enabled: hasSelection },
  ];
}

/** Keeps the menu inside the window, opening up or left of the point when there is no room below or right. */
function useFitInWindow(x: number, y: number) {
  const ref = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState({ left: x, top: y });
  useLayoutEffect(() => {
    const box = ref.current?.getBoundingClientRect();
    if (!box) return;
    const left = x + box.width > window.innerWidth ? Math.max(0, x - box.width) : x;
    const top = y + box.height > window.innerHeight ? Math.max(0, y - box.height) : y;
    setPlace({ left, top });
  }, [x, y]);
  return { ref, place };
}

/** A press outside the menu closes it, as scrolling the page or leaving the window does. */
function useCloseFromOutside(ref: { current: HTMLElement | null }, onClose: () => void) {
  useEffect(() => {
    const onPointer = (event: Event) => {
      if (!ref.current?.contains(event.target as Node)) onClose();
    };
    document.addEventListener('pointerdown', onPointer, true);
    window.addEventListener('blur', onClose);
    window.addEventListener('resize', onClose);
    return () => {
      document.removeEventListener('pointerdown', onPointer, true);
      window.removeEventListener('blur', onClose);
      window.removeEventListener('resize', onClose);
    };
  }, [ref, onClose]);
}

export function ReaderContextMenu({ x, y, enabled, hasSelection, onChoose, onClose }: ReaderContextMenuProps) {
  const entries = menuEntries(enabled, hasSelection, isMacPlatform());
  const { ref, place } = useFitInWindow(x, y);
  const [focused, setFocused] = useState(() =>
    Math.max(
      0,
      entries.findIndex((entry) => entry.enabled),
    ),
  );
  const items = useRef<(HTMLButtonElement | null)[]>([]);
  useCloseFromOutside(ref, onClose);
  useEffect(() => items.current[focused]?.focus(), [focused]);

  const onKeyDown = (event: KeyboardEvent) => {
    const last = entries.length - 1;
    const next: Record<string, number> = {
      ArrowDown: focused === last ? 0 : focused + 1,
      ArrowUp: focused === 0 ? last : focused - 1,
      Home: 0,
      End: last,
    };
    if (event.key in next) {
      event.preventDefault();
      setFocused(next[event.key]!);
    } else if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      onClose();
    }
  };

  // The menu floats over the page; a named region keeps it inside a landmark for screen readers.
  return (
    <div role="region" aria-label="Context menu">
      <div
        ref={ref}
        role="menu"
        aria-label="Reader actions"
        className={styles.menu}
        style={{ left: place.left, top: place.top }}
        onKeyDown={onKeyDown}
        onContextMenu={(event) => event.preventDefault()}
      >
        {entries.map((entry, index) => (
          <div key={entry.id} role="none">
            {entry.id === 'copy' && <div role="separator" className={styles.separator} />}
            <button
              ref={(element) => {
                items.current[index] = element;
              }}
              type="button"
              role="menuitem"
              tabIndex={index === focused ? 0 : -1}
              aria-disabled={!entry.enabled || undefined}
              className={styles.menuItem}
              onFocus={() => setFocused(index)}
              onClick={() => entry.enabled && onChoose(entry.id)}
            >
              <span>{entry.label}</span>
              {entry.shortcut && (
                <span className={styles.keys}>
                  <kbd className={styles.kbd}>{entry.shortcut}</kbd>
                </span>
              )}
            </button>
          </div>
        ))}
      </div>
    </div>
  );
}
