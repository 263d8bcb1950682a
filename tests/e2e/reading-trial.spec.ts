// What a fresh-eyes trial of reading found: a Word comment's author shown whole, wrapped when
// the card has no room for it on one line; a page marker's tooltip reading the printed label it shows; the original page
// turned away from the annotation's page saying where it is, not that its words are missing;
// many dropped files' messages leaving the side panel's tabs and filter usable; two documents
// of one title and text told apart in search by their files.
import type { Locator, Page } from '@playwright/test';
import { buildDocx, COMMENTS } from '../support/docx-fixture';
import { buildPagedPdf, PAGED_TITLE, PRINTED_LABELS } from '../support/paged-pdf';
import { expect, screenshot, screenshotBothThemes, test } from './fixtures';
import { selectText } from './helpers';
import { notice, openApp } from './import-helpers';

// Original pages are drawn in a fresh worker each: seconds each on a busy machine.
test.describe.configure({ timeout: 150_000 });

const reader = (page: Page) => page.getByRole('main', { name: 'Reader' });

async function choose(page: Page, name: string, buffer: Uint8Array): Promise<void> {
  await page
    .getByTestId('import-input')
    .setInputFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(buffer) });
}

/** Drops `files` on the window at once, as a drag from a file manager does. */
async function drop(page: Page, files: Array<{ name: string; bytes: Uint8Array }>): Promise<void> {
  const encoded = files.map((file) => ({ name: file.name, base64: Buffer.from(file.bytes).toString('base64') }));
  const dataTransfer = await page.evaluateHandle((list) => {
    const transfer = new DataTransfer();
    for (const file of list) {
      const data = Uint8Array.from(atob(file.base64), (char) => char.charCodeAt(0));
      transfer.items.add(new File([data], file.name));
    }
    return transfer;
  }, encoded);
  await page.dispatchEvent('main', 'dragenter', { dataTransfer });
  await page.dispatchEvent('main', 'dragover', { dataTransfer });
  await page.dispatchEvent('main', 'drop', { dataTransfer });
}

/** Whether an author ("NAME (Word comment)") draws every character inside its box, on how many lines, its kind on one. */
function authorShown(author: Locator) {
  return author.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const range = document.createRange();
    range.selectNodeContents(element);
    const rects = [...range.getClientRects()].filter((rect) => rect.width > 0);
    const inside = rects.every((rect) => rect.left >= box.left - 0.5 && rect.right <= box.right + 0.5);
    return {
      whole: inside && element.scrollWidth <= element.clientWidth + 1,
      lines: new Set(rects.map((rect) => Math.round(rect.bottom))).size,
      kindOnOneLine: element.children[1]!.getClientRects().length === 1,
    };
  });
}

const RANIA = 'Rania Haddad';
const LONG_NAME = 'Dr. Margaret Okonkwo (Legal), Regional Water Authority';

