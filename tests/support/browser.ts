// Finds a Chromium to drive: CHROME_PATH, then Debian's chromium, then Playwright's own
// browser where one is installed (undefined lets Playwright look for it).
import { existsSync } from 'node:fs';

/**
 * The features Playwright 1.65 turns off in every Chromium it launches (its chromiumSwitches.ts).
 * Chromium reads only the last `--disable-features` it is given, so ours repeats them:
 * `browser-args.test.ts` fails when a Playwright upgrade adds one this list lacks.
 */
export const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];

/**
 * Chromium 156 keeps two address-bar popups loaded in a renderer of their own in every browser,
 * headless too, and that renderer drew about 15 % of a core through the e2e suite.
 */
const OMNIBOX_POPUPS = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup'];

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...OMNIBOX_POPUPS].join(',')}`,
];

/**
 * Debian's browser itself comes before its launcher script (/usr/bin/chromium), which adds
 * --enable-gpu-rasterization and loads its extensions: the e2e files ran about 10 % slower with it.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidates = [
    env.CHROME_PATH,
    '/usr/lib/chromium/chromium',
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ];
  return candidates.find((path): path is string => typeof path === 'string' && path !== '' && existsSync(path));
}
