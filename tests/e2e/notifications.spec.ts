// The notification area's actions (Undo after a delete, Open after an import, Show problem
// for a failure) and the dialogs' keyboard contract: focus stays inside while open, Escape
// and the close button close them, and focus returns to what opened them.
import type { Locator, Page } from '@playwright/test';
import type { RunningApp } from './fixtures';
import { expect, screenshot, screenshotBothThemes, test } from './fixtures';
import { selectText } from './helpers';
import { chooseFromMenu } from './toolbar-helpers';

const SAMPLE_TITLE = /^Reports of western/;
const QUOTES = ['Islamic State militants', 'the main hospital', '200 IS fighters'];

async function openApp(page: Page, app: RunningApp): Promise<void> {
  await page.goto(app.url);
  await expect(page.getByRole('heading', { level: 1, name: SAMPLE_TITLE })).toBeVisible();
}

const notificationArea = (page: Page) => page.getByRole('status', { name: 'Notifications' });

function highlightAll(app: RunningApp): void {
  const documentId = app.core.documents.list()[0]!.id;
  const text = app.core.documents.canonicalText(documentId);
  for (const quote of QUOTES)
    app.core.annotations.create({ documentId, start: text.indexOf(quote), end: text.indexOf(quote) + quote.length });
}

async function annotationsPanel(page: Page): Promise<Locator> {
  await page.getByRole('tab', { name: 'Annotations' }).click();
  return page.getByRole('list', { name: 'Annotations in this document' }).getByRole('listitem');
}

async function deleteFromPanel(page: Page, quotes: readonly string[]): Promise<void> {
  for (const quote of quotes) await page.getByRole('checkbox', { name: `Select “${quote}”` }).check();
  await page
    .getByRole('region', { name: 'Selected annotations' })
    .getByRole('button', { name: 'Delete selected' })
    .click();
  await page
    .getByRole('dialog', { name: `Delete ${quotes.length} annotations?` })
    .getByRole('button', { name: 'Delete' })
    .click();
}

/** What has focus, named as a person would read it: its role and label, and whether it is in an open dialog. */
function focused(page: Page) {
  return page.evaluate(() => {
    const active = document.activeElement;
    const label =
      active?.getAttribute('aria-label') ?? active?.closest('label')?.textContent ?? active?.textContent ?? '';
    return {
      inDialog: Boolean(active?.closest('dialog[open]')),
      name: `${active?.tagName}:${label.trim().slice(0, 80)}`,
    };
  });
}

test('Undo in the notification after deleting annotations from the panel brings them back', async ({ page, app }) => {
  highlightAll(app);
  await openApp(page, app);
  const items = await annotationsPanel(page);
  await expect(items).toHaveCount(3);
  await deleteFromPanel(page, ['Islamic State militants', '200 IS fighters']);
  await expect(items).toHaveCount(1);
  const deleted = notificationArea(page).getByRole('paragraph').filter({ hasText: '2 annotations deleted' });
  await expect(deleted).toBeVisible();
  await screenshot(page, 'notification-undo-light');
  await notificationArea(page).getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(items).toHaveCount(3);
  await expect(notificationArea(page).getByText(/^Undid: /)).toBeVisible();
  await expect(deleted).toBeHidden();
  const documentId = app.core.documents.list()[0]!.id;
  expect(app.core.annotations.list(documentId).map((annotation) => annotation.target?.quote.exact)).toEqual(QUOTES);
});

test('Undo in the notification after deleting a tag brings it back on its annotations', async ({ page, app }) => {
  const documentId = app.core.documents.list()[0]!.id;
  const text = app.core.documents.canonicalText(documentId);
  const quote = 'the main hospital';
  app.core.annotations.create({
    documentId,
    start: text.indexOf(quote),
    end: text.indexOf(quote) + quote.length,
    tags: ['Place/Hospital'],
  });
  await openApp(page, app);
  await page.getByRole('tab', { name: 'Tags' }).click();
  const tree = page.getByRole('list', { name: 'Tags' });
  await tree.getByRole('button', { name: 'Edit tag Place/Hospital' }).click();
  await page.getByRole('button', { name: 'Delete…' }).click();
  await page
    .getByRole('dialog', { name: 'Delete tag “Place/Hospital”?' })
    .getByRole('button', { name: 'Delete tag' })
    .click();
  await expect(tree.getByRole('button', { name: 'Hospital', exact: true })).toBeHidden();
  await notificationArea(page).getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(tree.getByRole('button', { name: 'Hospital', exact: true })).toBeVisible();
  expect(app.core.annotations.list(documentId).map((annotation) => annotation.tags)).toEqual([['Place/Hospital']]);
});

