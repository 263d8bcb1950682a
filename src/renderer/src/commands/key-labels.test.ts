import { describe, expect, it } from 'vitest';
import { isMacPlatform, shortcutLabel, shortcutLabels } from './key-labels';

describe('shortcuts as shown', () => {
  it('spells Mod as Ctrl with plus signs off the Mac', () => {
    expect(shortcutLabel('Mod+Shift+E', false)).toBe('Ctrl+Shift+E');
    expect(shortcutLabel('Mod+K', false)).toBe('Ctrl+K');
    expect(shortcutLabel('Mod++', false)).toBe('Ctrl++');
    expect(shortcutLabel('Mod+/', false)).toBe('Ctrl+/');
  });

  it('uses the Mac symbols there', () => {
    expect(shortcutLabel('Mod+Shift+E', true)).toBe('⌘⇧E');
    expect(shortcutLabel('Mod+,', true)).toBe('⌘,');
  });

  it('shows a reader key as the key alone', () => {
    expect(shortcutLabel('J', false)).toBe('J');
    expect(shortcutLabel('Delete', true)).toBe('Delete');
    expect(shortcutLabels(['Mod+Shift+Z', 'Mod+Y'], false)).toEqual(['Ctrl+Shift+Z', 'Ctrl+Y']);
    expect(shortcutLabels(undefined, false)).toEqual([]);
  });

  it('knows a Mac by its platform name', () => {
    expect(isMacPlatform('MacIntel')).toBe(true);
    expect(isMacPlatform('Linux x86_64')).toBe(false);
    expect(isMacPlatform('Win32')).toBe(false);
  });
});
