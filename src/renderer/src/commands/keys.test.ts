import { describe, expect, it } from 'vitest';
import { commandForKey, isContextMenuKey } from './keys';
import { CommandRegistry } from './registry';

const press = (
  key: string,
  modifiers: Partial<{ ctrl: boolean; meta: boolean; shift: boolean; alt: boolean }> = {},
) => ({
  key,
  ctrlKey: modifiers.ctrl ?? false,
  metaKey: modifiers.meta ?? false,
  shiftKey: modifiers.shift ?? false,
  altKey: modifiers.alt ?? false,
});

describe('keys from the command table', () => {
  it('runs find in document on Ctrl+F and find in library on Ctrl+Shift+F, Cmd standing in for Ctrl', () => {
    expect(commandForKey(press('f', { ctrl: true }), false)).toBe('findInDocument');
    expect(commandForKey(press('F', { ctrl: true, shift: true }), false)).toBe('findInLibrary');
    expect(commandForKey(press('f', { meta: true }), false)).toBe('findInDocument');
  });

  it('treats Ctrl+Shift+Z and Ctrl+Y as redo and Ctrl+Z as undo', () => {
    expect(commandForKey(press('z', { ctrl: true }), false)).toBe('undo');
    expect(commandForKey(press('Z', { ctrl: true, shift: true }), false)).toBe('redo');
    expect(commandForKey(press('y', { ctrl: true }), false)).toBe('redo');
  });

  it('takes Ctrl with = or + as larger text whether or not Shift made the plus', () => {
    expect(commandForKey(press('=', { ctrl: true }), false)).toBe('zoomIn');
    expect(commandForKey(press('+', { ctrl: true, shift: true }), false)).toBe('zoomIn');
    expect(commandForKey(press('-', { ctrl: true }), false)).toBe('zoomOut');
  });

  it('gives single-letter keys to the reader only, so typing elsewhere is never a command', () => {
    expect(commandForKey(press('h'), false)).toBeUndefined();
    expect(commandForKey(press('h'), true)).toBe('highlight');
    expect(commandForKey(press('f', { ctrl: true, alt: true }), false)).toBeUndefined();
  });
});

describe('keys for the palette, the shortcuts and the reader', () => {
  it('opens the command palette on Ctrl+K or Cmd+K, and the shortcuts list on Ctrl+/', () => {
    expect(commandForKey(press('k', { ctrl: true }), false)).toBe('commandPalette');
    expect(commandForKey(press('k', { meta: true }), true)).toBe('commandPalette');
    expect(commandForKey(press('/', { ctrl: true }), false)).toBe('keyboardShortcuts');
  });

  it('opens Settings on Ctrl+, in the desktop app only: a browser keeps that chord for its own settings', () => {
    const comma = press(',', { ctrl: true });
    expect(commandForKey(comma, false, undefined, { host: 'desktop' })).toBe('openSettings');
    expect(commandForKey(comma, false, undefined, { host: 'browser' })).toBeUndefined();
  });

  it('steps through annotations with J and K and deletes with Delete or Backspace, in the reader only', () => {
    expect(commandForKey(press('j'), true)).toBe('nextAnnotation');
    expect(commandForKey(press('k'), true)).toBe('previousAnnotation');
    expect(commandForKey(press('Delete'), true)).toBe('deleteAnnotation');
    expect(commandForKey(press('Backspace'), true)).toBe('deleteAnnotation');
    expect(commandForKey(press('j'), false)).toBeUndefined();
    expect(commandForKey(press('Delete'), false)).toBeUndefined();
    expect(commandForKey(press('Delete', { shift: true }), true)).toBeUndefined();
  });

  it('lets J and K, and no other single key, work from outside the reader when focus is not in a field', () => {
    const outside = { outsideFields: true } as const;
    expect(commandForKey(press('j'), false, undefined, outside)).toBe('nextAnnotation');
    expect(commandForKey(press('k'), false, undefined, outside)).toBe('previousAnnotation');
    for (const key of ['h', 't', 'n', 's', 'p', 'Delete']) {
      expect(commandForKey(press(key), false, undefined, outside)).toBeUndefined();
    }
  });

  it('selects the sentence with S and the paragraph with P in the reader', () => {
    expect(commandForKey(press('s'), true)).toBe('selectSentence');
    expect(commandForKey(press('p'), true)).toBe('selectParagraph');
    expect(commandForKey(press('s', { ctrl: true }), true)).toBeUndefined();
  });

  it('takes Shift+F10 and the context-menu key as asking for the context menu, and nothing else', () => {
    expect(isContextMenuKey(press('F10', { shift: true }))).toBe(true);
    expect(isContextMenuKey(press('ContextMenu'))).toBe(true);
    expect(isContextMenuKey(press('F10'))).toBe(false);
    expect(isContextMenuKey(press('F10', { shift: true, ctrl: true }))).toBe(false);
    expect(isContextMenuKey(press('m', { shift: true }))).toBe(false);
  });
});

describe('the command registry', () => {
  it('runs the latest registration and refuses a disabled or unregistered command', () => {
    const registry = new CommandRegistry();
    const ran: string[] = [];
    expect(registry.run('import')).toBe(false);
    const stop = registry.register('import', () => ran.push('first'));
    registry.register('exportPdf', () => ran.push('export'), false);
    expect(registry.run('import')).toBe(true);
    expect(registry.run('exportPdf')).toBe(false);
    expect(registry.isEnabled('exportPdf')).toBe(false);
    stop();
    expect(registry.run('import')).toBe(false);
    expect(ran).toEqual(['first']);
  });

  it('keeps a newer registration when an older one is cleaned up', () => {
    const registry = new CommandRegistry();
    const ran: string[] = [];
    const stopOld = registry.register('undo', () => ran.push('old'));
    registry.register('undo', () => ran.push('new'));
    stopOld();
    registry.run('undo');
    expect(ran).toEqual(['new']);
  });

  it('runs a command once it becomes enabled, or gives up after a while', async () => {
    const registry = new CommandRegistry();
    const ran: string[] = [];
    const pending = registry.runWhenEnabled('highlight', 1000);
    registry.register('highlight', () => ran.push('highlight'), false);
    registry.register('highlight', () => ran.push('highlight'), true);
    expect(await pending).toBe(true);
    expect(ran).toEqual(['highlight']);
    expect(await registry.runWhenEnabled('tag', 5)).toBe(false);
    expect(await registry.runWhenEnabled('highlight', 5)).toBe(true);
    expect(ran).toEqual(['highlight', 'highlight']);
  });
});
