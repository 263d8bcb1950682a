// Turns commander's parse errors into short sentences a person can act on: the flag they
// probably meant, which flag lacks a value, or the usage of the command they typed.
import type { Command, CommanderError } from 'commander';
import { UsageError, missingArgument, missingValue, tooManyArguments, usageOf } from './usage';

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

/** Every long option a command accepts, its own and the program's, without the dashes. */
function flagsOf(command: Command): Array<{ name: string; takesValue: boolean }> {
  const flags: Array<{ name: string; takesValue: boolean }> = [{ name: 'help', takesValue: false }];
  for (let at: Command | null = command; at; at = at.parent) {
    for (const option of at.options) {
      if (option.long) flags.push({ name: option.long.replace(/^--/, ''), takesValue: option.required });
    }
  }
  return flags;
}

function unknownOption(command: Command, typed: string): UsageError {
  const [name, value] = typed.replace(/^--/, '').split(/=(.*)/s);
  const known = flagsOf(command);
  if (value !== undefined && known.some((flag) => flag.name === name && !flag.takesValue))
    return new UsageError(`--${name} takes no value.`, { pointToHelp: true });
  const suggestion = closestFlag(typed, [...new Set(known.map((flag) => flag.name))]);
  return new UsageError(`Unknown option ${typed}.${suggestion ? ` Did you mean --${suggestion}?` : ''}`, {
    pointToHelp: true,
  });
}

/** A command name that is not one of `command`'s, with the nearest one when it is close, as for flags. */
function unknownCommand(command: Command, typed: string): UsageError {
  const suggestion = closestFlag(
    typed,
    command.commands.map((sub) => sub.name()),
  );
  return new UsageError(
    `unknown command “${typed}”.${suggestion ? ` Did you mean ${suggestion}?` : ''} Run marginalia --help.`,
  );
}

/** The first quoted word in one of commander's messages: the flag or name it is about. */
function quoted(message: string): string {
  return /'([^']+)'/.exec(message)?.[1] ?? '';
}

/**
 * What to tell the person for an error commander raised while reading `command`'s part of
 * the line, or undefined for the ones that are not errors (help and version were shown).
 */
export function describeParseError(command: Command, error: CommanderError): UsageError | undefined {
  switch (error.code) {
    case 'commander.helpDisplayed':
    case 'commander.version':
    case 'commander.help':
      return undefined;
    case 'commander.unknownOption':
      return unknownOption(command, quoted(error.message));
    case 'commander.optionMissingArgument':
      return missingValue(quoted(error.message).split(/[ ,]/)[0]!);
    case 'commander.unknownCommand':
      return unknownCommand(command, quoted(error.message));
    case 'commander.missingArgument':
      return missingArgument(command, quoted(error.message));
    case 'commander.excessArguments':
      return tooManyArguments(command, Number(/got (\d+)/.exec(error.message)?.[1] ?? 0));
    case 'commander.missingMandatoryOptionValue':
      return usageOf(command);
    default:
      return new UsageError(error.message.replace(/^error: /, ''), { pointToHelp: true });
  }
}
