// The toolbar's Share menu, read from the command table: each command declaring a `share` item.
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
