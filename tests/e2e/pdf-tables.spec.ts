// A table in a web page printed to PDF by Chromium, inside one column of a two-column page:
// imported through the import input, it reads as a table in the reader, header row first;
// light and dark screenshots.
import type { Browser } from '@playwright/test';
import { sentences } from '../support/pdf-fixtures';
import { expect, screenshot, test } from './fixtures';
import { choosePdf, openApp } from './import-helpers';

// The PDF is read in a fresh worker (from source here, through tsx): seconds on a busy machine.
test.describe.configure({ timeout: 90_000 });

const TITLE = 'Harbour arrivals';
const ROWS = [
  ['Port', 'Ships', 'Notes'],
  ['Brest', '41', 'Queues at the customs house in July'],
  ['Cork', '17', 'Quiet'],
  ['Vigo', '9', 'Pier repaired'],
];

async function printedPage(browser: Browser): Promise<Uint8Array> {
  const prose = Array.from({ length: 6 }, (_, index) => sentences(310 + index, 3).normalize('NFKC'));
  const table = `<table>${ROWS.map(
    (row, index) => `<tr>${row.map((cell) => (index === 0 ? `<th>${cell}</th>` : `<td>${cell}</td>`)).join('')}</tr>`,
  ).join('')}</table>`;
  const page = await browser.newPage();
  try {
    await page.setContent(
      `<!doctype html><html lang="en"><head><title>${TITLE}</title><style>body{font:11pt serif;font-variant-ligatures:none} .cols{columns:2;column-gap:2em;text-align:justify} table{font-size:10pt;border-collapse:collapse} td,th{border:1px solid #888;padding:2px 4px}</style></head>` +
        `<body><h1>${TITLE}</h1><div class="cols"><p>${prose[0]}</p>${table}${prose
          .slice(1)
          .map((text) => `<p>${text}</p>`)
          .join('')}</div></body></html>`,
    );
    return new Uint8Array(await page.pdf({ format: 'A4', tagged: true, margin: { top: '60px', bottom: '60px' } }));
  } finally {
    await page.close();
  }
}

test('a table inside one column of a printed two-column page reads as a table, its header row first', async ({
  page,
  app,
  browser,
}) => {
  const bytes = await printedPage(browser);
  await openApp(page, app);
  await choosePdf(page, 'harbour-arrivals.pdf', bytes);
  const reader = page.getByTestId('reader-content');
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible({ timeout: 60_000 });
  const table = reader.getByRole('table');
  await expect(table).toHaveCount(1);
  for (const name of ROWS[0]!) await expect(table.getByRole('columnheader', { name })).toBeVisible();
  const rows = table.getByRole('row');
  await expect(rows).toHaveCount(ROWS.length);
  for (const [index, row] of ROWS.entries()) {
    await expect(rows.nth(index).getByRole(index === 0 ? 'columnheader' : 'cell')).toHaveText(row);
  }
  await table.scrollIntoViewIfNeeded();
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await screenshot(page, `pdf-table-${theme}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
});
