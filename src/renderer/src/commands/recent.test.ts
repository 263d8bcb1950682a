import { describe, expect, it } from 'vitest';
import type { RecentStorage } from './recent';
import { RecentStore } from './recent';

function memoryStorage(initial?: string): RecentStorage & { saved: string | null } {
  const storage = {
    saved: initial ?? null,
    getItem: () => storage.saved,
    setItem: (_key: string, value: string) => {
      storage.saved = value;
    },
  };
  return storage;
}

describe('recent palette choices', () => {
  it('lists the latest choice first, each once', () => {
    const store = new RecentStore();
    store.use({ kind: 'command', id: 'import' });
    store.use({ kind: 'document', id: 'd1' });
    store.use({ kind: 'command', id: 'import' });
    expect(store.list()).toEqual([
      { kind: 'command', id: 'import' },
      { kind: 'document', id: 'd1' },
    ]);
  });

  it('keeps only the last few', () => {
    const store = new RecentStore(undefined, 3);
    for (const id of ['a', 'b', 'c', 'd']) store.use({ kind: 'document', id });
    expect(store.list().map((entry) => entry.id)).toEqual(['d', 'c', 'b']);
  });

  it('tells a document and a command with the same id apart', () => {
    const store = new RecentStore();
    store.use({ kind: 'command', id: 'x' });
    store.use({ kind: 'document', id: 'x' });
    expect(store.list()).toHaveLength(2);
  });

  it('remembers the list across runs and starts afresh from one it cannot read', () => {
    const storage = memoryStorage();
    new RecentStore(storage).use({ kind: 'command', id: 'exportPdf' });
    expect(new RecentStore(storage).list()).toEqual([{ kind: 'command', id: 'exportPdf' }]);
    expect(new RecentStore(memoryStorage('{not json')).list()).toEqual([]);
    expect(new RecentStore(memoryStorage('[{"kind":"nope","id":1},{"kind":"document","id":"d"}]')).list()).toEqual([
      { kind: 'document', id: 'd' },
    ]);
  });

  it('tells subscribers when the list changes and keeps the same list object until then', () => {
    const store = new RecentStore();
    let calls = 0;
    const stop = store.subscribe(() => (calls += 1));
    const before = store.list();
    expect(store.list()).toBe(before);
    store.use({ kind: 'command', id: 'undo' });
    expect(calls).toBe(1);
    expect(store.list()).not.toBe(before);
    stop();
    store.use({ kind: 'command', id: 'redo' });
    expect(calls).toBe(1);
  });
});
