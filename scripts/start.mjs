// npm start: checks up front that the desktop app can run here (Electron's binary, and
// better-sqlite3 built for Electron's ABI), fetching or building what is missing once,
// then builds and starts the app with electron-vite (preview: a production build; --dev:
// hot reload). Where something can't be had it says, in two lines, what is missing and
// what works now; the tools' own output appears only with --verbose.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import {
  atLeast,
  electronBinaryPath,
  electronPackage,
  installElectronBinary,
  minimumNode,
} from './electron-binary.mjs';
import { electronNativeReady, prepareElectronNative } from './prepare-electron-native.mjs';

const root = join(import.meta.dirname, '..');
// `npm start --verbose` reaches the script only as npm's log level.
const verbose = process.argv.includes('--verbose') || process.env.npm_config_loglevel === 'verbose';
const WORKS_NOW =
  'marginalia: the browser host works now: run `npm run serve` and open the URL it prints (`npm start -- --verbose` shows the details).';

/** A line that stays on screen only while a slow step runs (on a terminal). */
function transient(text) {
  if (!process.stderr.isTTY) return () => undefined;
  process.stderr.write(`marginalia: ${text}`);
  return () => process.stderr.write('\r\x1b[K');
}

/** What keeps Electron's binary away, or undefined once it is there. */
function missingElectron() {
  const pkg = electronPackage(root);
  if (!pkg) return 'Electron is not installed (node_modules/electron is missing; run npm install)';
  if (electronBinaryPath(pkg)) return undefined;
  const done = transient(`downloading Electron ${pkg.version}, once…`);
  const binary = installElectronBinary(pkg, { verbose });
  done();
  if (binary) return undefined;
  const minimum = minimumNode(pkg.nodeRange);
  const needs =
    minimum && !atLeast(process.versions.node, minimum)
      ? `its installer needs Node ${minimum.join('.')} or later, this is Node ${process.versions.node}, and network access`
      : 'the first start needs network access';
  return `Electron ${pkg.version}'s binary is not installed and could not be downloaded (${needs})`;
}

/** What keeps better-sqlite3's Electron build away, or undefined once it is there. */
function missingNative() {
  if (electronNativeReady(root)) return undefined;
  const { version } = electronPackage(root);
  const done = transient(`building the database module for Electron ${version}, once…`);
  try {
    prepareElectronNative(root, { verbose });
    return undefined;
  } catch (error) {
    if (verbose) process.stderr.write(`marginalia: ${error.message}\n`);
    return (
      `the database module (better-sqlite3) has no build for Electron ${version}, ` +
      "and neither a prebuilt one nor Electron's headers could be downloaded (the first start needs network access)"
    );
  } finally {
    done();
  }
}

const missing = missingElectron() ?? missingNative();
if (missing !== undefined) {
  process.stderr.write(`marginalia: the desktop app can't start: ${missing}.\n${WORKS_NOW}\n`);
  process.exit(1);
}
const mode = process.argv.includes('--dev') ? 'dev' : 'preview';
const result = spawnSync(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), mode], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
