import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts', 'src/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores: one on a 2-core machine like CI's.
    maxWorkers: 2,
    globalSetup: ['tests/support/vitest-global-setup.ts'],
    // Stylesheets are left out of tests, except the color tokens, whose contrast is tested.
    css: { include: [/app\/tokens\.css/] },
  },
});
