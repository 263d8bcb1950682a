import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BLINK_MS, BLINK_OFF, startCaretBlink } from './caret-blink';

/** The caret element as the blink touches it: shown or hidden, and its one attribute. */
function fakeCaret() {
  const attributes = new Set<string>();
  let changes = 0;
  return {
    hidden: false,
    get changes() {
      return changes;
    },
    get off() {
      return attributes.has(BLINK_OFF);
    },
    toggleAttribute(name: string) {
      changes += 1;
      if (!attributes.delete(name)) attributes.add(name);
    },
    removeAttribute(name: string) {
      attributes.delete(name);
    },
  };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('the reader caret’s blink', () => {
  it('hides and shows the caret every half blink, and shows it at once whenever it moves', () => {
    const caret = fakeCaret();
    const blink = startCaretBlink(caret as unknown as HTMLElement);
    blink.restart();
    expect(caret.off).toBe(false);
    vi.advanceTimersByTime(BLINK_MS);
    expect(caret.off).toBe(true);
    vi.advanceTimersByTime(BLINK_MS);
    expect(caret.off).toBe(false);
    vi.advanceTimersByTime(BLINK_MS);
    expect(caret.off).toBe(true);
    blink.restart();
    expect(caret.off).toBe(false);
    vi.advanceTimersByTime(BLINK_MS - 1);
    expect(caret.off).toBe(false);
    blink.stop();
  });

  it('changes nothing while the caret is hidden, as in a reader without focus', () => {
    const caret = fakeCaret();
    const blink = startCaretBlink(caret as unknown as HTMLElement);
    blink.restart();
    vi.advanceTimersByTime(BLINK_MS);
    caret.hidden = true;
    vi.advanceTimersByTime(BLINK_MS);
    const changes = caret.changes;
    vi.advanceTimersByTime(BLINK_MS * 20);
    expect(caret.changes).toBe(changes);
    expect(caret.off).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
  });
});
