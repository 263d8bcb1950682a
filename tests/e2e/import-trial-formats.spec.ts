// What a fresh-eyes trial of importing documents found in the reader: an e-mail's subject said
// twice, once as the title and again right under it; H₂O's subscript lost; a Word Heading 1 as
// large as the document's title.
import type { Page } from '@playwright/test';
import { Document as WordDocument, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { CRLF, entity } from '../support/mime-fixtures';
import { expect, screenshotBothThemes, test } from './fixtures';
import { openApp } from './import-helpers';

const reader = (page: Page) => page.getByRole('main', { name: 'Reader' });

async function choose(page: Page, name: string, buffer: Uint8Array): Promise<void> {
  await page
    .getByTestId('import-input')
    .setInputFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(buffer) });
}

test('an e-mail’s subject is its title, shown once, with the sender and date under it', async ({ page, app }) => {
  const subject = 'Water samples from the northern cistern';
  const message = entity(
    {
      From: 'Ada Lovelace <ada@example.org>',
      To: 'Charles Babbage <charles@example.org>',
      Date: 'Mon, 1 Jan 2024 09:30:00 +0000',
      Subject: subject,
      'Content-Type': 'text/plain; charset=utf-8',
    },
    `The samples are in the cold store.${CRLF}`,
  );
  await openApp(page, app);
  await choose(page, 'samples.eml', Buffer.from(message));
  const text = reader(page).getByRole('textbox', { name: `Text of ${subject}` });
  await expect(text.getByRole('heading', { level: 1, name: subject })).toBeVisible();
  await expect(text).toContainText('From: Ada Lovelace <ada@example.org>');
  await expect(text).toContainText('The samples are in the cold store.');
  await expect(text).not.toContainText('Subject:');
  await expect(text.getByText(subject)).toHaveCount(1);
  await screenshotBothThemes(page, 'import-trial-email-subject-once');
});

async function waterReport(): Promise<Buffer> {
  const document = new WordDocument({
    title: 'Water quality report',
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, text: 'Findings' }),
          new Paragraph({
            children: [
              new TextRun('Every sample held H'),
              new TextRun({ text: '2', subScript: true }),
              new TextRun('O and little else, as on the 5'),
              new TextRun({ text: 'th', superScript: true }),
              new TextRun(' of May.'),
            ],
          }),
          new Paragraph({ heading: HeadingLevel.HEADING_2, text: 'Method' }),
          new Paragraph('Samples were drawn at dawn from each of the four cisterns.'),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

test('a Word file keeps H₂O’s subscript, and its Heading 1 is set smaller than the document’s title', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  await choose(page, 'water.docx', await waterReport());
  const text = reader(page).getByRole('textbox', { name: 'Text of Water quality report' });
  const title = text.getByRole('heading', { level: 1, name: 'Water quality report' });
  const findings = text.getByRole('heading', { level: 1, name: 'Findings' });
  const method = text.getByRole('heading', { level: 2, name: 'Method' });
  await expect(findings).toBeVisible();
  await expect(text.locator('sub')).toHaveText('2');
  await expect(text.locator('sup')).toHaveText('th');
  const size = async (heading: typeof title) =>
    heading.evaluate((element) => Number.parseFloat(getComputedStyle(element).fontSize));
  const [titleSize, h1Size, h2Size] = [await size(title), await size(findings), await size(method)];
  // A step below the title, and a step above Heading 2.
  expect(h1Size).toBeLessThan(titleSize * 0.9);
  expect(h2Size).toBeLessThan(h1Size * 0.92);
  await screenshotBothThemes(page, 'import-trial-word-headings-subscript');
});
