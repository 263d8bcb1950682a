// Bundles the CLI (and the browser host it starts) into out/cli/marginalia.mjs, and the
// format readers' worker beside it (out/cli/reader-worker.mjs, found next to the bundle at
// run time). Most packages stay external and load from node_modules, so better-sqlite3 uses
// its Node build. The plain-JavaScript ones every command loads (Lexical, zod, commander,
// the Markdown parser) are bundled, in their production builds: Node's loader took about
// half a second at every start resolving their hundreds of files one by one, and Lexical's
// package entry loads its 1 MB development build beside its production one. Both are split: what the code loads with import() (a format's reader, PDF
// export, OCR) is a file of its own (out/cli/pdf-HASH.mjs, chunk-HASH.mjs), read only by a
// command that needs it. They sit beside the entries, since modules find files next to
// themselves (the worker entry).
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Pure JavaScript, no native parts, no files read beside themselves: safe to bundle. */
const BUNDLED = [/^lexical$/, /^@lexical\//, /^zod(\/|$)/, /^commander$/, /^micromark/, /^mdast-util-/, /^unist-util-/];
BUNDLED.push(/^decode-named-character-reference$/, /^character-entities$/, /^@preact\/signals-core$/);

/** Every other package stays external, as `packages: 'external'` would leave it. */
const externalPackages = {
  name: 'external-packages',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, ({ path }) =>
      BUNDLED.some((pattern) => pattern.test(path)) ? undefined : { external: true },
    );
  },
};

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
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  plugins: [externalPackages],
  // Lexical's production build (its package's `production` export), as the renderer's build uses.
  conditions: ['production'],
  // commander is CommonJS: bundled into an ES module, its require() of Node's modules needs a require.
  banner: {
    js: "import { createRequire as bundleRequire } from 'node:module'; const require = bundleRequire(import.meta.url);",
  },
  sourcemap: 'linked',
  logLevel: 'warning',
});
