// The one small external-store shape every shared piece of renderer state uses: a value,
// replaced (never mutated) on each change, read in components through useSyncExternalStore.
import { useSyncExternalStore } from 'react';

export class Store<State> {
  private state: State;
  private readonly listeners = new Set<() => void>();

  constructor(initial: State) {
    this.state = initial;
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly get = (): State => this.state;

  /** Merges changes into the state (or derives it from the last one) and tells every reader. */
  protected set(changes: Partial<State> | ((state: State) => Partial<State>)): void {
    const patch = typeof changes === 'function' ? changes(this.state) : changes;
    const keys = Object.keys(patch) as (keyof State)[];
    if (keys.every((key) => Object.is(patch[key], this.state[key]))) return;
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }
}

/** A store's state (or one part of it), re-rendering only when that changes. */
export function useStore<State>(store: Store<State>): State;
export function useStore<State, Part>(store: Store<State>, select: (state: State) => Part): Part;
export function useStore<State, Part>(store: Store<State>, select?: (state: State) => Part): State | Part {
  return useSyncExternalStore(store.subscribe, () => (select ? select(store.get()) : store.get()));
}
