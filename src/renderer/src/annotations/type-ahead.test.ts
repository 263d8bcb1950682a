import { describe, expect, it } from 'vitest';
import { TYPE_AHEAD_LIMIT_MS, TypeAhead } from './type-ahead';

const key = (value: string, modifiers: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({
  key: value,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...modifiers,
});

describe('TypeAhead', () => {
  it('holds nothing until a field is on its way', () => {
    const typeAhead = new TypeAhead();
    expect(typeAhead.capture(key('a'))).toBe(false);
    expect(typeAhead.take()).toBe('');
  });

  it('gives the opened field what was typed, in order, once', () => {
    const typeAhead = new TypeAhead();
    typeAhead.start();
    for (const character of 'See [x](y)') expect(typeAhead.capture(key(character))).toBe(true);
    expect(typeAhead.take()).toBe('See [x](y)');
    expect(typeAhead.take()).toBe('');
    expect(typeAhead.capture(key('z'))).toBe(false);
  });

  it('lets Backspace take back the last character and leaves chords, arrows and Escape alone', () => {
    const typeAhead = new TypeAhead();
    typeAhead.start();
    typeAhead.capture(key('a'));
    typeAhead.capture(key('b'));
    expect(typeAhead.capture(key('Backspace'))).toBe(true);
    expect(typeAhead.capture(key('z', { ctrlKey: true }))).toBe(false);
    expect(typeAhead.capture(key('ArrowLeft'))).toBe(false);
    expect(typeAhead.capture(key('Escape'))).toBe(false);
    expect(typeAhead.take()).toBe('a');
  });

  it('keeps a character outside the basic plane as one', () => {
    const typeAhead = new TypeAhead();
    typeAhead.start();
    expect(typeAhead.capture(key('😀'))).toBe(true);
    expect(typeAhead.take()).toBe('😀');
  });

  it('lets go when stopped, or when the field has not opened in time', () => {
    let now = 0;
    const typeAhead = new TypeAhead(() => now);
    typeAhead.start();
    typeAhead.capture(key('a'));
    typeAhead.stop();
    expect(typeAhead.holding).toBe(false);
    typeAhead.start();
    typeAhead.capture(key('b'));
    now = TYPE_AHEAD_LIMIT_MS + 1;
    expect(typeAhead.capture(key('c'))).toBe(false);
    expect(typeAhead.take()).toBe('');
  });
});
