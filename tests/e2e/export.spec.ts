// Exporting an annotated PDF as a person does: the toolbar button, the dialog's options,
// the progress bar, and the downloaded file read back with pdfjs.
import type { Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalTextOf } from '../../src/shared/lexical-document';
import { callOk } from '../support/evidence-library';
import { collapseWhitespace, readPdf, textUnderQuads } from '../support/pdf-reader';
import { expect, screenshot, screenshotBothThemes, test } from './fixtures';
import { chooseFromMenu } from './toolbar-helpers';
import type { RunningApp } from './fixtures';
import { selectText } from './helpers';

const SAMPLE_TITLE = 'Reports of western ‘boots on the ground’ in Libya as Islamic State storms Sabratha';

function annotateSample(app: RunningApp): string {
  const id = app.core.documents.list()[0]!.id;
  const text = canonicalTextOf(app.core.documents.detail(id).lexicalJson);
  const quote = 'Islamic State militants stormed the centre of Sabratha';
  const start = text.indexOf(quote);
  app.core.annotations.create({
    documentId: id,
    start,
    end: start + quote.length,
    color: 'green',
    tags: ['Actor/IS'],
    noteMarkdown: 'Who reported this **first**?',
  });
  return id;
}

async function openReader(page: Page, app: RunningApp): Promise<void> {
  await page.goto(app.url);
  await expect(page.getByRole('heading', { level: 1, name: SAMPLE_TITLE })).toBeVisible();
}

test('Export PDF… downloads the open document with its highlights, notes and the chosen paper', async ({
  page,
  app,
}) => {
  annotateSample(app);
  await openReader(page, app);
  await selectText(page, 'beheading 11 people');
  await page.keyboard.press('h');
  await expect.poll(() => app.core.annotations.list(app.core.documents.list()[0]!.id).length).toBe(2);

  await chooseFromMenu(page, 'Share', 'Export PDF…');
  const dialog = page.getByRole('dialog', { name: 'Export annotated PDF' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('checkbox', { name: SAMPLE_TITLE })).toBeChecked();
  await dialog.getByRole('checkbox', { name: SAMPLE_TITLE }).uncheck();
  await expect(dialog.getByRole('button', { name: 'Export PDF' })).toBeDisabled();
  await dialog.getByRole('checkbox', { name: SAMPLE_TITLE }).check();
  await dialog.getByRole('radio', { name: 'Letter' }).check();
  await dialog.getByRole('checkbox', { name: 'Appendix by tag' }).uncheck();
  await screenshot(page, 'export-dialog');

  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export PDF' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`${SAMPLE_TITLE} (annotated).pdf`);
  await expect(dialog).toBeHidden();
  // The counts the CLI prints: the notes the PDF holds as well as its highlights.
  await expect(
    page.getByRole('status').filter({ hasText: /Exported “.*”: \d+ pages, 2 highlights, 1 note\./ }),
  ).toBeVisible();

  const pdf = await readPdf(readFileSync((await download.path())!));
  expect(pdf.pageSizes[0]).toEqual({ width: 612, height: 792 });
  expect(pdf.outline).not.toContain('Appendix: annotations by tag');
  const highlights = pdf.annotations.filter((annotation) => annotation.subtype === 'Highlight');
  expect(highlights.map((annotation) => annotation.contents)).toEqual([
    'Who reported this first?\n\nTags: Actor/IS',
    '',
  ]);
  expect(highlights.map((annotation) => annotation.title)).toEqual(['Test Reader', 'Test Reader']);
  expect(
    collapseWhitespace(textUnderQuads(pdf.items[highlights[1]!.page - 1]!, highlights[1]!.quadPoints)).replace(
      /\s/g,
      '',
    ),
  ).toBe('beheading11people');
});

test('a long export shows its progress, and the tag filter keeps only matching highlights', async ({ page, app }) => {
  annotateSample(app);
  const paragraphs = Array.from(
    { length: 900 },
    (_, index) =>
      `Paragraph ${index + 1}. ${'Field reports describe movement along the coast road, checkpoints and the hospital. '.repeat(4)}`,
  );
  const { document } = app.core.importBytes(
    'long-report.txt',
    Buffer.from(`A long field report\n\n${paragraphs.join('\n\n')}\n`),
  );
  const text = canonicalTextOf(app.core.documents.detail(document.id).lexicalJson);
  for (const [index, tag] of [
    ['Paragraph 10.', 'Place/Coast'],
    ['Paragraph 500.', 'Actor/Militia'],
    ['Paragraph 880.', 'Place/Hospital'],
  ] as const) {
    const start = text.indexOf(index);
    app.core.annotations.create({ documentId: document.id, start, end: start + index.length, tags: [tag] });
  }
  await openReader(page, app);
  await page
    .getByRole('list', { name: 'Documents' })
    .getByRole('button', { name: /^A long field report/ })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'A long field report' })).toBeVisible();

  await chooseFromMenu(page, 'Share', 'Export PDF…');
  const dialog = page.getByRole('dialog', { name: 'Export annotated PDF' });
  await dialog.getByRole('combobox', { name: /^Tags/ }).fill('Place');
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export PDF' }).click();
  const progress = dialog.getByRole('progressbar', { name: 'Export progress' });
  await expect(progress).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Exporting…' })).toBeDisabled();
  await screenshot(page, 'export-progress');
  const download = await downloading;
  const pdf = await readPdf(readFileSync((await download.path())!));
  expect(pdf.pageCount).toBeGreaterThan(40);
  expect(
    pdf.annotations.filter((annotation) => annotation.subtype === 'Highlight').map((annotation) => annotation.contents),
  ).toEqual(['Tags: Place/Coast', 'Tags: Place/Hospital']);
});

