// One debouncer for everything the sync delays: a task per key runs once its key has been
// quiet for the task's delay (a document's writes, a file's settling), and pending tasks can
// be taken to run at once (flush) or dropped (stop).

type Timer = ReturnType<typeof setTimeout>;

export class KeyedDebouncer {
  private readonly pending = new Map<string, Timer>();

  /** `settled` runs after every task, with what the task threw, if it did. */
  constructor(private readonly settled: (key: string, failure: { error: unknown } | undefined) => void) {}

  /** Runs `task` once `key` has been quiet for `delayMs`; scheduling it again restarts the wait. */
  schedule(key: string, delayMs: number, task: () => void): void {
    const existing = this.pending.get(key);
    if (existing) clearTimeout(existing);
    this.pending.set(
      key,
      setTimeout(() => {
        this.pending.delete(key);
        let failure: { error: unknown } | undefined;
        try {
          task();
        } catch (error) {
          failure = { error };
        }
        this.settled(key, failure);
      }, delayMs),
    );
  }

  /** Cancels the pending tasks whose key starts with `prefix` and returns their keys, in the order they were scheduled. */
  take(prefix: string): string[] {
    const keys = [...this.pending.keys()].filter((key) => key.startsWith(prefix));
    for (const key of keys) {
      clearTimeout(this.pending.get(key));
      this.pending.delete(key);
    }
    return keys;
  }
}
