// One run of the command line: its output streams, the global options, and the library,
// opened on first use and reached through the contract's validating dispatcher, so every
// failure a command sees is a {code, message} result.
import type { MethodInput, MethodName, MethodOutput } from '../shared/contract';
import { unwrap } from '../shared/client';
import { DEFAULT_MAX_IMPORT_MB } from '../shared/model';
import type { Result } from '../shared/result';
import { settingsSchema } from '../shared/settings-schema';
import { MarginaliaCore } from '../core/core';
import { dispatch, failureFrom } from '../core/dispatch';
import { resolveDataDir } from '../core/paths';
import type { CliContext, CliIo } from './cli';
import { EXIT_OK } from './exit-codes';

/** The most Settings allows, so the CLI can't import what the app would refuse to. */
export const MAX_IMPORT_MB = settingsSchema.shape.maxImportMegabytes.maxValue ?? DEFAULT_MAX_IMPORT_MB;

/** The options every command takes, given before or after the command's name. */
export interface GlobalOptions {
  dataDir?: string;
  workspace?: string;
  json?: boolean;
  maxImportMb?: number;
}

export class CliSession {
  exitCode = EXIT_OK;
  globals: GlobalOptions = {};
  private core: MarginaliaCore | undefined;

  constructor(
    readonly io: CliIo,
    readonly context: CliContext,
    /** The command line as typed, for telling `--quote --tag` from `--quote=--tag`. */
    readonly argv: readonly string[],
  ) {}

  get json(): boolean {
    return this.globals.json === true;
  }

  /** Text for a person, or the same outcome as one JSON value with --json. */
  print(human: string, machine: unknown): void {
    this.io.stdout(this.json ? `${JSON.stringify(machine, null, 2)}\n` : human);
  }

  warn(message: string): void {
    this.io.stderr(`marginalia: ${message}\n`);
  }

  /** The library, opened once; a folder that can't be used fails as a result like any call. */
  library(): MarginaliaCore {
    if (this.core) return this.core;
    try {
      this.core = new MarginaliaCore({
        dataDir: resolveDataDir(this.globals.dataDir, this.io.env),
        host: 'cli',
        version: this.context.version,
        ...(this.context.fontsDir ? { fontsDir: this.context.fontsDir } : {}),
        ...(this.context.readerStandby ? { readerStandby: this.context.readerStandby } : {}),
        ...(this.globals.maxImportMb !== undefined ? { maxImportMegabytes: this.globals.maxImportMb } : {}),
        importLimitHint: `Raise it for one command with --max-import-mb N (up to ${MAX_IMPORT_MB}), or for good in the app's Settings.`,
      });
    } catch (error) {
      return unwrap(failureFrom('open the library', error));
    }
    return this.core;
  }

  /** A contract call as a result, for a command that handles a failure itself. */
  request<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>> {
    // The dispatcher checks the input against the method's schema; the handler's type says what it returns.
    return dispatch(this.library().handlers, method, input) as Promise<Result<MethodOutput<M>>>;
  }

  /** A contract call whose failure ends the command with the failure's message and exit code. */
  async call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
    return unwrap(await this.request(method, input));
  }

  /** Gives the library to a host that outlives the command (serve); this run won't close it. */
  handOver(): MarginaliaCore {
    const core = this.library();
    this.core = undefined;
    return core;
  }

  close(): void {
    this.core?.close();
    this.core = undefined;
  }
}
