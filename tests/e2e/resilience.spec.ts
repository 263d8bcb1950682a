// What keeps the app whole and calm: links from content ask and open outside, a bad stored
// value fails only its own region, status arrives in one live region, and the keys after
// a highlight act on it.
import type { Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from '../support/temp';
import type { RunningApp } from './fixtures';
import { expect, screenshot, test } from './fixtures';
import { chooseTheme } from './toolbar-helpers';
import { pointOf, selectText } from './helpers';

const SAMPLE_TITLE = /^Reports of western/;

function spanOf(app: RunningApp, quote: string) {
  const documentId = app.core.documents.list().find((doc) => SAMPLE_TITLE.test(doc.title))!.id;
  const start = app.core.documents.canonicalText(documentId).indexOf(quote);
  if (start < 0) throw new Error(`“${quote}” is not in the sample`);
  return { documentId, start, end: start + quote.length };
}

async function openApp(page: Page, app: RunningApp): Promise<void> {
  await page.goto(app.url);
  await expect(page.getByRole('heading', { level: 1, name: SAMPLE_TITLE })).toBeVisible();
}

async function setTheme(page: Page, theme: 'Light' | 'Dark'): Promise<void> {
  await chooseTheme(page, theme);
}

/** Dark behind an open modal dialog, where the toolbar cannot be reached: the theme follows the system's. */
async function darkBehindDialog(page: Page): Promise<void> {
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
}

const card = (page: Page, quote: string) => page.getByRole('article', { name: `Note on “${quote}”` });
const notificationArea = (page: Page) => page.getByRole('status', { name: 'Notifications' });

test('a link in a reviewer’s read-only note asks first and opens in a new tab, leaving the app where it was', async ({
  page,
  app,
}) => {
  const quote = 'Islamic State militants stormed the centre of Sabratha';
  const note = app.core.annotations.create({
    ...spanOf(app, quote),
    noteMarkdown: 'See [the wire report](https://example.org/wire) first.',
  });
  // Written by someone else, as a bundle from a reviewer would leave it: shown, not editable.
  app.core.db
    .prepare("UPDATE annotations SET author_id = 'reviewer-1', author_name = 'Rui Reviewer' WHERE id = ?")
    .run(note.id);
  await page
    .context()
    .route('https://example.org/**', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<title>Wire report</title>' }),
    );
  await openApp(page, app);
  const appUrl = page.url();
  const theirs = card(page, quote);
  await expect(theirs).toContainText('their note');
  await theirs.getByRole('link', { name: 'the wire report' }).click();

  const dialog = page.getByRole('dialog', { name: 'Open this link?' });
  await expect(dialog).toContainText('https://example.org/wire');
  await expect(dialog).toContainText('in a new tab');
  await screenshot(page, 'link-confirm-light');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(page.url()).toBe(appUrl);

  // Asked again, and this time opened: a new tab, with the app untouched behind it.
  await theirs.getByRole('link', { name: 'the wire report' }).focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  const popup = page.waitForEvent('popup');
  await dialog.getByRole('button', { name: 'Open link' }).click();
  const opened = await popup;
  await expect.poll(() => opened.url()).toBe('https://example.org/wire');
  expect(await opened.evaluate(() => window.opener)).toBeNull();
  expect(page.url()).toBe(appUrl);
  await expect(page.getByRole('heading', { level: 1, name: SAMPLE_TITLE })).toBeVisible();
  await opened.close();

  await setTheme(page, 'Dark');
  await theirs.getByRole('link', { name: 'the wire report' }).click();
  await expect(dialog).toBeVisible();
  await screenshot(page, 'link-confirm-dark');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
});

test('a link in the document asks first and opens in a new tab', async ({ page, app }) => {
  app.core.importPath(join(FIXTURES, 'briefing.md'));
  await page
    .context()
    .route('https://example.org/**', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<title>Report</title>' }),
    );
  await openApp(page, app);
  const appUrl = page.url();
  await page.getByRole('button', { name: /^Field briefing/ }).click();
  await page.getByRole('link', { name: 'source' }).click();
  const dialog = page.getByRole('dialog', { name: 'Open this link?' });
  const popup = page.waitForEvent('popup');
  await dialog.getByRole('button', { name: 'Open link' }).click();
  await expect.poll(async () => (await popup).url()).toBe('https://example.org/report');
  expect(page.url()).toBe(appUrl);
});

test('a bad value in the store fails only its own region, says what failed, and Retry shows it once mended', async ({
  page,
  app,
}) => {
  app.core.importPath(join(FIXTURES, 'briefing.md'));
  const quote = 'beheading 11 people';
  const note = app.core.annotations.create({ ...spanOf(app, quote), noteMarkdown: 'Check the numbers' });
  const stored = app.core.db.prepare('SELECT created_at AS createdAt FROM annotations WHERE id = ?').get(note.id) as {
    createdAt: string;
  };
  // An impossible date, straight into the library file, as an old bug or another tool could leave it.
  app.core.db
    .prepare(
      "UPDATE annotations SET created_at = '2026-99-99T99:99:99Z', updated_at = '2026-99-99T99:99:99Z' WHERE id = ?",
    )
    .run(note.id);

  await page.goto(app.url);
  const failed = page.getByRole('alert', { name: 'The margin notes failed' });
  await expect(failed).toContainText("The margin notes couldn't be shown");
  await expect(failed).toContainText('Invalid time value');
  await expect(failed.getByRole('button', { name: 'Retry' })).toBeVisible();
  // The rest of the app works: the text, the toolbar, the library.
  await expect(page.getByRole('heading', { level: 1, name: SAMPLE_TITLE })).toBeVisible();
  await expect(page.getByLabel(/^Text of Reports of western/)).toContainText('beheading 11 people');
  await screenshot(page, 'region-error-light');
  await setTheme(page, 'Dark');
  await screenshot(page, 'region-error-dark');
  await setTheme(page, 'Light');
  await page.getByRole('button', { name: /^Field briefing/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Field briefing/ })).toBeVisible();
  await expect(failed).toBeHidden();
  await page.getByRole('button', { name: SAMPLE_TITLE }).click();
  await expect(failed).toBeVisible();

  app.core.db
    .prepare('UPDATE annotations SET created_at = ?, updated_at = ? WHERE id = ?')
    .run(stored.createdAt, stored.createdAt, note.id);
  await failed.getByRole('button', { name: 'Retry' }).click();
  await expect(card(page, quote)).toContainText('Check the numbers');
  await expect(failed).toBeHidden();
});

