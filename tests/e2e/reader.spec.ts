// The reader and library as a person uses them in Chromium, through the browser host.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, HTML_SAMPLES } from '../support/temp';
import { expect, screenshot, test } from './fixtures';
import { chooseTheme, closeReadingView, openReadingView } from './toolbar-helpers';

const SAMPLE_TITLE = 'Reports of western ‘boots on the ground’ in Libya as Islamic State storms Sabratha';

test.describe('on the very first start', () => {
  test.use({ firstRun: true });

  test('asks for the name to put on notes, then shows the sample document', async ({ page, app }) => {
    await page.goto(app.url);
    const welcome = page.getByRole('dialog', { name: 'Welcome to Marginalia' });
    await expect(welcome).toBeVisible();
    await screenshot(page, 'first-run-welcome');
    await welcome.getByRole('textbox', { name: 'Your name' }).fill('Rania Haddad');
    await welcome.getByRole('button', { name: 'Save' }).click();
    await expect(welcome).toBeHidden();
    await expect(page.getByRole('heading', { level: 1, name: SAMPLE_TITLE })).toBeVisible();
    expect(app.core.profile.read()).toMatchObject({ displayName: 'Rania Haddad', confirmed: true });
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: SAMPLE_TITLE })).toBeVisible();
    await expect(welcome).toBeHidden();
  });
});

test('the sample document opens in the reader with its text verified', async ({ page, app }) => {
  await page.goto(app.url);
  const reader = page.getByRole('main', { name: 'Reader' });
  await expect(reader.getByRole('heading', { level: 1, name: SAMPLE_TITLE })).toBeVisible();
  await expect(reader.getByText('Islamic State militants stormed the centre of Sabratha late Tuesday')).toBeVisible();
  await expect(page).toHaveTitle(`${SAMPLE_TITLE} — Marginalia`);
  const library = page.getByRole('list', { name: 'Documents' });
  await expect(library.getByRole('listitem')).toHaveCount(1);
  await expect(library.getByRole('button', { name: new RegExp(`^${SAMPLE_TITLE}`) })).toHaveAttribute(
    'aria-current',
    'true',
  );
  // The renderer's canonical text hashes to the same SHA-256 the core computed in Node.
  const article = page.locator('article[data-document-id]');
  await expect(article).toHaveAttribute('data-rendered-text-sha256', /^[0-9a-f]{64}$/);
  const rendered = await article.getAttribute('data-rendered-text-sha256');
  expect(rendered).toBe(await article.getAttribute('data-stored-text-sha256'));
  await expect(page.getByRole('alert')).toHaveCount(0);
  // Nothing is read-write: the reader is not editable.
  await expect(page.getByRole('textbox', { name: `Text of ${SAMPLE_TITLE}` })).toHaveAttribute(
    'contenteditable',
    'false',
  );
  await screenshot(page, 'reader-first-run');
});

test('the reader keeps a comfortable measure and line height', async ({ page, app }) => {
  await page.goto(app.url);
  const paragraph = page.locator('[data-testid="reader-content"] p').nth(2);
  await expect(paragraph).toBeVisible();
  const metrics = await paragraph.evaluate((element) => {
    const style = getComputedStyle(element);
    const probe = document.createElement('span');
    probe.textContent = 'abcdefghijklmnopqrstuvwxyz'.repeat(4);
    probe.style.font = style.font;
    probe.style.whiteSpace = 'nowrap';
    document.body.append(probe);
    const charWidth = probe.getBoundingClientRect().width / 104;
    probe.remove();
    return {
      charsPerLine: element.getBoundingClientRect().width / charWidth,
      lineHeightRatio: Number.parseFloat(style.lineHeight) / Number.parseFloat(style.fontSize),
    };
  });
  expect(metrics.charsPerLine).toBeGreaterThanOrEqual(60);
  expect(metrics.charsPerLine).toBeLessThanOrEqual(80);
  expect(metrics.lineHeightRatio).toBeCloseTo(1.6, 1);
});

test('in an 800-pixel window with the library open, the text keeps most of the reader beside its margin', async ({
  page,
  app,
}) => {
  await page.setViewportSize({ width: 800, height: 700 });
  await page.goto(app.url);
  const paragraph = page.locator('[data-testid="reader-content"] p').nth(2);
  await expect(paragraph).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'Side panel' })).toBeVisible();
  const text = (await paragraph.boundingBox())!.width;
  const margin = (await page.getByRole('complementary', { name: 'Margin notes' }).boundingBox())!.width;
  // The panel and the margin slim down before the text does: it had 240 px, beside a 190 px margin.
  expect(text).toBeGreaterThanOrEqual(320);
  expect(margin).toBeGreaterThanOrEqual(150);
  await screenshot(page, 'reader-800px');
});

