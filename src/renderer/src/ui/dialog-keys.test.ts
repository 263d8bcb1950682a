import { describe, expect, it } from 'vitest';
import { isSubmitChord, resultStep } from './dialog-keys';

const key = (changes: Partial<Parameters<typeof isSubmitChord>[0]>) => ({
  key: 'Enter',
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...changes,
});

describe('dialog keys', () => {
  it('submits on Ctrl+Enter, Cmd+Enter on macOS, and never on Enter alone', () => {
    expect(isSubmitChord(key({ ctrlKey: true }), false)).toBe(true);
    expect(isSubmitChord(key({ metaKey: true }), true)).toBe(true);
    expect(isSubmitChord(key({ ctrlKey: true }), true)).toBe(false);
    expect(isSubmitChord(key({}), false)).toBe(false);
    expect(isSubmitChord(key({ ctrlKey: true, shiftKey: true }), false)).toBe(false);
  });

  it('moves from the box (-1) into the results, along them, and from the first back to the box', () => {
    expect(resultStep('ArrowDown', -1, 3)).toBe(0);
    expect(resultStep('ArrowDown', 1, 3)).toBe(2);
    expect(resultStep('ArrowDown', 2, 3)).toBeNull();
    expect(resultStep('ArrowUp', 0, 3)).toBe(-1);
    expect(resultStep('ArrowUp', -1, 3)).toBeNull();
    expect(resultStep('ArrowDown', -1, 0)).toBeNull();
  });
});