test('an export with warnings shows them in the dialog until they are read, then gives focus back', async ({
  page,
  app,
}) => {
  const file = join(app.dataDir, 'tea-notes.txt');
  writeFileSync(file, 'Tea notes\nThe label reads 绿茶 and a smiling 🙂 beside it.\n');
  app.core.importPath(file);
  await page.goto(app.url);
  await page
    .getByRole('list', { name: 'Documents' })
    .getByRole('button', { name: /^Tea notes/ })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tea notes' })).toBeVisible();
  const opener = page.getByRole('banner').getByRole('button', { name: 'Share', exact: true });
  await chooseFromMenu(page, 'Share', 'Export PDF…');
  const downloading = page.waitForEvent('download');
  await page.getByRole('dialog', { name: 'Export annotated PDF' }).getByRole('button', { name: 'Export PDF' }).click();
  await downloading;
  const warned = page.getByRole('dialog', { name: /^Exported, with / });
  await expect(warned).toContainText('Exported “Tea notes (annotated).pdf”');
  await expect(warned.getByRole('list', { name: 'Warnings' })).toContainText('绿');
  await expect(page.getByRole('status', { name: 'Notifications' })).toContainText(
    'Exported “Tea notes (annotated).pdf”',
  );
  await screenshot(page, 'export-warnings');
  await warned.getByRole('button', { name: 'OK' }).click();
  await expect(warned).toBeHidden();
  await expect(opener).toBeFocused();
});

