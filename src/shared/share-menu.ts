// The toolbar's Share and View menus, read from the command table: Share holds each command
// declaring a `share` item, View the first group of the View menu (the panels and views to show).
import type { CommandDeclaration, CommandId } from './commands';
import { COMMANDS, isCommandId } from './commands';

const DECLARED: readonly CommandDeclaration[] = COMMANDS;

/** The Share menu's commands in the table's order, each with its label there. */
export const SHARE_MENU: ReadonlyArray<{ id: CommandId; label: string; whileAvailable: boolean }> = DECLARED.flatMap(
  (command) =>
    command.share && isCommandId(command.id)
      ? [{ id: command.id, label: command.share.label, whileAvailable: command.share.whileAvailable ?? false }]
      : [],
);

/**
 * The toolbar's View menu: the desktop View menu's first group (Toggle Sidebar, then each panel
 * and Show Analyses), so the browser host, which has no menu bar, reaches every view from it.
 */
export const VIEW_MENU: ReadonlyArray<{ id: CommandId; label: string }> = DECLARED.flatMap((command) =>
  command.menu?.name === 'View' && command.menu.group === 1 && isCommandId(command.id)
    ? [{ id: command.id, label: command.label }]
    : [],
);
