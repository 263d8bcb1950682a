import { screenshot, test, expect } from './fixtures';
test('dbg margin', async ({ page, app }) => {
  const doc = app.core.documents.list()[0]!;
  const text = app.core.documents.canonicalText(doc.id);
  for (const [quote, note] of [['beheading 11 people', 'Is 11 right? Two sources say nine.'], ['Islamic State militants', 'Who claimed it first? A much longer note that goes on for several lines to see collapse and the more button, and then some more words.']] as const) {
    const start = text.indexOf(quote);
    app.core.annotations.create({ documentId: doc.id, start, end: start + quote.length, tags: ['Claim/Casualties'], noteMarkdown: note });
  }
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.goto(app.url);
  const card = page.getByRole('article', { name: 'Note on “beheading 11 people”' });
  await expect(card).toBeVisible();
  await card.click();
  await page.waitForTimeout(300);
  await screenshot(page, 'dbg-margin-1024');
  await page.getByRole('banner').getByRole('button', { name: 'Library', exact: true }).click();
  await page.waitForTimeout(300);
  await screenshot(page, 'dbg-margin-1024-nolib');
});
