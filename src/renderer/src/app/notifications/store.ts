// The app's one notification area as a small external store: status messages, routine
// events and failures, each with at most one action (Undo, Open) and, for a failure, the
// problem in detail. Read with useSyncExternalStore.
import { useSyncExternalStore } from 'react';
import type { Problem } from './problem';
import { describeProblem } from './problem';

export type NotificationKind = 'info' | 'error' | 'progress';

/** What a person can do about a message: Undo a delete, Open what was imported or exported. */
export interface NotificationAction {
  label: string;
  run: () => void;
  /** The document an Open opens: the area leaves the action out while that document is the one shown. */
  opens?: string;
}

/** Open in a message: it opens a document, and is left out while that document is the one shown. */
export function openDocumentAction(documentId: string, open: (id: string) => Promise<void>): NotificationAction {
  return { label: 'Open', opens: documentId, run: () => void open(documentId) };
}

export interface NotifyOptions {
  action?: NotificationAction;
  /** A failure's detail, behind Show problem. */
  problem?: Problem;
}

export interface Notification extends NotifyOptions {
  id: number;
  kind: NotificationKind;
  text: string;
  /** Set shortly before it goes, so the view can fade it out. */
  fading: boolean;
}

/** How long a message stays before it fades; failures stay longer, progress until it is done. */
export const SHOW_MS: Record<NotificationKind, number | null> = { info: 6000, error: 15000, progress: null };
export const FADE_MS = 600;
/** After a pause (the pointer or focus left the area) a message stays at least this long, so it can be read again. */
export const AFTER_PAUSE_MS = 2000;
/** How many messages the area shows at once, newest first; older ones wait behind "N more", so the area never covers the page. */
export const MAX_SHOWN = 3;
/** How many it keeps at most: past this, the oldest routine message goes first, a failure last. */
export const MAX_KEPT = 12;

/** Why the area is paused: the pointer is over it, or focus is in it. */
export type PauseReason = 'hover' | 'focus';

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
  /** When each message that fades will start to: kept so a pause can resume with what was left. */
  private readonly deadlines = new Map<number, number>();
  private readonly pauses = new Set<PauseReason>();
  private nextId = 1;

  constructor(private readonly now: () => number = Date.now) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly snapshot = (): readonly Notification[] => this.items;

  get paused(): boolean {
    return this.pauses.size > 0;
  }

  /** Shows a message; returns its id, for `update` and `dismiss`. The same text again replaces the older one. */
  notify(text: string, kind: NotificationKind = 'info', options: NotifyOptions = {}): number {
    const id = this.nextId++;
    const kept = this.items.filter((item) => item.text !== text || item.kind !== kind);
    const next = capped([...kept, { id, kind, text, fading: false, ...options }]);
    for (const dropped of this.items.filter((item) => !next.includes(item))) this.forget(dropped.id);
    this.set(next);
    this.schedule(id, SHOW_MS[kind]);
    return id;
  }

  /** Replaces a message's text and kind (a progress message that finished, say). */
  update(id: number, text: string, kind: NotificationKind, options: NotifyOptions = {}): void {
    if (!this.items.some((item) => item.id === id)) {
      this.notify(text, kind, options);
      return;
    }
    this.set(this.items.map((item) => (item.id === id ? { id, text, kind, fading: false, ...options } : item)));
    this.schedule(id, SHOW_MS[kind]);
  }

  dismiss(id: number): void {
    this.forget(id);
    this.set(this.items.filter((item) => item.id !== id));
  }

  /** Runs a message's action, then lets the message go: it has been answered. */
  act(id: number): void {
    const item = this.items.find((each) => each.id === id);
    if (!item?.action) return;
    this.dismiss(id);
    item.action.run();
  }

  /** Holds every message where it is (a fading one comes back) while the person reads or reaches for it. */
  pause(reason: PauseReason): void {
    const wasPaused = this.paused;
    this.pauses.add(reason);
    if (wasPaused) return;
    const now = this.now();
    for (const [id, timer] of this.timers) {
      clearTimeout(timer);
      this.deadlines.set(id, Math.max(0, (this.deadlines.get(id) ?? now) - now));
    }
    this.timers.clear();
    if (this.items.some((item) => item.fading)) this.set(this.items.map((item) => ({ ...item, fading: false })));
  }

  /** Lets messages fade again once nothing holds them, each with what it had left (at least AFTER_PAUSE_MS). */
  resume(reason: PauseReason): void {
    if (!this.pauses.delete(reason) || this.paused) return;
    for (const [id, remaining] of [...this.deadlines]) this.schedule(id, Math.max(remaining, AFTER_PAUSE_MS));
  }

  private schedule(id: number, showFor: number | null): void {
    this.clearTimer(id);
    this.deadlines.delete(id);
    if (showFor === null) return;
    if (this.paused) {
      // Held: remember how long it has, and start counting once the pause ends.
      this.deadlines.set(id, showFor);
      return;
    }
    this.deadlines.set(id, this.now() + showFor);
    this.timers.set(
      id,
      setTimeout(() => {
        this.set(this.items.map((item) => (item.id === id ? { ...item, fading: true } : item)));
        this.deadlines.set(id, this.now());
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

  private forget(id: number): void {
    this.clearTimer(id);
    this.deadlines.delete(id);
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

/**
 * The one way the UI reports a failed call: says that `what` failed (“Couldn't save the
 * note”) and why, with Show problem for the detail and, where one helps, an action.
 * `error` is the contract's error, a thrown Error or the message itself.
 */
export function reportFailure(
  what: string,
  error: unknown,
  action?: NotificationAction,
  center: NotificationCenter = notifications,
): number {
  const problem = describeProblem(what, error);
  return center.notify(`${what}: ${problem.message}`, 'error', { problem, ...(action ? { action } : {}) });
}

/** The same, for callers that hold only the message. */
export function notifyFailure(what: string, message: string, center: NotificationCenter = notifications): void {
  reportFailure(what, message, undefined, center);
}
