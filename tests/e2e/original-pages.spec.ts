// The issue's own words for pages: drop a PDF, read it, highlight a passage on page 3, see
// "p. 3" on its card, in the Annotations panel and in search, open the original page and
// see the region outlined; page markers in the reader; an encrypted PDF's page opened with its
// password; light and dark screenshots.
import type { Page } from '@playwright/test';
import { buildPagedPdf, pageLines, PAGED_TITLE, PAGE_HEIGHT, PAGE_WIDTH } from '../support/paged-pdf';
import { expect, screenshot, test } from './fixtures';
import { selectText } from './helpers';
import { choosePdf, openApp } from './import-helpers';
import { encryptWithQpdf } from '../support/import-fixtures';
import { makeTempDir } from '../support/temp';

const QUOTE = 'The divers on day 3 measured the quay wall';

// Each page is drawn in a fresh worker (from source here, through tsx): seconds each on a busy machine.
test.describe.configure({ timeout: 150_000 });

async function dropPdf(page: Page): Promise<void> {
  const { bytes } = await buildPagedPdf();
  const dataTransfer = await page.evaluateHandle((base64) => {
    const data = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
    const transfer = new DataTransfer();
    transfer.items.add(new File([data], 'harbour-survey.pdf', { type: 'application/pdf' }));
    return transfer;
  }, Buffer.from(bytes).toString('base64'));
  await page.dispatchEvent('main', 'dragenter', { dataTransfer });
  await page.dispatchEvent('main', 'dragover', { dataTransfer });
  await page.dispatchEvent('main', 'drop', { dataTransfer });
}

async function bothThemes(page: Page, name: string) {
  for (const theme of ['light', 'dark'] as const) {
    const shoot = () => screenshot(page, `${name}-${theme}`);
    await page.emulateMedia({ colorScheme: theme });
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await shoot();
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test('a highlight on page 3 of a dropped PDF says “p. 3” and opens its original page with its words outlined', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  await dropPdf(page);
  const reader = page.getByRole('main', { name: 'Reader' });
  await expect(reader.getByRole('heading', { level: 1, name: PAGED_TITLE })).toBeVisible();
  await expect(reader.getByText(pageLines(4)[3]!)).toBeVisible();

  // A quiet marker where each page begins, outside the text.
  const markers = page.getByTestId('page-markers');
  await expect(markers.getByRole('button', { name: /^p\. \d: Open original page$/ })).toHaveCount(4);
  await expect(page.getByTestId('reader-content')).not.toContainText('p. 3');

  await selectText(page, QUOTE);
  await page.keyboard.press('h');
  const card = page.getByRole('complementary', { name: 'Margin notes' }).getByRole('article');
  await expect(card).toHaveCount(1);
  await expect(card.getByTestId('page-tag')).toHaveText('p. 3');
  await bothThemes(page, 'original-pages-card');

  const open = card.getByRole('button', { name: 'Open original page' });
  await open.click();
  const dialog = page.getByRole('dialog', { name: 'Page 3 of 4' });
  await expect(dialog).toBeVisible();
  const image = dialog.getByRole('img', { name: 'Page 3 of 4' });
  await expect(image).toBeVisible();
  const regions = dialog.getByTestId('page-region');
  await expect(regions).toHaveCount(1);
  await expect(dialog.getByText('The annotation’s words are outlined.')).toBeVisible();

  // The region stands where pdfkit drew the line: its second line, 200 pt from the top, 72 pt in.
  const where = async () => {
    const picture = (await image.boundingBox())!;
    const region = (await regions.first().boundingBox())!;
    return {
      top: ((region.y - picture.y) / picture.height) * PAGE_HEIGHT,
      left: ((region.x - picture.x) / picture.width) * PAGE_WIDTH,
    };
  };
  const fitted = await where();
  expect(fitted.top).toBeGreaterThan(195);
  expect(fitted.top).toBeLessThan(206);
  expect(fitted.left).toBeGreaterThan(70);
  expect(fitted.left).toBeLessThan(80);
  await bothThemes(page, 'original-pages-dialog');

  // At 100 % the picture is its own size and the region scales with it.
  await dialog.getByRole('button', { name: '100 %' }).click();
  await expect(image).toHaveJSProperty('clientWidth', 1236);
  const actual = await where();
  expect(Math.abs(actual.top - fitted.top)).toBeLessThan(1.5);
  await dialog.getByRole('button', { name: 'Fit width' }).click();

  // ← and → turn the pages; the words are on page 3 only.
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('dialog', { name: 'Page 4 of 4' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Page 4 of 4' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('page-region')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Next page →' })).toBeDisabled();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('dialog', { name: 'Page 3 of 4' }).getByTestId('page-region')).toHaveCount(1);

  // Esc closes it and gives focus back to the card's button.
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(open).toBeFocused();

  // The Annotations panel and search say the page too.
  const tabs = page.getByRole('tablist', { name: 'Panels' });
  await tabs.getByRole('tab', { name: 'Annotations', exact: true }).click();
  const panel = page.getByRole('tabpanel', { name: 'Annotations' });
  await expect(panel.getByRole('list', { name: 'Annotations in this document' }).getByTestId('page-tag')).toHaveText(
    'p. 3',
  );
  await tabs.getByRole('tab', { name: 'Search', exact: true }).click();
  await page.getByRole('searchbox', { name: 'Search' }).fill('"quay wall"');
  const hits = page.getByRole('list', { name: /^Results in/ }).getByRole('listitem');
  await expect(hits).toHaveCount(5);
  await expect(hits.filter({ hasText: 'Highlight' }).getByTestId('page-tag')).toHaveText('p. 3');
  await expect(hits.filter({ hasText: 'day 2' }).getByTestId('page-tag')).toHaveText('p. 2');
});

