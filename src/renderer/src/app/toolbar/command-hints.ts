// What the toolbar says about a command: its first key chord spelled for this platform.
import type { CommandId } from '../../../../shared/commands';
import { commandById, hostKeys } from '../../../../shared/commands';
import { currentHost } from '../../commands/key-labels';
import { isMac, keyLabel } from '../../ui/key-label';

/** The command's first chord in this host, as this platform shows it, or undefined when it has none. */
export function commandKeys(id: CommandId): string | undefined {
  const chord = hostKeys(commandById(id), currentHost())[0];
  return chord ? keyLabel(chord, isMac()) : undefined;
}
