// An e-mail's scanned attachment imported from the Source panel as a person does it, in
// Chromium against the browser host: the same progress bar as a chosen file, named by the
// attachment and counting the pages recognized, the Import button held while it runs, Cancel
// import with nothing stored, and a second scan left to finish and open.
import type { Page } from '@playwright/test';
import { messageWithAttachment } from '../support/mime-fixtures';
import { imagePdf, knownText, scannedPages } from '../support/ocr-fixtures';
import { expect, screenshotBothThemes, test } from './fixtures';
import { importBar as bar, notice, openApp } from './import-helpers';

// OCR of a few small pages in a worker: seconds a page under load.
test.describe.configure({ timeout: 180_000 });

/** A message carrying a PDF of `pages` scanned pages (images only, no text layer) as `fileName`. */
async function messageWithScan(subject: string, fileName: string, texts: readonly string[]): Promise<Buffer> {
  const scan = await imagePdf(await scannedPages(texts));
  return messageWithAttachment(subject, 'The scan is attached.', {
    fileName,
    mimeType: 'application/pdf',
    bytes: scan,
  });
}

/** Imports the message through Import… and shows its Source panel. */
async function openMessageSource(page: Page, subject: string, eml: Buffer) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import…' }).click();
  await (await chooser).setFiles({ name: 'fwd.eml', mimeType: 'message/rfc822', buffer: eml });
  const reader = page.getByRole('main', { name: 'Reader' });
  await expect(reader.getByRole('heading', { level: 1, name: subject })).toBeVisible();
  await page.getByRole('button', { name: 'Dismiss: Imported fwd.eml' }).click();
  await page.getByRole('tab', { name: 'Source', exact: true }).click();
  return { reader, source: page.getByRole('tabpanel', { name: 'Source' }) };
}

test('a scanned attachment shows its bar, page by page as it is recognized, and Cancel import stores nothing', async ({
  page,
  app,
}) => {
  const name = 'scanned letter.pdf';
  const texts = Array.from({ length: 6 }, (_, index) => knownText(40 + index, 30));
  await openApp(page, app);
  const { source } = await openMessageSource(
    page,
    'Fwd: scanned letter',
    await messageWithScan('Fwd: scanned letter', name, texts),
  );
  const before = app.core.documents.count();
  await source.getByRole('button', { name: `Import ${name}` }).click();

  const progress = bar(page, name);
  await expect(progress).toBeVisible();
  await expect(page.getByText(/^Recognizing text: page \d of 6$/)).toBeVisible({ timeout: 60_000 });
  await expect(progress).toHaveAttribute('aria-valuemax', '6');
  // Held while it runs, even after the panel is left and shown again.
  await expect(source.getByRole('button', { name: `Importing ${name}…` })).toBeDisabled();
  await page.getByRole('tab', { name: 'Library', exact: true }).click();
  await page.getByRole('tab', { name: 'Source', exact: true }).click();
  const held = source.getByRole('button', { name: `Importing ${name}…` });
  await expect(held).toBeDisabled();
  await held.scrollIntoViewIfNeeded();
  await screenshotBothThemes(page, 'attachment-import-progress');

  await page
    .getByRole('group', { name: `Importing ${name}` })
    .getByRole('button', { name: 'Cancel import' })
    .click();
  await expect(notice(page, `Importing “${name}” was cancelled. Nothing was imported.`)).toBeVisible();
  await expect(progress).toBeHidden();
  await expect(source.getByRole('button', { name: `Import ${name}` })).toBeEnabled();
  await page.waitForTimeout(500);
  expect(app.core.documents.count()).toBe(before);
});

test('a scanned attachment left to finish is recognized under its bar, then opens linked to its message', async ({
  page,
  app,
}) => {
  const name = 'scanned memo.pdf';
  const texts = [knownText(51, 30), knownText(52, 30)];
  await openApp(page, app);
  const { reader, source } = await openMessageSource(
    page,
    'Fwd: scanned memo',
    await messageWithScan('Fwd: scanned memo', name, texts),
  );
  const before = app.core.documents.count();
  await source.getByRole('button', { name: `Import ${name}` }).click();

  const progress = bar(page, name);
  await expect(page.getByText(/^Recognizing text: page \d of 2$/)).toBeVisible({ timeout: 60_000 });
  await expect(notice(page, `Imported ${name}`)).toBeVisible({ timeout: 150_000 });
  await expect(progress).toBeHidden();
  await expect(reader).toContainText(texts[1]!.split(' ').slice(0, 4).join(' '));
  await expect(source).toContainText(`From the e-mail “Fwd: scanned memo”, attachment “${name}”`);
  expect(app.core.documents.count()).toBe(before + 1);
});
