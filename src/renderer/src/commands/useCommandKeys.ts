// Keyboard chords from the command table, and the host's menu commands, run through the registry.
import type { CommandId } from '../../../shared/commands';
import { useEffect } from 'react';
import type { MarginaliaClient } from '../../../shared/contract';
import { commandForKey } from './keys';
import type { CommandRegistry } from './registry';
import { commands } from './registry';

const EDITABLE = 'input, textarea, select, [contenteditable="true"]';

/**
 * While a modal dialog is open the page behind it is out of reach, so its chords are too; only
 * the command layer's own dialogs (palette, shortcuts) still answer their toggles.
 */
function blockedByModal(id: CommandId): boolean {
  const modal = document.querySelector('dialog:modal');
  if (!modal) return false;
  return !(modal.hasAttribute('data-command-layer') && (id === 'commandPalette' || id === 'keyboardShortcuts'));
}

/** Ctrl/Cmd chords from the table work anywhere; undo and redo inside a field belong to the field. */
export function useCommandKeys(registry: CommandRegistry = commands): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || !(event.ctrlKey || event.metaKey)) return;
      const id = commandForKey(event, false);
      if (!id) return;
      const inEditable = (event.target as HTMLElement | null)?.closest?.(EDITABLE);
      if (inEditable && (id === 'undo' || id === 'redo')) return;
      if (blockedByModal(id)) return;
      event.preventDefault();
      registry.run(id);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [registry]);
}

/** The desktop menu sends commands as events; they run exactly as a key or a click would. */
export function useHostCommands(client: MarginaliaClient, registry: CommandRegistry = commands): void {
  useEffect(() => client.on('uiCommand', ({ command }) => void registry.run(command)), [client, registry]);
}
