// Matching key presses against the command table's chords (`Mod+Shift+F`), the same in
// the desktop app and the browser host.
import type { CommandDeclaration, CommandId } from '../../../shared/commands';
import { COMMANDS, hostKeys } from '../../../shared/commands';
import type { Host } from './key-labels';
import { currentHost } from './key-labels';

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

interface Chord {
  mod: boolean;
  shift: boolean;
  alt: boolean;
  key: string;
}

export function parseChord(chord: string): Chord {
  const parts = chord.split(/\+(?!$)/);
  const key = parts.pop() ?? '';
  return {
    mod: parts.includes('Mod'),
    shift: parts.includes('Shift'),
    alt: parts.includes('Alt'),
    key: key.toLowerCase(),
  };
}

/** Shift changes the key itself for symbols (`+` is Shift+=), so for those only the key is compared. */
function shiftMatters(key: string): boolean {
  return /^[a-z0-9]$/.test(key) || key.length > 1;
}

export function chordMatches(chord: Chord, press: KeyPress): boolean {
  const mod = press.ctrlKey || press.metaKey;
  if (chord.mod !== mod || chord.alt !== press.altKey) return false;
  const key = press.key.toLowerCase();
  if (key !== chord.key) return false;
  return !shiftMatters(chord.key) || chord.shift === press.shiftKey;
}

export interface KeyScope {
  /** The press came from a place that is not a typing field (a button, a margin card, the page). */
  outsideFields?: boolean;
  host?: Host;
}

/**
 * The command a key press runs, if any. Reader-only keys match only when the press came from the
 * reader, or, for those that allow it (j, k), from anywhere outside a typing field.
 */
export function commandForKey(
  press: KeyPress,
  inReader: boolean,
  table: readonly CommandDeclaration[] = COMMANDS,
  { outsideFields = false, host = currentHost() }: KeyScope = {},
): CommandId | undefined {
  for (const command of table) {
    if (command.readerOnly && !inReader && !(outsideFields && command.outsideFields)) continue;
    if (hostKeys(command, host).some((chord) => chordMatches(parseChord(chord), press))) return command.id as CommandId;
  }
  return undefined;
}

/** Shift+F10 or the context-menu key: the keyboard's way to open a context menu. */
export function isContextMenuKey(press: KeyPress): boolean {
  if (press.ctrlKey || press.metaKey || press.altKey) return false;
  return press.key === 'ContextMenu' || (press.key === 'F10' && press.shiftKey);
}
