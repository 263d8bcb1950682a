// The command palette (Ctrl/Cmd+K): a search box over every command and every document, recent
// choices first; arrows move, Enter runs, Esc closes. A command that cannot run is shown greyed
// with the reason.
import type { KeyboardEvent } from 'react';
import { useEffect, useId, useMemo, useState } from 'react';
import type { CommandId } from '../../../shared/commands';
import { useModal } from '../ui/Dialogs';
import { isMacPlatform } from './key-labels';
import type { PaletteEntry } from './palette-entries';
import { paletteEntries, rankEntries } from './palette-entries';
import { useRecent } from './recent';
import styles from './commands.module.css';

export interface CommandPaletteProps {
  documents: readonly { id: string; title: string }[];
  /** The commands that could run when the palette opened. */
  enabled: ReadonlySet<CommandId>;
  onChoose: (entry: PaletteEntry) => void;
  onClose: () => void;
}

function PaletteOption({
  entry,
  id,
  active,
  onPoint,
  onChoose,
}: {
  entry: PaletteEntry;
  id: string;
  active: boolean;
  onPoint: () => void;
  onChoose: () => void;
}) {
  const kind = entry.kind === 'document' ? 'Document' : undefined;
  const note = entry.why ?? (entry.recent ? (kind ? 'Recent document' : 'Recent') : kind);
  return (
    <li
      id={id}
      role="option"
      aria-selected={active}
      aria-disabled={!entry.enabled || undefined}
      className={styles.option}
      // The search box keeps focus: a click chooses without taking it.
      onMouseDown={(event) => event.preventDefault()}
      onMouseMove={onPoint}
      onClick={onChoose}
    >
      <span className={styles.title}>{entry.title}</span>
      {note && <span className={entry.why ? styles.why : styles.tag}>{note}</span>}
      {entry.shortcut && (
        <span className={styles.keys}>
          <kbd className={styles.kbd}>{entry.shortcut}</kbd>
        </span>
      )}
    </li>
  );
}

/** Arrow keys move through the shown entries, wrapping; the index stays within them. */
function useActiveEntry(shown: readonly PaletteEntry[]) {
  const [active, setActive] = useState(0);
  const index = shown.length === 0 ? -1 : Math.min(active, shown.length - 1);
  const move = (step: number) => {
    if (shown.length > 0) setActive((index + step + shown.length) % shown.length);
  };
  return { index, setActive, move };
}

export function CommandPalette({ documents, enabled, onChoose, onClose }: CommandPaletteProps) {
  const ref = useModal(onClose);
  const listId = useId();
  const [query, setQuery] = useState('');
  const recentChoices = useRecent();
  const all = useMemo(
    () =>
      paletteEntries({ documents, recent: recentChoices, isEnabled: (id) => enabled.has(id), mac: isMacPlatform() }),
    [documents, recentChoices, enabled],
  );
  const shown = useMemo(() => rankEntries(query, all), [query, all]);
  const { index, setActive, move } = useActiveEntry(shown);
  const optionId = (position: number) => `${listId}-option-${position}`;
  const activeEntry = index >= 0 ? shown[index] : undefined;

  useEffect(() => {
    if (index >= 0) document.getElementById(optionId(index))?.scrollIntoView({ block: 'nearest' });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- optionId derives from listId alone
  }, [index, listId]);

  const choose = (entry: PaletteEntry | undefined) => {
    if (entry?.enabled) onChoose(entry);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const steps: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: 8, PageUp: -8 };
    if (event.key in steps) {
      event.preventDefault();
      move(steps[event.key]!);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      choose(activeEntry);
    }
  };

  return (
    <dialog ref={ref} data-command-layer className={styles.palette} aria-label="Command palette" onKeyDown={onKeyDown}>
      <input
        className={styles.search}
        type="text"
        role="combobox"
        aria-label="Search commands and documents"
        aria-expanded={shown.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={index >= 0 ? optionId(index) : undefined}
        placeholder="Type a command or a document’s title"
        autoComplete="off"
        spellCheck={false}
        autoFocus
        value={query}
        onChange={(event) => {
          setQuery(event.currentTarget.value);
          setActive(0);
        }}
      />
      <ul id={listId} role="listbox" aria-label="Commands and documents" className={styles.list} tabIndex={-1}>
        {shown.map((entry, position) => (
          <PaletteOption
            key={entry.key}
            entry={entry}
            id={optionId(position)}
            active={position === index}
            onPoint={() => setActive(position)}
            onChoose={() => choose(entry)}
          />
        ))}
      </ul>
      {shown.length === 0 && (
        <p className={styles.empty} role="status">
          Nothing matches “{query.trim()}”.
        </p>
      )}
      <p className={styles.hint}>↑ ↓ to move · Enter to run · Esc to close</p>
    </dialog>
  );
}
