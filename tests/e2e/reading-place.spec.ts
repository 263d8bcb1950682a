// The reading place holds through a reflow: after the window is resized (narrower and shorter, as a
// window dragged smaller is), the text grows or the column narrows, the passage at the top of the
// reader stands where it stood on screen, as in Kindle or Readwise Reader.
import type { Page } from '@playwright/test';
import { buildPagedPdf, pageLines } from '../support/paged-pdf';
import type { RunningApp } from './fixtures';
import { expect, screenshotBothThemes, test } from './fixtures';
import { textBox } from './helpers';
import { choosePdf, openApp } from './import-helpers';
import { callOk } from '../support/evidence-library';

/** How far (px) the passage may move: rounding and a line's own reflow, not a lost place. */
const HELD = 8;
/** How far below the reader's top edge the passage being read stands: the first one in view. */
const BELOW_TOP = 12;

const PARAGRAPHS = 240;

/** Scrolls the reader so the first line of `text` stands just below its top; returns where that is on screen. */
async function scrollTextToTop(page: Page, text: string): Promise<number> {
  const reader = page.getByRole('main', { name: 'Reader' });
  const y = (await reader.boundingBox())!.y + BELOW_TOP;
  const { y: top } = await textBox(page, text, { scroll: true });
  await reader.evaluate((element, by) => element.scrollBy(0, by), top - y);
  await expect.poll(async () => (await textBox(page, text)).y).toBeCloseTo(y, 0);
  return y;
}

/** The text from the start of the line at `y` on screen (it may begin mid-sentence), enough to be found nowhere else. */
async function lineStartingAt(page: Page, y: number): Promise<string> {
  return page.getByTestId('reader-content').evaluate((root, lineTop) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    while (walker.nextNode()) {
      const text = walker.currentNode as Text;
      for (let offset = 0; offset < text.length; offset++) {
        range.setStart(text, offset);
        range.setEnd(text, offset + 1);
        if ((range.getClientRects()[0]?.top ?? 0) >= lineTop - 2) return text.data.slice(offset, offset + 80);
      }
    }
    throw new Error('no line there');
  }, y);
}

async function runFromPalette(page: Page, typed: string, title: string): Promise<void> {
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await page.keyboard.press('Control+k');
  await expect(palette.getByRole('combobox', { name: 'Search commands and documents' })).toBeFocused();
  await page.keyboard.type(typed);
  await expect(palette.getByRole('option', { selected: true })).toContainText(title);
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
}

/** A long report whose paragraphs each say which they are. */
function longParagraphs(): string[] {
  return Array.from(
    { length: PARAGRAPHS },
    (_, index) =>
      `Paragraph ${index + 1} reports movement on the coast road near checkpoint ${index + 1}, with witnesses, officials and wire copy agreeing on the time, the number of vehicles and the direction they took after the bridge.`,
  );
}

/** The passage stands at the top of the reader, its first line in full view. */
async function expectAtTop(page: Page, text: string): Promise<void> {
  const top = (await page.getByRole('main', { name: 'Reader' }).boundingBox())!.y;
  await expect.poll(async () => (await textBox(page, text)).y - top).toBeGreaterThanOrEqual(0);
  expect((await textBox(page, text)).y - top).toBeLessThanOrEqual(BELOW_TOP + HELD);
}

/** Imports the long report and opens the app on it, once its text is there; returns its id. */
async function openLongReport(page: Page, app: RunningApp): Promise<string> {
  const { document } = app.core.importBytes(
    'long.txt',
    Buffer.from(`A long report\n\n${longParagraphs().join('\n\n')}\n`),
  );
  app.core.settings.update({ lastOpenedDocumentId: document.id });
  await page.goto(app.url);
  await expect(page.getByTestId('reader-content')).toContainText('Paragraph 150 reports movement');
  return document.id;
}

async function expectHeld(page: Page, text: string, y: number): Promise<void> {
  await expect.poll(async () => Math.abs((await textBox(page, text)).y - y)).toBeLessThanOrEqual(HELD);
}