test('a note re-anchored after a small edit says so quietly, not in the error color', async ({ page, app }) => {
  const moved = 'French special forces';
  app.core.annotations.create({ ...spanOf(app, moved), noteMarkdown: 'Who reported this?' });
  const documentId = app.core.documents.list()[0]!.id;
  const revised = join(app.dataDir, 'sabratha-report.txt');
  writeFileSync(
    revised,
    app.core.documents
      .sourceBytes(documentId)
      .toString('utf8')
      .replace('Islamic State militants stormed', 'Militants stormed'),
  );
  expect(await app.core.updateDocumentFromPath(documentId, revised)).toEqual({
    kept: 0,
    moved: 1,
    fuzzy: 0,
    orphaned: 0,
  });
  await openApp(page, app);

  // Routine: a re-anchored note says so quietly, not in the error color.
  const status = card(page, moved).getByText('Re-anchored (moved)');
  await expect(status).toBeVisible();
  const colors = await status.evaluate((element) => {
    const probe = document.createElement('span');
    probe.style.color = 'var(--danger)';
    document.body.append(probe);
    const danger = getComputedStyle(probe).color;
    probe.remove();
    return { shown: getComputedStyle(element).color, danger };
  });
  expect(colors.shown).not.toBe(colors.danger);
  await screenshot(page, 'reanchored-moved-light');
  await setTheme(page, 'Dark');
  await screenshot(page, 'reanchored-moved-dark');
});