test('a failed call says what failed in the notification area; Show problem gives the detail and focus comes back', async ({
  page,
  app,
}) => {
  highlightAll(app);
  // The page's clock, so the quarter-minute a reader may take is jumped over, not waited out.
  await page.clock.install();
  await openApp(page, app);
  const items = await annotationsPanel(page);
  // The core refuses the delete, as a full disk would make it.
  await page.route('**/api/call/deleteAnnotations', (route) =>
    route.fulfill({ json: { ok: false, error: { code: 'WRITE_FAILED', message: 'The disk is full.' } } }),
  );
  await deleteFromPanel(page, ['the main hospital', '200 IS fighters']);
  const failure = notificationArea(page).getByRole('alert');
  await expect(failure).toHaveText(/Couldn't delete: The disk is full\./);
  await expect(items).toHaveCount(3);
  await page.getByRole('main', { name: 'Reader' }).hover();
  const show = failure.getByRole('button', { name: 'Show problem' });
  const annotationsTab = page.getByRole('tab', { name: 'Annotations' });
  await annotationsTab.focus();
  await show.focus();
  await page.keyboard.press('Enter');
  const problem = page.getByRole('dialog', { name: "Couldn't delete" });
  await expect(problem).toContainText('The disk is full.');
  await expect(problem).toContainText('WRITE_FAILED');
  await screenshot(page, 'notification-problem-light');
  // The theme follows the system; the toolbar is behind the open dialog, so the system turns dark.
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'notification-problem-dark');
  await problem.getByRole('button', { name: 'Close' }).click();
  await expect(problem).toBeHidden();
  await expect(show).toBeFocused();
  // Held while focused, however long it takes to read; Escape dismisses it and focus goes back where it was.
  await page.clock.fastForward(16_000);
  await expect(failure).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(failure).toBeHidden();
  await expect(annotationsTab).toBeFocused();
});

test('Open in the notification after an import opens the imported document once another is shown', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import…' }).click();
  await (
    await chooser
  ).setFiles({
    name: 'field-note.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('Field note\nSeen at the port.\n'),
  });
  await expect(page.getByRole('heading', { level: 1, name: 'Field note' })).toBeVisible();
  // The new document is open and shown: the message offers no Open of it.
  const imported = notificationArea(page).getByText('Imported field-note.txt', { exact: true });
  await expect(imported).toBeVisible();
  await expect(notificationArea(page).getByRole('button', { name: 'Open', exact: true })).toHaveCount(0);
  await screenshotBothThemes(page, 'import-notice-no-open');
  // Elsewhere now; the message offers the new document.
  await page.getByRole('list', { name: 'Documents' }).getByRole('button', { name: SAMPLE_TITLE }).click();
  await expect(page.getByRole('heading', { level: 1, name: SAMPLE_TITLE })).toBeVisible();
  await notificationArea(page).getByRole('button', { name: 'Open', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Field note' })).toBeVisible();
  await expect(notificationArea(page).getByText('Imported field-note.txt', { exact: true })).toBeHidden();
});

test('Open in the notification after an export shows the PDF in a new tab', async ({ page, app }) => {
  await openApp(page, app);
  await chooseFromMenu(page, 'Share', 'Export PDF…');
  const dialog = page.getByRole('dialog', { name: 'Export annotated PDF' });
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export PDF' }).click();
  await downloading;
  await expect(dialog).toBeHidden();
  const exported = notificationArea(page).getByText(/^Exported “/);
  await expect(exported).toBeVisible();
  await screenshotBothThemes(page, 'export-notice-open');
  const popup = page.waitForEvent('popup');
  await notificationArea(page).getByRole('button', { name: 'Open', exact: true }).click();
  const opened = await popup;
  expect(opened.url()).toMatch(/^blob:/);
  await opened.waitForLoadState();
  expect(await opened.evaluate(() => document.contentType)).toBe('application/pdf');
  await expect(exported).toBeHidden();
});

test('a dialog keeps Tab and Shift+Tab inside, closes with Escape, and gives focus back to what opened it', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  // Opened from the keyboard through the Share menu; focus comes back to that menu's button.
  const opener = page.getByRole('banner').getByRole('button', { name: 'Share', exact: true });
  await opener.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem', { name: 'Export PDF…' })).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Export annotated PDF' });
  await expect(dialog).toBeVisible();
  const seen: string[] = [];
  for (let step = 0; step < 45; step++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    expect(now.inDialog, `Tab ${step + 1} left the dialog for ${now.name}`).toBe(true);
    seen.push(now.name);
  }
  // Round and round: the same controls come back in the same order.
  const cycle = seen.indexOf(seen[0]!, 1);
  expect(cycle).toBeGreaterThan(5);
  expect(seen.slice(cycle, cycle * 2)).toEqual(seen.slice(0, cycle));
  expect(seen).toContain('BUTTON:Cancel');
  for (let step = 0; step < 12; step++) {
    await page.keyboard.press('Shift+Tab');
    expect((await focused(page)).inDialog).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();

  // The close button does the same, in a confirmation.
  const remove = page.getByRole('button', { name: /^Delete Reports of western/ });
  await remove.focus();
  await page.keyboard.press('Enter');
  const confirm = page.getByRole('dialog', { name: /^Delete “Reports of western/ });
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(confirm.getByRole('button', { name: 'Delete' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(confirm).toBeHidden();
  await expect(remove).toBeFocused();
});

test('a message stays while the pointer rests on it and fades once it leaves', async ({ page, app }) => {
  await page.clock.install();
  await openApp(page, app);
  await selectText(page, 'French special forces');
  await page.keyboard.press('h');
  const message = notificationArea(page).getByText('Highlighted “French special forces”');
  await expect(message).toBeVisible();
  await message.hover();
  await page.clock.fastForward(8000);
  await expect(message).toBeVisible();
  await page.getByRole('main', { name: 'Reader' }).hover();
  // It resumes with the six seconds it had left when the pointer came, then fades.
  await page.clock.fastForward(7000);
  await expect(message).toBeHidden();
});
