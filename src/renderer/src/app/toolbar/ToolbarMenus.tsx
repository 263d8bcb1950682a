// The toolbar's menus: View (the panels and views the View menu shows: Sources, Claims,
// Analyses…), Share (the exports the command table puts there: PDF, an analysis's
// CSV while one is shown, note bundles out and in), Settings (the settings
// dialog, the shortcut list, the command palette) and, on a narrow window, More (what the
// toolbar folds away there: undo, redo, editing, import). Each item runs a command.
import type { CommandId } from '../../../../shared/commands';
import { SHARE_MENU, VIEW_MENU } from '../../../../shared/share-menu';
import { commands, useCommandEnabled, useCommandsEnabled } from '../../commands';
import { ChevronDownIcon, MoreIcon, SettingsIcon, ShareIcon } from '../../ui/icons';
import type { MenuItem } from '../../ui/Menu';
import { MenuButton } from '../../ui/Menu';
import { commandKeys } from './command-hints';
import styles from './Toolbar.module.css';

/** A menu item for a command: its label here, its keys from the table, enabled when the command is. */
function useCommandItem(command: CommandId, label: string): MenuItem {
  const enabled = useCommandEnabled(command);
  return { id: command, label, keys: commandKeys(command), disabled: !enabled, onSelect: () => commands.run(command) };
}

const SHARE_IDS = SHARE_MENU.map((command) => command.id);

/** The Share menu's items; one listed only while available is left out while it cannot run. */
function useShareItems(): MenuItem[] {
  const enabled = useCommandsEnabled(SHARE_IDS);
  return SHARE_MENU.flatMap(({ id, label, whileAvailable }, index) => {
    const disabled = !enabled[index];
    if (whileAvailable && disabled) return [];
    return [{ id, label, keys: commandKeys(id), disabled, onSelect: () => commands.run(id) }];
  });
}

export function ExportMenu() {
  const items = useShareItems();
  return (
    <MenuButton label="Share" tooltip="Export and share" items={items} buttonClassName={styles.iconButton} align="end">
      <ShareIcon />
      {/* A word beside the icon: the picture alone did not say what the menu holds. It is the
          button's name too, so people who speak the label they see reach it (WCAG 2.5.3). */}
      <span>Share</span>
      <ChevronDownIcon size={12} />
    </MenuButton>
  );
}

const VIEW_IDS = VIEW_MENU.map((command) => command.id);

/** The View menu: every panel and view, as the desktop menu bar's View menu lists them. */
export function ViewMenu() {
  const enabled = useCommandsEnabled(VIEW_IDS);
  const items = VIEW_MENU.map(({ id, label }, index): MenuItem => {
    const disabled = !enabled[index];
    return { id, label, keys: commandKeys(id), disabled, onSelect: () => commands.run(id) };
  });
  return (
    <MenuButton
      label="View"
      tooltip="Show a panel or view"
      items={items}
      buttonClassName={styles.iconButton}
      align="end"
    >
      <span>View</span>
      <ChevronDownIcon size={12} />
    </MenuButton>
  );
}

export function SettingsMenu() {
  const items = [
    useCommandItem('openSettings', 'Settings…'),
    useCommandItem('keyboardShortcuts', 'Keyboard shortcuts'),
    useCommandItem('commandPalette', 'Command palette'),
  ];
  return (
    <MenuButton label="Settings" items={items} buttonClassName={styles.iconButton} align="end">
      <SettingsIcon />
      <ChevronDownIcon size={12} />
    </MenuButton>
  );
}

/** The controls a narrow toolbar has no room for, as one menu; CSS shows it only there. */
export function MoreMenu({ editing }: { editing: boolean }) {
  const items = [
    useCommandItem('undo', 'Undo'),
    useCommandItem('redo', 'Redo'),
    useCommandItem(editing ? 'cancelEditing' : 'editText', editing ? 'Cancel editing' : 'Edit text'),
    useCommandItem('import', 'Import…'),
  ];
  return (
    <span className={styles.narrowOnly}>
      <MenuButton label="More" items={items} buttonClassName={styles.iconButton} align="end">
        <MoreIcon />
        <ChevronDownIcon size={12} />
      </MenuButton>
    </span>
  );
}