test('status messages appear in full in one live region and fade away', async ({ page, app }) => {
  await page.setViewportSize({ width: 1000, height: 800 });
  // The page's clock, so a message's seconds on screen are jumped over, not waited out.
  await page.clock.install();
  await openApp(page, app);
  const area = notificationArea(page);
  await expect(area).toHaveAttribute('aria-live', 'polite');
  await selectText(page, '200 IS fighters raided the centre of the coastal city');
  await page.keyboard.press('h');
  const message = area.getByText('Highlighted “200 IS fighters raided the centre of the”');
  await expect(message).toBeVisible();
  // Whole, however narrow the window: wrapped, never cut off.
  expect(await message.evaluate((element) => element.scrollWidth <= element.clientWidth + 1)).toBe(true);
  await screenshot(page, 'notifications-light');
  await page.keyboard.press('Delete');
  await expect(area.getByText('Annotation deleted (Ctrl+Z to undo)')).toBeVisible();
  await expect(area.getByText(/^Highlighted/)).toBeVisible();
  await page.clock.fastForward(7000);
  await expect(message).toBeHidden();
  await expect(area.getByText('Annotation deleted (Ctrl+Z to undo)')).toBeHidden();
  await setTheme(page, 'Dark');
  await page.keyboard.press('Control+z');
  await expect(area.getByText('Undid: Delete annotation')).toBeVisible();
  await screenshot(page, 'notifications-dark');
});

test('h then t tags the highlight just made, and h then n notes it', async ({ page, app }) => {
  await openApp(page, app);
  await selectText(page, 'beheading 11 people');
  await page.keyboard.press('h');
  await page.keyboard.press('t');
  const tagBox = page.getByRole('combobox', { name: 'Add tag' });
  await expect(tagBox).toBeFocused();
  await page.keyboard.type('Claim/Casualties');
  await page.keyboard.press('Enter');
  await expect(card(page, 'beheading 11 people').getByRole('list', { name: 'Tags' })).toHaveText(/Claim\/Casualties/);

  await selectText(page, 'French special forces');
  await page.keyboard.press('h');
  await page.keyboard.press('n');
  const note = page.getByRole('textbox', { name: 'Note on “French special forces”' });
  await expect(note).toBeFocused();
  await page.keyboard.type('Which unit?');
  const { documentId } = spanOf(app, 'French special forces');
  await expect
    .poll(() =>
      app.core.annotations
        .list(documentId)
        .map((annotation) => [annotation.target?.quote.exact, annotation.tags, annotation.note.text]),
    )
    .toEqual([
      ['beheading 11 people', ['Claim/Casualties'], ''],
      ['French special forces', [], 'Which unit?'],
    ]);

  // A click on a highlight of one's own selects it; n then opens its note rather than pinning a new one.
  const box = await pointOf(page, 'beheading 11');
  await page.mouse.click(box.x, box.y);
  await page.keyboard.press('n');
  await expect(page.getByRole('textbox', { name: 'Note on “beheading 11 people”' })).toBeFocused();
  await page.keyboard.type('Two sources');
  await expect
    .poll(() => app.core.annotations.list(documentId).map((annotation) => [annotation.kind, annotation.note.text]))
    .toEqual([
      ['highlight', 'Two sources'],
      ['highlight', 'Which unit?'],
    ]);
});

test('Note on a passage already highlighted exactly adds the note to that highlight', async ({ page, app }) => {
  const quote = 'Serbian hostages';
  const highlight = app.core.annotations.create({ ...spanOf(app, quote), color: 'green' });
  await openApp(page, app);
  await selectText(page, quote);
  await page.getByRole('toolbar', { name: 'Annotate selection' }).getByRole('button', { name: 'Note' }).click();
  await expect(page.getByRole('textbox', { name: `Note on “${quote}”` })).toBeFocused();
  await page.keyboard.type('Names withheld');
  await expect
    .poll(() =>
      app.core.annotations
        .list(highlight.documentId)
        .map((annotation) => [annotation.id, annotation.color, annotation.note.text]),
    )
    .toEqual([[highlight.id, 'green', 'Names withheld']]);
  await expect(page.getByRole('article', { name: `Note on “${quote}”` })).toHaveCount(1);
});

