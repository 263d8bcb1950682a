import { describe, expect, it } from 'vitest';
import type { CommandDeclaration } from './commands';
import { COMMANDS, commandById, commandTitle, unavailableBecause } from './commands';

const table: readonly CommandDeclaration[] = COMMANDS;

describe('the command table', () => {
  it('names every command once', () => {
    const ids = table.map((command) => command.id);
    expect(new Set(ids).size).toBe(ids.length);
    const titles = table.map(commandTitle);
    expect(new Set(titles).size).toBe(titles.length);
  });

  it('gives no two commands the same key where both could hear it', () => {
    const seen = new Map<string, string>();
    for (const command of table) {
      for (const chord of command.keys ?? []) {
        const key = `${command.readerOnly ? 'reader' : 'anywhere'}:${chord.toLowerCase()}`;
        expect(seen.get(key), `${chord} is taken`).toBeUndefined();
        seen.set(key, command.id);
      }
    }
  });

  it('keeps single keys without Ctrl or Cmd to the reader, so typing in a field is never a command', () => {
    for (const command of table) {
      for (const chord of command.keys ?? []) {
        if (!chord.startsWith('Mod+')) expect(command.readerOnly, `${command.id}: ${chord}`).toBe(true);
      }
    }
  });

  it('has the palette, the shortcuts list and the reader keys the issue asks for', () => {
    expect(commandById('commandPalette').keys).toEqual(['Mod+K']);
    expect(commandById('keyboardShortcuts').menu?.name).toBe('Help');
    expect(commandById('nextAnnotation').keys?.[0]).toBe('J');
    expect(commandById('previousAnnotation').keys?.[0]).toBe('K');
    expect(commandById('deleteAnnotation').keys?.[0]).toBe('Delete');
    for (const id of ['editText', 'openSettings', 'selectSentence', 'selectParagraph', 'showTags'] as const) {
      expect(commandById(id).palette).toBe(true);
    }
  });

  it('says a submenu item by its submenu and explains why a command cannot run', () => {
    expect(commandTitle(commandById('themeDark'))).toBe('Theme: Dark');
    expect(commandTitle(commandById('import'))).toBe('Import…');
    expect(unavailableBecause(commandById('highlight'))).toBe('Select text in the reader first');
    expect(unavailableBecause(commandById('zoomIn'))).toBe('The text is as large as it gets');
  });
});
