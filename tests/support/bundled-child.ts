// A child process for the crash tests, bundled once as the CLI is: each of the many restarts then
// starts in a fraction of a second, not through a TypeScript loader; split, so what the core
// loads only on use (canvas, fonts) is not loaded at every start.
import { join } from 'node:path';
import { build } from 'esbuild';
import { NODE_BUNDLE_OPTIONS } from '../../scripts/node-bundle.mjs';
import { APP_ROOT } from './temp';

/** Bundles tests/support/NAME.ts into its own folder under out/test-support; returns the entry's path. */
export async function bundledChild(name: string): Promise<string> {
  const outdir = join(APP_ROOT, 'out', 'test-support', name);
  await build({
    entryPoints: [join(APP_ROOT, 'tests', 'support', `${name}.ts`)],
    outdir,
    outExtension: { '.js': '.mjs' },
    splitting: true,
    ...NODE_BUNDLE_OPTIONS,
    logLevel: 'warning',
  });
  return join(outdir, `${name}.mjs`);
}