test('the dialog offers again the choices of the last export, not of a cancelled dialog, with the open document ticked and removed documents left out', async ({
  page,
  app,
}) => {
  annotateSample(app);
  app.core.importBytes('tea-notes.txt', Buffer.from('Tea notes\nGreen tea from the coast road.\n'));
  app.core.importBytes('field-notes.txt', Buffer.from('Field notes\nCheckpoints along the coast road.\n'));
  await openReader(page, app);
  const dialog = page.getByRole('dialog', { name: 'Export annotated PDF' });
  const exportNow = async () => {
    const downloading = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export PDF' }).click();
    const download = await downloading;
    await expect(dialog).toBeHidden();
    return download;
  };
  await chooseFromMenu(page, 'Share', 'Export PDF…');
  await dialog.getByRole('checkbox', { name: 'Tea notes' }).check();
  await dialog.getByRole('radio', { name: 'Letter' }).check();
  await dialog.getByRole('checkbox', { name: 'Print-friendly colors' }).check();
  await dialog.getByRole('checkbox', { name: 'Tags', exact: true }).uncheck();
  await dialog.getByRole('checkbox', { name: 'Appendix by tag' }).uncheck();
  await exportNow();

  // A cancelled dialog changes nothing that is remembered.
  await chooseFromMenu(page, 'Share', 'Export PDF…');
  await dialog.getByRole('checkbox', { name: 'Tea notes' }).uncheck();
  await dialog.getByRole('checkbox', { name: 'Field notes' }).check();
  await dialog.getByRole('radio', { name: 'A4' }).check();
  await dialog.getByRole('checkbox', { name: 'Appendix by tag' }).check();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await chooseFromMenu(page, 'Share', 'Export PDF…');
  for (const name of [SAMPLE_TITLE, 'Tea notes']) await expect(dialog.getByRole('checkbox', { name })).toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: 'Field notes' })).not.toBeChecked();
  await expect(dialog.getByRole('radio', { name: 'Letter' })).toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: 'Print-friendly colors' })).toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: 'Tags', exact: true })).not.toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: 'Appendix by tag' })).not.toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: 'Notes', exact: true })).toBeChecked();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // Another document open: it is ticked beside the remembered ones; a deleted one is gone.
  await page.getByRole('button', { name: 'Delete Tea notes' }).click();
  await page.getByRole('dialog', { name: 'Delete “Tea notes”?' }).getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('button', { name: 'Delete Tea notes' })).toBeHidden();
  await page
    .getByRole('list', { name: 'Documents' })
    .getByRole('button', { name: /^Field notes/ })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Field notes' })).toBeVisible();
  await chooseFromMenu(page, 'Share', 'Export PDF…');
  await expect(dialog.getByRole('checkbox', { name: 'Tea notes' })).toHaveCount(0);
  await expect(dialog.getByRole('checkbox', { name: 'Field notes' })).toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: SAMPLE_TITLE })).toBeChecked();

  const download = await exportNow();
  expect(download.suggestedFilename()).toBe('Field notes and 1 other (annotated).pdf');
  // The library's order, newest import first, as the dialog lists them; the remembered paper.
  const pdf = await readPdf(readFileSync((await download.path())!));
  expect(pdf.outline.filter((title) => !title.startsWith(' '))).toEqual(['Field notes', SAMPLE_TITLE]);
  expect(pdf.pageSizes[0]).toEqual({ width: 612, height: 792 });
});

test('the dialog says how many annotations the filters keep, names a filter that matches nothing, and then will not export', async ({
  page,
  app,
}) => {
  annotateSample(app);
  await openReader(page, app);
  await chooseFromMenu(page, 'Share', 'Export PDF…');
  const dialog = page.getByRole('dialog', { name: 'Export annotated PDF' });
  const kept = dialog.getByRole('status', { name: 'Annotations kept' });
  const exportButton = dialog.getByRole('button', { name: 'Export PDF' });
  await expect(kept).toHaveText('');

  await dialog.getByRole('combobox', { name: /^Tags/ }).fill('Claims/Relabeling');
  await expect(kept).toHaveText(
    'No annotation of the ticked documents has the tag “Claims/Relabeling”. Change the filters to export.',
  );
  await expect(exportButton).toBeDisabled();
  await screenshotBothThemes(page, 'export-dialog-filter-matches-nothing');

  await dialog.getByRole('combobox', { name: /^Tags/ }).fill('Actor');
  await expect(kept).toHaveText('The filters keep 1 of 1 annotation.');
  await expect(exportButton).toBeEnabled();

  await dialog.getByRole('textbox', { name: /^Authors/ }).fill('Test');
  await expect(kept).toHaveText(
    'No annotation of the ticked documents is by “Test” (give the whole name). Change the filters to export.',
  );
  await expect(exportButton).toBeDisabled();
  await dialog.getByRole('textbox', { name: /^Authors/ }).fill('test reader');
  await expect(kept).toHaveText('The filters keep 1 of 1 annotation.');

  await dialog.getByRole('group', { name: 'Colors' }).getByRole('checkbox', { name: 'Yellow' }).check();
  await expect(kept).toHaveText('No highlight of the ticked documents is yellow. Change the filters to export.');
  await dialog.getByRole('group', { name: 'Colors' }).getByRole('checkbox', { name: 'Green' }).check();
  await expect(kept).toHaveText('The filters keep 1 of 1 annotation. No highlight of the ticked documents is yellow.');
  await screenshotBothThemes(page, 'export-dialog-filter-keeps');
  const downloading = page.waitForEvent('download');
  await exportButton.click();
  const pdf = await readPdf(readFileSync((await (await downloading).path())!));
  expect(pdf.annotations.filter((annotation) => annotation.subtype === 'Highlight')).toHaveLength(1);
});