test('a Word comment’s author shows whole: on one line where the card has room, a long one wrapped, never cut', async ({
  page,
  app,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openApp(page, app);
  await choose(page, 'fieldnotes.docx', await buildDocx({ commentAuthors: [RANIA, LONG_NAME] }));
  const margin = page.getByRole('complementary', { name: 'Margin notes' });
  const short = margin.getByRole('article', { name: new RegExp(`^Note on “${COMMENTS[0]!.quote}`) });
  const long = margin.getByRole('article', { name: new RegExp(`^Note on “${COMMENTS[1]!.quote}`) });
  await expect(short).toContainText(`${RANIA} (Word comment)`);
  await expect(long).toContainText(`${LONG_NAME} (Word comment)`);
  // "their note" and the date give way to the next line: the name has the card's whole first line.
  const shortAuthor = short.getByTitle(`${RANIA} (Word comment)`);
  expect(await authorShown(shortAuthor)).toEqual({ whole: true, lines: 1, kindOnOneLine: true });
  // A name too long for the line wraps onto the next, whole, its full text also the tooltip.
  const longAuthor = long.getByTitle(`${LONG_NAME} (Word comment)`);
  const shown = await authorShown(longAuthor);
  expect(shown).toMatchObject({ whole: true, kindOnOneLine: true });
  expect(shown.lines).toBeGreaterThan(1);
  await long.scrollIntoViewIfNeeded();
  await screenshotBothThemes(page, 'reading-trial-word-comment-authors');
  // In a narrower card the name still shows on one line, its kind on the next, not split inside the name.
  await page.setViewportSize({ width: 1024, height: 700 });
  const nameLines = await shortAuthor
    .locator('span')
    .first()
    .evaluate((name) => {
      const range = document.createRange();
      range.selectNodeContents(name);
      return new Set(Array.from(range.getClientRects(), (rect) => Math.round(rect.top))).size;
    });
  expect(nameLines).toBe(1);
  expect(await authorShown(shortAuthor)).toMatchObject({ whole: true, kindOnOneLine: true });
  await screenshotBothThemes(page, 'reading-trial-word-comment-authors-1024');
});

test('one’s own name shows whole beside an edited note’s time, the time going to the next line when both do not fit', async ({
  page,
  app,
}) => {
  app.core.profile.rename('Margaret Okonkwo');
  const doc = app.core.documents.list()[0]!;
  const quote = 'Islamic State militants';
  const start = app.core.documents.canonicalText(doc.id).indexOf(quote);
  const { id } = app.core.annotations.create({
    documentId: doc.id,
    start,
    end: start + quote.length,
    noteMarkdown: 'First',
  });
  // Written again ten minutes after: an edit, as the card says.
  const earlier = new Date(Date.now() - 10 * 60_000).toISOString();
  app.core.db.prepare('UPDATE annotations SET created_at = ? WHERE id = ?').run(earlier, id);
  app.core.annotations.update({ id, noteMarkdown: 'Second thoughts' });
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.goto(app.url);
  const card = page.getByRole('article', { name: `Note on “${quote}”` });
  await expect(card).toContainText('Second thoughts');
  const author = card.getByTitle('Margaret Okonkwo');
  const time = card.locator('time');
  await expect(time).toContainText(/^edited /);
  expect(await author.evaluate((element) => element.scrollWidth <= element.clientWidth + 1)).toBe(true);
  // Both are drawn inside the card, the time below the name.
  const [cardBox, nameBox, timeBox] = [await card.boundingBox(), await author.boundingBox(), await time.boundingBox()];
  expect(timeBox!.y).toBeGreaterThanOrEqual(nameBox!.y + nameBox!.height - 1);
  expect(timeBox!.x + timeBox!.width).toBeLessThanOrEqual(cardBox!.x + cardBox!.width);
  await screenshotBothThemes(page, 'reading-trial-own-name-edited');
});

test('a page marker’s tooltip reads the printed label the marker shows, with the file’s page number beside it', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  await choose(page, 'labeled.pdf', (await buildPagedPdf(4, { labelled: true })).bytes);
  await expect(reader(page).getByRole('heading', { level: 1, name: PAGED_TITLE })).toBeVisible();
  const markers = page.getByTestId('page-markers');
  const first = markers.getByRole('button', { name: `p. ${PRINTED_LABELS[0]}: Open original page` });
  await expect(first).toHaveText(`p. ${PRINTED_LABELS[0]}`);
  await expect(first).toHaveAttribute('title', 'Page vii (page 1 of the file): open the original page');
  const second = markers.getByRole('button', { name: 'p. 12: Open original page' });
  await expect(second).toHaveAttribute('title', 'Page 12 (page 2 of the file): open the original page');
  await first.hover();
  await screenshotBothThemes(page, 'reading-trial-page-marker-label');
  await first.click();
  const dialog = page.getByRole('dialog', { name: 'Page 1 of 4' });
  await expect(dialog.getByRole('img', { name: 'Page 1 of 4' })).toBeVisible({ timeout: 60_000 });
  await expect(dialog).toContainText('printed as vii');
});

