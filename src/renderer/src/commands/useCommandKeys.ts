// Keyboard chords from the command table, and the host's menu commands, run through the registry.
import type { CommandId } from '../../../shared/commands';
import { useEffect } from 'react';
import type { MarginaliaClient } from '../../../shared/contract';
import { commandForKey } from './keys';
import type { CommandRegistry } from './registry';
import { commands } from './registry';

const EDITABLE = 'input, textarea, select, [contenteditable]:not([contenteditable="false"])';

/**
 * While a modal dialog is open the page behind it is out of reach, so its chords are too; only
 * the command layer's own dialogs (palette, shortcuts) still answer their toggles.
 */
function blockedByModal(id: CommandId): boolean {
  const modal = document.querySelector('dialog:modal');
  if (!modal) return false;
  return !(modal.hasAttribute('data-command-layer') && (id === 'commandPalette' || id === 'keyboardShortcuts'));
}

function inTypingField(event: KeyboardEvent): boolean {
  return Boolean((event.target as HTMLElement | null)?.closest?.(EDITABLE));
}

/**
 * The command a press runs from outside the reader's text: Ctrl/Cmd chords anywhere (undo and redo
 * inside a field belong to the field), and the single keys that allow it (j, k) outside typing
 * fields. The reader answers its own keys first and marks them handled.
 */
function pageCommand(event: KeyboardEvent): CommandId | undefined {
  if (event.ctrlKey || event.metaKey) {
    const id = commandForKey(event, false);
    return id && inTypingField(event) && (id === 'undo' || id === 'redo') ? undefined : id;
  }
  if (event.altKey || event.isComposing || inTypingField(event)) return undefined;
  return commandForKey(event, false, undefined, { outsideFields: true });
}

export function useCommandKeys(registry: CommandRegistry = commands): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const id = pageCommand(event);
      if (!id || blockedByModal(id)) return;
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
