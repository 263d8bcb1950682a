// Turns Node's parseArgs errors into short sentences a person can act on: the flag they
// probably meant, or what value a flag needs.
import type { ParseArgsConfig } from 'node:util';
import { parseArgs } from 'node:util';

/** What each flag's value is, for "--quote needs a value (the text to annotate)". */
const VALUE_OF: Record<string, string> = {
  quote: 'the text to annotate',
  occurrence: 'which place, counting from 1',
  note: 'the note, in Markdown',
  tag: 'a tag path like Place/Sabratha',
  color: 'a highlight color',
  author: 'an author name',
  format: 'pdf',
  out: 'a file',
  'out-dir': 'a folder',
  paper: 'a4 or letter',
  name: 'your name',
  port: 'a port number',
  update: 'the document to update',
  'data-dir': 'a folder',
  workspace: 'a folder',
  'max-import-mb': 'a size in megabytes',
};

/** Edit distance (insertions, deletions, substitutions) between two short strings. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** The known flag closest to a mistyped one, if any is close enough to be what was meant. */
export function closestFlag(typed: string, known: readonly string[]): string | undefined {
  const name = typed.replace(/^-+/, '').split('=')[0]!.toLowerCase();
  let best: { flag: string; distance: number } | undefined;
  for (const flag of known) {
    const distance = editDistance(name, flag);
    if (!best || distance < best.distance) best = { flag, distance };
  }
  return best && best.distance <= Math.max(1, Math.floor(name.length / 3)) ? best.flag : undefined;
}

/** The message for an error parseArgs threw, or undefined for one it did not. */
export function describeArgumentError(error: unknown, known: readonly string[]): string | undefined {
  const { code, message } = error as { code?: string; message?: string };
  const flag = /'(-[^' ]+)/.exec(message ?? '')?.[1];
  if (flag === undefined) return undefined;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const suggestion = closestFlag(flag, known);
    return `Unknown option ${flag}.${suggestion ? ` Did you mean --${suggestion}?` : ''}`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    if (/does not take an argument/.test(message ?? '')) return `${flag} takes no value.`;
    const what = VALUE_OF[flag.replace(/^-+/, '')];
    return `${flag} needs a value${what ? ` (${what})` : ''}.`;
  }
  return undefined;
}

/** parseArgs, whose errors say in words what was wrong with the command line. */
export function parseArguments<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    const message = describeArgumentError(error, Object.keys(config.options ?? {}));
    throw message === undefined ? error : new Error(message, { cause: error });
  }
}
