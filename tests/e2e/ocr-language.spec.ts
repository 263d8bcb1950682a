// The OCR language as a person sets it: Settings › Language of scanned pages (OCR) set to
// French, then a scanned French page imports with its accents, and the Source panel says
// it was recognized in French; a French scan read as English says it read poorly and how to read
// it in French. Screenshots of the setting and of that hint, light and dark.
import { expect, screenshot, screenshotBothThemes, test } from './fixtures';
import { choosePdf as choose, notice, openApp } from './import-helpers';
import { chooseToolbarAction } from './screen-setups';
import { imagePdf, renderPages, scannedPages, textPdf } from '../support/ocr-fixtures';

const FRENCH =
  'La sœur du garçon a reçu une lettre très élégante de sa mère. Après le dîner, nous irons à la plage ' +
  'où le vent souffle fort près du phare.';
const PAGE: [number, number] = [560, 200];

test('French chosen in Settings reads a scanned French page with its accents, and the Source panel says so', async ({
  page,
  app,
}) => {
  test.setTimeout(180_000);
  await openApp(page, app);
  await chooseToolbarAction(page, 'Settings');
  const settings = page.getByRole('dialog', { name: 'Settings' });
  const language = settings.getByRole('combobox', { name: 'Language of scanned pages (OCR)' });
  await expect(language).toHaveValue('eng');
  await language.selectOption({ label: 'French' });
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await screenshot(page, `settings-ocr-language-${theme}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await settings.getByRole('button', { name: 'Save' }).click();
  await expect(settings).toBeHidden();
  // The dialog closes once the name is saved; the language is saved alongside, without waiting.
  await expect.poll(() => app.core.settings.read().ocrLanguages).toBe('fra');

  const scan = await imagePdf(await scannedPages([FRENCH], PAGE), PAGE);
  await choose(page, 'lettre.pdf', scan);
  await expect(notice(page, 'Imported lettre.pdf')).toBeVisible({ timeout: 150_000 });
  await expect(page.getByTestId('reader-content')).toContainText('La sœur du garçon a reçu une lettre très élégante');

  await page.keyboard.press('Control+K');
  await page.keyboard.type('Show Source');
  await page.keyboard.press('Enter');
  const source = page.getByRole('tabpanel', { name: 'Source' });
  await expect(source).toContainText('Recognized text (OCR, French)');
});

test('a French scan read as English says, in its notification and its Source panel, how to read it in French', async ({
  page,
  app,
}) => {
  test.setTimeout(180_000);
  await openApp(page, app);
  // A coarse scan (75 dpi): read as English it scores about 82, under the line a page read right stays above.
  const longer = `${FRENCH} Ce cœur généreux ne connaît pas la rancœur, et son frère a déjà goûté le bœuf préparé à la façon de la région. Noël approche, la forêt est couverte de neige et les élèves célèbrent la fête avec leurs maîtres.`;
  const png = renderPages(await textPdf([longer], [560, 260]), 75)[0]!;
  await page
    .getByTestId('import-input')
    .setInputFiles({ name: 'lettre.png', mimeType: 'image/png', buffer: Buffer.from(png) });
  const hint =
    /^lettre\.png was read as English with a low mean OCR confidence \(\d+%\): if it is in French, delete it, choose French under Settings › Language of scanned pages \(OCR\) and import it again\.$/;
  await expect(page.getByRole('status', { name: 'Notifications' }).getByText(hint)).toBeVisible({ timeout: 150_000 });
  await screenshotBothThemes(page, 'ocr-low-confidence-notice');
  // Out of the way of the panel, which sits behind the notifications.
  const notifications = page.getByRole('status', { name: 'Notifications' });
  for (const text of [hint, 'Imported lettre.png'])
    await notifications
      .getByRole('button', { name: typeof text === 'string' ? `Dismiss: ${text}` : /^Dismiss: lettre\.png was read/ })
      .click();
  await expect(notifications.getByText(hint)).toBeHidden();
  await page.keyboard.press('Control+K');
  await page.keyboard.type('Show Source');
  await page.keyboard.press('Enter');
  const source = page.getByRole('tabpanel', { name: 'Source' });
  await expect(
    source.getByText(
      /^This document was read as English with a low mean OCR confidence \(\d+%\): if it is in French, delete it/,
    ),
  ).toBeVisible();
  await screenshotBothThemes(page, 'ocr-low-confidence-source');
});
