import { describe, expect, it } from 'vitest';
import type { CommandDeclaration } from './commands';
import { COMMANDS, commandById, commandTitle, hostKeys, unavailableBecause } from './commands';
import { SHARE_MENU } from './share-menu';

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

  it('gives each host the keys that work there: a browser keeps Ctrl/Cmd+, so Settings has none in the browser host', () => {
    expect(hostKeys(commandById('openSettings'), 'desktop')).toEqual(['Mod+,']);
    expect(hostKeys(commandById('openSettings'), 'browser')).toEqual([]);
    expect(hostKeys(commandById('findInDocument'), 'browser')).toEqual(['Mod+F']);
  });

  it('lets only next and previous annotation, of the single keys, work outside the reader', () => {
    const outside = table.filter((command) => command.outsideFields).map((command) => command.id);
    expect(outside).toEqual(['nextAnnotation', 'previousAnnotation']);
    for (const command of table.filter((each) => each.outsideFields)) expect(command.readerOnly).toBe(true);
  });

  it("puts the exports in the toolbar's Share menu, an analysis's CSV only while it can run", () => {
    expect(SHARE_MENU).toEqual([
      { id: 'exportPdf', label: 'Export PDF…', whileAvailable: false },
      { id: 'exportAnalysisCsv', label: 'Export analysis as CSV…', whileAvailable: true },
      { id: 'shareNotes', label: 'Share notes…', whileAvailable: false },
      { id: 'importNotes', label: 'Import notes…', whileAvailable: false },
    ]);
  });
});
