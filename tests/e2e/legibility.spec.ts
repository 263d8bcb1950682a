// Telling things apart at a glance: library rows read whole, same-titled documents'
// search results say which is which, and a reviewer's note card fits its column.
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { MarginaliaCore } from '../../src/core/core';
import { makeTempDir } from '../support/temp';
import { expect, screenshot, test } from './fixtures';

const SAMPLE_TITLE = 'Reports of western ‘boots on the ground’ in Libya as Islamic State storms Sabratha';

/** Whether every line of an element shows whole: nothing cut at its right edge. */
const showsWhole = (locator: Locator) => locator.evaluate((element) => element.scrollWidth <= element.clientWidth);

async function bothThemes(page: Page, name: string): Promise<void> {
  await page.emulateMedia({ colorScheme: 'light' });
  await screenshot(page, `${name}-light`);
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, `${name}-dark`);
  await page.emulateMedia({ colorScheme: 'light' });
}

test('a library row shows its source, date, word count and origin whole, and all of it on hover', async ({
  page,
  app,
}) => {
  const doc = app.core.documents.list()[0]!;
  await page.goto(app.url);
  const row = page
    .getByRole('list', { name: 'Documents' })
    .getByRole('button', { name: new RegExp(`^${SAMPLE_TITLE}`) });
  const words = `${doc.wordCount.toLocaleString('en')} words`;
  await expect(row).toContainText(words);
  await expect(row).toHaveAttribute(
    'title',
    new RegExp(`${doc.sourceName}[\\s\\S]*${words}[\\s\\S]*Imported here · version ${doc.textVersion}`),
  );
  for (const line of await row.getByTestId('library-meta').all()) expect(await showsWhole(line)).toBe(true);
  await expect(row.getByText(words)).toBeInViewport({ ratio: 1 });
  await bothThemes(page, 'library-row');
});

test('search results from two documents with one title each say where they came from and which version', async ({
  page,
  app,
}) => {
  const first = app.core.importBytes('draft.md', Buffer.from('# Field report\n\nThe convoy left at dawn.\n')).document;
  const second = app.core.importBytes(
    'revised.md',
    Buffer.from('# Field report\n\nThe convoy left before dawn.\n'),
  ).document;
  await page.goto(app.url);
  await expect(page.getByRole('heading', { level: 1, name: SAMPLE_TITLE })).toBeVisible();
  await page.getByRole('main', { name: 'Reader' }).focus();
  await page.keyboard.press('Control+Shift+f');
  await page.getByRole('searchbox', { name: 'Search' }).fill('convoy');
  for (const doc of [first, second]) {
    const group = page.getByRole('region', { name: `Field report (Imported here · version ${doc.textVersion})` });
    await expect(group.getByRole('heading')).toContainText(`Imported here · version ${doc.textVersion}`);
  }
  await bothThemes(page, 'search-same-titles');
});

test('a reviewer’s note card fits its column at 1280×800, author name on one line', async ({ page, app }) => {
  const documentId = app.core.documents.list()[0]!.id;
  const text = app.core.documents.canonicalText(documentId);
  const temp = makeTempDir('marginalia-reviewer-');
  const reviewer = new MarginaliaCore({ dataDir: join(temp.path, 'data'), host: 'cli', version: 'e2e' });
  reviewer.profile.rename('Alice A');
  await reviewer.importBundle(Buffer.from(app.core.exportBundle({ documentIds: [documentId] }).bytes), {
    allowUnsigned: false,
    apply: true,
  });
  const quote = 'beheading 11 people';
  const start = text.indexOf(quote);
  reviewer.annotations.create({
    documentId,
    start,
    end: start + quote.length,
    color: 'pink',
    noteMarkdown: 'Is 11 right? Two sources say nine.',
  });
  const review = reviewer.exportBundle({ documentIds: [documentId], reviewOnly: true }).bytes;
  reviewer.close();
  temp.remove();
  await app.core.importBundle(Buffer.from(review), { allowUnsigned: false, apply: true });

  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(app.url);
  const card = page.getByRole('article', { name: `Note on “${quote}”` });
  await expect(card).toContainText('their note');
  await card.scrollIntoViewIfNeeded();
  const margin = (await page.getByRole('complementary', { name: 'Margin notes' }).boundingBox())!;
  const column = margin.x + margin.width;
  const box = (await card.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(column + 0.5);
  expect(await showsWhole(card)).toBe(true);
  const author = card.getByText('Alice A', { exact: true });
  const lineHeight = await author.evaluate((element) => parseFloat(getComputedStyle(element).lineHeight) || 16);
  expect((await author.boundingBox())!.height).toBeLessThan(lineHeight * 1.5);
  await bothThemes(page, 'reviewer-note-card');
});

test('the Edit text bar takes its own space above the reader and covers none of the text', async ({ page, app }) => {
  await page.goto(app.url);
  const reader = page.getByRole('main', { name: 'Reader' });
  const line = page.getByText(/two Serbian hostages/);
  await line.evaluate((element) => element.scrollIntoView({ block: 'start' }));
  const before = (await line.boundingBox())!;
  await page.getByRole('button', { name: 'Edit text' }).click();
  const bar = page.getByRole('region', { name: 'Editing' });
  await expect(bar).toBeVisible();
  const barBox = (await bar.boundingBox())!;
  const readerBox = (await reader.boundingBox())!;
  expect(barBox.y + barBox.height).toBeLessThanOrEqual(readerBox.y + 0.5);
  // The line that was at the top is still there, below the bar, not under it.
  const after = (await line.boundingBox())!;
  expect(after.y).toBeGreaterThanOrEqual(barBox.y + barBox.height - 0.5);
  expect(Math.abs(after.y - before.y - barBox.height)).toBeLessThan(2);
  await bothThemes(page, 'edit-text-bar');
});