test('the dialog says Claims and sources keeps only the filtered annotations’ claims only while a filter applies', async ({
  page,
  app,
}) => {
  const annotationId = app.core.annotations.list(annotateSample(app))[0]!.id;
  await callOk(app.core, 'saveClaim', {
    statement: 'IS fighters stormed Sabratha',
    evidence: [{ annotationId, stance: 'supports' }],
  });
  await openReader(page, app);
  await chooseFromMenu(page, 'Share', 'Export PDF…');
  const dialog = page.getByRole('dialog', { name: 'Export annotated PDF' });
  const note = dialog.getByText(/^Claims and sources lists only/);
  await expect(dialog.getByRole('button', { name: 'Export PDF' })).toBeEnabled();
  await expect(note).toHaveCount(0);
  await screenshotBothThemes(page, 'export-dialog-unfiltered');

  await dialog.getByRole('combobox', { name: /^Tags/ }).fill('Actor');
  await expect(note).toBeVisible();
  await screenshotBothThemes(page, 'export-dialog-filtered');
  await dialog.getByRole('combobox', { name: /^Tags/ }).fill(' , ');
  await expect(note).toHaveCount(0);
  await dialog.getByRole('textbox', { name: /^Authors/ }).fill('Test Reader');
  await expect(note).toBeVisible();
  await dialog.getByRole('textbox', { name: /^Authors/ }).fill('');
  await dialog.getByRole('group', { name: 'Colors' }).getByRole('checkbox', { name: 'Green' }).check();
  await expect(note).toBeVisible();
  // Without the appendix there is nothing for it to say.
  await dialog.getByRole('checkbox', { name: 'Claims and sources' }).uncheck();
  await expect(note).toHaveCount(0);
});

test('the dialog gives each document’s annotation count, and shows an option with nothing behind it disabled, saying so', async ({
  page,
  app,
}) => {
  annotateSample(app);
  app.core.importBytes('tea-notes.txt', Buffer.from('Tea notes\nGreen tea from the coast road.\n'));
  await openReader(page, app);
  await chooseFromMenu(page, 'Share', 'Export PDF…');
  const dialog = page.getByRole('dialog', { name: 'Export annotated PDF' });
  const option = (name: string) => dialog.getByRole('checkbox', { name, exact: true });
  const sample = option(`${SAMPLE_TITLE} — 1 annotation`);
  const tea = option('Tea notes — 0 annotations');
  await expect(sample).toBeChecked();
  await expect(tea).not.toBeChecked();

  // The sample's one annotation has a note and a tag, but no orphan and no claim or source.
  for (const name of ['Notes', 'Tags', 'Appendix by tag']) await expect(option(name)).toBeEnabled();
  for (const name of ['Orphaned annotations (none)', 'Claims and sources (none)'])
    await expect(option(name)).toBeDisabled();
  await screenshotBothThemes(page, 'export-dialog-contents');

  await sample.uncheck();
  await tea.check();
  for (const name of ['Notes', 'Tags', 'Appendix by tag', 'Orphaned annotations', 'Claims and sources'])
    await expect(option(`${name} (none)`)).toBeDisabled();
  // The choice stays for documents that have some: ticking the sample again offers Notes as it was.
  await sample.check();
  await expect(option('Notes')).toBeEnabled();
  await expect(option('Notes')).toBeChecked();
});

