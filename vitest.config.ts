import { defineConfig } from 'vitest/config';

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
    globalSetup: ['tests/support/vitest-global-setup.ts'],
    // Stylesheets are left out of tests, except the color tokens, whose contrast is tested.
    css: { include: [/app\/tokens\.css/] },
  },
});
