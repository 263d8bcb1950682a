// The one way the e2e tests start axe, so every check runs it the same, quicker way.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/**
 * axe on the page, in legacy mode, asking for violations alone. Legacy mode runs axe in the page
 * itself; the default opens a blank page to merge each frame's results, which took more of each
 * run than the rules did (2.7–4.7 s a run against 1–2.8 s here), and the app has no frames to
 * merge. Passing and inapplicable nodes, which axe otherwise gathers too, no test reads.
 */
export function axeOn(page: Page): AxeBuilder {
  return new AxeBuilder({ page }).setLegacyMode().options({ resultTypes: ['violations'] });
}
