// The toolbar as a person meets it: one calm row from 1024 px up, an Aa popover for size,
// font, width and theme, menus that work from the keyboard, and tooltips on focus and hover.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { RunningApp } from './fixtures';
import { expect, screenshot, test } from './fixtures';
import { chooseFromMenu } from './toolbar-helpers';

const SAMPLE_TITLE = 'Reports of western ‘boots on the ground’ in Libya as Islamic State storms Sabratha';
const SIZES = [
  { width: 1024, height: 700 },
  { width: 1280, height: 800 },
  { width: 1440, height: 900 },
];

const toolbar = (page: Page) => page.getByRole('banner', { name: 'Marginalia' });
const reading = (page: Page) => page.getByRole('dialog', { name: 'Aa Reading view' });

/** Notes with tags beside three passages by an author with a long name, so the margin holds cards with full headers. */
function annotateSample(app: RunningApp): void {
  app.core.profile.rename('Alexandra Featherstonehaugh-Whitcombe');
  const doc = app.core.documents.list()[0]!;
  const text = app.core.documents.canonicalText(doc.id);
  const passages = [
    ['beheading 11 people', ['Claim/Casualties', 'Place/Sabratha'], 'Is 11 right? Two sources say nine.'],
    ['the main hospital', ['Claim/Casualties'], 'Two sources disagree'],
    ['Islamic State militants', ['Actor/IS'], 'Who claimed it first?'],
  ] as const;
  for (const [quote, tags, note] of passages) {
    const start = text.indexOf(quote);
    app.core.annotations.create({
      documentId: doc.id,
      start,
      end: start + quote.length,
      tags: [...tags],
      noteMarkdown: note,
    });
  }
}

/** The vertical middle of every visible control in the toolbar, after checking that none overlaps the next or the window's edge. */
async function itemMiddles(page: Page): Promise<number[]> {
  const items = toolbar(page).locator('button:visible, [data-testid="document-title"]');
  const boxes = await items.evaluateAll((elements) =>
    elements.map((element) => {
      const box = element.getBoundingClientRect();
      return { middle: box.top + box.height / 2, left: box.left, right: box.right };
    }),
  );
  expect(boxes.length).toBeGreaterThan(8);
  const byLeft = [...boxes].sort((a, b) => a.left - b.left);
  for (const [index, box] of byLeft.entries()) {
    expect(box.right).toBeLessThanOrEqual(page.viewportSize()!.width);
    if (index > 0) expect(box.left).toBeGreaterThanOrEqual(byLeft[index - 1]!.right);
  }
  return boxes.map((box) => box.middle);
}

/**
 * Cards whose header is not laid out as it should be: the dot and the name on its first line,
 * the name whole, or cut only where it is longer than that whole line, and the time whole.
 */
async function badHeaders(margin: Locator): Promise<string[]> {
  return margin.getByRole('article').evaluateAll((cards) =>
    cards.flatMap((card) => {
      const header = card.firstElementChild as HTMLElement;
      const [dot, name] = [header.children[0] as HTMLElement, header.children[1] as HTMLElement];
      const time = header.querySelector('time')!;
      const [box, dotBox, nameBox, timeBox] = [header, dot, name, time].map((element) =>
        element.getBoundingClientRect(),
      );
      const problems: string[] = [];
      if (Math.abs(dotBox!.top + dotBox!.height / 2 - (nameBox!.top + nameBox!.height / 2)) > 3)
        problems.push('dot apart');
      const cut = name.scrollWidth > name.clientWidth + 1;
      if (cut && box!.right - nameBox!.right > 4) problems.push('name cut with room left');
      if (timeBox!.right > box!.right + 0.5 || time.scrollWidth > time.clientWidth + 1) problems.push('time cut');
      return problems.map((problem) => `${name.textContent}: ${problem}`);
    }),
  );
}

for (const size of SIZES) {
  test(`the toolbar is one row at ${size.width}×${size.height}, in light and dark`, async ({ page, app }) => {
    annotateSample(app);
    await page.setViewportSize(size);
    await page.goto(app.url);
    await expect(toolbar(page).getByTestId('document-title')).toHaveText(SAMPLE_TITLE);
    await expect(page.getByRole('article', { name: 'Note on “beheading 11 people”' })).toBeVisible();
    const middles = await itemMiddles(page);
    expect(Math.max(...middles) - Math.min(...middles)).toBeLessThanOrEqual(2);
    expect((await toolbar(page).boundingBox())!.height).toBeLessThan(56);
    const margin = page.getByRole('complementary', { name: 'Margin notes' });
    expect(await badHeaders(margin)).toEqual([]);
    // A selected card's eight colour swatches sit in two full rows of four, none left alone on a row.
    await page.getByRole('article', { name: 'Note on “the main hospital”' }).click();
    const swatchRows = await margin
      .getByRole('group', { name: 'Color' })
      .getByRole('button')
      .evaluateAll((swatches) => swatches.map((swatch) => Math.round(swatch.getBoundingClientRect().top)));
    expect(swatchRows).toHaveLength(8);
    expect(new Set(swatchRows).size).toBe(2);
    expect(swatchRows.filter((top) => top === swatchRows[0])).toHaveLength(4);
    expect(await badHeaders(margin)).toEqual([]);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
      await screenshot(page, `toolbar-${size.width}x${size.height}-${scheme}`);
    }
  });
}

