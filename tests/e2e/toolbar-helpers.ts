// Reaching what sits behind the toolbar's menus and its Aa popover, as a person does: open
// the menu or popover, then choose.
import type { Locator, Page } from '@playwright/test';

export type ToolbarMenu = 'Share' | 'Settings';

/** Opens a toolbar menu and chooses an item (Export PDF…, Share notes…, Import notes…, Settings…). */
export async function chooseFromMenu(page: Page, menu: ToolbarMenu, item: string): Promise<void> {
  await page.getByRole('banner').getByRole('button', { name: menu, exact: true }).click();
  await page.getByRole('menu', { name: menu }).getByRole('menuitem', { name: item }).click();
}

/** Opens the Aa popover (if it is not open) and gives its panel. */
export async function openReadingView(page: Page): Promise<Locator> {
  const button = page.getByRole('banner').getByRole('button', { name: 'Aa' });
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  return page.getByRole('dialog', { name: 'Aa Reading view' });
}

/** Closes the Aa popover with Esc, as a person does once they have chosen. */
export async function closeReadingView(page: Page): Promise<void> {
  await page.getByRole('dialog', { name: 'Aa Reading view' }).press('Escape');
}

/** Chooses a theme in the Aa popover and closes it again. */
export async function chooseTheme(page: Page, theme: 'System' | 'Light' | 'Dark'): Promise<void> {
  const view = await openReadingView(page);
  await view.getByRole('radio', { name: theme }).check();
  await closeReadingView(page);
}
