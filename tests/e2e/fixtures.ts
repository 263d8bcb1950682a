// Each test gets its own library folder and browser host, started as `marginalia serve`
// would start it: first-run sample, external-change watching, the built renderer.
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { test as base, expect } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
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

interface SharedContext {
  context: BrowserContext;
  /** A page left open on 127.0.0.1, so each test's page joins its renderer process. */
  keeper: Page;
}

/**
 * A context whose renderer process outlives each test's page. Starting a renderer costs Chromium
 * here about two seconds of CPU, as much as loading the app: with a page of the same site kept
 * open, a new page on another 127.0.0.1 port joins its process instead.
 */
async function openSharedContext(browser: Browser): Promise<SharedContext> {
  const server = createServer((_request, response) => response.end('<!doctype html><title>keeper</title>'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const context = await browser.newContext();
  const keeper = await context.newPage();
  await keeper.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  server.close();
  return { context, keeper };
}

export const test = base.extend<{ app: RunningApp; firstRun: boolean }, { shared: SharedContext }>({
  shared: [
    async ({ browser }, use) => {
      const shared = await openSharedContext(browser);
      await use(shared);
      await shared.context.close();
    },
    { scope: 'worker' },
  ],
  /**
   * A new page for each test, in the worker's shared context. Each test's host has a port of its
   * own, so its storage and token cookie (named by port) are its own too. Permissions belong to a
   * context: a test that asks for some gets a context of its own.
   */
  page: async ({ shared, browser, viewport, colorScheme, permissions }, use) => {
    const own = permissions?.length ? await browser.newContext({ permissions }) : undefined;
    const page = await (own ?? shared.context).newPage();
    if (viewport) await page.setViewportSize(viewport);
    if (colorScheme) await page.emulateMedia({ colorScheme });
    await use(page);
    if (own) return own.close();
    const opened = shared.context.pages().filter((left) => left !== shared.keeper);
    await Promise.all(opened.map((left) => left.close()));
    await shared.context.clearCookies();
  },
  /** False: a returning reader whose name is already set. True: the very first start. */
  firstRun: [false, { option: true }],
  app: async ({ firstRun }, use) => {
    const temp = makeTempDir('marginalia-e2e-');
    const dataDir = join(temp.path, 'data');
    // Opened as `marginalia serve` opens it, as the CLI: the browser host says it serves it.
    const core = new MarginaliaCore({
      dataDir,
      host: 'cli',
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

/**
 * Screens are written to be looked at; under CI (a clean clone, thrown away after) no one
 * will, so they are not taken: about 176 of them at about 140 ms each (measured alone), 25 s in all.
 */
const TAKING_SCREENSHOTS = !process.env.CI;

export async function screenshot(page: Page, name: string): Promise<void> {
  if (!TAKING_SCREENSHOTS) return;
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
}

/** `name`-light and `name`-dark: a screenshot in each theme once the page has taken it, back to light after. */
export async function screenshotBothThemes(page: Page, name: string): Promise<void> {
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await screenshot(page, `${name}-${theme}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

export { expect };