test('turned away from the annotation’s page, the original page says where the annotation is and leads back to it', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  await choose(page, 'harbour-survey.pdf', (await buildPagedPdf()).bytes);
  await expect(reader(page).getByRole('heading', { level: 1, name: PAGED_TITLE })).toBeVisible();
  await selectText(page, 'The divers on day 3 measured the quay wall');
  await page.keyboard.press('h');
  const card = page.getByRole('complementary', { name: 'Margin notes' }).getByRole('article');
  await card.getByRole('button', { name: 'Open original page' }).click();
  const dialog = page.getByRole('dialog', { name: /^Page \d of 4$/ });
  const status = dialog.getByRole('status');
  await expect(status).toHaveText('The annotation’s words are outlined.', { timeout: 60_000 });

  await dialog.getByRole('button', { name: 'Next page →' }).click();
  await expect(dialog.getByRole('img', { name: 'Page 4 of 4' })).toBeVisible({ timeout: 60_000 });
  await expect(status).toHaveText('The annotation is on p. 3.');
  await expect(dialog).not.toContainText('not found');
  await screenshotBothThemes(page, 'reading-trial-original-page-elsewhere');

  await dialog.getByRole('button', { name: 'Back to the annotation’s page' }).click();
  await expect(dialog.getByRole('img', { name: 'Page 3 of 4' })).toBeVisible({ timeout: 60_000 });
  await expect(status).toHaveText('The annotation’s words are outlined.');
  await expect(dialog.getByTestId('page-region')).toHaveCount(1);
  await expect(dialog.getByRole('button', { name: 'Back to the annotation’s page' })).toHaveCount(0);
});

test('the messages after many files are dropped take at most a third of the window, leaving the panel’s tabs and filter usable', async ({
  page,
  app,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openApp(page, app);
  const good = (name: string) => ({ name, bytes: Buffer.from(`# ${name}\n\nThe survey of ${name} is attached.\n`) });
  const [first, second, third] = [good('harbour'), good('terrace'), good('quarry')];
  for (const file of [first, second]) {
    await choose(page, `${file.name}.md`, file.bytes);
    await expect(reader(page).getByRole('heading', { level: 1, name: file.name })).toBeVisible();
  }
  const bad = [
    { name: 'empty.pdf', bytes: new Uint8Array() },
    { name: 'empty-too.docx', bytes: new Uint8Array() },
    {
      name: 'notes-really-text.pdf',
      bytes: Buffer.from('These are notes, typed as text and saved with the wrong name.\n'),
    },
    { name: 'minutes-really-text.pdf', bytes: Buffer.from('Minutes of the March meeting, saved under a PDF name.\n') },
    { name: 'corrupt.pdf', bytes: Uint8Array.from({ length: 2048 }, (_, index) => (index * 7919) % 251) },
    { name: 'garbage.docx', bytes: Uint8Array.from({ length: 2048 }, (_, index) => (index * 104729) % 241) },
    { name: 'noise.epub', bytes: Uint8Array.from({ length: 2048 }, (_, index) => (index * 1299709) % 239) },
  ];
  await drop(page, [
    ...bad.slice(0, 4),
    { name: 'harbour-again.md', bytes: first.bytes },
    { name: 'terrace-again.md', bytes: second.bytes },
    ...bad.slice(4),
    { name: 'quarry.md', bytes: third.bytes },
  ]);
  const area = page.getByRole('status', { name: 'Notifications' });
  await expect(area.getByText(/^Couldn.t import 7 files/)).toBeVisible({ timeout: 60_000 });
  await expect(notice(page, 'harbour-again.md is already in the library as “harbour”.')).toBeVisible();

  const areaBox = (await area.boundingBox())!;
  expect(areaBox.height).toBeLessThanOrEqual(900 / 3 + 1);
  // The panel's tabs and its filter are not under the messages, and they work.
  const filter = page.getByRole('searchbox', { name: 'Filter by title' });
  for (const control of [page.getByRole('tab', { name: 'Library' }), filter]) {
    const box = (await control.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(areaBox.y);
  }
  await screenshotBothThemes(page, 'reading-trial-many-dropped');
  await filter.fill('terrace');
  await expect(page.getByRole('button', { name: /^terrace/ }).first()).toBeVisible();
  await page.getByRole('tab', { name: 'Search' }).click();
  await expect(page.getByRole('searchbox', { name: 'Search' })).toBeVisible();
  // What does not fit scrolls inside the area: its last message is within reach.
  expect(await area.evaluate((element) => element.scrollHeight > element.clientHeight)).toBe(true);
  const last = area.getByText(/already in the library/).last();
  await last.scrollIntoViewIfNeeded();
  await expect(last).toBeInViewport();
  await screenshot(page, 'reading-trial-many-dropped-search-tab');
});

test('search tells two documents of one title and text apart by their files', async ({ page, app }) => {
  await openApp(page, app);
  const text = '# Coastal Migration Brief\n\nDepartures from the western coast rose sharply in the third quarter.\n';
  await choose(page, 'report.md', Buffer.from(text));
  await expect(reader(page).getByRole('heading', { level: 1, name: 'Coastal Migration Brief' })).toBeVisible();
  // Other bytes (a line ending more), the same text: the same version.
  await choose(page, 'report-copy.md', Buffer.from(`${text}\n`));
  await expect(page.getByText('report-copy.md', { exact: true }).first()).toBeVisible();
  await reader(page).focus();
  await page.keyboard.press('Control+Shift+f');
  await page.getByRole('searchbox', { name: 'Search' }).fill('departures');
  const panel = page.getByRole('region', { name: 'Search', exact: true });
  const heading = (file: string) =>
    panel.getByRole('region', {
      name: new RegExp(
        `^Coastal Migration Brief \\(${file.replace('.', '\\.')} · Imported here · version [0-9a-f]{7}\\)$`,
      ),
    });
  await expect(heading('report.md')).toBeVisible();
  await expect(heading('report-copy.md')).toBeVisible();
  await screenshotBothThemes(page, 'reading-trial-search-same-title');
});

/** How the folded note's box meets its lines: the last one shown ends at the fold, none is cut through. */
function linesAgainstFold(body: Locator) {
  return body.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const range = document.createRange();
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    const cut: string[] = [];
    let lastShownBottom = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      range.selectNodeContents(node);
      for (const rect of range.getClientRects()) {
        if (rect.height === 0) continue;
        if (rect.top < box.bottom - 0.5 && rect.bottom > box.bottom + 0.5) cut.push(node.textContent ?? '');
        if (rect.bottom <= box.bottom + 0.5) lastShownBottom = Math.max(lastShownBottom, rect.bottom);
      }
    }
    return { cut, gapBelowLastLine: Math.round(box.bottom - lastShownBottom) };
  });
}

