// A long PDF's page markers are there as soon as its text, before the reader has laid every
// block out, and stand level with their pages' first lines once it has. A title printed on
// page 1 is page 1's: its marker stands above the title, and a search hit in it says p. 1. A
// paragraph that runs onto the next page has that page's marker where the page begins in it.
import { FLOW_TITLE, firstWordsOn, flowingPdf } from '../support/flowing-pdf';
import { PAGED_TITLE, buildPagedPdf, pageLines } from '../support/paged-pdf';
import { expect, screenshotBothThemes, test } from './fixtures';
import { textBox } from './helpers';
import { choosePdf, openApp } from './import-helpers';

const PAGES = 300;

interface HeldIdle {
  releaseIdle: () => void;
}

// A 300-page import and its reader: seconds each on a busy machine.
test.describe.configure({ timeout: 150_000 });

test('a 300-page PDF shows a late page’s marker while the reader is still laying it out, level with that page once it has', async ({
  page,
  app,
}) => {
  // The browser never idle: the reader does not settle (lay every block out) until released.
  await page.addInitScript(() => {
    const held: Array<() => void> = [];
    (window as unknown as HeldIdle).releaseIdle = () => held.splice(0).forEach((run) => run());
    window.requestIdleCallback = (callback) => {
      held.push(() => callback({ didTimeout: false, timeRemaining: () => 50 }));
      return held.length;
    };
  });
  await openApp(page, app);
  const { bytes } = await buildPagedPdf(PAGES);
  await choosePdf(page, 'long-survey.pdf', bytes);
  const reader = page.getByRole('main', { name: 'Reader' });
  await expect(reader.getByText(pageLines(2)[0]!)).toBeVisible({ timeout: 60_000 });

  const markers = page.getByTestId('page-markers');
  const late = markers.getByRole('button', { name: `p. ${PAGES}: Open original page` });
  await expect(late).toBeAttached();
  await expect(markers.getByRole('button', { name: /^p\. \d+: Open original page$/ })).toHaveCount(PAGES);
  await expect(page.locator('article[data-document-id]')).not.toHaveClass(/settled/);

  await page.evaluate(() => (window as unknown as HeldIdle).releaseIdle());
  await expect(page.locator('article[data-document-id]')).toHaveClass(/settled/);
  const line = reader.getByText(pageLines(PAGES)[0]!);
  await line.scrollIntoViewIfNeeded();
  // The marker sits in the gap just above its page's first line.
  await expect
    .poll(async () => {
      const marker = (await late.boundingBox())!;
      const text = (await line.boundingBox())!;
      return Math.round(text.y - (marker.y + marker.height));
    })
    .toBeGreaterThanOrEqual(0);
  const marker = (await late.boundingBox())!;
  const text = (await line.boundingBox())!;
  expect(text.y - (marker.y + marker.height)).toBeLessThan(12);
});

test('the p. 1 marker stands above a title page 1 prints, and a search hit in the title says p. 1', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  await choosePdf(page, 'harbour-survey.pdf', (await buildPagedPdf(3)).bytes);
  const reader = page.getByRole('main', { name: 'Reader' });
  const title = reader.getByRole('heading', { level: 1, name: PAGED_TITLE });
  await expect(title).toBeVisible({ timeout: 60_000 });
  const first = page.getByTestId('page-markers').getByRole('button', { name: 'p. 1: Open original page' });
  await expect(first).toBeVisible();
  // Above the title, not between it and the page's first paragraph.
  await expect
    .poll(async () => {
      const marker = (await first.boundingBox())!;
      return Math.round((await title.boundingBox())!.y - (marker.y + marker.height));
    })
    .toBeGreaterThanOrEqual(0);
  const marker = (await first.boundingBox())!;
  expect((await title.boundingBox())!.y - (marker.y + marker.height)).toBeLessThan(24);
  await screenshotBothThemes(page, 'page-marker-above-title');

  await reader.focus();
  await page.keyboard.press('Control+Shift+f');
  await page.getByRole('searchbox', { name: 'Search' }).fill('Notes');
  const hit = page.getByRole('button', { name: /^Title .*Harbour Survey Notes/ });
  await expect(hit.getByTestId('page-tag')).toHaveText('p. 1');
});

test('a paragraph that runs onto page 2 shows the p. 2 marker at the line page 2 begins on, and a highlight there says p. 2', async ({
  page,
  app,
}, testInfo) => {
  await openApp(page, app);
  const bytes = await flowingPdf();
  const [firstOnPage2] = firstWordsOn(bytes, testInfo.outputPath('ledger.pdf'), [2]);
  await choosePdf(page, 'ledger.pdf', bytes);
  const reader = page.getByRole('main', { name: 'Reader' });
  await expect(reader.getByRole('heading', { level: 1, name: FLOW_TITLE })).toBeVisible({ timeout: 60_000 });
  // The marker stands at the top of the line holding the page's first word, inside the one paragraph.
  const word = await textBox(page, firstOnPage2!, { scroll: true });
  const marker = page.getByTestId('page-markers').getByRole('button', { name: 'p. 2: Open original page' });
  await expect
    .poll(async () => {
      const box = (await marker.boundingBox())!;
      return Math.abs(box.y + box.height - word.y);
    })
    .toBeLessThan(12);
  await screenshotBothThemes(page, 'page-marker-inside-paragraph');
  // A highlight of the page's first word is cited by page 2.
  await page.mouse.move(word.x + 1, word.y + word.height / 2);
  await page.mouse.down();
  await page.mouse.move(word.x + word.width - 1, word.y + word.height / 2, { steps: 4 });
  await page.mouse.up();
  await page.keyboard.press('h');
  const card = page.getByRole('complementary', { name: 'Margin notes' }).getByRole('article');
  await expect(card.getByTestId('page-tag')).toHaveText('p. 2');
});
