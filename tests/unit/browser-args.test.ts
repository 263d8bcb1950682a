// The tests' Chromium switches keep every feature Playwright turns off, since ours replace its list.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, PLAYWRIGHT_DISABLED_FEATURES } from '../support/browser';

/** The feature names in Playwright's own `disabledFeatures` list, read from its installed bundle. */
function playwrightDisabledFeatures(): string[] {
  const root = dirname(createRequire(import.meta.url).resolve('playwright-core/package.json'));
  const bundle = readFileSync(join(root, 'lib', 'coreBundle.js'), 'utf8');
  const start = bundle.indexOf('disabledFeatures = [');
  const end = bundle.indexOf(']', start);
  if (start === -1 || end === -1) throw new Error('Playwright’s disabledFeatures list was not found in its bundle');
  return [...bundle.slice(start, end).matchAll(/^\s*"([A-Za-z0-9]+)",?\s*$/gm)].map((match) => match[1] ?? '');
}

describe('the Chromium the tests launch', () => {
  it('turns off every feature Playwright turns off, as its one --disable-features switch replaces Playwright’s', () => {
    const theirs = playwrightDisabledFeatures();
    expect(theirs.length).toBeGreaterThan(5);
    expect(theirs.filter((feature) => !PLAYWRIGHT_DISABLED_FEATURES.includes(feature))).toEqual([]);
  });

  it('gives a single --disable-features switch that also turns off the address-bar popups', () => {
    const switches = CHROMIUM_ARGS.filter((arg) => arg.startsWith('--disable-features='));
    expect(switches).toHaveLength(1);
    expect(switches[0]?.split('=')[1]?.split(',')).toEqual(
      expect.arrayContaining(['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup', 'PaintHolding']),
    );
  });
});
