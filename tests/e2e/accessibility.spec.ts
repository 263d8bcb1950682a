// Accessibility as a test: axe's WCAG 2.2 A and AA rules on every screen in the light theme, and
// its colour rules in the dark one, with no rule disabled and no element excluded. A failure lists each
// violation's rule, the elements it found and what is wrong, so it can be fixed from the log.
import type { Locator, Page } from '@playwright/test';
import { wcagContrast } from 'culori';
import { axeOn } from './axe';
import { SAMPLE_CLAIM, gradeSample, openAnalysis, runCommand, seedAnalysis } from './evidence-setups';
import { expect, screenshot, test } from './fixtures';
import {
  SAMPLE_TITLE,
  annotateSample,
  chooseToolbarAction,
  exportWithWarning,
  hoverText,
  openReader,
  openSearchWithResults,
  previewNoteBundle,
  selectTwoAnnotations,
} from './screen-setups';
import { selectText } from './helpers';

// axe is the one part of the e2e suite that computes much; with other tests beside it, a run takes seconds.
test.describe.configure({ timeout: 60_000 });

/** WCAG 2.0, 2.1 and 2.2 at levels A and AA. */
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
/**
 * Run as well: axe's best practices, which hold the landmark rule (`region`: all content in
 * a landmark) and `aria-allowed-role`, and the one experimental WCAG rule, 2.5.3 Label in
 * Name (`label-content-name-mismatch`), which axe leaves off unless asked.
 */
const BEST_PRACTICES = 'best-practice';
const EXPERIMENTAL_WCAG_RULES = { 'label-content-name-mismatch': { enabled: true } };

interface AxeNode {
  target: unknown[];
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact?: string | null;
  help: string;
  nodes: AxeNode[];
}

/** One line per element: the rule, its summary, the element and what axe says is wrong there. */
function describeViolation(violation: AxeViolation): string[] {
  return violation.nodes.map(
    (node) =>
      `${violation.id} (${violation.impact ?? 'unrated'}): ${violation.help} — ${JSON.stringify(node.target)}: ` +
      (node.failureSummary ?? '').replace(/\s+/g, ' ').trim(),
  );
}

/** Waits for finite transitions and animations to end, so colors are measured as they settle. */
async function settled(page: Page): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((animation) => animation.playState !== 'running' || animation.effect?.getTiming().iterations === Infinity),
  );
}

/** The rules that read colours: the only ones the dark theme, which changes colours alone, can fail anew. */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

async function expectNoViolationsIn(page: Page, theme: 'light' | 'dark', screenshotName?: string): Promise<void> {
  await page.emulateMedia({ colorScheme: theme });
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
  await settled(page);
  const axe = axeOn(page);
  if (theme === 'light')
    axe
      .options({ rules: EXPERIMENTAL_WCAG_RULES, resultTypes: ['violations'] })
      .withTags([...WCAG_22_AA, BEST_PRACTICES]);
  else axe.withRules(COLOUR_RULES);
  const { violations } = await axe.analyze();
  expect(violations.flatMap(describeViolation)).toEqual([]);
  expect(await faintFields(page)).toEqual([]);
  if (screenshotName) await screenshot(page, `${screenshotName}-${theme}`);
}

/**
 * Every rule in the light theme, then the colour rules and field edges in the dark one (the
 * structure, names and roles are the same in both), and back to light for what follows.
 */
async function expectNoViolations(page: Page, screenshotName?: string): Promise<void> {
  await expectNoViolationsIn(page, 'light', screenshotName);
  await expectNoViolationsIn(page, 'dark', screenshotName);
  await page.emulateMedia({ colorScheme: 'light' });
}

/**
 * Text fields whose border, the only edge that shows where to type, is under 3:1 against
 * the background around them (WCAG 1.4.11), or whose placeholder text is under 4.5:1 on
 * the field (1.4.3): axe measures neither.
 */