test('the keyboard scrolls the reader and the progress bar follows', async ({ page, app }) => {
  await page.setViewportSize({ width: 1100, height: 600 });
  await page.goto(app.url);
  const progress = page.getByRole('progressbar', { name: 'Reading progress' });
  await expect(progress).toHaveAttribute('aria-valuenow', '0');
  await page.getByRole('main', { name: 'Reader' }).focus();
  await page.keyboard.press('PageDown');
  await expect.poll(async () => Number(await progress.getAttribute('aria-valuenow'))).toBeGreaterThan(0);
  await page.keyboard.press('End');
  await expect(progress).toHaveAttribute('aria-valuenow', '100');
  await page.keyboard.press('Home');
  await expect(progress).toHaveAttribute('aria-valuenow', '0');
});

test('importing a Markdown file through Import… renders its headings, lists, quotes and links', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  await expect(page.getByRole('heading', { level: 1, name: SAMPLE_TITLE })).toBeVisible();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import…' }).click();
  await (await chooser).setFiles(join(FIXTURES, 'briefing.md'));
  const reader = page.getByRole('main', { name: 'Reader' });
  await expect(reader.getByRole('heading', { level: 1, name: 'Field briefing: coastal cities' })).toBeVisible();
  await expect(reader.getByRole('heading', { level: 2, name: 'Situation' })).toBeVisible();
  await expect(reader.getByRole('heading', { level: 2, name: 'Open questions' })).toBeVisible();
  await expect(reader.locator('ol > li').first()).toHaveText('Who controls the security directorate?');
  await expect(reader.getByRole('listitem').filter({ hasText: /^hospital figures$/ })).toBeVisible();
  await expect(reader.locator('blockquote')).toContainText('Residents reported fighting near the hospital.');
  await expect(reader.getByRole('link', { name: 'source' })).toHaveAttribute('href', 'https://example.org/report');
  await expect(reader.locator('strong, .doc-bold').filter({ hasText: 'key claims' })).toBeVisible();
  // Markup in the source is shown as text, never run.
  await expect(reader.getByText("<script>alert('x')</script>")).toBeVisible();
  await expect(page).toHaveTitle('Field briefing: coastal cities — Marginalia');
  await expect(page.getByRole('list', { name: 'Documents' }).getByRole('listitem')).toHaveCount(2);
  await screenshot(page, 'reader-markdown');
});

test('dropping an HTML page on the window imports the article with its byline', async ({ page, app }) => {
  // A whole news page goes through Readability and the sanitizer: seconds under load.
  test.setTimeout(60_000);
  await page.goto(app.url);
  await expect(page.getByRole('heading', { level: 1, name: SAMPLE_TITLE })).toBeVisible();
  const html = readFileSync(join(HTML_SAMPLES, 'bbc-1', 'source.html'), 'utf8');
  const dataTransfer = await page.evaluateHandle((content) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([content], 'obama-guns.html', { type: 'text/html' }));
    return transfer;
  }, html);
  await page.dispatchEvent('main', 'dragenter', { dataTransfer });
  await expect(page.getByText('Drop files to import them (text, Markdown, HTML, PDF')).toBeVisible();
  await page.dispatchEvent('main', 'dragover', { dataTransfer });
  await page.dispatchEvent('main', 'drop', { dataTransfer });
  await expect(page.getByText('Drop files to import them (text, Markdown, HTML, PDF')).toBeHidden();
  const reader = page.getByRole('main', { name: 'Reader' });
  await expect(
    reader.getByRole('heading', { level: 1, name: "Obama admits US gun laws are his 'biggest frustration'" }),
  ).toBeVisible({ timeout: 30_000 });
  await expect(reader.getByText('BBC News', { exact: true }).first()).toBeVisible();
  await expect(reader.getByText('President Barack Obama has admitted that his failure to pass')).toBeVisible();
  await screenshot(page, 'reader-html');
});

test('a bad file shows a clear error and adds nothing to the library', async ({ page, app }) => {
  await page.goto(app.url);
  const documents = page.getByRole('list', { name: 'Documents' }).getByRole('listitem');
  await expect(documents).toHaveCount(1);
  await expect(page.getByRole('heading', { level: 1, name: SAMPLE_TITLE })).toBeVisible();
  for (const [name, buffer, message] of [
    ['empty.txt', Buffer.alloc(0), '“empty.txt” is empty: there is nothing to import.'],
    [
      'photo.txt',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0x49, 0x48]),
      // The bytes begin as a PNG does (the name does not decide), and the picture is cut short.
      '“photo.txt” could not be read as an image: its PNG header is missing.',
    ],
    [
      'slides.pdf',
      Buffer.from('Only text, saved with the wrong name.'),
      '“slides.pdf” is named as a PDF, but its bytes are text, not a PDF. Nothing was imported. Rename it to .txt, .md or .html to import it as text.',
    ],
  ] as const) {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import…' }).click();
    await (await chooser).setFiles({ name, mimeType: 'application/octet-stream', buffer });
    // The reason names the file already, so the heading does not name it again.
    const notice = page.getByRole('status', { name: 'Notifications' }).getByText(`Couldn't import: ${message}`);
    await expect(notice).toBeVisible();
    if (name === 'empty.txt') await screenshot(page, 'import-error');
    await page.getByRole('button', { name: `Dismiss: Couldn't import: ${message}` }).click();
    await expect(notice).toBeHidden();
  }
  await expect(documents).toHaveCount(1);
});

