// Bundles the CLI (and the browser host it starts) into out/cli/marginalia.mjs, and the
// format readers' worker beside it (out/cli/reader-worker.mjs, found next to the bundle at
// run time). Most packages stay external and load from node_modules, so better-sqlite3 uses
// its Node build. The plain-JavaScript ones every command loads (Lexical, zod, commander,
// the Markdown parser) are bundled, in their production builds (see node-bundle.mjs). Both
// are split: what the code loads with import() (a format's reader, PDF export, OCR) is a file of its own (out/cli/pdf-HASH.mjs, chunk-HASH.mjs), read only by a
// command that needs it. They sit beside the entries, since modules find files next to
// themselves (the worker entry).
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NODE_BUNDLE_OPTIONS } from './node-bundle.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// The folder holds only this build's output: chunks of an earlier build would pile up beside the new ones.
const outdir = join(root, 'out/cli');
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: {
    marginalia: join(root, 'src/cli/main.ts'),
    'reader-worker': join(root, 'src/core/import/reader-worker.ts'),
  },
  outdir,
  outExtension: { '.js': '.mjs' },
  chunkNames: '[name]-[hash]',
  splitting: true,
  ...NODE_BUNDLE_OPTIONS,
  sourcemap: 'linked',
  logLevel: 'warning',
});
