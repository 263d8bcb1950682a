// E-mail in the library: an .mbox with two threads imports as one group per thread, a group
// opens with the keyboard to its messages in date order, and a message opens in the reader.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CRLF, entity, mbox } from '../support/mime-fixtures';
import { expect, screenshot, screenshotBothThemes, test } from './fixtures';
import { chooseTheme } from './toolbar-helpers';

const ADA = 'Ada <ada@example.org>';
const CHARLES = 'Charles <charles@example.org>';

function message(
  id: string,
  subject: string,
  from: string,
  day: number,
  body: string,
  extra: Record<string, string> = {},
) {
  return entity(
    {
      From: from,
      To: 'team@example.org',
      Subject: subject,
      Date: `Mon, ${day} Jan 2024 09:30:00 +0000`,
      'Message-ID': `<${id}@example.org>`,
      ...extra,
    },
    `${body}${CRLF}`,
  );
}

const MAILBOX = mbox([
  message('c1', 'Cistern capacity', ADA, 1, 'How large is the cistern?'),
  message('b1', 'Baths', CHARLES, 2, 'When were the baths built?'),
  message('c3', 'Re: Re: Cistern capacity', ADA, 6, 'Then it served the baths.', {
    References: '<c1@example.org> <c2@example.org>',
  }),
  message('c2', 'Re: Cistern capacity', CHARLES, 3, 'Four hundred cubic metres.', {
    'In-Reply-To': '<c1@example.org>',
  }),
  message('b2', 'AW: Baths', ADA, 5, 'In the second century.', { References: '<b1@example.org>' }),
]);

test('an .mbox’s threads are grouped in the library, open with the keyboard, and their messages open', async ({
  page,
  app,
}) => {
  const path = join(app.dataDir, '..', 'digs.mbox');
  writeFileSync(path, MAILBOX);
  await page.goto(app.url);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import…' }).first().click();
  await (await chooser).setFiles(path);
  const library = page.getByRole('list', { name: 'Documents' });
  const cistern = library.getByRole('button', { name: /^Cistern capacity — 3 messages/ });
  const baths = library.getByRole('button', { name: /^Baths — 2 messages/ });
  // The import opens its first message, so that message's thread is open; the other is folded.
  await expect(page.getByRole('heading', { level: 1, name: 'Cistern capacity' })).toBeVisible();
  await expect(cistern).toHaveAttribute('aria-expanded', 'true');
  await expect(baths).toHaveAttribute('aria-expanded', 'false');
  await expect(baths).toContainText('Latest');
  const cisternMessages = page.getByRole('list', { name: 'Messages in Cistern capacity' });
  await expect(cisternMessages.getByTestId('library-title')).toHaveText([
    'Cistern capacity',
    'Re: Cistern capacity',
    'Re: Re: Cistern capacity',
  ]);
  const bathsMessages = page.getByRole('list', { name: 'Messages in Baths' });
  await expect(bathsMessages).toBeHidden();

  await baths.focus();
  await page.keyboard.press('Enter');
  await expect(baths).toHaveAttribute('aria-expanded', 'true');
  await expect(bathsMessages.getByTestId('library-title')).toHaveText(['Baths', 'AW: Baths']);
  // Each message is dated by its own Date header, not by the import.
  await expect(bathsMessages.getByTestId('library-meta').nth(1)).toHaveText(/^Jan 2, 2024 · /);
  await expect(bathsMessages.getByTestId('library-meta').nth(4)).toHaveText(/^Jan 5, 2024 · /);
  // Each message row is its open button, then its delete button.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  const reply = bathsMessages.getByRole('button', { name: /^AW: Baths/ });
  await expect(reply).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'AW: Baths' })).toBeVisible();
  await expect(page.getByText('In the second century.')).toBeVisible();
  await expect(reply).toHaveAttribute('aria-current', 'true');
  await screenshot(page, 'mail-threads-light');
  await chooseTheme(page, 'Dark');
  await screenshot(page, 'mail-threads-dark');

  await cistern.focus();
  await page.keyboard.press('Space');
  await expect(cistern).toHaveAttribute('aria-expanded', 'false');
  await expect(cisternMessages).toBeHidden();
});

test('an .mbox cut off inside its last message brings in the whole ones and says which was left out', async ({
  page,
  app,
}) => {
  const path = join(app.dataDir, '..', 'cut.mbox');
  const cut = entity(
    {
      From: ADA,
      Subject: 'Survey of the terrace',
      'Message-ID': '<s1@example.org>',
      'Content-Type': 'multipart/mixed; boundary="b"',
    },
    `--b${CRLF}Content-Type: text/plain${CRLF}${CRLF}The survey is attached.${CRLF}--b${CRLF}` +
      `Content-Type: application/pdf${CRLF}Content-Transfer-Encoding: base64${CRLF}${CRLF}JVBERi0xLjQKJcfs`,
  );
  writeFileSync(path, mbox([message('c1', 'Cistern capacity', ADA, 1, 'How large is the cistern?'), cut]));
  await page.goto(app.url);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import…' }).first().click();
  await (await chooser).setFiles(path);
  await expect(page.getByRole('heading', { level: 1, name: 'Cistern capacity' })).toBeVisible();
  const alert = page
    .getByRole('alert')
    .filter({ hasText: 'its last message, message 2 (“Survey of the terrace”), was not imported' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('Download or copy the mailbox again to import it whole.');
  await screenshotBothThemes(page, 'mail-cut-mailbox');
  await expect(page.getByRole('list', { name: 'Documents' }).getByText('Survey of the terrace')).toHaveCount(0);
});
