import { describe, expect, it } from 'vitest';
import { Store } from './store';

class Counter extends Store<{ count: number; label: string }> {
  constructor() {
    super({ count: 0, label: 'none' });
  }
  increment(): void {
    this.set((state) => ({ count: state.count + 1 }));
  }
  label(text: string): void {
    this.set({ label: text });
  }
}

describe('Store', () => {
  it('replaces its state on a change and tells every subscriber', () => {
    const counter = new Counter();
    const before = counter.get();
    let heard = 0;
    counter.subscribe(() => (heard += 1));
    counter.increment();
    expect(counter.get()).toEqual({ count: 1, label: 'none' });
    expect(counter.get()).not.toBe(before);
    expect(heard).toBe(1);
  });

  it('stays silent and keeps the same state when nothing changed', () => {
    const counter = new Counter();
    counter.label('same');
    const before = counter.get();
    let heard = 0;
    counter.subscribe(() => (heard += 1));
    counter.label('same');
    expect(counter.get()).toBe(before);
    expect(heard).toBe(0);
  });

  it('stops telling a subscriber once it unsubscribes', () => {
    const counter = new Counter();
    let heard = 0;
    const stop = counter.subscribe(() => (heard += 1));
    stop();
    counter.increment();
    expect(heard).toBe(0);
  });
});
