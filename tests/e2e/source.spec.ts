// Provenance a person can see: the Source panel of an imported e-mail, its PDF attachment
// imported in one action and opened as a document linked to its message (an encrypted one
// after its password, asked in the same dialog as a file's), and a Word file's comments as
// margin notes by their authors.
import type { Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import { buildDocx, COMMENTS } from '../support/docx-fixture';
import { encryptWithQpdf, manyPagePdf } from '../support/import-fixtures';
import { attachmentPart, CRLF, entity, messageWithAttachment, multipartBody, textPart } from '../support/mime-fixtures';
import { buildFixturePdf, TITLE as PDF_TITLE } from '../support/pdf-fixtures';
import { makeTempDir } from '../support/temp';
import { expect, screenshot, screenshotBothThemes, test } from './fixtures';
import { notice } from './import-helpers';

const SUBJECT = 'Survey of the northern terrace';

async function messageWithPdf(): Promise<Buffer> {
  const pdf = await buildFixturePdf();
  const headers = {
    From: 'Ada Lovelace <ada@example.org>',
    To: 'Charles Babbage <charles@example.org>',
    Date: 'Mon, 1 Jan 2024 09:30:00 +0000',
    Subject: SUBJECT,
    'Message-ID': '<terrace-1@example.org>',
    'MIME-Version': '1.0',
    'Content-Type': 'multipart/mixed; boundary="b1"',
  };
  const body = multipartBody('b1', [
    textPart('The survey of the northern terrace is attached.', 'plain'),
    attachmentPart('survey.pdf', 'application/pdf', pdf.bytes),
  ]);
  return Buffer.from(entity(headers, body) + CRLF);
}

async function importFile(page: Page, name: string, buffer: Buffer): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import…' }).click();
  await (await chooser).setFiles({ name, mimeType: 'application/octet-stream', buffer });
}

async function showSource(page: Page): Promise<void> {
  await page.keyboard.press('Control+K');
  await page.keyboard.type('Show Source');
  await page.keyboard.press('Enter');
}

// The screens are kept in both themes; the flow itself runs once (it had run once per theme).
test('an e-mail’s PDF attachment imports from the Source panel in one action, as a document linked to its message', async ({
  page,
  app,
}) => {
  const eml = await messageWithPdf();
  await page.goto(app.url);
  await importFile(page, 'terrace.eml', eml);
  const reader = page.getByRole('main', { name: 'Reader' });
  await expect(reader.getByRole('heading', { level: 1, name: SUBJECT })).toBeVisible();

  await showSource(page);
  const source = page.getByRole('tabpanel', { name: 'Source' });
  await expect(source.getByRole('heading', { name: 'Source' })).toBeVisible();
  await expect(source).toContainText('terrace.eml');
  await expect(source).toContainText('E-mail message');
  const sha = createHash('sha256').update(eml).digest('hex');
  await expect(source.getByTestId('sha256').first()).toHaveText(sha.match(/.{8}/g)!.join(''));
  await expect(source).toContainText('Ada Lovelace <ada@example.org>');
  // The message's own date, in the person's locale (never the raw ISO text).
  await expect(source).not.toContainText('2024-01-01T09:30');
  // In UTC and saying so, as the exported cover gives it, whatever the computer's zone.
  const fact = (label: string) => source.locator('dt', { hasText: new RegExp(`^${label}$`) }).locator('+ dd');
  await expect(fact('Sent')).toHaveText(/2024, 09:30 UTC$/);
  await expect(fact('Imported')).toHaveText(/, \d{2}:\d{2} UTC$/);
  const attachments = source.getByRole('list', { name: 'Attachments' });
  await expect(attachments).toContainText('survey.pdf');
  await expect(attachments).toContainText('application/pdf');
  await screenshotBothThemes(page, 'source-panel-email');
  await page.getByRole('button', { name: 'Dismiss: Imported terrace.eml' }).click();
  await source.getByRole('button', { name: 'Import survey.pdf' }).scrollIntoViewIfNeeded();
  await screenshotBothThemes(page, 'source-panel-attachments');

  await source.getByRole('button', { name: 'Import survey.pdf' }).click();
  // Read in a worker, under its bar: seconds under load.
  await expect(reader.getByRole('heading', { level: 1, name: PDF_TITLE })).toBeVisible({ timeout: 30_000 });
  await expect(source).toContainText('survey.pdf');
  await expect(source).toContainText('PDF document');
  await expect(source).toContainText(`From the e-mail “${SUBJECT}”, attachment “survey.pdf”`);
  await screenshotBothThemes(page, 'source-panel-attachment');

  await source.getByRole('button', { name: 'Open the e-mail' }).click();
  await expect(reader.getByRole('heading', { level: 1, name: SUBJECT })).toBeVisible();
  await source.getByRole('button', { name: 'Open survey.pdf' }).click();
  await expect(reader.getByRole('heading', { level: 1, name: PDF_TITLE })).toBeVisible();
});

const LETTER = 'council letter (locked).pdf';
const LETTER_TITLE = 'Council Letter on the Sea Wall';
const FORWARD = 'Fwd: council letter';

