// Scanned pages as a person imports them, in Chromium against the browser host: a scanned
// PDF shows "Recognizing text: page N of M" on its bar and opens as text; a second scan is
// cancelled while it is being recognized and nothing is added.
import { expect, screenshot, test } from './fixtures';
import { choosePdf as choose, importBar as bar, notice, openApp } from './import-helpers';
import { imagePdf, knownText, scannedPages } from '../support/ocr-fixtures';

test('a scanned PDF is recognized page by page under its progress bar, then reads as text', async ({ page, app }) => {
  test.setTimeout(180_000);
  const texts = [knownText(11, 30), knownText(12, 30), knownText(13, 30)];
  const scan = await imagePdf(await scannedPages(texts));
  await openApp(page, app);
  await choose(page, 'scanned-survey.pdf', scan);
  const progress = bar(page, 'scanned-survey.pdf');
  await expect(page.getByText(/^Recognizing text: page \d of 3$/)).toBeVisible({ timeout: 60_000 });
  await expect(progress).toHaveAttribute('aria-valuemax', '3');
  await screenshot(page, 'import-ocr-progress');
  await expect(notice(page, 'Imported scanned-survey.pdf')).toBeVisible({ timeout: 150_000 });
  await expect(progress).toBeHidden();
  const firstWords = texts[2]!.split(' ').slice(0, 4).join(' ');
  await expect(page.getByTestId('reader-content')).toContainText(firstWords);
});

test('Cancel import stops a scan while it is being recognized, and nothing is added', async ({ page, app }) => {
  test.setTimeout(180_000);
  const texts = Array.from({ length: 6 }, (_, index) => knownText(20 + index, 30));
  const scan = await imagePdf(await scannedPages(texts));
  await openApp(page, app);
  const before = app.core.documents.count();
  await choose(page, 'long-scan.pdf', scan);
  await expect(page.getByText(/^Recognizing text: page \d of 6$/)).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Cancel import' }).click();
  await expect(notice(page, 'Importing “long-scan.pdf” was cancelled. Nothing was imported.')).toBeVisible();
  await expect(bar(page, 'long-scan.pdf')).toBeHidden();
  await page.waitForTimeout(500);
  expect(app.core.documents.count()).toBe(before);
});