test('the dialog shows the open document ticked in view, however far down the library lists it', async ({
  page,
  app,
}) => {
  // Ten newer documents list above the sample, the open one.
  for (let index = 1; index <= 10; index += 1)
    app.core.importBytes(`note-${index}.txt`, Buffer.from(`Field note ${index}\nA line of note ${index}.\n`));
  await openReader(page, app);
  await chooseFromMenu(page, 'Share', 'Export PDF…');
  const dialog = page.getByRole('dialog', { name: 'Export annotated PDF' });
  const sample = dialog.getByRole('checkbox', { name: `${SAMPLE_TITLE} — 0 annotations`, exact: true });
  await expect(sample).toBeChecked();
  // Within the list's scrolled view, not below its fold.
  const shownInList = () =>
    sample.evaluate((box) => {
      const item = box.closest('li')!.getBoundingClientRect();
      const list = box.closest('ul')!.getBoundingClientRect();
      return item.top >= list.top && item.bottom <= list.bottom + 0.5;
    });
  await expect.poll(shownInList).toBe(true);
});

test('at 1024×700 the dialog’s Export PDF and Cancel buttons stay in view over the options scrolling under them', async ({
  page,
  app,
}) => {
  for (let index = 1; index <= 6; index += 1)
    app.core.importBytes(`note-${index}.txt`, Buffer.from(`Field note ${index}\nA line of note ${index}.\n`));
  await page.setViewportSize({ width: 1024, height: 700 });
  await openReader(page, app);
  await chooseFromMenu(page, 'Share', 'Export PDF…');
  const dialog = page.getByRole('dialog', { name: 'Export annotated PDF' });
  const exportButton = dialog.getByRole('button', { name: 'Export PDF', exact: true });
  const cancel = dialog.getByRole('button', { name: 'Cancel', exact: true });
  // The options are taller than the window: the dialog scrolls, and its buttons are in view from the start.
  expect(await dialog.evaluate((element) => element.scrollHeight > element.clientHeight)).toBe(true);
  await expect(exportButton).toBeInViewport({ ratio: 1 });
  await expect(cancel).toBeInViewport({ ratio: 1 });
  await screenshotBothThemes(page, 'export-dialog-1024');
  // Scrolled to the top field, the buttons are still there, and nothing shows through them.
  await dialog.getByRole('checkbox', { name: `${SAMPLE_TITLE} — 0 annotations`, exact: true }).focus();
  await expect(exportButton).toBeInViewport({ ratio: 1 });
  const covered = await exportButton.evaluate((button) => {
    const box = button.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return hit === button || button.contains(hit);
  });
  expect(covered).toBe(true);
  // Every control reached with Tab from there shows whole, above the buttons, never under them.
  const hidden: string[] = [];
  for (let step = 0; step < 40; step += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement;
      const box = element.getBoundingClientRect();
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      const label = element.getAttribute('aria-label') ?? element.closest('label')?.textContent ?? element.textContent;
      return {
        name: `${element.tagName} ${label?.trim().slice(0, 30)}`,
        seen: hit === element || element.contains(hit),
      };
    });
    if (!focused.seen) hidden.push(focused.name);
    if (focused.name.startsWith('BUTTON Export PDF')) break;
  }
  expect(hidden).toEqual([]);
  // Scrolled to its end, the dialog still shows its title whole at its top.
  await expect(dialog.getByRole('heading', { name: 'Export annotated PDF' })).toBeInViewport({ ratio: 1 });
  await screenshotBothThemes(page, 'export-dialog-1024-end');
  await exportButton.press('Enter');
  await expect(dialog).toBeHidden({ timeout: 20_000 });
});
