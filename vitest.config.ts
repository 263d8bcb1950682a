import { defineConfig } from 'vitest/config';
import { BaseSequencer } from 'vitest/node';
import type { TestSpecification } from 'vitest/node';

/**
 * The longest files (seconds on CI's two cores: sync-crash 114, bundles 75, pdf-tables-chromium
 * 28, cli 21, ocr-import 19, bundle-fuzz 14, ocr-languages 12), by name, longest first.
 */
const LONGEST = [
  'sync-crash',
  'bundles',
  'pdf-tables-chromium',
  'cli',
  'ocr-import',
  'bundle-fuzz',
  'ocr-languages',
  'ocr-furniture',
];

/**
 * Starts the longest files first. A fresh clone has no timings cached, so Vitest keeps the
 * files' order, and sync-crash, started late, kept one worker busy for about a minute after the
 * other had nothing left to run.
 */
class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification): number => {
      const found = LONGEST.findIndex((name) => file.moduleId.endsWith(`/tests/integration/${name}.test.ts`));
      return found === -1 ? LONGEST.length : found;
    };
    const sorted = await super.sort(files);
    return sorted
      .map((file, index) => ({ file, index }))
      .sort((a, b) => rank(a.file) - rank(b.file) || a.index - b.index)
      .map(({ file }) => file);
  }
}

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts', 'src/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Test files share their worker's loaded modules: each loading the core, Lexical (both its
    // builds) and zod afresh took 84 s of the run's worker time, 16 s so. The tests keep no state
    // in modules: each makes its own library in a temp folder and restores what it stubs.
    isolate: false,
    // Vitest's default is one worker fewer than the cores: one on a 2-core machine like CI's.
    maxWorkers: 2,
    sequence: { sequencer: LongestFirst },
    globalSetup: ['tests/support/vitest-global-setup.ts'],
    // Stylesheets are left out of tests, except the color tokens, whose contrast is tested.
    css: { include: [/app\/tokens\.css/] },
  },
});
