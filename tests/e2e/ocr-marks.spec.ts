import { expect, test } from './fixtures';
import { paintedHighlights, selectText } from './helpers';
import { knownText, renderPages, textPdf } from '../support/ocr-fixtures';
import type { DocumentSource, ImportOutcome } from '../../src/shared/model';

// A poor scan (rendered at 60 dpi) is recognized with words OCR was unsure of: the reader
// underlines them with dots under a legend that counts them, and once the analyst corrects
// one with Edit text, that one loses its mark while the others keep theirs.

test('words OCR was unsure of are marked, and a corrected one loses its mark', async ({ page, app }) => {
  test.setTimeout(90_000);
  const [png] = renderPages(await textPdf([knownText(5, 60)]), 60);
  const imported = await app.core.call('importDocument', {
    fileName: 'field-notes.png',
    dataBase64: Buffer.from(png!).toString('base64'),
  });
  if (!imported.ok) throw new Error(imported.error.message);
  const id = (imported.value as ImportOutcome).document.id;
  const source = await app.core.call('getDocumentSource', { id });
  if (!source.ok) throw new Error(source.error.message);
  const unsure = (source.value as DocumentSource).provenance!.ocr!.uncertain!;
  expect(unsure.length).toBeGreaterThan(1);
  const text = app.core.documents.canonicalText(id);
  const word = unsure[0]!;
  const occurrence = text.slice(0, word.end).split(word.text).length - 1;

  await page.goto(app.url);
  await page.getByRole('button', { name: /^field-notes/ }).click();
  const legend = page.getByText(`words the OCR was unsure of (${unsure.length})`);
  await expect(legend).toBeVisible();
  await expect
    .poll(async () => (await paintedHighlights(page))['mg-ocr-unsure'])
    .toEqual(unsure.map((each) => each.text));

  await page.getByRole('button', { name: 'Edit text' }).click();
  await expect(page.getByRole('region', { name: 'Editing' })).toBeVisible();
  await expect(legend).toBeHidden();
  await selectText(page, word.text, occurrence);
  await page.keyboard.type('CORRECTED');
  await page.getByRole('button', { name: 'Done editing' }).click();
  await expect(page.getByText(`words the OCR was unsure of (${unsure.length - 1})`)).toBeVisible();
  await expect
    .poll(async () => (await paintedHighlights(page))['mg-ocr-unsure'])
    .toEqual(unsure.slice(1).map((each) => each.text));
});
