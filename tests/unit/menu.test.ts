import { describe, expect, it, vi } from 'vitest';
import type * as Electron from 'electron';
import type { CommandDeclaration } from '../../src/shared/commands';
import { COMMANDS } from '../../src/shared/commands';
import { acceleratorFor, buildContextMenuTemplate, buildMenuTemplate } from '../../src/main/menu';

type Item = Electron.MenuItemConstructorOptions;

function flatten(items: readonly Item[]): Item[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

function menu(isMac = false) {
  const actions = { importFiles: vi.fn(), sendCommand: vi.fn(), isMac, isDev: false };
  return { actions, items: flatten(buildMenuTemplate(actions)) };
}

describe('the desktop menu, from the command table', () => {
  it('holds every command the table places in a menu, once, with its first key as accelerator', () => {
    const { items } = menu();
    for (const command of COMMANDS as readonly CommandDeclaration[]) {
      if (!command.menu) continue;
      const found = items.filter((item) => item.id === command.id);
      expect(found, command.id).toHaveLength(1);
      expect(found[0]!.label).toBe(command.label);
      const chord = command.readerOnly ? undefined : command.keys?.[0];
      expect(found[0]!.accelerator, command.id).toBe(chord ? acceleratorFor(chord) : undefined);
    }
  });

  it('relays a menu click to the UI as the command, except Import…, which opens the native dialog', () => {
    const { actions, items } = menu();
    (items.find((item) => item.id === 'commandPalette')!.click as () => void)();
    expect(actions.sendCommand).toHaveBeenCalledWith('commandPalette');
    (items.find((item) => item.id === 'import')!.click as () => void)();
    expect(actions.importFiles).toHaveBeenCalled();
    expect(actions.sendCommand).not.toHaveBeenCalledWith('import');
  });

  it('puts the theme and font choices in their own submenus and ends File with quit (close on macOS)', () => {
    const template = buildMenuTemplate({ importFiles: vi.fn(), sendCommand: vi.fn(), isMac: false, isDev: false });
    const view = template.find((item) => item.label === '&View')!.submenu as Item[];
    const theme = view.find((item) => item.label === 'Theme')!.submenu as Item[];
    expect(theme.map((item) => item.label)).toEqual(['Follow System', 'Light', 'Dark']);
    const font = view.find((item) => item.label === 'Font')!.submenu as Item[];
    expect(font.map((item) => item.label)).toEqual(['Serif', 'Sans-serif']);
    const file = template.find((item) => item.label === '&File')!.submenu as Item[];
    expect(file.at(-1)!.role).toBe('quit');
    expect(menu(true).items.some((item) => item.role === 'close')).toBe(true);
    expect(menu(true).items[0]!.role).toBe('appMenu');
  });

  it('writes Mod as CmdOrCtrl', () => {
    expect(acceleratorFor('Mod+Shift+E')).toBe('CmdOrCtrl+Shift+E');
    expect(acceleratorFor('Mod+,')).toBe('CmdOrCtrl+,');
  });
});

describe("the reader's context menu", () => {
  it("offers the table's context commands, enabled by what they need, then Copy", () => {
    const send = vi.fn();
    const withSelection = buildContextMenuTemplate(true, send);
    const contextual = (COMMANDS as readonly CommandDeclaration[]).filter((command) => command.context);
    expect(withSelection.slice(0, contextual.length).map((item) => item.label)).toEqual(
      contextual.map((command) => command.label),
    );
    expect(withSelection.find((item) => item.role === 'copy')!.enabled).toBe(true);
    const without = buildContextMenuTemplate(false, send);
    expect(without.find((item) => item.label === 'Highlight')!.enabled).toBe(false);
    expect(without.find((item) => item.label === 'Select Sentence')!.enabled).toBe(true);
    expect(without.find((item) => item.role === 'copy')!.enabled).toBe(false);
    (without.find((item) => item.label === 'Select Paragraph')!.click as () => void)();
    expect(send).toHaveBeenCalledWith('selectParagraph');
  });
});
