import { describe, expect, it } from 'vitest';
import type { CommandId } from '../../../shared/commands';
import { paletteEntries, rankEntries } from './palette-entries';
import type { RecentEntry } from './recent';

const documents = [
  { id: 'd1', title: 'Field report from the coast' },
  { id: 'd2', title: 'Quarterly budget notes' },
];

function entries(recent: readonly RecentEntry[] = [], enabled: (id: CommandId) => boolean = () => true) {
  return paletteEntries({ documents, recent, isEnabled: enabled, mac: false });
}

describe('the command palette entries', () => {
  it('offers every palette command and every document, commands first, but never itself', () => {
    const all = entries();
    expect(all.find((entry) => entry.id === 'commandPalette')).toBeUndefined();
    expect(all[0]).toMatchObject({ kind: 'command', id: 'import', title: 'Import…', shortcut: 'Ctrl+O' });
    expect(all.slice(-2).map((entry) => entry.title)).toEqual(documents.map((document) => document.title));
    expect(all.find((entry) => entry.id === 'themeDark')?.title).toBe('Theme: Dark');
  });

  it('shows each command with the key that works in this host: none for Settings in a browser, which keeps Ctrl+,', () => {
    const settings = (host: 'desktop' | 'browser') =>
      paletteEntries({ documents, recent: [], isEnabled: () => true, mac: false, host }).find(
        (entry) => entry.id === 'openSettings',
      );
    expect(settings('desktop')?.shortcut).toBe('Ctrl+,');
    expect(settings('browser')?.shortcut).toBeUndefined();
  });

  it('offers narrower and wider reading width by the name of their submenu', () => {
    const titles = entries().map((entry) => entry.title);
    expect(titles).toEqual(expect.arrayContaining(['Reading Width: Narrower', 'Reading Width: Wider']));
  });

  it('puts recent choices first, latest first', () => {
    const all = entries([
      { kind: 'document', id: 'd2' },
      { kind: 'command', id: 'themeDark' },
    ]);
    expect(all.slice(0, 3).map((entry) => entry.key)).toEqual(['document:d2', 'command:themeDark', 'command:import']);
    expect(all[0]!.recent).toBe(true);
    expect(all[2]!.recent).toBe(false);
  });

  it('says why a command cannot run', () => {
    const all = entries([], (id) => id !== 'highlight');
    expect(all.find((entry) => entry.id === 'highlight')).toMatchObject({
      enabled: false,
      why: 'Select text in the reader first',
    });
    expect(all.find((entry) => entry.id === 'import')?.why).toBeUndefined();
  });
});

describe('fuzzy matching in the palette', () => {
  it('finds a command from a few letters of its words, best match first', () => {
    const titles = rankEntries('exp pdf', entries()).map((entry) => entry.title);
    expect(titles[0]).toBe('Export: Annotated PDF…');
    expect(rankEntries('dark', entries())[0]!.title).toBe('Theme: Dark');
  });

  it('finds a command by its shown key', () => {
    expect(rankEntries('ctrl+shift+e', entries())[0]!.id).toBe('exportPdf');
  });

  it('finds documents by title among the commands', () => {
    expect(rankEntries('budget', entries())[0]).toMatchObject({ kind: 'document', id: 'd2' });
  });

  it('shows nothing for letters nothing has, and everything in order for an empty query', () => {
    expect(rankEntries('zzqx', entries())).toEqual([]);
    expect(rankEntries('  ', entries())).toEqual(entries());
  });

  it('lifts a recent choice above an equally good match, never above a clearly better one', () => {
    const plain = rankEntries('show', entries()).map((entry) => entry.id);
    const withRecent = rankEntries('show', entries([{ kind: 'command', id: plain[1]! }])).map((entry) => entry.id);
    expect(withRecent[0]).toBe(plain[1]);
    const sansRecent = entries([{ kind: 'command', id: 'fontSans' }]);
    expect(rankEntries('font serif', sansRecent)[0]!.id).toBe('fontSerif');
  });
});
