// Keeps what a person types between `n` (or `t`) and the moment the note (or tag field)
// opens. The field waits for the store to give the new highlight an id; without this the
// first words went to the reader, where `t` opened the tag field and the rest was lost.

/** The part of a key press that matters here: what a keyboard event carries. */
export interface TypedKey {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  isComposing?: boolean;
}

/** How long typing is held for a field that has not opened, before it is let go. */
export const TYPE_AHEAD_LIMIT_MS = 5000;

export class TypeAhead {
  private typed: string[] | null = null;
  private startedAt = 0;

  constructor(private readonly now: () => number = () => Date.now()) {}

  /** From now on, typed characters are held for the field about to open. */
  start(): void {
    this.typed = [];
    this.startedAt = this.now();
  }

  /** Lets go of anything held (the field will not open: the call failed, or the person clicked away). */
  stop(): void {
    this.typed = null;
  }

  /** True while holding typing for a field that is still on its way. */
  get holding(): boolean {
    if (this.typed !== null && this.now() - this.startedAt > TYPE_AHEAD_LIMIT_MS) this.typed = null;
    return this.typed !== null;
  }

  /**
   * Holds a typed character (Backspace takes the last one back). False for a key that is
   * not typing (a chord, an arrow, Escape) or when nothing is being held.
   */
  capture(event: TypedKey): boolean {
    if (!this.holding || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return false;
    const typed = this.typed as string[];
    if (event.key === 'Backspace') {
      typed.pop();
      return true;
    }
    if ([...event.key].length !== 1) return false;
    typed.push(event.key);
    return true;
  }

  /** What was typed, in order, for the field that has just opened; holding stops. */
  take(): string {
    const typed = this.holding ? (this.typed as string[]).join('') : '';
    this.typed = null;
    return typed;
  }
}
