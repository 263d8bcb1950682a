// better-sqlite3 is a native addon built for Node by npm install. Electron has another
// ABI, so the desktop app loads a separate copy built for Electron (by
// scripts/prepare-electron-native.mjs on the first `npm start`) and passes its path as
// better-sqlite3's nativeBinding option. The Node build in node_modules is never touched,
// so tests and the CLI keep working whichever ran first.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const NATIVE_CACHE_DIR = '.native';

export function electronBindingDir(appRoot: string, abi: string, platform: string, arch: string): string {
  return join(appRoot, NATIVE_CACHE_DIR, `electron-abi${abi}-${platform}-${arch}`);
}

export function electronBindingPath(appRoot: string, abi: string, platform: string, arch: string): string {
  return join(electronBindingDir(appRoot, abi, platform, arch), 'better_sqlite3.node');
}

/** The Electron build of the addon when it exists; undefined tells the caller to explain. */
export function findElectronBinding(
  appRoot: string,
  versions: { modules: string },
  platform: string = process.platform,
  arch: string = process.arch,
): string | undefined {
  const path = electronBindingPath(appRoot, versions.modules, platform, arch);
  return existsSync(path) ? path : undefined;
}
