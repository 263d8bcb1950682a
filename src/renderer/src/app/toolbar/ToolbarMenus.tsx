// The toolbar's two menus: Export and share (PDF, note bundles out and in) and Settings
// (the settings dialog, the shortcut list, the command palette). Each item runs a command.
import type { CommandId } from '../../../../shared/commands';
import { commands, useCommandEnabled } from '../../commands';
import { ChevronDownIcon, SettingsIcon, ShareIcon } from '../../ui/icons';
import type { MenuItem } from '../../ui/Menu';
import { MenuButton } from '../../ui/Menu';
import { commandKeys } from './command-hints';
import styles from './Toolbar.module.css';

/** A menu item for a command: its label here, its keys from the table, enabled when the command is. */
function useCommandItem(command: CommandId, label: string): MenuItem {
  const enabled = useCommandEnabled(command);
  return { id: command, label, keys: commandKeys(command), disabled: !enabled, onSelect: () => commands.run(command) };
}

export function ExportMenu() {
  const items = [
    useCommandItem('exportPdf', 'Export PDF…'),
    useCommandItem('shareNotes', 'Share notes…'),
    useCommandItem('importNotes', 'Import notes…'),
  ];
  return (
    <MenuButton label="Export and share" items={items} buttonClassName={styles.iconButton} align="end">
      <ShareIcon />
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
