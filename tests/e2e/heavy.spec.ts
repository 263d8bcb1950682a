// A heavily annotated document, as a person meets one: highlights show where they read,
// appear as they scroll, a new one appears at once, and the lists have every annotation.
import { expect, screenshot, test } from './fixtures';
import { paintedHighlights, selectText } from './helpers';

const PARAGRAPHS = 400;
const HIGHLIGHTS = 3000;

test('a document with thousands of highlights paints those on screen, then those scrolled to, and takes a new one at once', async ({
  page,
  app,
}) => {
  const paragraphs = Array.from(
    { length: PARAGRAPHS },
    (_, index) =>
      `Paragraph ${index + 1} reports movement on the coast road near checkpoint ${index + 1}, with witnesses, officials and wire copy agreeing on the time.`,
  );
  const { document } = app.core.importBytes(
    'heavy.txt',
    Buffer.from(`A heavily annotated report\n\n${paragraphs.join('\n\n')}\n`),
  );
  const text = app.core.documents.canonicalText(document.id);
  app.core.db
    .transaction(() => {
      for (let index = 0; index < HIGHLIGHTS; index += 1) {
        const paragraph = index % PARAGRAPHS;
        // The first pass marks each paragraph's unique "checkpoint N,"; the rest overlap at random.
        const marker = `checkpoint ${paragraph + 1},`;
        const start =
          index < PARAGRAPHS
            ? text.indexOf(marker)
            : text.indexOf(`Paragraph ${paragraph + 1} `) + 12 + ((index * 7) % 60);
        const end = index < PARAGRAPHS ? start + marker.length : start + 8;
        app.core.annotations.create({ documentId: document.id, start, end, color: index % 2 ? 'blue' : 'green' });
      }
    })
    .immediate();
  app.core.settings.update({ lastOpenedDocumentId: document.id });

  await page.goto(app.url);
  const article = page.locator('article[data-document-id]');
  await expect(page.getByRole('heading', { level: 1, name: 'A heavily annotated report' })).toBeVisible();
  await expect(article).toHaveAttribute('data-known-highlights', String(HIGHLIGHTS));
  const paintedAtTop = Number(await article.getAttribute('data-painted-highlights'));
  expect(paintedAtTop).toBeGreaterThan(0);
  expect(paintedAtTop).toBeLessThan(HIGHLIGHTS);
  const firstQuote = 'checkpoint 1,';
  await expect.poll(async () => Object.values(await paintedHighlights(page)).flat()).toContain(firstQuote);

  // End scrolls to the last paragraph; its highlights are painted when it comes near.
  const lastQuote = `checkpoint ${PARAGRAPHS},`;
  expect(Object.values(await paintedHighlights(page)).flat()).not.toContain(lastQuote);
  await page.getByRole('main', { name: 'Reader' }).focus();
  await page.keyboard.press('End');
  await expect.poll(async () => Object.values(await paintedHighlights(page)).flat()).toContain(lastQuote);
  await screenshot(page, 'heavy-document-end');

  // Every annotation reaches the list, and a new highlight appears at once.
  await page.getByRole('tab', { name: 'Annotations' }).click();
  await expect(page.locator('#annotations-heading + span')).toHaveText(String(HIGHLIGHTS));
  await selectText(page, `Paragraph ${PARAGRAPHS} reports`);
  await page.keyboard.press('h');
  await expect
    .poll(async () => (await paintedHighlights(page))['mg-yellow'] ?? [])
    .toContain(`Paragraph ${PARAGRAPHS} reports`);
  await expect(page.locator('#annotations-heading + span')).toHaveText(String(HIGHLIGHTS + 1));
});
