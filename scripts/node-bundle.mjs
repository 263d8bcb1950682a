// How the core is bundled for Node (the CLI and its worker, and the crash tests' child):
// most packages stay external and load from node_modules, so better-sqlite3 uses its Node
// build. The plain-JavaScript ones every start loads (Lexical, zod, commander, the Markdown
// parser) are bundled, in their production builds: Node's loader took about half a second
// at every start resolving their hundreds of files one by one, and Lexical's package entry
// loads its 1 MB development build beside its production one.

/** Pure JavaScript, no native parts, no files read beside themselves: safe to bundle. */
const BUNDLED = [/^lexical$/, /^@lexical\//, /^zod(\/|$)/, /^commander$/, /^micromark/, /^mdast-util-/, /^unist-util-/];
BUNDLED.push(/^decode-named-character-reference$/, /^character-entities$/, /^@preact\/signals-core$/);
// mammoth (Word import) is about a hundred CommonJS files: required one by one they took the
// reader worker 250–370 ms at every Word import, bundled about 90 ms. The Word reader parses
// parts with mammoth's XML parser, @xmldom/xmldom (the same copy, bundled once).
BUNDLED.push(/^mammoth$/, /^@xmldom\/xmldom$/);

/** A package a bundled package imports is bundled with it (mammoth's underscore, jszip, xmldom…). */
const insideBundledPackage = (importer) => /[\\/]node_modules[\\/]/.test(importer);

/** Every other package stays external, as `packages: 'external'` would leave it. */
const externalPackages = {
  name: 'external-packages',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, ({ path, importer }) =>
      BUNDLED.some((pattern) => pattern.test(path)) || insideBundledPackage(importer) ? undefined : { external: true },
    );
  },
};

/** esbuild options for a Node bundle of the core, beside its entry points and output. */
export const NODE_BUNDLE_OPTIONS = {
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
};
