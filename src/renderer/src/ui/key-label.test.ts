import { describe, expect, it } from 'vitest';
import { keyLabel } from './key-label';

describe('key labels', () => {
  it('spells Mod as Ctrl and joins with plus signs off the Mac', () => {
    expect(keyLabel('Mod+Shift+Z', false)).toBe('Ctrl+Shift+Z');
    expect(keyLabel('Mod+=', false)).toBe('Ctrl+=');
    expect(keyLabel('Mod++', false)).toBe('Ctrl++');
  });

  it('uses the Mac symbols in the Mac order', () => {
    expect(keyLabel('Mod+Shift+Z', true)).toBe('⇧⌘Z');
    expect(keyLabel('Mod+K', true)).toBe('⌘K');
  });

  it('shows a single letter in capitals and a named key as it is', () => {
    expect(keyLabel('H', false)).toBe('H');
    expect(keyLabel('j', false)).toBe('J');
    expect(keyLabel('Delete', false)).toBe('Delete');
  });
});
