// Each feature folder of the core is entered through its index.ts: code outside the folder
// that reaches past it couples itself to internals the folder is free to rearrange.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const SOURCE_ROOT = resolve(__dirname, '../../src');
const FEATURE_FOLDERS = ['annotations', 'bundles', 'export', 'import', 'incoming', 'sync'].map((name) =>
  join(SOURCE_ROOT, 'core', name),
);

/**
 * The few second entry points a feature keeps light on purpose, named here so each is a decision:
 * import/standby starts the reader worker before a host loads the rest of the core (the CLI's main.ts).
 */
const LIGHT_ENTRIES: Record<string, readonly string[]> = { import: ['standby'] };

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

interface SourceFile {
  path: string;
  text: string;
}

function relativeImports(text: string): string[] {
  return [...text.matchAll(/from '(\.{1,2}\/[^']+)'/g)].map((match) => match[1] ?? '');
}

/** "x.ts imports core/sync/engine" for every import that reaches inside a feature folder from outside it. */
function importsPastEntryPoints(files: readonly SourceFile[]): string[] {
  const found: string[] = [];
  for (const { path: file, text } of files) {
    for (const specifier of relativeImports(text)) {
      const target = resolve(dirname(file), specifier);
      const folder = FEATURE_FOLDERS.find((feature) => target.startsWith(feature + sep));
      if (!folder || file.startsWith(folder + sep)) continue;
      const inside = relative(folder, target);
      const light = LIGHT_ENTRIES[relative(join(SOURCE_ROOT, 'core'), folder)] ?? [];
      if (inside !== 'index' && !light.includes(inside))
        found.push(`${relative(SOURCE_ROOT, file)} imports ${relative(SOURCE_ROOT, target)}`);
    }
  }
  return found;
}

describe('feature folders', () => {
  it('are entered only through their index.ts from anywhere else in src', () => {
    const files = sourceFiles(SOURCE_ROOT).map((path) => ({ path, text: readFileSync(path, 'utf8') }));
    expect(importsPastEntryPoints(files)).toEqual([]);
  });

  it('are reported when code outside reaches an internal module, and not for the folder itself or its index', () => {
    const cli = join(SOURCE_ROOT, 'cli', 'host.ts');
    const engine = join(SOURCE_ROOT, 'core', 'sync', 'engine.ts');
    const files = [
      { path: cli, text: "import { SyncEngine } from '../core/sync/engine';\nimport { x } from '../core/sync';" },
      { path: engine, text: "import { planMerge } from './merge-plan';" },
      { path: cli, text: "import { placeIncoming } from '../core/incoming/index';" },
      { path: cli, text: "import { startReaderStandby } from '../core/import/standby';" },
      { path: cli, text: "import { hostedReaders } from '../core/import/reader-worker-host';" },
    ];
    expect(importsPastEntryPoints(files)).toEqual([
      `cli${sep}host.ts imports core${sep}sync${sep}engine`,
      `cli${sep}host.ts imports core${sep}import${sep}reader-worker-host`,
    ]);
  });
});