async function faintFields(page: Page): Promise<string[]> {
  const fields = await page.evaluate(() => {
    const backgroundOf = (start: Element | null): string => {
      for (let element = start; element; element = element.parentElement) {
        const color = getComputedStyle(element).backgroundColor;
        if (color !== 'rgba(0, 0, 0, 0)' && color !== 'transparent') return color;
      }
      return getComputedStyle(document.documentElement).backgroundColor;
    };
    const selector =
      'input:not([type=checkbox]):not([type=radio]):not([type=file]):not([type=hidden]), textarea, select';
    return Array.from(document.querySelectorAll<HTMLElement>(selector))
      .filter((field) => field.getClientRects().length > 0 && getComputedStyle(field).borderTopStyle !== 'none')
      .map((field) => ({
        placeholder: field.getAttribute('placeholder') ? getComputedStyle(field, '::placeholder').color : null,
        fill: backgroundOf(field),
        name:
          field.getAttribute('aria-label') ||
          (field as HTMLInputElement).labels?.[0]?.textContent?.trim() ||
          field.getAttribute('placeholder') ||
          field.tagName.toLowerCase(),
        border: getComputedStyle(field).borderTopColor,
        around: backgroundOf(field.parentElement),
      }));
  });
  const faint: string[] = [];
  for (const { name, border, around, placeholder, fill } of fields) {
    const edge = wcagContrast(border, around);
    if (edge < 3) faint.push(`${name}: border ${border} on ${around} is ${edge.toFixed(2)}:1`);
    const hint = placeholder ? wcagContrast(placeholder, fill) : Infinity;
    if (hint < 4.5) faint.push(`${name}: placeholder ${placeholder} on ${fill} is ${hint.toFixed(2)}:1`);
  }
  return faint;
}

/**
 * The focused element, named as a person would find it, and whether it shows a ring: an
 * outline at least 2px wide, or a box shadow, as the app draws focus on editors. The ring may
 * be drawn by the frame around it (up to three levels out): the reader's text is taller than
 * the screen, so its ring is drawn on the reader's visible frame.
 */
async function describeFocus(page: Page): Promise<{ id: string; ringed: boolean } | null> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!(element instanceof HTMLElement) || element === document.body) return null;
    const rings = (candidate: Element) => {
      const style = getComputedStyle(candidate);
      const outlined = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
      return outlined || style.boxShadow !== 'none';
    };
    let ringed = false;
    for (let at: Element | null = element, level = 0; at && level <= 3 && !ringed; at = at.parentElement, level++)
      ringed = rings(at);
    const name = element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 40) ?? '';
    const id = `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''} “${name}”`;
    return { id, ringed };
  });
}

