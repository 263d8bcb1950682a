// How the table's chords are shown to people: Ctrl+Shift+E on Windows and Linux, ⌘⇧E on macOS.

const MAC_MODIFIERS: Record<string, string> = { Mod: '⌘', Shift: '⇧', Alt: '⌥' };
const OTHER_MODIFIERS: Record<string, string> = { Mod: 'Ctrl', Shift: 'Shift', Alt: 'Alt' };

export type Host = 'desktop' | 'browser';

/** The desktop app's preload gives the page its client; without it this is the browser host. */
export function currentHost(): Host {
  return typeof window !== 'undefined' && window.marginalia ? 'desktop' : 'browser';
}

/** Whether this is a Mac, where Mod is Cmd. */
export function isMacPlatform(platform: string = typeof navigator === 'undefined' ? '' : navigator.platform): boolean {
  return /mac|iphone|ipad/i.test(platform);
}

/** One chord as shown: `Mod+Shift+E` is “Ctrl+Shift+E” (“⌘⇧E” on a Mac); a lone letter is that letter. */
export function shortcutLabel(chord: string, mac: boolean): string {
  const parts = chord.split(/\+(?!$)/);
  const key = parts.pop() ?? '';
  const names = mac ? MAC_MODIFIERS : OTHER_MODIFIERS;
  const modifiers = parts.map((part) => names[part] ?? part);
  const shownKey = key.length === 1 ? key.toUpperCase() : key;
  return mac ? [...modifiers, shownKey].join('') : [...modifiers, shownKey].join('+');
}

/** Every chord of a command, as shown, first the one the table leads with. */
export function shortcutLabels(keys: readonly string[] | undefined, mac: boolean): string[] {
  return (keys ?? []).map((chord) => shortcutLabel(chord, mac));
}
