// Electron's own binary: whether it is installed, and fetching it once when it is not.
// The electron package (45) downloads it on first use with an installer that needs a newer
// Node than the rest of Marginalia (its package.json says which), so both are checked
// here, before anything is built or started.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The installed electron package: its folder, version and the Node its installer needs; undefined when absent. */
export function electronPackage(root) {
  const dir = join(root, 'node_modules', 'electron');
  if (!existsSync(join(dir, 'package.json'))) return undefined;
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  return { dir, version: manifest.version, nodeRange: manifest.engines?.node };
}

/** The binary's path when it is there (as electron's own index.js finds it), else undefined. */
export function electronBinaryPath(pkg) {
  const pathFile = join(pkg.dir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(pkg.dir, 'dist');
  const binary = join(distDir, relative);
  return existsSync(binary) ? binary : undefined;
}

/** The lowest Node a range like ">= 22.12.0" allows, or undefined for a range of another shape. */
export function minimumNode(range) {
  const match = /^\s*>=?\s*v?(\d+)\.(\d+)\.(\d+)\s*$/.exec(range ?? '');
  return match ? match.slice(1, 4).map(Number) : undefined;
}

/** Whether `version` (like "20.20.2") is at least `minimum` ([22, 12, 0]). */
export function atLeast(version, minimum) {
  const parts = version.replace(/^v/, '').split('.').map(Number);
  for (let index = 0; index < 3; index++) {
    if ((parts[index] ?? 0) !== minimum[index]) return (parts[index] ?? 0) > minimum[index];
  }
  return true;
}

/** Runs electron's installer; its output is shown only when `verbose`. Returns the binary's path, or undefined. */
export function installElectronBinary(pkg, { verbose }) {
  spawnSync(process.execPath, [join(pkg.dir, 'install.js')], {
    cwd: pkg.dir,
    stdio: ['ignore', verbose ? 'inherit' : 'ignore', verbose ? 'inherit' : 'ignore'],
  });
  return electronBinaryPath(pkg);
}