test('a folded note ends at a whole line above “Show more”, at any width of the margin', async ({ page, app }) => {
  const doc = app.core.documents.list()[0]!;
  const quote = 'Islamic State militants';
  const start = app.core.documents.canonicalText(doc.id).indexOf(quote);
  const paragraphs = [
    '**Why it matters.** The claim of 200 fighters rests on one source, repeated by three outlets.',
    '- the first outlet cites “officials”',
    '- the second cites the first',
    'A second paragraph that runs on long enough to wrap over several lines of the margin at any width we try here.',
    'And a third, which the fold hides.',
  ];
  app.core.annotations.create({
    documentId: doc.id,
    start,
    end: start + quote.length,
    noteMarkdown: paragraphs.join('\n\n'),
  });
  for (const size of [
    { width: 1024, height: 700 },
    { width: 1440, height: 900 },
  ]) {
    await page.setViewportSize(size);
    await page.goto(app.url);
    const card = page.getByRole('article', { name: `Note on “${quote}”` });
    await expect(card.getByRole('button', { name: 'Show more' })).toBeVisible();
    const fold = await linesAgainstFold(card.locator('[class*="collapsed"]'));
    expect(fold.cut, `${size.width}×${size.height}`).toEqual([]);
    expect(fold.gapBelowLastLine).toBeLessThanOrEqual(1);
  }
  await screenshotBothThemes(page, 'reading-trial-folded-note');
  await page
    .getByRole('article', { name: `Note on “${quote}”` })
    .getByRole('button', { name: 'Show more' })
    .click();
  await expect(page.getByRole('article', { name: `Note on “${quote}”` })).toContainText(
    'And a third, which the fold hides.',
  );
});