test.describe('in the light and the dark theme', () => {
  test('the library has no accessibility violations', async ({ page, app }) => {
    await openReader(page, app);
    await expect(page.getByRole('list', { name: 'Documents' })).toContainText(SAMPLE_TITLE);
    await expectNoViolations(page);
  });

  test('the Source panel has no accessibility violations', async ({ page, app }) => {
    await openReader(page, app);
    await page.getByRole('tab', { name: 'Source', exact: true }).click();
    await expect(page.getByRole('tabpanel', { name: 'Source' })).toContainText('SHA-256');
    await expectNoViolations(page);
  });

  test('the reader with highlights and margin notes has no accessibility violations', async ({ page, app }) => {
    annotateSample(app);
    await openReader(page, app);
    await expect(page.getByRole('article', { name: /^Note on “Islamic State militants/ })).toBeVisible();
    await expectNoViolations(page);
  });

  test('a margin card opened for editing has no accessibility violations', async ({ page, app }) => {
    annotateSample(app);
    await openReader(page, app);
    const card = page.getByRole('article', { name: /^Note on “Islamic State militants/ });
    await card.click();
    await expect(card.getByRole('group', { name: 'Color' })).toBeVisible();
    await expectNoViolations(page);
  });

  test('the selection toolbar has no accessibility violations', async ({ page, app }) => {
    await openReader(page, app);
    await selectText(page, 'beheading 11 people');
    await expect(page.getByRole('toolbar', { name: 'Annotate selection' })).toBeVisible();
    await expectNoViolations(page);
  });

  test('a highlight’s hover card has no accessibility violations', async ({ page, app }) => {
    annotateSample(app);
    await openReader(page, app);
    await hoverText(page, 'beheading 11 people');
    await expect(page.getByRole('tooltip')).toContainText('Is 11 right?');
    await expectNoViolations(page);
  });

  test('a notification after highlighting has no accessibility violations', async ({ page, app }) => {
    await openReader(page, app);
    await selectText(page, 'beheading 11 people');
    await page.keyboard.press('h');
    const notifications = page.getByRole('status', { name: 'Notifications' });
    await expect(notifications).toContainText(/Highlighted/);
    // Held under the pointer, as a person reading it holds it: left alone it fades after 6 s,
    // within the two themes' checks on a busy machine, and a half-faded message fails contrast.
    await notifications.getByText(/Highlighted/).hover();
    await expectNoViolations(page);
    await expect(notifications).toContainText(/Highlighted/);
  });

  test('the Annotations panel acting on several annotations has no accessibility violations', async ({ page, app }) => {
    annotateSample(app);
    await openReader(page, app);
    await selectTwoAnnotations(page);
    await expectNoViolations(page);
  });

  test('the Annotations panel has no accessibility violations', async ({ page, app }) => {
    annotateSample(app);
    await openReader(page, app);
    await page.getByRole('tab', { name: 'Annotations' }).click();
    await expect(page.getByRole('list', { name: 'Annotations in this document' })).toBeVisible();
    await expectNoViolations(page);
  });

  test('the Tags panel with a tag being edited has no accessibility violations', async ({ page, app }) => {
    annotateSample(app);
    await openReader(page, app);
    await page.getByRole('tab', { name: 'Tags' }).click();
    await page.getByRole('button', { name: 'Edit tag Actor/IS' }).click();
    await expect(page.getByRole('form', { name: 'Edit Actor/IS' })).toBeVisible();
    await expectNoViolations(page);
  });

  test('the Search panel with results and marks in the reader has no accessibility violations', async ({
    page,
    app,
  }) => {
    annotateSample(app);
    await openReader(page, app);
    await openSearchWithResults(page, 'Sabratha');
    await expectNoViolations(page);
  });

  test('the reader while editing its text has no accessibility violations', async ({ page, app }) => {
    await openReader(page, app);
    await chooseToolbarAction(page, 'Edit text');
    await expect(page.getByRole('region', { name: 'Editing' })).toBeVisible();
    await expectNoViolations(page);
  });

  test('the Export dialog has no accessibility violations', async ({ page, app }) => {
    annotateSample(app);
    await openReader(page, app);
    await page.getByRole('main', { name: 'Reader' }).focus();
    await page.keyboard.press('Control+Shift+E');
    await expect(page.getByRole('dialog', { name: 'Export annotated PDF' })).toBeVisible();
    await expectNoViolations(page);
  });

  test('the Share notes dialog has no accessibility violations', async ({ page, app }) => {
    annotateSample(app);
    await openReader(page, app);
    await chooseToolbarAction(page, 'Share notes…');
    await expect(page.getByRole('dialog', { name: 'Share notes' })).toBeVisible();
    await expectNoViolations(page);
  });

  test('the Import notes preview has no accessibility violations', async ({ page, app }) => {
    await openReader(page, app);
    await previewNoteBundle(page, app);
    await expectNoViolations(page);
  });

  test('the Settings dialog has no accessibility violations', async ({ page, app }) => {
    await openReader(page, app);
    await chooseToolbarAction(page, 'Settings');
    await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible();
    await expectNoViolations(page);
  });

  test.describe('on the very first start', () => {
    test.use({ firstRun: true });
    test('the welcome dialog has no accessibility violations', async ({ page, app }) => {
      await page.goto(app.url);
      await expect(page.getByRole('dialog', { name: 'Welcome to Marginalia' })).toBeVisible();
      await expectNoViolations(page);
    });
  });

  test('the confirmation before deleting a document has no accessibility violations', async ({ page, app }) => {
    await openReader(page, app);
    await page.getByRole('button', { name: `Delete ${SAMPLE_TITLE}` }).click();
    await expect(page.getByRole('dialog', { name: `Delete “${SAMPLE_TITLE}”?` })).toBeVisible();
    await expectNoViolations(page);
  });

  test('a message to read before going on has no accessibility violations', async ({ page, app }) => {
    await exportWithWarning(page, app);
    await expectNoViolations(page);
  });

  test('every control reached with Tab shows a focus ring', async ({ page, app }) => {
    annotateSample(app);
    await openReader(page, app);
    await expect(page.getByRole('article', { name: /^Note on “Islamic State militants/ })).toBeVisible();
    const reached: string[] = [];
    const unringed: string[] = [];
    for (let step = 0; step < 120; step += 1) {
      await page.keyboard.press('Tab');
      const focused = await describeFocus(page);
      if (!focused || reached.includes(focused.id)) break;
      reached.push(focused.id);
      if (!focused.ringed) unringed.push(focused.id);
    }
    expect(reached.length).toBeGreaterThan(10);
    expect(unringed).toEqual([]);
  });

  test('the command palette has no accessibility violations', async ({ page, app }) => {
    await openReader(page, app);
    await page.getByRole('main', { name: 'Reader' }).focus();
    await page.keyboard.press('Control+k');
    const palette = page.getByRole('dialog', { name: 'Command palette' });
    await expect(palette.getByRole('combobox')).toBeFocused();
    await page.keyboard.type('exp');
    await expect(palette.getByRole('listbox').getByRole('option').first()).toBeVisible();
    await expectNoViolations(page);
  });

  test('the Keyboard shortcuts dialog has no accessibility violations', async ({ page, app }) => {
    await openReader(page, app);
    await page.getByRole('main', { name: 'Reader' }).focus();
    await page.keyboard.press('Control+k');
    await page.getByRole('dialog', { name: 'Command palette' }).getByRole('combobox').fill('Keyboard shortcuts');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    await expectNoViolations(page);
  });

  test('the toolbar’s Export menu has no accessibility violations', async ({ page, app }) => {
    await openReader(page, app);
    await page.getByRole('banner').getByRole('button', { name: 'Share', exact: true }).click();
    await expect(page.getByRole('menu').getByRole('menuitem', { name: /^Export PDF/ })).toBeVisible();
    await expectNoViolations(page);
  });

  test('the toolbar’s Aa popover has no accessibility violations', async ({ page, app }) => {
    await openReader(page, app);
    await page.getByRole('banner').getByRole('button', { name: /^Aa/ }).click();
    // The popover holds the text size, font, width and theme.
    await expect(page.getByRole('button', { name: /larger text/i })).toBeVisible();
    await expectNoViolations(page);
  });

  test('the reader’s context menu has no accessibility violations', async ({ page, app }) => {
    await openReader(page, app);
    await selectText(page, 'beheading 11 people');
    await page.keyboard.press('Shift+F10');
    await expect(page.getByRole('menu').getByRole('menuitem', { name: /Highlight/ })).toBeVisible();
    await expectNoViolations(page);
  });

  test('the skip links and, at 800×600, the toolbar’s More menu have no accessibility violations', async ({
    page,
    app,
  }) => {
    await page.setViewportSize({ width: 800, height: 600 });
    await openReader(page, app);
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to text' })).toBeFocused();
    await expectNoViolations(page);
    // The skip links' row folds away once focus leaves them; the menu is opened from the keyboard.
    await page.getByRole('banner').getByRole('button', { name: 'More', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('menu', { name: 'More' }).getByRole('menuitem', { name: 'Undo' })).toBeFocused();
    await expectNoViolations(page);
  });
});

/** Checks the screen with axe and keeps its screenshots, to be looked at for clipping and overlap. */
async function checkScreen(page: Page, name: string): Promise<void> {
  await expectNoViolations(page, name);
}

/** A dialog opened from the selected card's Evidence group, checked, then closed with Escape. */
async function checkCardDialog(page: Page, button: string, dialog: string): Promise<Locator> {
  const card = page.getByRole('article', { name: /^Note on “beheading 11 people/ });
  await card.click();
  await card.getByRole('group', { name: 'Evidence' }).getByRole('button', { name: button }).click();
  const opened = page.getByRole('dialog', { name: dialog });
  await expect(opened).toBeVisible();
  return opened;
}

test.describe('the evidence screens at 1024×700 in the light and the dark theme', () => {
  test.use({ viewport: { width: 1024, height: 700 } });
  // Several screens a test, each with its axe run.
  test.describe.configure({ timeout: 180_000 });

  test('the Sources and Claims panels and a claim’s view have no accessibility violations', async ({ page, app }) => {
    await gradeSample(app);
    await openReader(page, app);
    await runCommand(page, 'show sources', 'Show Sources');
    const sources = page.getByRole('tabpanel', { name: 'Sources' });
    await expect(sources.getByRole('checkbox', { name: "Libya's Channel" })).toBeChecked();
    await checkScreen(page, 'a11y-evidence-sources');
    await runCommand(page, 'show claims', 'Show Claims');
    const claims = page.getByRole('tabpanel', { name: 'Claims' });
    const claim = claims.getByRole('button', { name: new RegExp(SAMPLE_CLAIM) });
    await expect(claim).toContainText('1 supporting');
    await checkScreen(page, 'a11y-evidence-claims');
    await claim.click();
    await expect(claims.getByRole('heading', { name: SAMPLE_CLAIM })).toBeVisible();
    await checkScreen(page, 'a11y-evidence-claim');
  });

  test('the Grade, Link, New claim, Add to claim and New source dialogs have no accessibility violations', async ({
    page,
    app,
  }) => {
    await gradeSample(app);
    await openReader(page, app);
    const grade = await checkCardDialog(page, 'Grade…', 'Grade annotation');
    await expect(grade.getByRole('radio', { name: /^2 Probably true/ })).toBeChecked();
    await checkScreen(page, 'a11y-evidence-grade');
    await page.keyboard.press('Escape');
    const link = await checkCardDialog(page, 'Link to…', 'Link annotation');
    await page.keyboard.type('hostages');
    // The only match is chosen already; clicking it takes focus from the search box, where
    // Escape would first clear the words (the browser's own way with a search field).
    const only = link.getByRole('radio', { name: /two Serbian hostages/ });
    await expect(only).toBeChecked();
    await only.click();
    await checkScreen(page, 'a11y-evidence-link');
    await page.keyboard.press('Escape');
    const claim = await checkCardDialog(page, 'Make claim…', 'New claim');
    await page.keyboard.type('Eleven people were killed');
    await checkScreen(page, 'a11y-evidence-new-claim');
    await claim.getByRole('button', { name: 'Cancel' }).click();
    const addTo = await checkCardDialog(page, 'Add to claim…', 'Add to claim');
    await addTo.getByRole('radio', { name: /Western special forces/ }).check();
    await checkScreen(page, 'a11y-evidence-add-to-claim');
    await page.keyboard.press('Escape');
    await runCommand(page, 'show sources', 'Show Sources');
    await page
      .getByRole('tabpanel', { name: 'Sources' })
      .getByRole('button', { name: 'New source for this document…' })
      .click();
    await expect(page.getByRole('dialog', { name: 'New source' })).toBeVisible();
    await checkScreen(page, 'a11y-evidence-new-source');
  });

  test('an analysis of competing hypotheses and the list of analyses have no accessibility violations', async ({
    page,
    app,
  }) => {
    const question = 'Why did the boats not come back?';
    await seedAnalysis(
      app,
      question,
      ['Storm', 'Engine failure', 'Seized at sea'],
      [
        { claim: 'Storm warnings were issued the night before', ratings: ['C', 'I', 'II'] },
        { claim: 'Wreckage washed ashore at Zuwara', ratings: ['C', 'II', 'N'] },
        { claim: 'A coast guard vessel was seen at dawn', ratings: ['N', null, 'CC'] },
      ],
    );
    await openReader(page, app);
    await openAnalysis(page, question);
    await checkScreen(page, 'a11y-ach-matrix');
    await page.getByRole('button', { name: 'All analyses' }).click();
    await expect(page.getByRole('list', { name: 'Questions' })).toContainText('Leading: Storm');
    await checkScreen(page, 'a11y-ach-list');
  });
});
