// What the person chose from the command palette lately (commands and documents), most recent
// first, kept across runs, so the palette offers them first.
import { useSyncExternalStore } from 'react';

export interface RecentEntry {
  kind: 'command' | 'document';
  id: string;
}

/** Where the list is kept between runs: localStorage in the app, nothing in tests. */
export type RecentStorage = Pick<Storage, 'getItem' | 'setItem'>;

const STORAGE_KEY = 'marginalia.palette.recent';

function isEntry(value: unknown): value is RecentEntry {
  if (typeof value !== 'object' || value === null) return false;
  const { kind, id } = value as Record<string, unknown>;
  return (kind === 'command' || kind === 'document') && typeof id === 'string';
}

export class RecentStore {
  private entries: readonly RecentEntry[];
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly storage?: RecentStorage,
    private readonly limit = 8,
  ) {
    this.entries = this.load();
  }

  /** Most recent first. The same array until something changes, as useSyncExternalStore wants. */
  list = (): readonly RecentEntry[] => this.entries;

  /** Puts an entry first (once), dropping the oldest beyond the limit. */
  use(entry: RecentEntry): void {
    const others = this.entries.filter((each) => each.kind !== entry.kind || each.id !== entry.id);
    this.entries = [{ kind: entry.kind, id: entry.id }, ...others].slice(0, this.limit);
    this.save();
    for (const listener of this.listeners) listener();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private load(): readonly RecentEntry[] {
    try {
      const parsed: unknown = JSON.parse(this.storage?.getItem(STORAGE_KEY) ?? '[]');
      return Array.isArray(parsed) ? parsed.filter(isEntry).slice(0, this.limit) : [];
    } catch {
      // A list that can't be read is only a convenience lost: start a new one.
      return [];
    }
  }

  private save(): void {
    try {
      this.storage?.setItem(STORAGE_KEY, JSON.stringify(this.entries));
    } catch {
      // Storage full or refused (a private window): the list still holds for this run.
    }
  }
}

export const recent = new RecentStore(typeof localStorage === 'undefined' ? undefined : localStorage);

export function useRecent(store: RecentStore = recent): readonly RecentEntry[] {
  return useSyncExternalStore(store.subscribe, store.list);
}
