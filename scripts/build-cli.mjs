// Bundles the CLI (and the browser host it starts) into out/cli/marginalia.mjs, and the
// format readers' worker beside it (out/cli/reader-worker.mjs, found next to the bundle at
// run time). Packages stay external and load from node_modules, so better-sqlite3 uses its
// Node build.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
};
await build({ ...common, entryPoints: [join(root, 'src/cli/main.ts')], outfile: join(root, 'out/cli/marginalia.mjs') });
await build({
  ...common,
  entryPoints: [join(root, 'src/core/import/reader-worker.ts')],
  outfile: join(root, 'out/cli/reader-worker.mjs'),
});