/** A forwarded message carrying a PDF encrypted with `password` (AES-256, by qpdf). */
async function messageWithLockedPdf(password: string): Promise<Buffer> {
  const temp = makeTempDir();
  try {
    const locked = encryptWithQpdf(await manyPagePdf(2, LETTER_TITLE), temp.path, password);
    return messageWithAttachment(FORWARD, 'The council wrote again; the letter is attached.', {
      fileName: LETTER,
      mimeType: 'application/pdf',
      bytes: locked,
    });
  } finally {
    temp.remove();
  }
}

test.describe('an encrypted PDF attached to an e-mail', () => {
  // The PDF is read in a worker, twice or three times: seconds each under load.
  test.describe.configure({ timeout: 90_000 });

  test('asks for its password in the Password dialog, again when wrong, then imports and opens', async ({
    page,
    app,
  }) => {
    await page.goto(app.url);
    await importFile(page, 'fwd.eml', await messageWithLockedPdf('pw3'));
    const reader = page.getByRole('main', { name: 'Reader' });
    await expect(reader.getByRole('heading', { level: 1, name: FORWARD })).toBeVisible();
    await showSource(page);
    const source = page.getByRole('tabpanel', { name: 'Source' });
    await source.getByRole('button', { name: `Import ${LETTER}` }).click();

    const dialog = page.getByRole('dialog', { name: `Password for ${LETTER}` });
    await expect(dialog).toBeVisible({ timeout: 30_000 });
    await expect(dialog.getByLabel('Password')).toBeFocused();
    // The attachment's bar waits with the dialog, as a chosen file's does.
    await expect(page.getByRole('group', { name: `Importing ${LETTER}` })).toContainText('Waiting for the password');
    await screenshotBothThemes(page, 'attachment-password');
    await dialog.getByLabel('Password').fill('low-water');
    await dialog.getByRole('button', { name: 'Open' }).click();
    await expect(dialog.getByRole('alert')).toHaveText('The password was wrong.', { timeout: 30_000 });
    await expect(dialog.getByLabel('Password')).toHaveValue('');
    await screenshotBothThemes(page, 'attachment-password-wrong');
    await dialog.getByLabel('Password').fill('pw3');
    await page.keyboard.press('Enter');

    await expect(dialog).toBeHidden({ timeout: 30_000 });
    await expect(reader.getByRole('heading', { level: 1, name: LETTER_TITLE })).toBeVisible({ timeout: 30_000 });
    await expect(notice(page, `Imported ${LETTER}`)).toBeVisible();
    await expect(source).toContainText(`From the e-mail “${FORWARD}”, attachment “${LETTER}”`);
    await source.getByRole('button', { name: 'Open the e-mail' }).click();
    await expect(reader.getByRole('heading', { level: 1, name: FORWARD })).toBeVisible();
    await expect(source.getByRole('button', { name: `Open ${LETTER}` })).toBeVisible();
  });

  test('Cancel at the password imports nothing and leaves the Import button', async ({ page, app }) => {
    await page.goto(app.url);
    await importFile(page, 'fwd.eml', await messageWithLockedPdf('pw3'));
    await expect(
      page.getByRole('main', { name: 'Reader' }).getByRole('heading', { level: 1, name: FORWARD }),
    ).toBeVisible();
    const before = app.core.documents.count();
    await showSource(page);
    const source = page.getByRole('tabpanel', { name: 'Source' });
    await source.getByRole('button', { name: `Import ${LETTER}` }).click();
    const dialog = page.getByRole('dialog', { name: `Password for ${LETTER}` });
    await expect(dialog).toBeVisible({ timeout: 30_000 });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await expect(notice(page, `Importing “${LETTER}” was cancelled. Nothing was imported.`)).toBeVisible();
    await expect(source.getByRole('button', { name: `Import ${LETTER}` })).toBeEnabled();
    expect(app.core.documents.count()).toBe(before);
  });
});

test('a document from before provenance was kept says so plainly', async ({ page, app }) => {
  // What migration 8 leaves on a document imported before it: no provenance.
  app.core.db.prepare("UPDATE documents SET provenance_json = '{}'").run();
  await page.goto(app.url);
  await expect(page.getByRole('main', { name: 'Reader' }).getByRole('heading', { level: 1 })).toBeVisible();
  await page.getByRole('tab', { name: 'Source', exact: true }).click();
  await expect(page.getByRole('tabpanel', { name: 'Source' })).toContainText(
    'imported before Marginalia kept where documents came from',
  );
});

test('a Word file’s comments show as margin notes by their authors', async ({ page, app }) => {
  await page.goto(app.url);
  await importFile(page, 'Field report.docx', Buffer.from(await buildDocx()));
  for (const comment of COMMENTS) {
    const card = page.getByRole('article', { name: new RegExp(`^Note on “${comment.quote}`) });
    await expect(card).toContainText(`${comment.author} (Word comment)`);
    await expect(card).toContainText(comment.text);
  }
  await screenshot(page, 'word-comments-margin');
});
