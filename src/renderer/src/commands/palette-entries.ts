// What the command palette offers and in which order: every palette command and every document,
// recent choices first, narrowed and ranked by a fuzzy match on the title and the shown key.
import fuzzysort from 'fuzzysort';
import type { CommandDeclaration, CommandId } from '../../../shared/commands';
import { COMMANDS, commandTitle, hostKeys, unavailableBecause } from '../../../shared/commands';
import type { Host } from './key-labels';
import { currentHost, shortcutLabel } from './key-labels';
import type { RecentEntry } from './recent';

export interface PaletteEntry {
  /** Unique among the entries: `command:exportPdf`, `document:<id>`. */
  key: string;
  kind: 'command' | 'document';
  id: string;
  title: string;
  /** The key that runs it, as shown (commands only). */
  shortcut?: string;
  enabled: boolean;
  /** Why it cannot run, shown beside a disabled command. */
  why?: string;
  recent: boolean;
}

export interface PaletteSources {
  documents: readonly { id: string; title: string }[];
  recent: readonly RecentEntry[];
  isEnabled: (id: CommandId) => boolean;
  mac: boolean;
  table?: readonly CommandDeclaration[];
  /** The keys shown are the ones that work in this host. */
  host?: Host;
}

/** A recent choice counts this much more than its match alone: it wins a near tie, never a clearly better match. */
const RECENT_BONUS = 0.02;

/** Every entry, unranked: recent choices first (latest first), then commands in table order, then documents. */
export function paletteEntries({
  documents,
  recent,
  isEnabled,
  mac,
  table = COMMANDS,
  host = currentHost(),
}: PaletteSources): PaletteEntry[] {
  const recentRank = new Map(recent.map((entry, index) => [`${entry.kind}:${entry.id}`, index]));
  const commands = table
    .filter((command) => command.palette)
    .map((command): PaletteEntry => {
      const enabled = isEnabled(command.id as CommandId);
      const chord = hostKeys(command, host)[0];
      return {
        key: `command:${command.id}`,
        kind: 'command',
        id: command.id,
        title: commandTitle(command),
        ...(chord ? { shortcut: shortcutLabel(chord, mac) } : {}),
        enabled,
        ...(enabled ? {} : { why: unavailableBecause(command) }),
        recent: recentRank.has(`command:${command.id}`),
      };
    });
  const docs = documents.map((document): PaletteEntry => ({
    key: `document:${document.id}`,
    kind: 'document',
    id: document.id,
    title: document.title,
    enabled: true,
    recent: recentRank.has(`document:${document.id}`),
  }));
  const all = [...commands, ...docs];
  const rankOf = (entry: PaletteEntry) => recentRank.get(entry.key) ?? Number.POSITIVE_INFINITY;
  // Array.prototype.sort is stable: entries that are not recent keep their table and library order.
  return all.sort((a, b) => rankOf(a) - rankOf(b));
}

/** The entries matching what was typed, best first; all of them, in their order, when nothing is typed. */
export function rankEntries(query: string, entries: readonly PaletteEntry[]): PaletteEntry[] {
  const typed = query.trim();
  if (typed === '') return [...entries];
  const results = fuzzysort.go(typed, entries, {
    keys: ['title', (entry) => entry.shortcut ?? ''],
    threshold: 0,
    limit: 0,
  });
  const order = new Map(entries.map((entry, index) => [entry.key, index]));
  return results
    .map((result) => ({ entry: result.obj, score: result.score + (result.obj.recent ? RECENT_BONUS : 0) }))
    .sort((a, b) => b.score - a.score || order.get(a.entry.key)! - order.get(b.entry.key)!)
    .map(({ entry }) => entry);
}
