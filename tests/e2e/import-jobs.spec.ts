// Importing as a person does it, in Chromium against the browser host: a PDF's progress bar
// and then the document, Cancel import on a long PDF with nothing added, an encrypted PDF
// opened with its password after a wrong one, and a web address from a server on 127.0.0.1.
// Screenshots of the bar and the two dialogs, light and dark, go to test-results/screens/.
import type { Page } from '@playwright/test';
import { axeOn } from './axe';
import { expect, screenshot, test } from './fixtures';
import { choosePdf as choose, importBar as bar, notice, openApp } from './import-helpers';
import { encryptWithQpdf, manyPagePdf, startTestSite } from '../support/import-fixtures';
import { makeTempDir } from '../support/temp';

// Each test reads PDFs in a worker and several check the screen with axe: seconds each under load.
test.describe.configure({ timeout: 90_000 });

/** Screenshots in both themes, each checked against axe's WCAG 2.2 A and AA rules. */
async function shootBothThemes(page: Page, name: string): Promise<void> {
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await screenshot(page, `${name}-${theme}`);
    const { violations } = await axeOn(page)
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
      .analyze();
    expect(violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/**
 * The running card in both themes, and axe's check of the card once: run alone, the 2,000 pages
 * were read (and the large document opened) before two checks of each theme were done.
 */
async function shootCardQuickly(page: Page): Promise<void> {
  const { violations } = await axeOn(page)
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .include('[data-import-job]')
    .analyze();
  expect(violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await screenshot(page, `import-progress-${theme}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test('a PDF shows its progress bar page by page, then opens', async ({ page, app }) => {
  await openApp(page, app);
  await choose(page, 'harbour-log.pdf', await manyPagePdf(150));
  const progress = bar(page, 'harbour-log.pdf');
  await expect(progress).toBeVisible();
  await expect(progress).toHaveAttribute('aria-valuemax', '150', { timeout: 30_000 });
  await expect(page.getByText(/^Reading page \d+ of 150$/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cancel import' })).toBeVisible();
  await expect(notice(page, 'Imported harbour-log.pdf')).toBeVisible({ timeout: 60_000 });
  await expect(progress).toBeHidden();
  await expect(page.getByTestId('reader-content')).toContainText('Harbour Survey Log');
  expect(app.core.documents.count()).toBe(2);
});

test('Cancel import stops a long PDF mid-read and adds nothing', async ({ page, app }) => {
  await openApp(page, app);
  const before = app.core.documents.count();
  // Long enough that the bar is still there after two screenshots and the checks of its card:
  // checking the whole page twice under load took longer than reading the 2,000 pages.
  await choose(page, 'long-log.pdf', await manyPagePdf(2000));
  const progress = bar(page, 'long-log.pdf');
  await expect(progress).toHaveAttribute('aria-valuemax', '2000', { timeout: 30_000 });
  await expect(page.getByText(/^Reading page \d+ of 2000$/)).toBeVisible();
  await shootCardQuickly(page);
  await page.getByRole('button', { name: 'Cancel import' }).click();
  await expect(notice(page, 'Importing “long-log.pdf” was cancelled. Nothing was imported.')).toBeVisible();
  await expect(progress).toBeHidden();
  // The core finishes its side (the worker ended, nothing stored) and the library lists what it had.
  await expect.poll(() => app.core.documents.count()).toBe(before);
  await page.waitForTimeout(500);
  expect(app.core.documents.count()).toBe(before);
});

test('several files get a bar each, and any of them, waiting or running, can be cancelled', async ({ page, app }) => {
  await openApp(page, app);
  const before = app.core.documents.count();
  const [long, short] = await Promise.all([manyPagePdf(600), manyPagePdf(3, 'Three Short Days')]);
  await page.getByTestId('import-input').setInputFiles([
    { name: 'long-log.pdf', mimeType: 'application/pdf', buffer: Buffer.from(long) },
    { name: 'short-log.pdf', mimeType: 'application/pdf', buffer: Buffer.from(short) },
    { name: 'third-log.pdf', mimeType: 'application/pdf', buffer: Buffer.from(long) },
  ]);
  const card = (name: string) => page.getByRole('group', { name: `Importing ${name}` });
  await expect(card('third-log.pdf')).toContainText('Waiting (file 3 of 3)');
  await expect(card('short-log.pdf')).toContainText('Waiting (file 2 of 3)');
  await card('third-log.pdf').getByRole('button', { name: 'Cancel import' }).click();
  await expect(card('third-log.pdf')).toBeHidden();
  await expect(card('long-log.pdf')).toContainText(/Reading page \d+ of 600 \(file 1 of 3\)/, { timeout: 30_000 });
  await card('long-log.pdf').getByRole('button', { name: 'Cancel import' }).click();
  await expect(notice(page, 'Imported short-log.pdf')).toBeVisible({ timeout: 30_000 });
  await expect(notice(page, 'Importing “long-log.pdf” was cancelled. Nothing was imported.')).toBeVisible();
  await expect(notice(page, 'Importing “third-log.pdf” was cancelled. Nothing was imported.')).toBeVisible();
  expect(app.core.documents.count()).toBe(before + 1);
});

test('an encrypted PDF asks for its password, says a wrong one was wrong, and opens with the right one', async ({
  page,
  app,
}) => {
  const temp = makeTempDir();
  try {
    const locked = encryptWithQpdf(await manyPagePdf(3, 'Three Locked Days'), temp.path, 'tide-table');
    await openApp(page, app);
    await choose(page, 'locked.pdf', locked);
    const dialog = page.getByRole('dialog', { name: 'Password for locked.pdf' });
    await expect(dialog).toBeVisible({ timeout: 30_000 });
    await expect(dialog.getByLabel('Password')).toBeFocused();
    await expect(page.getByText('Waiting for the password')).toBeVisible();
    await shootBothThemes(page, 'import-password');
    await dialog.getByLabel('Password').fill('low-water');
    await dialog.getByRole('button', { name: 'Open' }).click();
    await expect(dialog.getByRole('alert')).toHaveText('The password was wrong.', { timeout: 30_000 });
    await expect(dialog.getByLabel('Password')).toHaveValue('');
    await shootBothThemes(page, 'import-password-wrong');
    await dialog.getByLabel('Password').fill('tide-table');
    await page.keyboard.press('Enter');
    await expect(notice(page, 'Imported locked.pdf')).toBeVisible({ timeout: 30_000 });
    await expect(dialog).toBeHidden();
    expect(app.core.documents.list().map((document) => document.title)).toContain('Three Locked Days');
  } finally {
    temp.remove();
  }
});

test('Cancel at the password imports nothing', async ({ page, app }) => {
  const temp = makeTempDir();
  try {
    const locked = encryptWithQpdf(await manyPagePdf(2), temp.path, 'tide-table');
    await openApp(page, app);
    const before = app.core.documents.count();
    await choose(page, 'secret.pdf', locked);
    const dialog = page.getByRole('dialog', { name: 'Password for secret.pdf' });
    await expect(dialog).toBeVisible({ timeout: 30_000 });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(notice(page, 'Importing “secret.pdf” was cancelled. Nothing was imported.')).toBeVisible();
    expect(app.core.documents.count()).toBe(before);
  } finally {
    temp.remove();
  }
});

test('a web address pasted into Import from a Web Address is fetched and opens', async ({ page, app }) => {
  const site = await startTestSite(await manyPagePdf(2), 3000);
  try {
    await openApp(page, app);
    await page.keyboard.press('Control+k');
    await page.keyboard.type('web address');
    const palette = page.getByRole('dialog', { name: 'Command palette' });
    await expect(palette.getByRole('option', { selected: true })).toContainText('Import from a Web Address…');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Import from a Web Address' });
    await expect(dialog.getByLabel('Web address')).toBeFocused();
    await dialog.getByLabel('Web address').fill('ftp://example.org/x');
    await dialog.getByRole('button', { name: 'Import' }).click();
    await expect(dialog.getByRole('alert')).toHaveText('Only http:// and https:// addresses can be imported.');
    await dialog.getByLabel('Web address').fill('not an address');
    await dialog.getByRole('button', { name: 'Import' }).click();
    await expect(dialog.getByRole('alert')).toHaveText('Type a web address, such as example.org/report.');
    // Typed without its scheme, as in a browser's address bar: a local address gets http://.
    await dialog.getByLabel('Web address').fill(`${site.origin.replace(/^http:\/\//, '')}/article`);
    await shootBothThemes(page, 'import-url');
    await dialog.getByRole('button', { name: 'Import' }).click();
    await expect(notice(page, `Imported ${site.origin}/article`)).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('reader-content')).toContainText('Notes from the quay');
    // Its Source panel names the address once and says when the page was fetched.
    await page.getByRole('tab', { name: 'Source', exact: true }).click();
    const source = page.getByRole('tabpanel', { name: 'Source' });
    await expect(source).toContainText(`Web address ${site.origin}/article`);
    await expect(source.locator('dt', { hasText: /^Fetched$/ })).toBeVisible();
    await expect(source.locator('dt', { hasText: /^Fetched$/ }).locator('+ dd')).toHaveText(/\d/);
    expect((await source.innerText()).split(`${site.origin}/article`)).toHaveLength(2);
    // A slow page shows its bar while it is fetched, and Cancel import stops the fetch.
    await page.keyboard.press('Control+k');
    await page.keyboard.type('web address');
    await page.keyboard.press('Enter');
    await dialog.getByLabel('Web address').fill(`${site.origin}/slow`);
    await page.keyboard.press('Enter');
    await expect(bar(page, `${site.origin}/slow`)).toBeVisible();
    await expect(page.getByText('Fetching the page')).toBeVisible();
    await page.getByRole('button', { name: 'Cancel import' }).click();
    await expect(notice(page, `Importing “${site.origin}/slow” was cancelled. Nothing was imported.`)).toBeVisible();
    expect(app.core.documents.count()).toBe(2);
  } finally {
    await site.close();
  }
});
