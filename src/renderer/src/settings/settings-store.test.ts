import { describe, expect, it } from 'vitest';
import type { Settings } from '../../../shared/model';
import { DEFAULT_SETTINGS, MAX_FONT_SIZE, MIN_FONT_SIZE } from '../../../shared/model';
import type { Result } from '../../../shared/result';
import type { SettingsClient } from './settings-store';
import { SettingsStore, applySettingsToRoot } from './settings-store';

/** A core that saves what it is given, or refuses with a message. */
function fakeCore(refuse?: string) {
  const saved: Partial<Settings>[] = [];
  let stored: Settings = { ...DEFAULT_SETTINGS };
  const client: SettingsClient = {
    updateSettings: async (changes): Promise<Result<Settings>> => {
      saved.push(changes);
      if (refuse) return { ok: false, error: { code: 'INVALID_INPUT', message: refuse } };
      stored = { ...stored, ...changes };
      return { ok: true, value: stored };
    },
  };
  return { client, saved };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('SettingsStore', () => {
  it('shows a change at once and saves it through the client', async () => {
    const core = fakeCore();
    const settings = new SettingsStore(core.client);
    settings.save({ theme: 'dark' });
    expect(settings.get().theme).toBe('dark');
    await settle();
    expect(core.saved).toEqual([{ theme: 'dark' }]);
    expect(settings.get().theme).toBe('dark');
  });

  it('keeps the latest change when an earlier save is answered after it was made', async () => {
    const answers: Array<() => void> = [];
    let stored: Settings = { ...DEFAULT_SETTINGS };
    const client: SettingsClient = {
      updateSettings: (changes) => {
        stored = { ...stored, ...changes };
        const answer = { ok: true as const, value: stored };
        return new Promise((resolve) => answers.push(() => resolve(answer)));
      },
    };
    const settings = new SettingsStore(client);
    settings.save({ readingWidth: 'narrow' });
    settings.save({ readingWidth: 'wide' });
    answers[0]!();
    await settle();
    expect(settings.get().readingWidth).toBe('wide');
    answers[1]!();
    await settle();
    expect(settings.get().readingWidth).toBe('wide');
  });

  it('says when a setting could not be saved', async () => {
    const failures: string[] = [];
    const settings = new SettingsStore(fakeCore('disk full').client, (what, message) =>
      failures.push(`${what}: ${message}`),
    );
    settings.save({ fontFamily: 'sans' });
    await settle();
    expect(failures).toEqual(["Couldn't save the setting: disk full"]);
  });

  it('steps the text size within its limits and resets it to the default', () => {
    const core = fakeCore();
    const settings = new SettingsStore(core.client);
    settings.loaded({ ...DEFAULT_SETTINGS, fontSize: MAX_FONT_SIZE });
    settings.changeFontSize(1);
    expect(settings.get().fontSize).toBe(MAX_FONT_SIZE);
    expect(core.saved).toEqual([]);
    settings.changeFontSize(-1);
    expect(settings.get().fontSize).toBe(MAX_FONT_SIZE - 1);
    settings.loaded({ ...DEFAULT_SETTINGS, fontSize: MIN_FONT_SIZE });
    settings.changeFontSize(-1);
    expect(settings.get().fontSize).toBe(MIN_FONT_SIZE);
    settings.changeFontSize('reset');
    expect(settings.get().fontSize).toBe(DEFAULT_SETTINGS.fontSize);
  });

  it('keeps the workspace folder only when the core accepts it', async () => {
    const failures: string[] = [];
    const refused = new SettingsStore(fakeCore('not a folder').client, (what) => failures.push(what));
    expect(await refused.saveWorkspace('/nowhere')).toBe(false);
    expect(refused.get().workspaceDir).toBe('');
    expect(failures).toEqual(["Couldn't use that workspace folder"]);
    const accepted = new SettingsStore(fakeCore().client);
    expect(await accepted.saveWorkspace('/home/me/notes')).toBe(true);
    expect(accepted.get().workspaceDir).toBe('/home/me/notes');
  });
});

describe('applySettingsToRoot', () => {
  it('puts the theme, the text size and the font on the root', () => {
    const properties = new Map<string, string>();
    const root = {
      dataset: {} as DOMStringMap,
      style: { setProperty: (name: string, value: string) => properties.set(name, value) },
    };
    applySettingsToRoot(root, { ...DEFAULT_SETTINGS, fontSize: 22, fontFamily: 'sans' }, 'dark');
    expect(root.dataset).toEqual({ theme: 'dark', font: 'sans' });
    expect(properties.get('--reader-font-size')).toBe('22px');
  });
});
