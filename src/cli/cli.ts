// The marginalia command line: the same core as the desktop app, for scripting and tests.
// Parses with the commander program (./program.ts), runs one command, and turns whatever
// went wrong into a message on stderr (with --json, a {code, message} value) and an exit
// code: 0 success, 1 the user's error, 2 an internal error.
import { ContractCallError } from '../shared/client';
import { UserFacingError } from '../shared/result';
import type { MarginaliaCore } from '../core/core';
import type { ReaderStandby } from '../core/import';
import { EXIT_INTERNAL_ERROR, EXIT_USER_ERROR, exitCodeFor } from './exit-codes';
import { HelpShown, buildProgram } from './program';
import { CliSession } from './session';
import { UsageError } from './usage';

export { EXIT_INTERNAL_ERROR, EXIT_OK, EXIT_USER_ERROR } from './exit-codes';
/** The program and a run's session, for tests that walk every command's declaration. */
export { buildProgram } from './program';
export { CliSession } from './session';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stderr is a terminal, where a progress line can be redrawn in place. */
  stderrIsTerminal?: boolean;
  env: NodeJS.ProcessEnv;
  /** Asks for a password without showing it; only where stdin is a terminal. Null: the person gave up. */
  askPassword?: (prompt: string) => Promise<string | null>;
}

export interface CliContext {
  version: string;
  /** The fonts PDF export embeds. */
  fontsDir?: string;
  /** The reader worker main.ts started before loading the rest, for this run's import. */
  readerStandby?: ReaderStandby;
  /** Starts the browser host; injected so the CLI core stays free of build concerns. */
  serve?: (options: { core: MarginaliaCore; port: number; io: CliIo }) => Promise<void>;
}

/** A failure as the run tells it: its code, its message, and the exit code it ends with. */
function failureOf(error: unknown): { code: string; message: string; exitCode: number } {
  if (error instanceof UsageError)
    return {
      code: 'USAGE',
      message: `${error.message}${error.pointToHelp ? '\nRun marginalia --help for usage.' : ''}`,
      exitCode: EXIT_USER_ERROR,
    };
  if (error instanceof ContractCallError || error instanceof UserFacingError) {
    const exitCode = exitCodeFor(error.code);
    const internal = exitCode === EXIT_INTERNAL_ERROR ? 'internal error: ' : '';
    return { code: error.code, message: `${internal}${error.message}`, exitCode };
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return { code: 'INTERNAL', message: `internal error: ${detail}`, exitCode: EXIT_INTERNAL_ERROR };
}

/**
 * What the person reads when a run fails, and the exit code it ends with. With --json the
 * failure is one JSON value on stderr, {code, message}, so a script reads it as it reads the
 * answer (stdout stays empty).
 */
function report(error: unknown, io: CliIo, json: boolean): number {
  if (error instanceof HelpShown) return error.exitCode;
  const failure = failureOf(error);
  if (json) io.stderr(`${JSON.stringify({ code: failure.code, message: failure.message }, null, 2)}\n`);
  else io.stderr(`marginalia: ${failure.message}\n`);
  return failure.exitCode;
}

export async function runCli(argv: readonly string[], io: CliIo, context: CliContext): Promise<number> {
  const session = new CliSession(io, context, argv);
  try {
    await buildProgram(session).parseAsync([...argv], { from: 'user' });
    return session.exitCode;
  } catch (error) {
    return report(error, io, session.json || argv.includes('--json'));
  } finally {
    session.close();
  }
}
