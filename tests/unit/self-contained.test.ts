// The tests and benchmarks read only files inside the repository, so a fresh clone passes alone.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ROOT } from '../support/temp';

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory())
      return name === 'fixtures' || name === 'results' || name === '.cache' ? [] : sourceFiles(path);
    return /\.(ts|mjs|js)$/.test(name) ? [path] : [];
  });
}

describe('the test suite', () => {
  it('reads no file from beside the clone: no sample folder from outside, no path climbing out of the repository', () => {
    const offenders: string[] = [];
    for (const file of [
      ...sourceFiles(join(APP_ROOT, 'tests')),
      ...sourceFiles(join(APP_ROOT, 'bench')),
      join(APP_ROOT, '.ci/run'),
    ]) {
      const text = readFileSync(file, 'utf8');
      const depth = relative(APP_ROOT, file).split('/').length - 1;
      // A path with more '..' steps than the file is deep leaves the repository.
      const climbing = new RegExp(`(['"\`])(\\.\\./){${depth + 1},}`);
      if (/shared\/samples/.test(text) || climbing.test(text)) offenders.push(relative(APP_ROOT, file));
    }
    expect(offenders).toEqual([]);
  });
});
