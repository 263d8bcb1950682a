// The command line's own mistakes (a flag's value, a missing argument) as errors that say
// what to type instead; commands throw them, runCli prints them and exits 1.
import type { Command } from 'commander';
import { Option } from 'commander';
import type { EventEmitter } from 'node:events';

export class UsageError extends Error {
  /** Whether to add "Run marginalia --help for usage." (for mistakes in the flags themselves). */
  readonly pointToHelp: boolean;
  constructor(message: string, options: { pointToHelp?: boolean } = {}) {
    super(message);
    this.name = 'UsageError';
    this.pointToHelp = options.pointToHelp === true;
  }
}

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
  password: "the PDF's password",
  'password-file': 'a file whose first line is the password',
  'ocr-lang': 'eng, fra or eng+fra',
  'data-dir': 'a folder',
  workspace: 'a folder',
  'max-import-mb': 'a size in megabytes',
  offset: 'how many hits to skip',
  limit: 'how many hits to show',
  kind: 'what kind it is',
  reliability: 'a reliability code such as B',
  reason: 'why',
  notes: 'notes',
  credibility: 'a credibility code such as 2',
  source: 'a source id or name',
  supports: 'an annotation id',
  contradicts: 'an annotation id',
  context: 'an annotation id',
  claim: 'a claim id',
  annotation: 'an annotation id',
  relevance: 'low, medium or high',
};

export function missingValue(flag: string): UsageError {
  const what = VALUE_OF[flag.replace(/^-+/, '')];
  return new UsageError(`${flag} needs a value${what ? ` (${what})` : ''}.`, { pointToHelp: true });
}

/** "ach hypothesis": the words that name a command after `marginalia`. */
export function commandPath(command: Command): string {
  const names: string[] = [];
  for (let at: Command | null = command; at?.parent; at = at.parent) names.unshift(at.name());
  return names.join(' ');
}

/**
 * The first example in a command's help ("Examples:" added with addHelpText('after', …)),
 * read by calling the help listeners with a buffer, so an error can show it; '' when none.
 */
export function firstExample(command: Command): string {
  let text = '';
  // Commander's Command is an EventEmitter at run time; its types do not say so.
  for (const listener of (command as unknown as EventEmitter).listeners('afterHelp'))
    (listener as (context: { error: boolean; command: Command; write: (s: string) => void }) => void)({
      error: true,
      command,
      write: (chunk) => (text += chunk),
    });
  return /^\s+(marginalia .+)$/m.exec(text.split(/Examples:\n/)[1] ?? '')?.[1] ?? '';
}

/**
 * A mistake on the command line: what is wrong, then the command's usage and an example
 * (`usage: marginalia …` alone when nothing more specific is known).
 */
export function usageOf(command: Command, problem?: string): UsageError {
  const example = firstExample(command);
  return new UsageError(
    [
      ...(problem ? [problem] : []),
      `usage: marginalia ${[commandPath(command), command.usage()].filter(Boolean).join(' ')}`,
      ...(example ? [`example: ${example}`] : []),
    ].join('\n'),
  );
}

/** "ach hypothesis needs LABEL: the hypothesis." for a missing argument, with usage and example. */
export function missingArgument(command: Command, name: string): UsageError {
  const argument = command.registeredArguments.find((item) => item.name() === name);
  const what = argument?.description ? `: ${argument.description}` : '';
  return usageOf(command, `${commandPath(command)} needs ${name.toUpperCase()}${what}.`);
}

/** Too many words: usually text with spaces not in quotes. */
export function tooManyArguments(command: Command, given: number): UsageError {
  const expected = command.registeredArguments.length;
  const names = command.registeredArguments.map((item) => item.name().toUpperCase()).join(' ');
  const takes =
    expected === 0 ? 'no arguments' : `${expected === 1 ? 'one argument' : `${expected} arguments`} (${names})`;
  return usageOf(
    command,
    `${commandPath(command)} takes ${takes}, not ${given}${expected > 0 ? '; put text with spaces in quotes' : ''}.`,
  );
}

/** Reads a value the way the flag needs it; throws a UsageError when it can't. */
type ValueParser<T> = (value: string, previous: T | undefined) => T;

/**
 * A flag that takes a value. A value that looks like another flag (`--quote --tag x`) means
 * the value was forgotten, unless it was joined on with `=` (`--quote=-x`), as before.
 */
export function valueOption(
  flags: string,
  description: string,
  argv: readonly string[],
  choices?: readonly string[],
): Option {
  return parsedOption(flags, description, argv, (value: string) => value, choices);
}

/** A flag whose value is read by `parse` (a number, a list that grows as the flag repeats). */
export function parsedOption<T>(
  flags: string,
  description: string,
  argv: readonly string[],
  parse: ValueParser<T>,
  choices?: readonly string[],
): Option {
  const option = new Option(flags, description);
  // The choices show in --help and in shell completion; parse still checks, in its own words.
  if (choices) option.choices(choices);
  const flag = option.long ?? flags;
  return option.argParser<T>((value: string, previous: T) => {
    if (value.length > 1 && value.startsWith('-') && givenApart(argv, flag, value)) throw missingValue(flag);
    return parse(value, previous);
  });
}

function givenApart(argv: readonly string[], flag: string, value: string): boolean {
  return argv.some((arg, index) => arg === flag && argv[index + 1] === value);
}

/** A flag that may repeat (`--tag A --tag B`), each value read by `read` and collected in order. */
export function repeatable<T = string>(read: (value: string) => T): ValueParser<T[]> {
  return (value, previous) => [...(previous ?? []), read(value)];
}

export const asText = (value: string): string => value;

/** A whole number from min to max, for --offset, --limit, --occurrence and --port. */
export function wholeNumber(flag: string, min: number, max = Number.MAX_SAFE_INTEGER): ValueParser<number> {
  return (value) => {
    const count = Number(value);
    if (value.trim() === '' || !Number.isInteger(count) || count < min || count > max)
      throw new UsageError(`${flag} must be a whole number from ${min} to ${max}, not “${value}”.`);
    return count;
  };
}

/** One of the values a flag allows, with the list in the message when it isn't. */
export function oneOf<T extends string>(
  allowed: readonly T[],
  refusal: (value: string) => string,
): (value: string) => T {
  return (value) => {
    const known = allowed.find((candidate) => candidate === value);
    if (known === undefined) throw new UsageError(refusal(value));
    return known;
  };
}