test('the title is cut with an ellipsis on a narrow window and shown whole in a tooltip', async ({ page, app }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.goto(app.url);
  const title = toolbar(page).getByTestId('document-title');
  await expect(title).toHaveText(SAMPLE_TITLE);
  expect(await title.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
  expect(await title.evaluate((element) => getComputedStyle(element).textOverflow)).toBe('ellipsis');
  await title.hover();
  await expect(page.getByRole('tooltip').filter({ hasText: SAMPLE_TITLE })).toBeVisible();
});

test('the Aa popover changes the text size, font, reading width and theme, and remembers them', async ({
  page,
  app,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(app.url);
  const body = page.getByLabel(`Text of ${SAMPLE_TITLE}`).locator('p').nth(1);
  await expect(body).toBeVisible();
  const style = (property: 'fontSize' | 'fontFamily') =>
    body.evaluate((element, name) => getComputedStyle(element)[name], property);
  const columnWidth = () => body.evaluate((element) => element.getBoundingClientRect().width);
  const aa = toolbar(page).getByRole('button', { name: 'Aa' });
  await aa.click();
  await expect(aa).toHaveAttribute('aria-expanded', 'true');
  const popover = reading(page);
  await expect(popover).toBeVisible();

  const size = popover.locator('output[aria-label="Text size"]');
  await expect(size).toHaveText('19px');
  await popover.getByRole('button', { name: 'Larger text' }).click();
  await expect(size).toHaveText('20px');
  await expect.poll(() => style('fontSize')).toBe('20px');
  await popover.getByRole('button', { name: 'Smaller text' }).click();
  await popover.getByRole('button', { name: 'Smaller text' }).click();
  await expect(size).toHaveText('18px');
  await expect.poll(() => style('fontSize')).toBe('18px');

  expect(await style('fontFamily')).not.toMatch(/sans-serif/);
  await popover.getByRole('radio', { name: 'Sans-serif' }).check();
  await expect.poll(() => style('fontFamily')).toMatch(/sans-serif/);

  await expect(popover.getByRole('radio', { name: 'Medium' })).toBeChecked();
  const medium = await columnWidth();
  await popover.getByRole('radio', { name: 'Narrow' }).check();
  await expect.poll(columnWidth).toBeLessThan(medium - 40);
  await popover.getByRole('radio', { name: 'Wide' }).check();
  await expect.poll(columnWidth).toBeGreaterThan(medium + 40);

  await popover.getByRole('radio', { name: 'Dark' }).check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await screenshot(page, 'toolbar-aa-popover-dark');

  // Esc closes the popover and puts focus back on its button.
  await page.keyboard.press('Escape');
  await expect(popover).toBeHidden();
  await expect(aa).toBeFocused();

  // All of it is remembered.
  await page.reload();
  await expect(body).toBeVisible();
  await expect.poll(() => style('fontSize')).toBe('18px');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect.poll(columnWidth).toBeGreaterThan(medium + 40);
  await toolbar(page).getByRole('button', { name: 'Aa' }).click();
  await expect(reading(page).getByRole('radio', { name: 'Wide' })).toBeChecked();
  await expect(reading(page).getByRole('radio', { name: 'Sans-serif' })).toBeChecked();
  await expect(reading(page).getByRole('radio', { name: 'Dark' })).toBeChecked();
});

test('the Export and Settings menus work from the keyboard alone', async ({ page, app }) => {
  await page.goto(app.url);
  await expect(toolbar(page).getByTestId('document-title')).toHaveText(SAMPLE_TITLE);
  const share = toolbar(page).getByRole('button', { name: 'Share', exact: true });
  // Its name is the word it shows (WCAG 2.5.3, label in name); the tooltip says the rest.
  await expect(share).toHaveText('Share');
  await expect(share).toHaveAccessibleDescription('Export and share');
  await expect(share).toHaveAttribute('aria-haspopup', 'menu');
  await share.focus();
  await page.keyboard.press('ArrowDown');
  await expect(share).toHaveAttribute('aria-expanded', 'true');
  const menu = page.getByRole('menu', { name: 'Share' });
  const item = (name: string) => menu.getByRole('menuitem', { name });
  await expect(item('Export PDF…')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(item('Share notes…')).toBeFocused();
  await page.keyboard.press('End');
  await expect(item('Import notes…')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(item('Export PDF…')).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(item('Import notes…')).toBeFocused();
  await page.keyboard.press('Home');
  await expect(item('Export PDF…')).toBeFocused();
  await screenshot(page, 'toolbar-export-menu');

  // Esc and Tab close the menu and give focus back to its button.
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(share).toBeFocused();
  await expect(share).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('Enter');
  await expect(item('Export PDF…')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(menu).toBeHidden();
  await expect(share).toBeFocused();

  // Enter on an item runs its command: Share notes… opens its dialog.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('s');
  await expect(item('Share notes…')).toBeFocused();
  await page.keyboard.press('Enter');
  const shareDialog = page.getByRole('dialog', { name: 'Share notes' });
  await expect(shareDialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(shareDialog).toBeHidden();

  // The Settings menu opens the settings dialog the same way.
  const settings = toolbar(page).getByRole('button', { name: 'Settings', exact: true });
  await settings.focus();
  await page.keyboard.press('Enter');
  const settingsMenu = page.getByRole('menu', { name: 'Settings' });
  await expect(settingsMenu.getByRole('menuitem', { name: 'Settings…' })).toBeFocused();
  await expect(settingsMenu.getByRole('menuitem', { name: 'Keyboard shortcuts' })).toBeVisible();
  await expect(settingsMenu.getByRole('menuitem', { name: 'Command palette' })).toContainText(/Ctrl\+K|⌘K/);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible();
});

test('icon buttons show a tooltip naming them on keyboard focus and on hover; Esc hides it', async ({ page, app }) => {
  await page.goto(app.url);
  await expect(toolbar(page).getByTestId('document-title')).toHaveText(SAMPLE_TITLE);
  const library = toolbar(page).getByRole('button', { name: 'Library', exact: true });
  const undo = toolbar(page).getByRole('button', { name: 'Undo', exact: true });
  await library.focus();
  await page.keyboard.press('Tab');
  await expect(undo).toBeFocused();
  const undoTip = page.getByRole('tooltip').filter({ hasText: 'Undo' });
  await expect(undoTip).toBeVisible();
  await expect(undoTip).toContainText(/Ctrl\+Z|⌘Z/);
  await expect(undo).toHaveAccessibleDescription(/Undo/);
  await page.keyboard.press('Tab');
  await expect(undoTip).toBeHidden();
  await expect(page.getByRole('tooltip').filter({ hasText: 'Redo' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('tooltip').filter({ hasText: 'Redo' })).toBeHidden();

  await toolbar(page).getByRole('button', { name: 'Find in document' }).hover();
  const findTip = page.getByRole('tooltip').filter({ hasText: 'Find in document' });
  await expect(findTip).toBeVisible();
  const tipBox = (await findTip.boundingBox())!;
  expect(tipBox.x + tipBox.width).toBeLessThanOrEqual(page.viewportSize()!.width);
  await screenshot(page, 'toolbar-tooltip');
  await page.mouse.move(600, 400);
  await expect(findTip).toBeHidden();
});

test('the sync state stays on the toolbar row at 1024×700: an icon while synced, a short text for a problem', async ({
  page,
  app,
}) => {
  const workspace = join(app.dataDir, '..', 'workspace');
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.goto(app.url);
  await expect(toolbar(page).getByTestId('document-title')).toHaveText(SAMPLE_TITLE);
  await chooseFromMenu(page, 'Settings', 'Settings…');
  await page.getByRole('textbox', { name: /Workspace folder/ }).fill(workspace);
  await page.getByRole('button', { name: 'Save' }).click();
  const synced = toolbar(page).getByRole('button', { name: 'Synced', exact: true });
  await expect(synced).toBeVisible();
  await expect(synced).toHaveText('');
  await synced.hover();
  await expect(page.getByRole('tooltip').filter({ hasText: `Synced · ${workspace}` })).toBeVisible();
  let middles = await itemMiddles(page);
  expect(Math.max(...middles) - Math.min(...middles)).toBeLessThanOrEqual(2);

  const sidecar = join(
    workspace,
    readdirSync(workspace).find((name) => name.endsWith('.annotations.json'))!,
  );
  writeFileSync(sidecar, readFileSync(sidecar, 'utf8').replace('{', '{,,'));
  const problem = toolbar(page).getByRole('button', { name: 'Sync problem (1)' });
  await expect(problem).toHaveText('Sync problem (1)');
  middles = await itemMiddles(page);
  expect(Math.max(...middles) - Math.min(...middles)).toBeLessThanOrEqual(2);
  await screenshot(page, 'toolbar-sync-problem-1024x700');
});

/** Every visible control in the toolbar, left to right, after checking none is cut by the window or overlaps the next. */
async function controlsInRow(page: Page): Promise<string[]> {
  const boxes = await toolbar(page)
    .locator('button:visible, [data-testid="document-title"]')
    .evaluateAll((elements) =>
      elements.map((element) => {
        const box = element.getBoundingClientRect();
        const name = element.getAttribute('aria-label') ?? element.textContent ?? '';
        return { name, left: box.left, right: box.right, top: box.top, bottom: box.bottom };
      }),
    );
  const byLeft = [...boxes].sort((a, b) => a.left - b.left);
  const { width } = page.viewportSize()!;
  for (const [index, box] of byLeft.entries()) {
    expect(box.left, box.name).toBeGreaterThanOrEqual(0);
    expect(box.right, box.name).toBeLessThanOrEqual(width);
    if (index > 0) expect(box.left, box.name).toBeGreaterThanOrEqual(byLeft[index - 1]!.right);
  }
  const toolbarBox = (await toolbar(page).boundingBox())!;
  for (const box of boxes) expect(box.bottom, box.name).toBeLessThanOrEqual(toolbarBox.y + toolbarBox.height);
  return byLeft.map((box) => box.name);
}

test('at 800×600 nothing is cut or overlaps: undo, redo, editing and import fold into a More menu that works from the keyboard', async ({
  page,
  app,
}) => {
  annotateSample(app);
  await page.setViewportSize({ width: 800, height: 600 });
  await page.goto(app.url);
  await expect(toolbar(page).getByTestId('document-title')).toHaveText(SAMPLE_TITLE);
  const names = await controlsInRow(page);
  expect(names).toEqual([
    'Library',
    SAMPLE_TITLE,
    'View',
    'Share',
    'Find in document',
    'Aa Reading view',
    'Settings',
    'More',
  ]);
  await expect(toolbar(page).getByRole('button', { name: 'Share', exact: true })).toHaveText('Share');
  // Nothing in the window scrolls sideways: the reader's text and its margin fit.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(800);
  const reader = page.getByRole('main', { name: 'Reader' });
  expect(await reader.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
  const margin = (await page.getByRole('complementary', { name: 'Margin notes' }).boundingBox())!;
  expect(margin.x + margin.width).toBeLessThanOrEqual(800);
  // Below 960 px the margin slims (to leave the text its measure) but keeps room for a card.
  expect(margin.width).toBeGreaterThanOrEqual(150);

  const more = toolbar(page).getByRole('button', { name: 'More', exact: true });
  await more.focus();
  await page.keyboard.press('ArrowDown');
  const menu = page.getByRole('menu', { name: 'More' });
  await expect(menu.getByRole('menuitem', { name: 'Undo' })).toBeFocused();
  await expect(menu.getByRole('menuitem', { name: 'Undo' })).toContainText('Ctrl+Z');
  await expect(menu.getByRole('menuitem')).toHaveText([/^Undo/, /^Redo/, 'Edit text', /^Import…/]);
  const menuBox = (await menu.boundingBox())!;
  expect(menuBox.x).toBeGreaterThanOrEqual(0);
  expect(menuBox.x + menuBox.width).toBeLessThanOrEqual(800);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
    await screenshot(page, `toolbar-more-800x600-${scheme}`);
  }
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowUp');
  await expect(menu.getByRole('menuitem', { name: 'Edit text' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Editing' })).toBeVisible();
  await expect(more).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(menu.getByRole('menuitem', { name: 'Cancel editing' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await controlsInRow(page);
});

test('at 1024×700 the toolbar keeps every control on its row and has no More menu', async ({ page, app }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.goto(app.url);
  await expect(toolbar(page).getByTestId('document-title')).toHaveText(SAMPLE_TITLE);
  const names = await controlsInRow(page);
  expect(names).toEqual(expect.arrayContaining(['Undo', 'Redo', 'Edit text', 'Import…', 'Share', 'Aa Reading view']));
  await expect(toolbar(page).getByRole('button', { name: 'More', exact: true })).toBeHidden();
  await expect(toolbar(page).getByRole('button', { name: 'Share', exact: true })).toHaveText('Share');
});