test('the theme follows the system, can be overridden, and is remembered', async ({ page, app }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(app.url);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const light = await background();
  await chooseTheme(page, 'Dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await background()).not.toBe(light);
  await screenshot(page, 'reader-dark');
  await page.reload();
  await expect((await openReadingView(page)).getByRole('radio', { name: 'Dark' })).toBeChecked();
  await closeReadingView(page);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await chooseTheme(page, 'Light');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
});

test('text size changes with Ctrl + and Ctrl -, and the font with the Font choice in the Aa popover', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  const body = page.locator('[data-testid="reader-content"] p').nth(1);
  await expect(body).toBeVisible();
  const size = () => body.evaluate((element) => Number.parseFloat(getComputedStyle(element).fontSize));
  const before = await size();
  await page.keyboard.press('Control+=');
  await page.keyboard.press('Control+=');
  await expect.poll(size).toBe(before + 2);
  const view = await openReadingView(page);
  await expect(
    view.getByRole('status', { name: 'Text size' }).or(view.locator('output[aria-label="Text size"]')),
  ).toHaveText(`${before + 2}px`);
  await page.keyboard.press('Control+-');
  await expect.poll(size).toBe(before + 1);
  await view.getByRole('button', { name: 'Smaller text' }).click();
  await expect.poll(size).toBe(before);
  const family = () => body.evaluate((element) => getComputedStyle(element).fontFamily);
  expect(await family()).toMatch(/serif/i);
  await view.getByRole('radio', { name: 'Sans-serif' }).check();
  await expect.poll(family).toMatch(/sans-serif/);
});

test('the library filters, sorts, opens and deletes with confirmation', async ({ page, app }) => {
  app.core.importPath(join(FIXTURES, 'briefing.md'));
  app.core.importPath(join(HTML_SAMPLES, 'cnn', 'source.html'));
  await page.goto(app.url);
  const items = page.getByRole('list', { name: 'Documents' }).getByRole('listitem');
  await expect(items).toHaveCount(3);
  await page.getByRole('combobox', { name: 'Sort' }).selectOption('Title (A–Z)');
  await expect(items.getByTestId('library-title')).toHaveText([
    'Field briefing: coastal cities',
    SAMPLE_TITLE,
    "The 'birth lottery' and economic mobility",
  ]);
  await expect(items.nth(2)).toContainText('CNNMoney');
  await expect(items.nth(2)).toContainText(/\d+ words/);
  await page.getByRole('searchbox', { name: 'Filter by title' }).fill('lottery');
  await expect(items).toHaveCount(1);
  await items
    .first()
    .getByRole('button', { name: /^The 'birth lottery'/ })
    .click();
  await expect(
    page.getByRole('heading', { level: 1, name: "The 'birth lottery' and economic mobility" }),
  ).toBeVisible();
  await screenshot(page, 'library-filtered');

  await page.getByRole('button', { name: "Delete The 'birth lottery' and economic mobility" }).click();
  const confirm = page.getByRole('dialog', { name: "Delete “The 'birth lottery' and economic mobility”?" });
  await expect(confirm).toBeVisible();
  await screenshot(page, 'library-delete-confirm');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(items).toHaveCount(1);
  await page.getByRole('button', { name: "Delete The 'birth lottery' and economic mobility" }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('searchbox', { name: 'Filter by title' }).fill('');
  await expect(items).toHaveCount(2);
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText("The 'birth lottery' and economic mobility");
});

test('links open only after the reader confirms', async ({ page, app }) => {
  app.core.importPath(join(FIXTURES, 'briefing.md'));
  await page.goto(app.url);
  await page.getByRole('button', { name: /^Field briefing/ }).click();
  await page.getByRole('link', { name: 'source' }).click();
  const dialog = page.getByRole('dialog', { name: 'Open this link?' });
  await expect(dialog).toContainText('https://example.org/report');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(page.url().startsWith(app.origin)).toBe(true);
});

test('a document imported from the CLI appears in the open library', async ({ page, app }) => {
  await page.goto(app.url);
  await expect(page.getByRole('list', { name: 'Documents' }).getByRole('listitem')).toHaveCount(1);
  const { MarginaliaCore } = await import('../../src/core/core');
  const otherProcess = new MarginaliaCore({ dataDir: app.dataDir, host: 'cli', version: 'e2e' });
  otherProcess.importPath(join(FIXTURES, 'briefing.md'));
  otherProcess.close();
  await expect(page.getByRole('list', { name: 'Documents' }).getByRole('listitem')).toHaveCount(2, { timeout: 5000 });
});

test('the library toggles away to leave the reader alone', async ({ page, app }) => {
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Library', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Library' })).toBeHidden();
  await screenshot(page, 'reader-library-closed');
  await page.getByRole('button', { name: 'Library', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Library' })).toBeVisible();
});