test('the passage being read stays in place when the window narrows, the text grows, both go back, and the column narrows', async ({
  page,
  app,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openLongReport(page, app);
  const passage = 'Paragraph 150 reports movement';
  const y = await scrollTextToTop(page, passage);

  await page.setViewportSize({ width: 1000, height: 760 });
  await expectHeld(page, passage, y);
  await screenshotBothThemes(page, 'reading-place-narrowed');
  await page.keyboard.press('Control+=');
  await expectHeld(page, passage, y);
  await page.keyboard.press('Control+-');
  await expectHeld(page, passage, y);
  await page.setViewportSize({ width: 1440, height: 900 });
  await expectHeld(page, passage, y);
  await runFromPalette(page, 'width narrower', 'Reading Width: Narrower');
  await expectHeld(page, passage, y);

  // The reader's own scrolling is theirs: the place held next is where they scrolled to, not the old one.
  const later = 'Paragraph 170 reports movement';
  const laterY = await scrollTextToTop(page, later);
  await page.keyboard.press('Control+=');
  await expectHeld(page, later, laterY);
});

test('a scroll and a larger text in the same moment hold the place scrolled to, not the one before', async ({
  page,
  app,
}) => {
  await openLongReport(page, app);
  const passage = 'Paragraph 150 reports movement';
  await scrollTextToTop(page, 'Paragraph 130 reports movement');
  const reader = page.getByRole('main', { name: 'Reader' });
  const y = (await reader.boundingBox())!.y + BELOW_TOP;
  const by = (await textBox(page, passage)).y - y;
  // A busy machine can draw no frame between a scroll and the next key: its scroll event then
  // comes after the text has already grown. Both happen here in one task, as they did in CI.
  await reader.evaluate((element, distance) => {
    element.scrollBy(0, distance);
    element.dispatchEvent(new KeyboardEvent('keydown', { key: '=', code: 'Equal', ctrlKey: true, bubbles: true }));
  }, by);
  const fontSize = () => page.evaluate(() => document.documentElement.style.getPropertyValue('--reader-font-size'));
  await expect.poll(fontSize).toBe('20px');
  await expectHeld(page, passage, y);
});

test('a document opened again goes back to where it was being read, also after a restart, unless a search hit asks for another place', async ({
  page,
  app,
}) => {
  const reportId = await openLongReport(page, app);
  const passage = 'Paragraph 150 reports movement';
  await scrollTextToTop(page, passage);
  // Saved a moment after the scrolling stops: the place is where the paragraph begins in the text.
  const begins = app.core.documents.canonicalText(reportId).indexOf(passage);
  const saved = async () => (await callOk(app.core, 'getReadingPlace', { documentId: reportId })).offset;
  await expect.poll(saved).toBe(begins);

  const documents = page.getByRole('list', { name: 'Documents' });
  await documents.getByRole('button', { name: /^Reports of western/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Reports of western/ })).toBeVisible();
  await documents.getByRole('button', { name: /^A long report/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'A long report' })).toBeVisible();
  await expectAtTop(page, passage);
  await screenshotBothThemes(page, 'reading-place-reopened');

  // The app started again opens the last document where it was left.
  await page.reload();
  await expect(page.getByTestId('reader-content')).toContainText(passage);
  await expectAtTop(page, passage);

  // Opened from a search hit near its top, it goes to the hit, not to the saved place.
  await documents.getByRole('button', { name: /^Reports of western/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Reports of western/ })).toBeVisible();
  await page.getByRole('main', { name: 'Reader' }).focus();
  await page.keyboard.press('Control+Shift+f');
  await page.getByRole('searchbox', { name: 'Search' }).fill('"checkpoint 3,"');
  await page
    .getByRole('button', { name: /checkpoint 3,/ })
    .first()
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'A long report' })).toBeVisible();
  await page.waitForTimeout(500);
  const hit = await textBox(page, 'checkpoint 3,');
  expect(hit.y).toBeGreaterThan(0);
  expect(hit.y).toBeLessThan(page.viewportSize()!.height);
});

test('the passage being read in a PDF stays in place, page markers and all, when the window narrows', async ({
  page,
  app,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openApp(page, app);
  const { bytes } = await buildPagedPdf(12);
  await choosePdf(page, 'harbour.pdf', bytes);
  const reader = page.getByRole('main', { name: 'Reader' });
  await expect(reader.getByText(pageLines(12)[0]!)).toBeAttached({ timeout: 60_000 });
  // Each page is one paragraph here: the place is the line at the top, inside page 5's.
  const y = await scrollTextToTop(page, 'Tide tables for week 5');
  const passage = await lineStartingAt(page, y);
  expect(passage).not.toMatch(/^Section 5/);

  await page.setViewportSize({ width: 1000, height: 760 });
  await expectHeld(page, passage, y);
  await page.keyboard.press('Control+=');
  await expectHeld(page, passage, y);
  await screenshotBothThemes(page, 'reading-place-pdf');
});
