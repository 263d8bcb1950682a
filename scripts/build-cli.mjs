// Bundles the CLI (and the browser host it starts) into out/cli/marginalia.mjs. Packages
// stay external and load from node_modules, so better-sqlite3 uses its Node build.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
await build({
  entryPoints: [join(root, 'src/cli/main.ts')],
  outfile: join(root, 'out/cli/marginalia.mjs'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
});
