// `marginalia sync` and `marginalia verify`: the library and a workspace folder of plain
// files other programs may change, synced both ways or compared.
import { Command } from 'commander';
import { resolve } from 'node:path';
import { EXIT_USER_ERROR } from '../exit-codes';
import { startSync, verifyWorkspace } from '../host';
import type { CliSession } from '../session';
import { syncNotices, syncSummary } from '../sync-report';
import { UsageError } from '../usage';

/** --workspace DIR, else the folder set in the app's Settings. */
async function workspaceOf(session: CliSession): Promise<string> {
  const dir = session.globals.workspace ?? (await session.call('getSettings', {})).workspaceDir;
  if (!dir) throw new UsageError("say which workspace folder: --workspace DIR (or set one in the app's Settings).");
  return resolve(dir);
}

async function sync(session: CliSession, watch: boolean): Promise<void> {
  const dir = await workspaceOf(session);
  const engine = await startSync(session, dir, watch);
  const status = engine.status();
  for (const line of syncNotices(status, engine.copiesFound())) session.warn(line);
  const documents = (await session.call('listDocuments', {})).length;
  session.print(syncSummary(documents, dir, engine.counters, status), {
    workspace: dir,
    ...engine.counters,
    problems: status.problems,
    conflicts: status.conflicts,
    conflictFiles: status.conflictFiles,
  });
  if (watch) {
    await engine.whenWatching();
    session.io.stdout('Watching for changes; press Ctrl+C to stop.\n');
    await new Promise<void>((stop) => {
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await engine.stop();
  }
  if (status.problems.length > 0) session.exitCode = EXIT_USER_ERROR;
}

export function syncCommand(session: CliSession): Command {
  return new Command('sync')
    .summary('two-way sync of the library with the --workspace folder')
    .description(
      'Sync the library both ways with the --workspace folder (default: the one in Settings): plain files other programs ' +
        'may change. Exits 1 when a file has a problem and was left as it is.',
    )
    .usage('[--workspace DIR] [--watch]')
    .option('--watch', 'keep syncing as files change, until Ctrl+C')
    .addHelpText(
      'after',
      '\nExamples:\n  marginalia --workspace ~/Documents/Marginalia sync\n  marginalia sync --watch',
    )
    .action((flags: { watch?: boolean }) => sync(session, flags.watch === true));
}

export function verifyCommand(session: CliSession): Command {
  return new Command('verify')
    .summary('list every difference between the library and the --workspace folder')
    .description(
      'List every difference between the library and the --workspace folder (default: the one in Settings); exits 0 only ' +
        'when there is none. Changes neither.',
    )
    .usage('[--workspace DIR]')
    .addHelpText('after', '\nExamples:\n  marginalia --workspace ~/Documents/Marginalia verify')
    .action(async () => {
      const dir = await workspaceOf(session);
      const differences = await verifyWorkspace(session, dir);
      session.print(differences.length === 0 ? `The library and ${dir} agree.\n` : `${differences.join('\n')}\n`, {
        workspace: dir,
        differences,
      });
      if (differences.length > 0) session.exitCode = EXIT_USER_ERROR;
    });
}
