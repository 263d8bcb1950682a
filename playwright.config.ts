import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './tests/support/browser';

const executablePath = findChromium();

export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './tests/e2e/global-setup.ts',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  // Each test has its own library, host and page, so any two can run at once: a long file no
  // longer runs alone in one worker after the others are done. Two workers for two cores: a
  // third made the axe checks and imports slower, not the suite shorter.
  fullyParallel: true,
  workers: 2,
  reporter: process.env.CI ? [['list']] : [['list']],
  outputDir: 'test-results',
  use: {
    viewport: { width: 1280, height: 800 },
    trace: 'off',
    screenshot: 'only-on-failure',
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: CHROMIUM_ARGS,
    },
  },
  projects: [
    { name: 'chromium', testIgnore: /(electron|screens)\.spec\.ts/ },
    // Screenshots of every screen at two sizes in both themes, to look at (npm run screens):
    // they assert nothing the other tests don't, so npm test leaves them out.
    { name: 'screens', testMatch: /screens\.spec\.ts/ },
    { name: 'electron', testMatch: /electron\.spec\.ts/ },
  ],
});
