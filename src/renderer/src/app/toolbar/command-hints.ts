// What the toolbar says about a command: its first key chord spelled for this platform.
import type { CommandId } from '../../../../shared/commands';
import { commandById } from '../../../../shared/commands';
import { isMac, keyLabel } from '../../ui/key-label';

/** The command's first chord as this platform shows it, or undefined when it has none. */
export function commandKeys(id: CommandId): string | undefined {
  const chord = commandById(id).keys?.[0];
  return chord ? keyLabel(chord, isMac()) : undefined;
}
