// Builds the renderer for the browser host when it is missing or older than its sources.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { rendererDir } from './app-root';

/** The latest modification time of any file under `dir`. */
export function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

export function rendererIsStale(appRoot: string): boolean {
  const builtIndex = join(rendererDir(appRoot), 'index.html');
  if (!existsSync(builtIndex)) return true;
  const sources = ['src/renderer', 'src/shared'].map((dir) => join(appRoot, dir)).filter((dir) => existsSync(dir));
  // An installed package without sources ships only the build, which is then current.
  if (sources.length === 0) return false;
  const built = statSync(builtIndex).mtimeMs;
  return sources.some((dir) => newestMtime(dir) > built);
}

export function buildRendererIfNeeded(appRoot: string, log: (line: string) => void): void {
  if (!rendererIsStale(appRoot)) return;
  log('marginalia: building the app (first run or sources changed)…\n');
  const require = createRequire(join(appRoot, 'package.json'));
  const bin = join(
    require.resolve('electron-vite/package.json').replace(/package\.json$/, ''),
    'bin',
    'electron-vite.js',
  );
  const result = spawnSync(process.execPath, [bin, 'build'], { cwd: appRoot, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error(`electron-vite build failed with exit code ${result.status}`);
}
