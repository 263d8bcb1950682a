// Dates as a person reads them in the reader: an e-mail's Date line in words in the sender's own
// time, the date over a title saying what it is, and a margin note's time with its day once that
// day is past.
import type { Page } from '@playwright/test';
import { CRLF, entity } from '../support/mime-fixtures';
import { expect, screenshotBothThemes, test } from './fixtures';
import type { RunningApp } from './fixtures';

const SUBJECT = 'Convoy movements near Sabratha';
const RAW_DATE = 'Thu, 04 Jun 2026 09:17:00 +0200';
const QUOTE = 'reached the checkpoint';

const message = entity(
  {
    From: 'Rui Costa <rui@example.org>',
    To: 'Ada Analyst <ada@example.org>',
    Date: RAW_DATE,
    Subject: SUBJECT,
    'Message-ID': '<convoy-1@example.org>',
  },
  `The convoy left at dawn and ${QUOTE} before noon.${CRLF}`,
);

async function importMessage(page: Page, app: RunningApp): Promise<void> {
  await page.goto(app.url);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import…' }).first().click();
  await (await chooser).setFiles({ name: 'convoy.eml', mimeType: 'message/rfc822', buffer: Buffer.from(message) });
  await expect(page.getByRole('heading', { level: 1, name: SUBJECT })).toBeVisible();
}

/** A note on QUOTE, its text then changed, so its card says when it was edited. */
function editedNote(app: RunningApp): string {
  const doc = app.core.documents.list().find((listed) => listed.title === SUBJECT)!;
  const start = app.core.documents.canonicalText(doc.id).indexOf(QUOTE);
  const created = app.core.annotations.create({ documentId: doc.id, start, end: start + QUOTE.length });
  // Highlighted ten minutes before the note was written: a note written at once is new, not edited.
  const earlier = new Date(Date.parse(created.createdAt) - 10 * 60_000).toISOString();
  app.core.db.prepare('UPDATE annotations SET created_at = ? WHERE id = ?').run(earlier, created.id);
  return app.core.annotations.update({ id: created.id, noteMarkdown: 'Check against the drone images.' }).updatedAt;
}

const card = (page: Page) => page.getByRole('article', { name: `Note on “${QUOTE}”` });

const nameShownWhole = (page: Page) =>
  card(page)
    .getByText('Test Reader', { exact: true })
    .evaluate((element) => element.scrollWidth <= element.clientWidth);

test('an e-mail’s Date reads in words in the sender’s time, its header kept as written in the Source panel', async ({
  page,
  app,
}) => {
  await importMessage(page, app);
  const reader = page.getByRole('main', { name: 'Reader' });
  await expect(reader.getByText('Date: Thursday, 4 June 2026, 09:17 (UTC+02:00)', { exact: true })).toBeVisible();
  await expect(reader).not.toContainText(RAW_DATE);
  // The line over the title gives no other day for it: the Date line, in the sender's time, says it.
  await expect(reader.getByText(/^convoy\.eml$/)).toBeVisible();
  await expect(reader).not.toContainText('Sent June');

  await page.keyboard.press('Control+K');
  await page.keyboard.type('Show Source');
  await page.keyboard.press('Enter');
  const headers = page.getByRole('region', { name: 'E-mail headers' });
  await expect(headers).toContainText(RAW_DATE);
  // The Source panel's facts name the message's own date as the reader's line does.
  await expect(page.getByRole('term').filter({ hasText: /^Sent$/ })).toBeVisible();
  await expect(page.getByRole('term').filter({ hasText: /^Captured$/ })).toHaveCount(0);

  await page.getByRole('main', { name: 'Reader' }).focus();
  await page.keyboard.press('Control+Shift+f');
  // The message is found by the date as it now reads, and by its words as before.
  const box = page.getByRole('searchbox', { name: 'Search' });
  await box.fill('"4 June 2026"');
  await expect(page.getByRole('status').filter({ hasText: '1 result in 1 document' })).toBeVisible();
  await expect(page.getByRole('heading', { name: `${SUBJECT} 1 result` })).toBeVisible();
  await box.fill('checkpoint');
  await expect(page.getByRole('heading', { name: `${SUBJECT} 1 result` })).toBeVisible();
});

test('a margin note edited on another day says that day with its year, its header on one line', async ({
  page,
  app,
}) => {
  await importMessage(page, app);
  const updatedAt = editedNote(app);
  const time = card(page).locator('time');

  await page.reload();
  await expect(time).toHaveText(/^edited \d{1,2}:\d{2}\s[AP]M$/);

  // The next day a clock time alone would read as that day's: the card says the day it was edited.
  await page.clock.setFixedTime(new Date(Date.parse(updatedAt) + 24 * 3600 * 1000));
  await page.reload();
  const day = new Date(updatedAt).toLocaleDateString('en-US', { month: 'short', day: 'numeric', year: 'numeric' });
  await expect(time).toHaveText(`edited ${day}`);
  expect(await nameShownWhole(page)).toBe(true);
  await card(page).scrollIntoViewIfNeeded();
  await screenshotBothThemes(page, 'dates-reader-header-and-card');
});

test.describe('for a reader in California', () => {
  test.use({ timezoneId: 'America/Los_Angeles' });

  test('a message’s date is its own day in the reader and the library, not moved to the day before', async ({
    page,
    app,
  }) => {
    // 08:42 in Paris on 9 November is 23:42 on 8 November in California.
    const morning = entity(
      {
        From: 'Omar Haddad <omar@example.org>',
        Date: 'Mon, 09 Nov 2026 08:42:10 +0100',
        Subject: 'Budget for the well repairs',
        'Message-ID': '<budget-1@example.org>',
      },
      `The contractor quoted 48,000.${CRLF}`,
    );
    await page.goto(app.url);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import…' }).first().click();
    await (await chooser).setFiles({ name: 'budget.eml', mimeType: 'message/rfc822', buffer: Buffer.from(morning) });
    const reader = page.getByRole('main', { name: 'Reader' });
    await expect(reader.getByRole('heading', { level: 1, name: 'Budget for the well repairs' })).toBeVisible();
    await expect(
      reader.getByText('Date: Monday, 9 November 2026, 08:42:10 (UTC+01:00)', { exact: true }),
    ).toBeVisible();
    await expect(reader).not.toContainText('November 8');
    await expect(page.getByRole('list', { name: 'Documents' })).toContainText('Nov 9, 2026');
  });
});
