// Bundles the CLI (and the browser host it starts) into out/cli/marginalia.mjs, and the
// format readers' worker beside it (out/cli/reader-worker.mjs, found next to the bundle at
// run time). Packages stay external and load from node_modules, so better-sqlite3 uses its
// Node build. Both are split: what the code loads with import() (a format's reader, PDF
// export, OCR) is a chunk of its own (out/cli/chunk-*.mjs), read only by a command that needs it.
// Chunks sit beside the entries: modules find files next to themselves (the worker entry).
import { build } from 'esbuild';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// Chunks of an earlier build would otherwise pile up beside the new ones.
const outdir = join(root, 'out/cli');
if (existsSync(outdir)) {
  for (const name of readdirSync(outdir)) if (name.startsWith('chunk-')) rmSync(join(outdir, name));
}
await build({
  entryPoints: {
    marginalia: join(root, 'src/cli/main.ts'),
    'reader-worker': join(root, 'src/core/import/reader-worker.ts'),
  },
  outdir,
  outExtension: { '.js': '.mjs' },
  chunkNames: '[name]-[hash]',
  splitting: true,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
});
