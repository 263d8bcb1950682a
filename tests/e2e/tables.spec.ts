// A table in a document: read as a table, highlighted and noted inside a cell, and unchanged
// by an edit of the text.
import type { Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, screenshot, test } from './fixtures';
import type { RunningApp } from './fixtures';
import { paintedHighlights, selectText } from './helpers';

const WIDE = Array.from({ length: 9 }, (_, index) => `Column heading ${index + 1}`);

function importTablePage(app: RunningApp): string {
  const html =
    '<!doctype html><html><head><title>Crossings survey</title></head><body><article><h1>Crossings survey</h1>' +
    '<p>The survey team counted every crossing on the northern bank and noted its state in the table below.</p>' +
    '<table><thead><tr><th>Site</th><th>Depth</th><th>Status</th></tr></thead><tbody>' +
    '<tr><td>Mill ford</td><td>Shallow</td><td>Open to herders</td></tr>' +
    '<tr><td>Old bridge</td><td>Deep</td><td>Cracked arches</td></tr></tbody></table>' +
    `<p>A wider table follows, with more columns than the reading column holds.</p><table><tr>${WIDE.map((cell) => `<th>${cell}</th>`).join('')}</tr>` +
    `<tr>${WIDE.map((_, index) => `<td>value ${index + 1}</td>`).join('')}</tr></table>` +
    '<p>These notes are preliminary and will be revised once the laboratory returns its results.</p></article></body></html>';
  const path = join(app.dataDir, '..', 'survey.html');
  writeFileSync(path, html);
  const { document } = app.core.importPath(path);
  app.core.settings.update({ lastOpenedDocumentId: document.id });
  return document.id;
}

const reader = (page: Page) => page.getByTestId('reader-content');

test('a table reads as a table, and a word in a cell is highlighted and noted like any other', async ({
  page,
  app,
}) => {
  const documentId = importTablePage(app);
  await page.goto(app.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Crossings survey' })).toBeVisible();
  const table = reader(page).getByRole('table').first();
  await expect(table.getByRole('columnheader', { name: 'Status' })).toBeVisible();
  await expect(table.getByRole('row').nth(2)).toHaveText(/Old bridge\s*Deep\s*Cracked arches/);
  // The reader's own text is the stored text, so offsets inside the table are exact.
  const article = page.locator('article[data-document-id]');
  await expect(article).toHaveAttribute('data-rendered-text-sha256', /.+/);
  expect(await article.getAttribute('data-rendered-text-sha256')).toBe(
    await article.getAttribute('data-stored-text-sha256'),
  );
  await screenshot(page, 'table-opened');
  // A wide table scrolls inside itself instead of widening the page.
  const wide = reader(page).getByRole('table').nth(1);
  expect(await wide.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);

  await selectText(page, 'Cracked');
  await page.keyboard.press('n');
  const note = page.getByRole('textbox', { name: 'Note on “Cracked”' });
  await expect(note).toBeFocused();
  await page.keyboard.type('Which arch?');
  await expect(page.getByRole('article', { name: 'Note on “Cracked”' })).toContainText('Which arch?');
  await expect.poll(() => paintedHighlights(page)).toMatchObject({ 'mg-yellow': ['Cracked'] });
  const [stored] = app.core.annotations.list(documentId);
  const text = app.core.documents.canonicalText(documentId);
  expect(text.slice(stored!.target!.position.start, stored!.target!.position.end)).toBe('Cracked');
  await screenshot(page, 'table-light');
  app.core.settings.update({ theme: 'dark' });
  await page.reload();
  await expect(reader(page).getByRole('table').first()).toBeVisible();
  await expect.poll(() => paintedHighlights(page)).toMatchObject({ 'mg-yellow': ['Cracked'] });
  await screenshot(page, 'table-dark');
});

test('editing the text around a table keeps the table and the highlight in its cell', async ({ page, app }) => {
  const documentId = importTablePage(app);
  const text = app.core.documents.canonicalText(documentId);
  const start = text.indexOf('Cracked');
  app.core.annotations.create({ documentId, start, end: start + 'Cracked'.length, color: 'green' });
  await page.goto(app.url);
  await expect.poll(() => paintedHighlights(page)).toMatchObject({ 'mg-green': ['Cracked'] });
  await page.getByRole('button', { name: 'Edit text' }).click();
  await expect(page.getByRole('region', { name: 'Editing' })).toBeVisible();
  await selectText(page, 'counted every');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.type('carefully ');
  await page.getByRole('button', { name: 'Done editing' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Text saved\./ })).toBeVisible();
  await page.reload();
  await expect(reader(page).getByText('The survey team carefully counted every crossing')).toBeVisible();
  await expect(reader(page).getByRole('table').first().getByRole('row').nth(2)).toHaveText(
    /Old bridge\s*Deep\s*Cracked arches/,
  );
  expect(JSON.parse(app.core.documents.detail(documentId).lexicalJson).root.children[2].type).toBe('table');
  await expect.poll(() => paintedHighlights(page)).toMatchObject({ 'mg-green': ['Cracked'] });
});
