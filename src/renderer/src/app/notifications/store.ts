// The app's one notification area as a small external store: status messages, routine
// events and failures that are not worth a dialog. Read with useSyncExternalStore.
import { useSyncExternalStore } from 'react';

export type NotificationKind = 'info' | 'error' | 'progress';

export interface Notification {
  id: number;
  kind: NotificationKind;
  text: string;
  /** Set shortly before it goes, so the view can fade it out. */
  fading: boolean;
}

/** How long a message stays before it fades; failures stay longer, progress until it is done. */
export const SHOW_MS: Record<NotificationKind, number | null> = { info: 6000, error: 15000, progress: null };
export const FADE_MS = 600;
/** How many messages the area shows at once, newest first; older ones wait behind "N more", so the area never covers the page. */
export const MAX_SHOWN = 3;
/** How many it keeps at most: past this, the oldest routine message goes first, a failure last. */
export const MAX_KEPT = 12;

/** Drops the oldest messages past MAX_KEPT, routine ones before failures. */
function capped(items: readonly Notification[]): readonly Notification[] {
  let kept = items;
  while (kept.length > MAX_KEPT) {
    const oldest = kept.find((item) => item.kind !== 'error') ?? kept[0]!;
    kept = kept.filter((item) => item !== oldest);
  }
  return kept;
}

export class NotificationCenter {
  private items: readonly Notification[] = [];
  private readonly listeners = new Set<() => void>();
  private readonly timers = new Map<number, ReturnType<typeof setTimeout>>();
  private nextId = 1;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly snapshot = (): readonly Notification[] => this.items;

  /** Shows a message; returns its id, for `update` and `dismiss`. */
  notify(text: string, kind: NotificationKind = 'info'): number {
    const id = this.nextId++;
    const kept = this.items.filter((item) => item.text !== text || item.kind !== kind);
    const next = capped([...kept, { id, kind, text, fading: false }]);
    for (const dropped of this.items.filter((item) => !next.includes(item))) this.clearTimer(dropped.id);
    this.set(next);
    this.schedule(id, kind);
    return id;
  }

  /** Replaces a message's text and kind (a progress message that finished, say). */
  update(id: number, text: string, kind: NotificationKind): void {
    if (!this.items.some((item) => item.id === id)) {
      this.notify(text, kind);
      return;
    }
    this.set(this.items.map((item) => (item.id === id ? { ...item, text, kind, fading: false } : item)));
    this.schedule(id, kind);
  }

  dismiss(id: number): void {
    this.clearTimer(id);
    this.set(this.items.filter((item) => item.id !== id));
  }

  private schedule(id: number, kind: NotificationKind): void {
    this.clearTimer(id);
    const showFor = SHOW_MS[kind];
    if (showFor === null) return;
    this.timers.set(
      id,
      setTimeout(() => {
        this.set(this.items.map((item) => (item.id === id ? { ...item, fading: true } : item)));
        this.timers.set(
          id,
          setTimeout(() => this.dismiss(id), FADE_MS),
        );
      }, showFor),
    );
  }

  private clearTimer(id: number): void {
    const timer = this.timers.get(id);
    if (timer !== undefined) clearTimeout(timer);
    this.timers.delete(id);
  }

  private set(items: readonly Notification[]): void {
    this.items = items;
    for (const listener of this.listeners) listener();
  }
}

/** The renderer's one notification area. */
export const notifications = new NotificationCenter();

export function useNotifications(center: NotificationCenter = notifications): readonly Notification[] {
  return useSyncExternalStore(center.subscribe, center.snapshot);
}

/** A failed call nobody is waiting on (a refresh, a background save) is said, never dropped. */
export function notifyFailure(what: string, message: string, center: NotificationCenter = notifications): void {
  center.notify(`${what}: ${message}`, 'error');
}