test('importing several files says what happened to each: every failure with its reason, the good file imported, a repeat already there', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  const area = notificationArea(page);
  const fieldNote = {
    name: 'field-note.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('Field note\nSeen at the port at dawn.\n'),
  };
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import…' }).click();
  await (
    await chooser
  ).setFiles([
    {
      name: 'random.bin',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from([0x00, 0xff, 0x13, 0x80, 0x00, 0x7f, 0x01]),
    },
    { name: 'latin1.txt', mimeType: 'text/plain', buffer: Buffer.from('Caf\xe9 au lait', 'latin1') },
    { name: 'data.csv', mimeType: 'text/csv', buffer: Buffer.from('a,b\n1,2\n') },
    { name: 'blank.txt', mimeType: 'text/plain', buffer: Buffer.from('   \n\n') },
    fieldNote,
  ]);
  await expect(area.getByText('Imported field-note.txt', { exact: true })).toBeVisible();
  const failures = area.getByText(/^Couldn't import 4 files:/);
  await expect(failures).toBeVisible();
  for (const name of ['random.bin', 'latin1.txt', 'data.csv', 'blank.txt'])
    await expect(failures).toContainText(`• “${name}”`);
  await expect(page.getByRole('heading', { level: 1, name: 'Field note' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Documents' }).getByRole('listitem')).toHaveCount(2);
  await screenshot(page, 'import-several-light');
  await setTheme(page, 'Dark');
  await screenshot(page, 'import-several-dark');

  const again = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import…' }).click();
  await (await again).setFiles(fieldNote);
  await expect(area.getByText('field-note.txt is already in the library as “Field note”.')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Documents' }).getByRole('listitem')).toHaveCount(2);
});

test('a link in one’s own note asks on a plain click; a refused link is named by its real address, a mail link by where it opens', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  await selectText(page, 'French special forces');
  await page.keyboard.press('h');
  await page.keyboard.press('n');
  // Typing waits for the note's editor: keys sent before it has focus would go elsewhere.
  await expect(page.getByRole('textbox', { name: 'Note on “French special forces”' })).toBeFocused();
  await page.keyboard.type('See [x](https://example.org) for background');
  // Click away: the note stays, shown as a card with its link.
  await page.getByRole('heading', { level: 1, name: SAMPLE_TITLE }).click();
  const mine = card(page, 'French special forces');
  await mine.getByRole('link', { name: 'x' }).click();
  const dialog = page.getByRole('dialog', { name: 'Open this link?' });
  await expect(dialog).toContainText('https://example.org');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  // Elsewhere in the card, a click still edits the note.
  await mine.getByText('for background').click();
  await expect(page.getByRole('textbox', { name: 'Note on “French special forces”' })).toBeFocused();
  await expect(mine).toHaveAttribute('aria-current', 'true');

  // Typed, as the analyst did: the editor keeps the ftp address though Lexical renders its href as about:blank.
  await selectText(page, 'Serbian hostages');
  await page.keyboard.press('h');
  await page.keyboard.press('n');
  await expect(page.getByRole('textbox', { name: 'Note on “Serbian hostages”' })).toBeFocused();
  await page.keyboard.type('Mirror at [ftp](ftp://example.org/f) or [write](mailto:desk@example.org) now');
  const second = card(page, 'Serbian hostages');
  await second.getByRole('link', { name: 'ftp' }).click({ modifiers: ['ControlOrMeta'] });
  const refused = notificationArea(page).getByText(/^This link can't be opened/);
  await expect(refused).toContainText('ftp://example.org/f');
  await expect(refused).not.toContainText('about:blank');
  await second.getByRole('link', { name: 'write' }).click();
  await expect(dialog).toContainText('mailto:desk@example.org');
  await expect(dialog).toContainText('It opens in your mail program, outside Marginalia.');
  await screenshot(page, 'link-mail-light');
  await darkBehindDialog(page);
  await screenshot(page, 'link-mail-dark');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
});

test('when the browser host has stopped, an action says so and how to start it again', async ({ page, app }) => {
  await openApp(page, app);
  await app.stopHost();
  await selectText(page, 'French special forces');
  await page.keyboard.press('h');
  // Said in the notification area, whole, with the problem in detail one click away.
  const failure = notificationArea(page).getByRole('alert').filter({ hasText: "Couldn't annotate the selection" });
  await expect(failure).toContainText("Marginalia's server (the browser host) has stopped or can't be reached");
  await expect(failure).toContainText('npm run serve');
  await expect(failure).not.toContainText('Failed to fetch');
  await failure.getByRole('button', { name: 'Show problem' }).click();
  const dialog = page.getByRole('dialog', { name: "Couldn't annotate the selection" });
  await expect(dialog).toContainText("Marginalia's server (the browser host) has stopped or can't be reached");
  await expect(dialog).toContainText('npm run serve');
  await expect(dialog).not.toContainText('Failed to fetch');
  await screenshot(page, 'server-stopped-light');
  await darkBehindDialog(page);
  await screenshot(page, 'server-stopped-dark');
});

test('the hover preview goes when the text scrolls under it', async ({ page, app }) => {
  const quote = 'the main hospital';
  app.core.annotations.create({ ...spanOf(app, quote), noteMarkdown: 'Two sources disagree' });
  app.core.annotations.create({
    ...spanOf(app, 'Similar teams are also operating out of an air base'),
    noteMarkdown: 'Misrata',
  });
  await openApp(page, app);
  await expect(card(page, quote)).toBeVisible();
  const point = await pointOf(page, quote);
  await page.mouse.move(point.x, point.y);
  const preview = page.getByRole('tooltip');
  await expect(preview).toContainText('Two sources disagree');
  await page.mouse.wheel(0, 400);
  await expect(preview).toBeHidden();
  await page.mouse.move(point.x + 1, point.y);
  await page.mouse.move(point.x, point.y);
  await page.getByRole('main', { name: 'Reader' }).evaluate((reader) => reader.scrollTo({ top: 0 }));
  const again = await pointOf(page, quote);
  await page.mouse.move(again.x, again.y);
  await expect(preview).toBeVisible();
  // j goes to the next annotation, far down the text, with the pointer still resting.
  await page.getByRole('main', { name: 'Reader' }).focus();
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await expect(preview).toBeHidden();
});

test('at most three notifications show, newest first, and older ones fold behind a button', async ({ page, app }) => {
  await page.setViewportSize({ width: 1200, height: 800 });
  await openApp(page, app);
  const area = notificationArea(page);
  for (const quote of ['French special forces', 'Serbian hostages', 'beheading 11 people', 'the main hospital']) {
    await selectText(page, quote);
    await page.keyboard.press('h');
    await expect(area.getByText(`Highlighted “${quote}”`)).toBeVisible();
  }
  await expect(area.getByRole('paragraph')).toHaveCount(3);
  await expect(area.getByRole('paragraph').first()).toContainText('the main hospital');
  await expect(area.getByText('Highlighted “French special forces”')).toBeHidden();
  const more = area.getByRole('button', { name: '1 older message…' });
  // Over the side panel, never over the reader's text.
  const [areaBox, readerBox] = await Promise.all([
    area.boundingBox(),
    page.getByRole('main', { name: 'Reader' }).boundingBox(),
  ]);
  expect(areaBox!.x + areaBox!.width).toBeLessThanOrEqual(readerBox!.x);
  await screenshot(page, 'notifications-capped-light');
  await more.click();
  await expect(area.getByText('Highlighted “French special forces”')).toBeVisible();
  await setTheme(page, 'Dark');
  await area.getByRole('button', { name: 'Show fewer' }).click();
  await screenshot(page, 'notifications-capped-dark');
});

test('a batch with a file already in the library opens the new one, not the repeat listed last', async ({
  page,
  app,
}) => {
  app.core.importBytes('old-note.txt', Buffer.from('Old note\nAlready here.\n'));
  await openApp(page, app);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import…' }).click();
  await (
    await chooser
  ).setFiles([
    { name: 'new-note.txt', mimeType: 'text/plain', buffer: Buffer.from('New note\nJust arrived.\n') },
    { name: 'old-note.txt', mimeType: 'text/plain', buffer: Buffer.from('Old note\nAlready here.\n') },
  ]);
  const area = notificationArea(page);
  await expect(area.getByText('old-note.txt is already in the library as “Old note”.')).toBeVisible();
  await expect(page.getByRole('main', { name: 'Reader' }).getByRole('heading', { level: 1 })).toHaveText('New note');
});
