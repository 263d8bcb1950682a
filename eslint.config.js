// Lint rules, above all the layer rule: imports flow one way.
//   shared   imports nothing outside src/shared (and no Node, DOM host, React or Electron)
//   renderer imports only shared (never core, main, preload, cli, server, Node or Electron)
//   core     never imports electron, main, preload, renderer, cli or server
//   main     never imports renderer, cli or server
//   preload  imports only shared and electron
//   cli / server never import electron, main, preload or renderer
import prettierConfig from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const layer = (name) => [`**/${name}/**`, `../${name}/*`, `../../${name}/*`, `../../../${name}/*`];

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'net', 'url', 'util', 'stream'];

/** 400 lines a file and 120 a function (blank lines and comments not counted), 160 characters a line. */
function sizeLimits(level) {
  return {
    'max-lines': [level, { max: 400, skipBlankLines: true, skipComments: true }],
    'max-lines-per-function': [level, { max: 120, skipBlankLines: true, skipComments: true }],
    'max-len': [level, { code: 160, ignoreUrls: false }],
  };
}

function restrict(patterns, message) {
  return {
    'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
  };
}

export default tseslint.config(
  {
    // electron-vite writes its config, bundled, beside it for the length of a build (electron.vite.config.ts.<n>.mjs):
    // lint runs beside the build in npm test, and found the file gone by the time it read it (CI).
    ignores: [
      'out/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'bench/results/**',
      '.native/**',
      'electron.vite.config.ts.*.mjs',
    ],
  },
  ...tseslint.configs.recommended,
  // Prettier owns formatting; lint keeps to meaning (and the size limits below).
  prettierConfig,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // Size limits keep every function readable at once and every module about one thing.
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: sizeLimits('error'),
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The reader keeps refs in sync during render on purpose.
      'react-hooks/refs': 'off',
      'react-hooks/set-state-in-effect': 'off',
      ...restrict(
        [
          ...layer('core'),
          ...layer('main'),
          ...layer('preload'),
          ...layer('cli'),
          ...layer('server'),
          'electron',
          'better-sqlite3',
          ...nodeBuiltins,
        ],
        'The renderer knows only the contract in src/shared: add a contract method instead of importing this.',
      ),
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: restrict(
      [
        ...layer('core'),
        ...layer('main'),
        ...layer('preload'),
        ...layer('renderer'),
        ...layer('cli'),
        ...layer('server'),
        'electron',
        'react',
        'react-dom',
        'react/*',
        '@lexical/react/*',
        'better-sqlite3',
        'jsdom',
        ...nodeBuiltins,
      ],
      'src/shared is pure TypeScript that runs anywhere: it imports nothing outside itself but pure libraries.',
    ),
  },
  {
    files: ['src/core/**/*.ts'],
    rules: restrict(
      [
        ...layer('main'),
        ...layer('preload'),
        ...layer('renderer'),
        ...layer('cli'),
        ...layer('server'),
        'electron',
        'react',
        'react-dom',
      ],
      'src/core never imports Electron or a host layer: hosts depend on core, not the reverse.',
    ),
  },
  {
    files: ['src/main/**/*.ts'],
    rules: restrict(
      [...layer('renderer'), ...layer('cli'), ...layer('server'), 'react', 'react-dom'],
      'src/main is the Electron shell: it never imports the renderer or the other hosts.',
    ),
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: restrict(
      [
        ...layer('core'),
        ...layer('main'),
        ...layer('renderer'),
        ...layer('cli'),
        ...layer('server'),
        'better-sqlite3',
        ...nodeBuiltins,
      ],
      'The preload only bridges the contract: shared and electron, nothing else.',
    ),
  },
  {
    files: ['src/cli/**/*.ts', 'src/server/**/*.ts'],
    rules: restrict(
      [...layer('main'), ...layer('preload'), ...layer('renderer'), 'electron', 'react', 'react-dom'],
      'The CLI and the browser host use core directly and never Electron or the renderer.',
    ),
  },
);
