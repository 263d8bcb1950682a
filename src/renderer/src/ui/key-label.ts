// How a chord from the command table (`Mod+Shift+Z`) reads in a tooltip or menu: Ctrl+Shift+Z,
// or ⇧⌘Z on a Mac.

const MAC_SYMBOLS: Record<string, string> = { Mod: '⌘', Shift: '⇧', Alt: '⌥' };
const MAC_ORDER = ['Alt', 'Shift', 'Mod'];

export function keyLabel(chord: string, mac: boolean): string {
  const parts = chord.split(/\+(?!$)/);
  const key = parts.pop() ?? '';
  const shown = key.length === 1 ? key.toUpperCase() : key;
  if (mac) {
    const modifiers = MAC_ORDER.filter((modifier) => parts.includes(modifier)).map((modifier) => MAC_SYMBOLS[modifier]);
    return [...modifiers, shown].join('');
  }
  return [...parts.map((part) => (part === 'Mod' ? 'Ctrl' : part)), shown].join('+');
}

/** Whether this runs on a Mac, where Mod is Cmd. */
export function isMac(): boolean {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent);
}
