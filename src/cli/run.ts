// The marginalia command once main.ts has started what it starts first: runs the CLI with
// the real process streams and gives it the browser host for `serve`.
import type { MarginaliaCore } from '../core/core';
import type { ReaderStandby } from '../core/import';
import { startBrowserHost } from '../server/browser-host';
import { appVersion, findAppRoot, fontsDir, rendererDir, samplePath } from './app-root';
import type { CliIo } from './cli';
import { runCli } from './cli';
import { askHiddenOnTerminal } from './password-prompt';
import { buildRendererIfNeeded } from './renderer-build';

const appRoot = findAppRoot();
// `marginalia --help | head` closes the pipe early: that ends the output, not in a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}
const io: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stderrIsTerminal: process.stderr.isTTY === true,
  env: process.env,
  ...(process.stdin.isTTY
    ? {
        askPassword: (prompt: string) =>
          askHiddenOnTerminal(process.stdin, (text) => process.stderr.write(text), prompt),
      }
    : {}),
};

/** Runs the command in process.argv; its exit code. */
export function runCommandLine(readerStandby: ReaderStandby | undefined): Promise<number> {
  return runCli(process.argv.slice(2), io, {
    version: appVersion(appRoot),
    fontsDir: fontsDir(appRoot),
    ...(readerStandby ? { readerStandby } : {}),
    serve,
  });
}

/** `marginalia serve`: the browser host on this library until Ctrl+C. */
async function serve({ core, port, io: out }: { core: MarginaliaCore; port: number; io: CliIo }): Promise<void> {
  buildRendererIfNeeded(appRoot, out.stderr);
  core.seedSampleOnFirstRun(samplePath(appRoot));
  await core.applyWorkspaceSetting().catch((error: Error) => out.stderr(`marginalia: ${error.message}\n`));
  const host = await startBrowserHost({ core, rendererDir: rendererDir(appRoot), port }).catch((error: unknown) => {
    core.close(); // stops the workspace watcher too, so the process can exit with the message
    throw error;
  });
  core.startWatchingExternalChanges();
  out.stdout(`Marginalia is running at ${host.url}\nLibrary: ${core.info.dataDir}\nPress Ctrl+C to stop.\n`);
  await new Promise<void>((resolveStop) => {
    const stop = (): void => {
      void host.close().then(() => {
        core.close();
        resolveStop();
      });
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
