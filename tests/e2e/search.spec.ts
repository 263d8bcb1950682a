// Searching as an analyst does: the true count, every hit a page at a time, the whole
// phrase marked where a result opens, the mark gone with the search, and a hint when a
// query cannot be read.
import type { Page } from '@playwright/test';
import { join } from 'node:path';
import { EPUB_TITLE, buildEpub } from '../support/epub-fixture';
import { CRLF, entity } from '../support/mime-fixtures';
import { HTML_SAMPLES } from '../support/temp';
import { expect, screenshot, screenshotBothThemes, test } from './fixtures';
import type { RunningApp } from './fixtures';
import { paintedHighlights } from './helpers';
import { buildFixturePdf } from '../support/pdf-fixtures';
import { choosePdf, openApp } from './import-helpers';

const ACLU_TITLE = 'Facebook Is Tracking Me Even Though I’m Not on Facebook';

async function openSearch(page: Page, app: RunningApp): Promise<ReturnType<Page['getByRole']>> {
  app.core.importPath(join(HTML_SAMPLES, 'aclu/source.html'));
  await page.goto(app.url);
  await expect(page.getByRole('heading', { level: 1, name: /^Reports of western/ })).toBeVisible();
  await page.getByRole('main', { name: 'Reader' }).focus();
  await page.keyboard.press('Control+Shift+f');
  const box = page.getByRole('searchbox', { name: 'Search' });
  await expect(box).toBeFocused();
  return box;
}

const marked = async (page: Page) => (await paintedHighlights(page))['mg-search'] ?? [];
const results = (page: Page) => page.getByRole('list', { name: /^Results in/ }).getByRole('listitem');

test('search shows the true count, pages through every hit, and marks the whole phrase until the search is cleared', async ({
  page,
  app,
}) => {
  const box = await openSearch(page, app);
  await box.fill('Facebook');
  await expect(page.getByRole('status').filter({ hasText: '50 results in 1 document' })).toBeVisible();
  await expect(page.getByRole('heading', { name: `${ACLU_TITLE} 50 results` })).toBeVisible();
  // The title holds the word twice and shows whole: one result with both marked, never the same snippet twice.
  const title = page.getByRole('button', { name: /^Title Facebook Is Tracking Me/ });
  await expect(title).toHaveCount(1);
  await expect(title.locator('mark')).toHaveText(['Facebook', 'Facebook']);
  await expect(results(page)).toHaveCount(50);
  await expect(page.getByRole('button', { name: /^Show more/ })).toBeHidden();
  await box.fill('Facebook OR ACLU');
  await expect(page.getByRole('status').filter({ hasText: '52 results in 1 document' })).toBeVisible();
  await expect(results(page)).toHaveCount(50);
  await page.getByRole('button', { name: 'Show more (50 of 52 shown)' }).click();
  await expect(results(page)).toHaveCount(52);
  await expect(page.getByRole('button', { name: /^Show more/ })).toBeHidden();

  await box.fill('"not on Facebook"');
  const phrase = page.getByRole('button', { name: /^Title .*Not on Facebook/ }).first();
  await expect(phrase.locator('mark')).toHaveText(['Not on Facebook']);
  await phrase.click();
  await expect(page.getByRole('heading', { level: 1, name: ACLU_TITLE })).toBeVisible();
  await expect.poll(() => marked(page)).toEqual(['Not on Facebook']);

  // Several words: one result per passage, each word marked (here in the title, which the text opens with).
  await box.fill('Facebook tracking');
  const titleHit = page.getByRole('button', { name: /^Title Facebook Is Tracking Me/ });
  await expect(titleHit.locator('mark')).toHaveText(['Facebook', 'Tracking', 'Facebook']);
  await titleHit.click();
  await expect.poll(() => marked(page)).toEqual(['Facebook', 'Tracking', 'Facebook']);
  await screenshot(page, 'search-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await screenshot(page, 'search-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  await box.fill('');
  await expect.poll(() => marked(page)).toEqual([]);

  // Closing the search (another panel) clears the mark as well.
  await box.fill('"not on Facebook"');
  await expect(phrase.locator('mark')).toHaveText(['Not on Facebook']);
  await phrase.click();
  await expect.poll(() => marked(page)).toEqual(['Not on Facebook']);
  await page.getByRole('tab', { name: 'Library' }).click();
  await expect.poll(() => marked(page)).toEqual([]);
});

test('the search panel lists its operators and says why a query cannot be read', async ({ page, app }) => {
  const box = await openSearch(page, app);
  const help = page.getByRole('region', { name: 'Search syntax' });
  for (const operator of [
    '"security vacuum"',
    'milit*',
    'militia OR brigades',
    'militia NOT coastal',
    'tag:Actor/IS',
    'color:red',
    'author:Rania',
    'is:orphan',
  ]) {
    await expect(help.getByText(operator, { exact: true })).toBeVisible();
  }
  await screenshot(page, 'search-help-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'search-help-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  await box.fill('"security vacuum" OR x((');
  const panel = page.getByRole('region', { name: 'Search', exact: true });
  await expect(panel.getByRole('alert')).toHaveText(
    'The search could not be read: a “(” is never closed. Add a “)”, or put the text in quotes to search for it.',
  );
  await expect(box).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('No results')).toBeHidden();
  await expect(help).toBeVisible();
  await screenshot(page, 'search-syntax-error');

  // Quoted, the same text is read; the phrase is in the sample report.
  await box.fill('"security vacuum" OR "x(("');
  await expect(page.getByRole('status').filter({ hasText: '1 result in 1 document' })).toBeVisible();
  await expect(panel.getByRole('alert')).toBeHidden();
  await expect(box).not.toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('button', { name: /^Passage .*security vacuum/ }).click();
  await expect.poll(() => marked(page)).toEqual([expect.stringMatching(/^security\svacuum$/u)]);
  await box.fill('Facebook NOT tracking');
  await expect(page.getByRole('status').filter({ hasText: 'No results' })).toBeVisible();
  await box.fill('Facebook OR Sabratha');
  await expect(page.getByRole('status').filter({ hasText: /results in 2 documents$/ })).toBeVisible();
});

test('a match in an imported image’s description is labelled as one and keeps the description’s own brackets', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  await page
    .getByTestId('import-input')
    .setInputFiles({ name: 'delta.epub', mimeType: 'application/epub+zip', buffer: Buffer.from(buildEpub()) });
  await expect(page.getByRole('heading', { level: 1, name: EPUB_TITLE })).toBeVisible();
  await page.getByRole('main', { name: 'Reader' }).focus();
  await page.keyboard.press('Control+Shift+f');
  await page.getByRole('searchbox', { name: 'Search' }).fill('channels');
  // Each hit says the section it falls under, in a document without pages.
  const hit = page.getByRole('button', {
    name: /^Image description · in “Appendix of soundings” .*\[Image: Map of the delta channels\]/,
  });
  await expect(hit).toHaveCount(1);
  await expect(hit.locator('mark')).toHaveText(['channels']);
  await expect(page.getByRole('button', { name: /^Passage .*eleven channels/ })).toHaveCount(1);
  await screenshotBothThemes(page, 'search-image-description');
  // Opening it marks the match inside the description in the reader.
  await hit.click();
  await expect.poll(() => marked(page)).toEqual(['channels']);
});

