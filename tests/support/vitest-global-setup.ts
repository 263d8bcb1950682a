// Before the unit and integration tests: the format readers' worker bundled once from the
// current sources, as the CLI's build bundles it, and named to the core (READER_WORKER_ENV).
// Run from source, every worker compiled the core through tsx first, about 3 s a file read.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { NODE_BUNDLE_OPTIONS } from '../../scripts/node-bundle.mjs';
import { READER_WORKER_ENV } from '../../src/core/import/reader-worker-host';
import { APP_ROOT } from './temp';

export default async function setup(): Promise<() => void> {
  const outdir = join(APP_ROOT, 'out', 'test-support', `reader-worker-${process.pid}`);
  await build({
    entryPoints: { 'reader-worker': join(APP_ROOT, 'src', 'core', 'import', 'reader-worker.ts') },
    outdir,
    outExtension: { '.js': '.mjs' },
    splitting: true,
    ...NODE_BUNDLE_OPTIONS,
    logLevel: 'warning',
  });
  // The test processes start after this and inherit the environment.
  process.env[READER_WORKER_ENV] = join(outdir, 'reader-worker.mjs');
  return () => rmSync(outdir, { recursive: true, force: true });
}
