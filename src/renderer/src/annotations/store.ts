// The smallest external store: one immutable state, replaced by `set`, read in React with
// useSyncExternalStore. The annotation feature's stores are built on it.
import { useSyncExternalStore } from 'react';

export class Store<State extends object> {
  private state: State;
  private readonly listeners = new Set<() => void>();

  constructor(initial: State) {
    this.state = initial;
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly snapshot = (): State => this.state;

  /** Merges a change into the state; listeners hear of it only when a value actually changed. */
  set(change: Partial<State> | ((state: State) => Partial<State>)): void {
    const patch = typeof change === 'function' ? change(this.state) : change;
    const keys = Object.keys(patch) as (keyof State)[];
    if (keys.every((key) => Object.is(this.state[key], patch[key]))) return;
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }
}

/** A store's state, re-rendering the component when it changes. */
export function useStore<State extends object>(store: Store<State>): State {
  return useSyncExternalStore(store.subscribe, store.snapshot);
}
