// The renderer's command registry: features register what a command does where its state
// lives; keys, menus, the toolbar and the palette run it by id and ask whether it is enabled.
import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { CommandId } from '../../../shared/commands';

export type CommandHandler = () => void;

interface Registration {
  run: CommandHandler;
  enabled: boolean;
}

export class CommandRegistry {
  private readonly handlers = new Map<CommandId, Registration>();
  private readonly listeners = new Set<() => void>();
  private version = 0;

  /** Registers what a command does; returns the cleanup. A later registration replaces an earlier one. */
  register(id: CommandId, run: CommandHandler, enabled = true): () => void {
    const registration = { run, enabled };
    this.handlers.set(id, registration);
    this.changed();
    return () => {
      if (this.handlers.get(id) !== registration) return;
      this.handlers.delete(id);
      this.changed();
    };
  }

  isEnabled(id: CommandId): boolean {
    return this.handlers.get(id)?.enabled ?? false;
  }

  /** Runs a command if it is registered and enabled; says whether it ran. */
  run(id: CommandId): boolean {
    const registration = this.handlers.get(id);
    if (!registration?.enabled) return false;
    registration.run();
    return true;
  }

  /**
   * Runs a command as soon as it can run, waiting up to `timeoutMs` for it to become enabled (a
   * selection given back to the reader re-enables Highlight a moment later); says whether it ran.
   */
  runWhenEnabled(id: CommandId, timeoutMs: number): Promise<boolean> {
    if (this.run(id)) return Promise.resolve(true);
    return new Promise((resolve) => {
      const finish = (ran: boolean) => {
        stop();
        clearTimeout(timer);
        resolve(ran);
      };
      const stop = this.subscribe(() => {
        if (this.isEnabled(id)) finish(this.run(id));
      });
      const timer = setTimeout(() => finish(false), timeoutMs);
    });
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  snapshot = (): number => this.version;

  private changed(): void {
    this.version += 1;
    for (const listener of this.listeners) listener();
  }
}

export const commands = new CommandRegistry();

/** Registers a command's handler for the life of the component; the latest handler always runs. */
export function useCommandHandler(id: CommandId, run: CommandHandler, enabled = true, registry = commands): void {
  const latest = useRef(run);
  latest.current = run;
  useEffect(() => registry.register(id, () => latest.current(), enabled), [id, enabled, registry]);
}

/** Whether each of some commands can run now, re-rendering when any of that changes. */
export function useCommandsEnabled(ids: readonly CommandId[], registry = commands): boolean[] {
  useSyncExternalStore(registry.subscribe, registry.snapshot);
  return ids.map((id) => registry.isEnabled(id));
}

/** Whether a command can run now, re-rendering when that changes. */
export function useCommandEnabled(id: CommandId, registry = commands): boolean {
  useSyncExternalStore(registry.subscribe, registry.snapshot);
  return registry.isEnabled(id);
}
