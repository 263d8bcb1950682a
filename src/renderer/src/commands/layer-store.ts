// Which of the command layer's surfaces is open (the palette, the shortcuts list or the reader's
// context menu), and which commands could run at the moment it opened: opening the palette moves
// focus and the selection out of the reader, which would otherwise grey out Highlight.
import { useSyncExternalStore } from 'react';
import type { CommandId } from '../../../shared/commands';

export type CommandSurface =
  | { kind: 'palette'; enabled: ReadonlySet<CommandId> }
  | { kind: 'shortcuts' }
  | { kind: 'contextMenu'; x: number; y: number; enabled: ReadonlySet<CommandId>; hasSelection: boolean };

export class CommandLayerStore {
  private surface: CommandSurface | null = null;
  private readonly listeners = new Set<() => void>();

  current = (): CommandSurface | null => this.surface;

  /** Opens one surface, closing whichever was open: only one stands at a time. */
  open(surface: CommandSurface): void {
    this.set(surface);
  }

  close(): void {
    if (this.surface) this.set(null);
  }

  /** The palette's key toggles it, so Ctrl+K twice is back where you were. */
  togglePalette(enabled: ReadonlySet<CommandId>): void {
    this.set(this.surface?.kind === 'palette' ? null : { kind: 'palette', enabled });
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(surface: CommandSurface | null): void {
    this.surface = surface;
    for (const listener of this.listeners) listener();
  }
}

export const commandLayer = new CommandLayerStore();

export function useCommandSurface(store: CommandLayerStore = commandLayer): CommandSurface | null {
  return useSyncExternalStore(store.subscribe, store.current);
}
