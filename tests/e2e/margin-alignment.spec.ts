// A margin card stands level with the first line of its passage, as comments do beside a
// page: near the top of a document and far down it, in a text file and in a PDF, and still
// after the window is resized; a card with no room there is pushed below the one above it.
import type { Page } from '@playwright/test';
import { buildPagedPdf, pageLines } from '../support/paged-pdf';
import { expect, screenshotBothThemes, test } from './fixtures';
import { selectText, textBox } from './helpers';
import { choosePdf, openApp } from './import-helpers';

/** How far (px) a card's top may stand from its passage's top: rounding, not a line. */
const LEVEL = 3;

const card = (page: Page, quote: string) => page.getByRole('article', { name: `Note on “${quote}”` });

/** Highlights `quote` with a note, then leaves the note for the text, as a reader does. */
async function annotate(page: Page, quote: string, note: string): Promise<void> {
  await selectText(page, quote);
  await page.getByRole('toolbar', { name: 'Annotate selection' }).getByRole('button', { name: 'Note' }).click();
  await expect(page.getByRole('textbox', { name: `Note on “${quote}”` })).toBeFocused();
  await page.keyboard.type(note);
  await expect(card(page, quote)).toContainText(note);
}

/** How far the card of `quote` stands below (positive) or above its passage's first line. */
async function cardOffset(page: Page, quote: string): Promise<number> {
  const box = (await card(page, quote).boundingBox())!;
  return box.y - (await textBox(page, quote)).y;
}

async function expectLevel(page: Page, quote: string): Promise<void> {
  await expect.poll(async () => Math.abs(await cardOffset(page, quote))).toBeLessThanOrEqual(LEVEL);
}

test('a note’s card is level with its passage near the top and far down a text, and after a resize', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  const early = 'beheading 11 people';
  const late = 'speaking on condition of anonymity';
  await annotate(page, early, 'Casualty count, first report');
  await expectLevel(page, early);
  // A second note on the same lines cannot stand level too: it is pushed down below the first.
  const sameLine = 'residents and officials';
  await annotate(page, sameLine, 'Which officials?');
  await expect(card(page, sameLine)).toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(card(page, sameLine)).not.toHaveAttribute('aria-current');
  await expectLevel(page, early);
  const above = (await card(page, early).boundingBox())!;
  expect((await card(page, sameLine).boundingBox())!.y).toBeGreaterThanOrEqual(above.y + above.height);
  await annotate(page, late, 'Who is the source?');
  await expect
    .poll(() => page.getByRole('main', { name: 'Reader' }).evaluate((reader) => reader.scrollTop))
    .toBeGreaterThan(0);
  await expectLevel(page, late);
  await screenshotBothThemes(page, 'margin-level-text');

  await page.setViewportSize({ width: 1000, height: 700 });
  await expectLevel(page, late);
  await card(page, early).scrollIntoViewIfNeeded();
  await expectLevel(page, early);
});

test('a note’s card is level with its passage on the first page and far down a PDF', async ({ page, app }) => {
  await openApp(page, app);
  const { bytes } = await buildPagedPdf(12);
  await choosePdf(page, 'harbour.pdf', bytes);
  const reader = page.getByRole('main', { name: 'Reader' });
  await expect(reader.getByText(pageLines(12)[0]!)).toBeAttached({ timeout: 60_000 });
  const first = 'description of the harbour';
  const last = 'Tide tables for week 12';
  await annotate(page, first, 'Where the survey begins');
  await expectLevel(page, first);
  await annotate(page, last, 'The last tides');
  await expectLevel(page, last);
  await screenshotBothThemes(page, 'margin-level-pdf');
});
