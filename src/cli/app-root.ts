// Locates the installed Marginalia package (for the built renderer, the bundled sample
// and the version), whether running from source or from the built CLI bundle.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function findAppRoot(start: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = start;
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      const { name } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string };
      if (name === 'marginalia') return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`Can't find the marginalia package above ${start}`);
    dir = parent;
  }
}

export function appVersion(appRoot: string): string {
  return (JSON.parse(readFileSync(join(appRoot, 'package.json'), 'utf8')) as { version: string }).version;
}

export function samplePath(appRoot: string): string {
  return join(appRoot, 'resources', 'samples', 'sabratha-report.txt');
}

export function rendererDir(appRoot: string): string {
  return join(appRoot, 'out', 'renderer');
}

export function fontsDir(appRoot: string): string {
  return join(appRoot, 'resources', 'fonts');
}
