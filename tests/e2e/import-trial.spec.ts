// What a fresh-eyes trial of importing found in the UI: a file already in the library that a
// message carried is linked to it both ways; notifications never cover the side panel's
// controls; a long Word comment author is shown whole, "(Word comment)" in sight; two documents of one
// title are told apart in the export dialog.
import type { Page } from '@playwright/test';
import { buildDocx, COMMENTS } from '../support/docx-fixture';
import { attachmentPart, CRLF, entity, multipartBody, textPart } from '../support/mime-fixtures';
import { buildFixturePdf, TITLE as PDF_TITLE } from '../support/pdf-fixtures';
import { expect, screenshot, test } from './fixtures';
import { notice, openApp } from './import-helpers';
import { chooseFromMenu, chooseTheme } from './toolbar-helpers';

const SUBJECT = 'Survey of the northern terrace';

function messageCarrying(pdf: Uint8Array): Buffer {
  const headers = {
    From: 'Ada Lovelace <ada@example.org>',
    To: 'Charles Babbage <charles@example.org>',
    Date: 'Mon, 1 Jan 2024 09:30:00 +0000',
    Subject: SUBJECT,
    'Message-ID': '<terrace-2@example.org>',
    'MIME-Version': '1.0',
    'Content-Type': 'multipart/mixed; boundary="b1"',
  };
  const body = multipartBody('b1', [
    textPart('The survey of the northern terrace is attached, as promised at the meeting.', 'plain'),
    attachmentPart('survey.pdf', 'application/pdf', pdf),
  ]);
  return Buffer.from(entity(headers, body) + CRLF);
}

async function choose(page: Page, name: string, buffer: Uint8Array): Promise<void> {
  await page
    .getByTestId('import-input')
    .setInputFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(buffer) });
}

const reader = (page: Page) => page.getByRole('main', { name: 'Reader' });

test('a PDF imported before the e-mail that carried it is linked to that e-mail both ways, with no message over the buttons', async ({
  page,
  app,
}) => {
  const pdf = (await buildFixturePdf()).bytes;
  await openApp(page, app);
  await choose(page, 'survey.pdf', pdf);
  await expect(reader(page).getByRole('heading', { level: 1, name: PDF_TITLE })).toBeVisible();
  await choose(page, 'terrace.eml', messageCarrying(pdf));
  await expect(reader(page).getByRole('heading', { level: 1, name: SUBJECT })).toBeVisible();
  await expect(notice(page, 'Imported terrace.eml')).toBeVisible();

  await page.getByRole('tab', { name: 'Source', exact: true }).click();
  const source = page.getByRole('tabpanel', { name: 'Source' });
  const open = source.getByRole('button', { name: 'Open survey.pdf' });
  // Scrolled to its end, the panel's last control stands where the messages would cover it.
  await open.evaluate((button) => {
    for (let box = button.parentElement; box; box = box.parentElement) box.scrollTop = box.scrollHeight;
  });
  // The notification still stands at the panel's foot, and the button is not under it.
  await expect(notice(page, 'Imported terrace.eml')).toBeVisible();
  await open.click({ trial: true, timeout: 2_000 });
  // The panel ends above the messages, so nothing of it can scroll under them.
  const panelBox = (await source.boundingBox())!;
  const messages = (await page.getByRole('status', { name: 'Notifications' }).boundingBox())!;
  expect(panelBox.y + panelBox.height).toBeLessThanOrEqual(messages.y);
  await screenshot(page, 'trial-source-room-light');
  await open.click();

  await expect(reader(page).getByRole('heading', { level: 1, name: PDF_TITLE })).toBeVisible();
  await expect(source).toContainText(`The e-mail “${SUBJECT}”, as “survey.pdf”`);
  await screenshot(page, 'trial-attached-to-light');
  await chooseTheme(page, 'Dark');
  await screenshot(page, 'trial-attached-to-dark');
  await source.getByRole('button', { name: 'Open the e-mail' }).click();
  await expect(reader(page).getByRole('heading', { level: 1, name: SUBJECT })).toBeVisible();
});

const LONG_NAME = 'Maximiliane Hohenstaufen-Wittelsbach';

test('a long Word comment author wraps on a narrow card, whole, “(Word comment)” after it', async ({ page, app }) => {
  await page.setViewportSize({ width: 1100, height: 700 });
  await openApp(page, app);
  await choose(page, 'Field report.docx', await buildDocx({ commentAuthors: [LONG_NAME, LONG_NAME] }));
  const card = page.getByRole('article', { name: new RegExp(`^Note on “${COMMENTS[0]!.quote}`) });
  await expect(card).toContainText(`${LONG_NAME} (Word comment)`);
  const author = card.getByTitle(`${LONG_NAME} (Word comment)`);
  // The closing parenthesis is drawn inside the author's box: the suffix is whole, the name wraps.
  const inside = () =>
    author.evaluate((element) => {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      let last: Text | null = null;
      while (walker.nextNode()) last = walker.currentNode as Text;
      const range = document.createRange();
      range.setStart(last!, last!.length - 1);
      range.setEnd(last!, last!.length);
      const glyph = range.getBoundingClientRect();
      const box = element.getBoundingClientRect();
      return { cut: element.scrollWidth > element.clientWidth + 1, whole: glyph.right <= box.right + 0.5 };
    });
  expect(await inside()).toEqual({ cut: false, whole: true });
  await card.scrollIntoViewIfNeeded();
  await screenshot(page, 'trial-word-comment-author-light');
  await chooseTheme(page, 'Dark');
  await screenshot(page, 'trial-word-comment-author-dark');
});

test('the export dialog tells two documents of one title apart by their files', async ({ page, app }) => {
  await openApp(page, app);
  await choose(page, 'minutes-march.md', Buffer.from('# Minutes\n\nThe March meeting agreed the budget.\n'));
  await expect(reader(page).getByRole('heading', { level: 1, name: 'Minutes' })).toBeVisible();
  await choose(page, 'minutes-april.md', Buffer.from('# Minutes\n\nThe April meeting moved the dig.\n'));
  await expect(reader(page)).toContainText('The April meeting');
  await chooseFromMenu(page, 'Share', 'Export PDF…');
  const dialog = page.getByRole('dialog', { name: 'Export annotated PDF' });
  await expect(dialog.getByRole('checkbox', { name: 'Minutes (minutes-march.md)' })).not.toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: 'Minutes (minutes-april.md)' })).toBeChecked();
  await screenshot(page, 'trial-export-same-titles-light');
  await page.keyboard.press('Escape');
  await chooseTheme(page, 'Dark');
  await chooseFromMenu(page, 'Share', 'Export PDF…');
  await expect(dialog.getByRole('checkbox', { name: 'Minutes (minutes-march.md)' })).toBeVisible();
  await screenshot(page, 'trial-export-same-titles-dark');
});