test('a page marker in the reader opens that original page, and the palette opens the page in view', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  await dropPdf(page);
  await expect(page.getByRole('heading', { level: 1, name: PAGED_TITLE })).toBeVisible();
  const marker = page.getByTestId('page-markers').getByRole('button', { name: 'p. 2: Open original page' });
  await expect(marker).toBeVisible();
  await bothThemes(page, 'original-pages-markers');
  await marker.click();
  await expect(
    page.getByRole('dialog', { name: 'Page 2 of 4' }).getByRole('img', { name: 'Page 2 of 4' }),
  ).toBeVisible();
  await expect(page.getByTestId('page-region')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();

  await page.getByRole('main', { name: 'Reader' }).focus();
  await page.keyboard.press('Control+k');
  await page.keyboard.type('open original page');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: /^Page \d of 4$/ })).toBeVisible();
});

test('an encrypted PDF’s original page asks for its password, says a wrong one is wrong, and then draws the pages', async ({
  page,
  app,
}) => {
  const temp = makeTempDir();
  try {
    const locked = encryptWithQpdf((await buildPagedPdf()).bytes, temp.path, 'tide-table');
    // Imported with its password, which is not kept: the page view must ask for it again.
    await openApp(page, app);
    await choosePdf(page, 'locked-survey.pdf', locked);
    const asked = page.getByRole('dialog', { name: 'Password for locked-survey.pdf' });
    await asked.getByLabel('Password').fill('tide-table', { timeout: 30_000 });
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: PAGED_TITLE })).toBeVisible({ timeout: 30_000 });

    await page.getByTestId('page-markers').getByRole('button', { name: 'p. 2: Open original page' }).click();
    const dialog = page.getByRole('dialog', { name: /^Page 2/ });
    const password = dialog.getByLabel('Password');
    await expect(password).toBeFocused({ timeout: 30_000 });
    await expect(dialog).toContainText(
      '“locked-survey.pdf” is encrypted: its pages can be shown only with its password.',
    );
    await bothThemes(page, 'original-pages-password');
    await password.fill('low-water');
    await dialog.getByRole('button', { name: 'Open' }).click();
    await expect(dialog.getByRole('alert')).toHaveText('That is not the password of “locked-survey.pdf”.', {
      timeout: 30_000,
    });
    await expect(password).toHaveValue('');
    await password.fill('tide-table');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('img', { name: 'Page 2 of 4' })).toBeVisible({ timeout: 30_000 });

    // The password is kept for the session: the next page and the view opened again need nothing.
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('img', { name: 'Page 3 of 4' })).toBeVisible({ timeout: 30_000 });
    await page.keyboard.press('Escape');
    await page.getByTestId('page-markers').getByRole('button', { name: 'p. 4: Open original page' }).click();
    await expect(page.getByRole('img', { name: 'Page 4 of 4' })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByLabel('Password')).toHaveCount(0);
  } finally {
    temp.remove();
  }
});
