// The desktop menu bar and the reader's context menu, built from the one command table
// (src/shared/commands.ts). Commands that belong to the UI are relayed to the renderer as
// uiCommand events; File › Import… runs in the shell with a native dialog.
import type { CommandDeclaration, CommandId, MenuName } from '../shared/commands';
import { COMMANDS, MENU_NAMES } from '../shared/commands';
import type { UiCommand } from '../shared/contract';
import type { MenuTemplate } from './electron-types';

export interface MenuActions {
  importFiles(): void;
  sendCommand(command: UiCommand): void;
  isMac: boolean;
  isDev: boolean;
}

type MenuItem = MenuTemplate[number];

/** `Mod+Shift+E` as Electron writes it (`CmdOrCtrl+Shift+E`). */
export function acceleratorFor(chord: string): string {
  return chord.replace(/^Mod\+/, 'CmdOrCtrl+');
}

/**
 * A command as a menu item. Reader-only keys (single letters, Delete) get no accelerator: an
 * accelerator belongs to the whole window and would take those keys from every text field.
 */
function itemFor(command: CommandDeclaration, actions: MenuActions): MenuItem {
  const id = command.id as CommandId;
  const chord = command.readerOnly ? undefined : command.keys?.[0];
  return {
    id,
    label: command.label,
    ...(chord ? { accelerator: acceleratorFor(chord) } : {}),
    click: id === 'import' ? () => actions.importFiles() : () => actions.sendCommand(id),
  };
}

/** The items of one menu: groups in order with separators between them, submenus where the first of their items stands. */
function commandItems(name: MenuName, actions: MenuActions): MenuTemplate {
  const inMenu = COMMANDS.filter((command) => command.menu?.name === name) as readonly CommandDeclaration[];
  const groups = [...new Set(inMenu.map((command) => command.menu!.group))].sort((a, b) => a - b);
  const items: MenuTemplate = [];
  for (const group of groups) {
    if (items.length > 0) items.push({ type: 'separator' });
    const submenus = new Map<string, MenuTemplate>();
    for (const command of inMenu.filter((each) => each.menu!.group === group)) {
      const submenu = command.menu!.submenu;
      if (!submenu) {
        items.push(itemFor(command, actions));
        continue;
      }
      let children = submenus.get(submenu);
      if (!children) {
        children = [];
        submenus.set(submenu, children);
        items.push({ label: submenu, submenu: children });
      }
      children.push(itemFor(command, actions));
    }
  }
  return items;
}

/** What each menu holds besides the table's commands: the platform's own items. */
function withPlatformItems(name: MenuName, items: MenuTemplate, actions: MenuActions): MenuTemplate {
  const separated = (extra: MenuTemplate): MenuTemplate => [...items, { type: 'separator' }, ...extra];
  switch (name) {
    case 'File':
      return separated([actions.isMac ? { role: 'close' } : { role: 'quit' }]);
    case 'Edit': {
      // Undo and redo go to the page: inside a note they undo typing, elsewhere annotation changes.
      const found = items.findIndex((item) => item.type === 'separator');
      const firstSeparator = found === -1 ? items.length : found;
      const clipboard: MenuTemplate = [{ role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }];
      return [...items.slice(0, firstSeparator), { type: 'separator' }, ...clipboard, ...items.slice(firstSeparator)];
    }
    case 'View':
      return separated([
        { role: 'togglefullscreen' },
        ...(actions.isDev ? ([{ role: 'reload' }, { role: 'toggleDevTools' }] as MenuTemplate) : []),
      ]);
    default:
      return items;
  }
}

export function buildMenuTemplate(actions: MenuActions): MenuTemplate {
  const template: MenuTemplate = [];
  if (actions.isMac) template.push({ role: 'appMenu' });
  for (const name of MENU_NAMES) {
    if (name === 'Help') template.push({ role: 'windowMenu' });
    const submenu = withPlatformItems(name, commandItems(name, actions), actions);
    template.push({ label: `&${name}`, ...(name === 'Help' ? { role: 'help' as const } : {}), submenu });
  }
  return template;
}

/** Whether a context-menu command can run, from what the shell knows: whether text is selected. */
function enabledInContext(command: CommandDeclaration, hasSelection: boolean): boolean {
  return command.when === 'selection' ? hasSelection : true;
}

/** The reader's context menu: the table's context commands, plus the usual copy. */
export function buildContextMenuTemplate(
  hasSelection: boolean,
  sendCommand: (command: UiCommand) => void,
): MenuTemplate {
  const commands = (COMMANDS as readonly CommandDeclaration[]).filter((command) => command.context);
  return [
    ...commands.map((command): MenuItem => ({
      id: command.id,
      label: command.label,
      enabled: enabledInContext(command, hasSelection),
      click: () => sendCommand(command.id as CommandId),
    })),
    { type: 'separator' },
    { role: 'copy', enabled: hasSelection },
    { role: 'selectAll' },
  ];
}
