// Each test gets its own library folder and browser host, started as `marginalia serve`
// would start it: first-run sample, external-change watching, the built renderer.
import type { Page } from '@playwright/test';
import { test as base, expect } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { MarginaliaCore } from '../../src/core/core';
import { startBrowserHost } from '../../src/server/browser-host';
import { BUILT_READER_WORKER } from '../support/built-worker';
import { APP_ROOT, SAMPLE_REPORT, makeTempDir } from '../support/temp';

export interface RunningApp {
  url: string;
  origin: string;
  dataDir: string;
  core: MarginaliaCore;
  /** Stops the browser host, as closing its terminal would, leaving the page open. */
  stopHost: () => Promise<void>;
}

export const SCREENSHOT_DIR = join(APP_ROOT, 'test-results', 'screens');

export const test = base.extend<{ app: RunningApp; firstRun: boolean }>({
  /** False: a returning reader whose name is already set. True: the very first start. */
  firstRun: [false, { option: true }],
  app: async ({ firstRun }, use) => {
    const temp = makeTempDir('marginalia-e2e-');
    const dataDir = join(temp.path, 'data');
    const core = new MarginaliaCore({
      dataDir,
      host: 'browser',
      version: 'e2e',
      fontsDir: join(APP_ROOT, 'resources', 'fonts'),
      readerWorkerEntry: BUILT_READER_WORKER,
    });
    core.seedSampleOnFirstRun(SAMPLE_REPORT);
    if (!firstRun) core.profile.rename('Test Reader');
    core.startWatchingExternalChanges();
    const host = await startBrowserHost({ core, rendererDir: join(APP_ROOT, 'out', 'renderer') });
    await use({ url: host.url, origin: host.origin, dataDir, core, stopHost: () => host.close() });
    await host.close();
    core.close();
    temp.remove();
  },
});

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
}

export { expect };
