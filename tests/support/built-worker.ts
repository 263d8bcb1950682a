// The reader worker as the app ships it (out/cli/reader-worker.mjs), for the browser-host tests:
// run from source, each worker compiled the core through tsx first, about three seconds a file.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { newestMtime } from '../../src/cli/renderer-build';
import { APP_ROOT } from './temp';

const BUILT_WORKER = join(APP_ROOT, 'out', 'cli', 'reader-worker.mjs');

export const BUILT_READER_WORKER = pathToFileURL(BUILT_WORKER);

/** Builds the CLI and its worker when the build is missing or older than the core's sources. */
export function buildWorkerIfNeeded(log: (line: string) => void): void {
  const built = existsSync(BUILT_WORKER) ? statSync(BUILT_WORKER).mtimeMs : 0;
  const sources = ['src/core', 'src/shared'].map((dir) => newestMtime(join(APP_ROOT, dir)));
  if (built > Math.max(...sources)) return;
  log('e2e: building the reader worker (missing or older than its sources)…\n');
  const result = spawnSync(process.execPath, [join(APP_ROOT, 'scripts', 'build-cli.mjs')], {
    cwd: APP_ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (result.status !== 0) throw new Error(`scripts/build-cli.mjs failed with exit code ${result.status}`);
}
