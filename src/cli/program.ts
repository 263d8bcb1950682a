// The marginalia command line as a commander program: the global options, and one command
// per module in ./commands, each with its own arguments, flags, help and examples.
import type { CommanderError } from 'commander';
import { Command } from 'commander';
import { describeParseError } from './argument-errors';
import { achCommand } from './commands/ach';
import { annotateCommand } from './commands/annotate';
import { annotationsCommand } from './commands/annotations';
import { bundleCommand } from './commands/bundle';
import { claimsCommand } from './commands/claims';
import { completionCommand } from './commands/completion';
import { exportCommand } from './commands/export';
import { gradeCommand, linkCommand } from './commands/grade';
import { importCommand } from './commands/import';
import { linksCommand, unlinkCommand } from './commands/links';
import { listCommand } from './commands/list';
import { profileCommand } from './commands/profile';
import { removeCommand } from './commands/remove';
import { searchCommand } from './commands/search';
import { serveCommand } from './commands/serve';
import { showCommand } from './commands/show';
import { sourcesCommand } from './commands/sources';
import { syncCommand, verifyCommand } from './commands/sync';
import { tagsCommand } from './commands/tags';
import type { CliSession, GlobalOptions } from './session';
import { MAX_IMPORT_MB } from './session';
import { UsageError, parsedOption, valueOption } from './usage';

const COMMANDS = [
  importCommand,
  listCommand,
  showCommand,
  removeCommand,
  annotateCommand,
  annotationsCommand,
  searchCommand,
  tagsCommand,
  sourcesCommand,
  gradeCommand,
  linkCommand,
  linksCommand,
  unlinkCommand,
  claimsCommand,
  achCommand,
  exportCommand,
  bundleCommand,
  syncCommand,
  verifyCommand,
  serveCommand,
  profileCommand,
  completionCommand,
];

/** Help and version ended the run; `exitCode` is what it ends with. */
export class HelpShown extends Error {
  constructor(readonly exitCode: number) {
    super('help shown');
  }
}

function importLimitOf(value: string): number {
  const megabytes = Number(value);
  if (value.trim() === '' || !Number.isFinite(megabytes) || megabytes < 1 || megabytes > MAX_IMPORT_MB)
    throw new UsageError(`--max-import-mb must be a number from 1 to ${MAX_IMPORT_MB}, not “${value}”.`);
  return megabytes;
}

/** Every command writes to this run's streams and reports parse errors in the CLI's words. */
function configure(command: Command, session: CliSession): void {
  command
    .configureOutput({ writeOut: session.io.stdout, writeErr: session.io.stderr, outputError: () => undefined })
    .exitOverride((error: CommanderError) => {
      throw describeParseError(command, error) ?? new HelpShown(error.exitCode);
    })
    .helpOption('-h, --help', 'show this help')
    .showSuggestionAfterError(false)
    .helpCommand(false)
    .configureHelp({ showGlobalOptions: true });
  for (const sub of command.commands) configure(sub, session);
}

export function buildProgram(session: CliSession): Command {
  const { argv } = session;
  const program = new Command('marginalia')
    .usage('[--data-dir DIR] [--json] COMMAND [ARGS]')
    .addOption(
      valueOption(
        '--data-dir <dir>',
        "the library folder (default: $MARGINALIA_HOME, else the desktop app's data folder)",
        argv,
      ),
    )
    .addOption(
      valueOption(
        '--workspace <dir>',
        'the folder of plain files sync and verify use (default: the one in Settings)',
        argv,
      ),
    )
    .option('--json', 'print one JSON value on stdout')
    .addOption(
      parsedOption(
        '--max-import-mb <n>',
        `import files up to N megabytes this once, up to ${MAX_IMPORT_MB} (default: the limit in Settings)`,
        argv,
        importLimitOf,
      ),
    )
    .version(session.context.version, '-v, --version', 'show the version')
    .addHelpText('before', 'marginalia: read, highlight and annotate documents, offline.\n')
    .addHelpText(
      'after',
      '\nDOC is a document id or a unique, case-insensitive prefix of its title. The global options may come before or after ' +
        "the command.\nRun marginalia COMMAND --help for a command's flags and examples.\n\n" +
        'Exit codes: 0 success, 1 usage or input error, 2 internal error.',
    )
    .hook('preAction', () => {
      session.globals = program.opts<GlobalOptions>();
    });
  for (const define of COMMANDS) program.addCommand(define(session));
  configure(program, session);
  return program;
}
