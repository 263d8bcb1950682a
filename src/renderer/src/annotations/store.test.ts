import { describe, expect, it, vi } from 'vitest';
import { Store } from './store';

describe('Store', () => {
  it('merges a change into its state and tells its listeners', () => {
    const store = new Store({ a: 1, b: 'x' });
    const heard = vi.fn();
    store.subscribe(heard);
    store.set({ a: 2 });
    expect(store.snapshot()).toEqual({ a: 2, b: 'x' });
    expect(heard).toHaveBeenCalledTimes(1);
  });

  it('computes a change from the current state', () => {
    const store = new Store({ count: 1 });
    store.set((state) => ({ count: state.count + 1 }));
    expect(store.snapshot().count).toBe(2);
  });

  it('keeps the same snapshot and stays quiet when nothing changed', () => {
    const store = new Store({ a: 1 });
    const before = store.snapshot();
    const heard = vi.fn();
    store.subscribe(heard);
    store.set({ a: 1 });
    expect(store.snapshot()).toBe(before);
    expect(heard).not.toHaveBeenCalled();
  });

  it('stops telling a listener once it unsubscribes', () => {
    const store = new Store({ a: 1 });
    const heard = vi.fn();
    const stop = store.subscribe(heard);
    stop();
    store.set({ a: 2 });
    expect(heard).not.toHaveBeenCalled();
  });
});
