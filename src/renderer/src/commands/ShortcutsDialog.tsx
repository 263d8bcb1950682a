// Help › Keyboard shortcuts: every key in the command table, those that work anywhere and those
// that work while reading, generated from the table so it never lists a key that does not exist.
import { Fragment } from 'react';
import type { CommandDeclaration } from '../../../shared/commands';
import { COMMANDS, commandTitle, hostKeys } from '../../../shared/commands';
import { useModal } from '../ui/Dialogs';
import { currentHost, isMacPlatform, shortcutLabels } from './key-labels';
import styles from './commands.module.css';

interface ShortcutRow {
  title: string;
  keys: string[];
}

/** The rows of one section: each command with keys, in table order. */
export function shortcutRows(
  readerOnly: boolean,
  mac: boolean,
  table: readonly CommandDeclaration[] = COMMANDS,
  host = currentHost(),
) {
  return table
    .filter((command) => hostKeys(command, host).length > 0 && Boolean(command.readerOnly) === readerOnly)
    .map((command): ShortcutRow => ({
      title: commandTitle(command),
      keys: shortcutLabels(hostKeys(command, host), mac),
    }));
}

function ShortcutTable({ caption, rows }: { caption: string; rows: readonly ShortcutRow[] }) {
  return (
    <table className={styles.table}>
      <caption>{caption}</caption>
      <thead className={styles.visuallyHidden}>
        <tr>
          <th scope="col">Command</th>
          <th scope="col">Keys</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.title}>
            <th scope="row">{row.title}</th>
            <td>
              {row.keys.map((key, index) => (
                <Fragment key={key}>
                  {index > 0 && <span className={styles.or}>or</span>}
                  <kbd className={styles.kbd}>{key}</kbd>
                </Fragment>
              ))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const ref = useModal(onClose);
  const mac = isMacPlatform();
  const inReader: ShortcutRow[] = [
    ...shortcutRows(true, mac),
    // Not a command of the table: the keyboard's own way to the context menu, which lists them.
    { title: 'Context Menu', keys: [mac ? '⇧F10' : 'Shift+F10', 'Menu'] },
  ];
  return (
    <dialog ref={ref} data-command-layer className={styles.shortcuts} aria-labelledby="shortcuts-title">
      {/* Close stands by the title: focused on opening, it keeps the top of the list in view. */}
      <div className={styles.header}>
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <button type="button" className="button" autoFocus onClick={onClose}>
          Close
        </button>
      </div>
      <div className={styles.columns}>
        <ShortcutTable caption="Anywhere" rows={shortcutRows(false, mac)} />
        <ShortcutTable caption="While reading" rows={inReader} />
      </div>
    </dialog>
  );
}
