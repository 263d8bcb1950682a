// The side panel as a person at the keyboard uses it: ARIA tabs with one stop in the Tab order,
// arrow keys, Home and End between tabs, and each panel named by its tab.
import { expect, screenshot, test } from './fixtures';

const TABS = ['Library', 'Annotations', 'Tags', 'Search', 'Source', 'Sources', 'Claims'];
const LAST = TABS[TABS.length - 1]!;

test('the side panels are tabs: arrows, Home and End move between them, and each panel is named by its tab', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  const tablist = page.getByRole('tablist', { name: 'Panels' });
  await expect(tablist.getByRole('tab')).toHaveText(TABS);
  const tab = (name: string) => tablist.getByRole('tab', { name, exact: true });
  await expect(tab('Library')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel', { name: 'Library' })).toBeVisible();

  await tab('Library').focus();
  await page.keyboard.press('ArrowRight');
  await expect(tab('Annotations')).toBeFocused();
  await expect(tab('Annotations')).toHaveAttribute('aria-selected', 'true');
  await expect(tab('Library')).toHaveAttribute('aria-selected', 'false');
  await expect(page.getByRole('tabpanel', { name: 'Annotations' })).toBeVisible();
  await expect(
    page.getByRole('tabpanel', { name: 'Annotations' }).getByRole('heading', { name: 'Annotations' }),
  ).toBeVisible();

  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(tab('Search')).toBeFocused();
  await expect(page.getByRole('tabpanel', { name: 'Search' }).getByRole('searchbox', { name: 'Search' })).toBeVisible();
  await screenshot(page, 'panels-search-tab-focused');

  // Past the last tab the arrow wraps to the first, and back.
  await page.keyboard.press('ArrowRight');
  await expect(tab('Source')).toBeFocused();
  await page.keyboard.press('End');
  await expect(tab(LAST)).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(tab('Library')).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(tab(LAST)).toBeFocused();
  await page.keyboard.press('Home');
  await expect(tab('Library')).toBeFocused();
  await expect(page.getByRole('tabpanel', { name: 'Library' })).toBeVisible();
  await page.keyboard.press('End');
  await expect(tab(LAST)).toBeFocused();
  for (let step = TABS.indexOf(LAST); step > TABS.indexOf('Tags'); step -= 1) await page.keyboard.press('ArrowLeft');
  await expect(tab('Tags')).toBeFocused();
  await expect(page.getByRole('tabpanel', { name: 'Tags' }).getByRole('heading', { name: 'Tags' })).toBeVisible();
});

test('the tabs are one stop in the Tab order: Tab leaves the selected tab for its panel, Shift+Tab comes back', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  const tablist = page.getByRole('tablist', { name: 'Panels' });
  for (const name of TABS)
    await expect(tablist.getByRole('tab', { name, exact: true })).toHaveAttribute(
      'tabindex',
      name === 'Library' ? '0' : '-1',
    );
  await tablist.getByRole('tab', { name: 'Library', exact: true }).focus();
  await page.keyboard.press('Tab');
  await expect(
    page.getByRole('tabpanel', { name: 'Library' }).getByRole('searchbox', { name: 'Filter by title' }),
  ).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(tablist.getByRole('tab', { name: 'Library', exact: true })).toBeFocused();

  await page.keyboard.press('End');
  for (let step = TABS.indexOf(LAST); step > TABS.indexOf('Search'); step -= 1) await page.keyboard.press('ArrowLeft');
  for (const name of TABS)
    await expect(tablist.getByRole('tab', { name, exact: true })).toHaveAttribute(
      'tabindex',
      name === 'Search' ? '0' : '-1',
    );
  await page.keyboard.press('Tab');
  await expect(page.getByRole('tabpanel', { name: 'Search' }).getByRole('searchbox', { name: 'Search' })).toBeFocused();
});

for (const [width, height] of [
  [1024, 700],
  [1440, 900],
] as const) {
  test(`the seven tabs stand on one row at ${width}×${height}, light and dark, each named and reached by the keyboard`, async ({
    page,
    app,
  }) => {
    await page.setViewportSize({ width, height });
    await page.goto(app.url);
    const tablist = page.getByRole('tablist', { name: 'Panels' });
    const tabs = tablist.getByRole('tab');
    await expect(tabs).toHaveCount(TABS.length);
    for (const theme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: theme });
      const boxes = await tabs.evaluateAll((elements) => elements.map((element) => element.getBoundingClientRect()));
      const list = (await tablist.boundingBox())!;
      for (const box of boxes) {
        expect(box.top, 'every tab starts on the first row').toBeCloseTo(boxes[0]!.top, 0);
        expect(box.right, 'no tab is cut at the panel edge').toBeLessThanOrEqual(list.x + list.width + 0.5);
      }
      // Each tab shows its name as a tooltip, since only its icon is drawn.
      for (const [index, name] of TABS.entries()) await expect(tabs.nth(index)).toHaveAttribute('title', name);
      await screenshot(page, `panels-tabs-${width}x${height}-${theme}`);
    }
    await tablist.getByRole('tab', { name: 'Library', exact: true }).focus();
    for (const name of [...TABS.slice(1), TABS[0]!]) {
      await page.keyboard.press('ArrowRight');
      const tab = tablist.getByRole('tab', { name, exact: true });
      await expect(tab).toBeFocused();
      await expect(tab).toHaveAttribute('aria-selected', 'true');
      await expect(page.getByRole('tabpanel', { name, exact: true })).toBeVisible();
    }
  });
}