test('an e-mail’s From line is one result, shown as the line alone, not run into the title and the lines beside it', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  const headers = {
    From: 'Rania Haddad <rania@example.org>',
    To: 'team@example.org',
    Subject: 'Port visit',
    'Message-ID': '<visit@example.org>',
  };
  const eml = entity(headers, `Rania said the port was quiet.${CRLF}`);
  await page
    .getByTestId('import-input')
    .setInputFiles({ name: 'visit.eml', mimeType: 'message/rfc822', buffer: Buffer.from(eml) });
  await expect(page.getByRole('heading', { level: 1, name: 'Port visit' })).toBeVisible();
  await page.getByRole('main', { name: 'Reader' }).focus();
  await page.keyboard.press('Control+Shift+f');
  await page.getByRole('searchbox', { name: 'Search' }).fill('Rania');
  await expect(page.getByRole('status').filter({ hasText: '2 results in 1 document' })).toBeVisible();
  const from = page.getByRole('button', { name: /^Passage\s*From: Rania Haddad <rania@example\.org>$/ });
  await expect(from.locator('mark')).toHaveText(['Rania', 'rania']);
  await expect(page.getByRole('button', { name: /^Passage\s*Rania said the port was quiet\.$/ })).toHaveCount(1);
  await screenshotBothThemes(page, 'search-email-from-line');
});

test('a search of the open document that finds nothing offers the library, one key away', async ({ page, app }) => {
  const box = await openSearch(page, app);
  await page.getByRole('radio', { name: 'This document' }).check();
  await box.fill('Facebook');
  await expect(page.getByRole('status').filter({ hasText: 'No results in this document' })).toBeVisible();
  const widen = page.getByRole('button', { name: 'Search the library' });
  await screenshotBothThemes(page, 'search-no-results-in-document');
  await widen.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('radio', { name: 'Library' })).toBeChecked();
  await expect(page.getByRole('status').filter({ hasText: '50 results in 1 document' })).toBeVisible();
  await expect(widen).toBeHidden();
  await expect(box).toBeFocused();
});

test('a hit in a PDF says both its page and the section it falls under', async ({ page, app }) => {
  await openApp(page, app);
  await choosePdf(page, 'ruins.pdf', (await buildFixturePdf()).bytes);
  await expect(page.getByRole('heading', { level: 1, name: 'Ruins of the Coastal City' })).toBeVisible();
  await page.getByRole('main', { name: 'Reader' }).focus();
  await page.keyboard.press('Control+Shift+f');
  await page.getByRole('searchbox', { name: 'Search' }).fill('"northern quay"');
  const hit = results(page);
  await expect(hit).toHaveCount(1);
  await expect(hit.getByRole('button')).toContainText('Passage · in “Findings at the Harbour”');
  await expect(hit.getByTestId('page-tag')).toHaveText('p. 2');
  await screenshotBothThemes(page, 'search-pdf-page-and-section');
});

test('a click on the Search tab puts the caret in its box: what is typed next is the search, not the reader’s keys', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  await expect(page.getByRole('heading', { level: 1, name: /^Reports of western/ })).toBeVisible();
  const reader = page.getByRole('main', { name: 'Reader' });
  await page.getByRole('tablist', { name: 'Panels' }).getByRole('tab', { name: 'Search', exact: true }).click();
  const box = page.getByRole('searchbox', { name: 'Search' });
  await expect(box).toBeFocused();
  await page.keyboard.type('hostages k j');
  await expect(box).toHaveValue('hostages k j');
  expect(await reader.evaluate((element) => element.scrollTop)).toBe(0);
  // From the keyboard, arriving on the tab keeps focus on the tabs, as tabs do.
  await page.getByRole('tab', { name: 'Tags', exact: true }).click();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Search', exact: true })).toBeFocused();
  await expect(box).toBeVisible();
});
