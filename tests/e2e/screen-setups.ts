// The screens the accessibility and screenshot suites visit, each brought about as a person
// would (toolbar, keys, files chosen), so both suites look at the same states of the app.
import { chooseFromMenu } from './toolbar-helpers';
import type { Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MarginaliaCore } from '../../src/core/core';
import { makeTempDir } from '../support/temp';
import { expect } from './fixtures';
import type { RunningApp } from './fixtures';
import { pointOf } from './helpers';

export const SAMPLE_TITLE = 'Reports of western ‘boots on the ground’ in Libya as Islamic State storms Sabratha';

/** Highlights in several colors, two overlapping, with tags and notes: the margin fills. */
export function annotateSample(app: RunningApp): string {
  const documentId = app.core.documents.list()[0]!.id;
  const text = app.core.documents.canonicalText(documentId);
  const mark = (quote: string, color: 'yellow' | 'green' | 'blue' | 'pink', tags: string[], note?: string) => {
    const start = text.indexOf(quote);
    if (start < 0) throw new Error(`“${quote}” is not in the sample`);
    app.core.annotations.create({ documentId, start, end: start + quote.length, color, tags, noteMarkdown: note });
  };
  mark('Islamic State militants stormed the centre of Sabratha', 'green', ['Actor/IS'], 'Who reported this **first**?');
  mark('the centre of Sabratha late Tuesday', 'yellow', ['Place/Sabratha']);
  mark('beheading 11 people', 'pink', ['Casualties'], 'Is 11 right? Two sources say nine.');
  mark('two Serbian hostages', 'blue', [], 'Names in the Guardian piece.');
  return documentId;
}

/** Opens the app on the sample document, as it is on every start after the first. */
export async function openReader(page: Page, app: RunningApp): Promise<void> {
  await page.goto(app.url);
  await expect(page.getByRole('heading', { level: 1, name: SAMPLE_TITLE })).toBeVisible();
}

/** The Annotations panel with its first two annotations ticked, as for acting on several at once. */
export async function selectTwoAnnotations(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Annotations' }).click();
  const list = page.getByRole('list', { name: 'Annotations in this document' });
  for (const checkbox of (await list.getByRole('checkbox').all()).slice(0, 2)) await checkbox.check();
  await expect(page.getByRole('region', { name: 'Selected annotations' })).toContainText('2 selected');
}

/**
 * Clicks a toolbar action by its label: Settings and the export and sharing actions are
 * items of the toolbar's menus, the rest are buttons of their own.
 */
export async function chooseToolbarAction(page: Page, label: string): Promise<void> {
  if (label === 'Settings') return chooseFromMenu(page, 'Settings', 'Settings…');
  if (/^(Export PDF|Share notes|Import notes)/i.test(label)) {
    const item = label.endsWith('…') ? label : `${label}…`;
    return chooseFromMenu(page, 'Share', item.charAt(0).toUpperCase() + item.slice(1));
  }
  await page.getByRole('banner').getByRole('button', { name: label, exact: true }).click();
}

/** Searches the open document from the keyboard and opens the first result, marking it. */
export async function openSearchWithResults(page: Page, query: string): Promise<void> {
  await page.getByRole('main', { name: 'Reader' }).focus();
  await page.keyboard.press('Control+f');
  const box = page.getByRole('searchbox', { name: 'Search' });
  await expect(box).toBeFocused();
  await box.fill(query);
  const first = page
    .getByRole('list', { name: /^Results in/ })
    .getByRole('button')
    .first();
  await expect(first.locator('mark').first()).toBeVisible();
  await first.click();
}

/** A reviewer's signed note bundle on the sample, chosen with Import notes…: its preview opens. */
export async function previewNoteBundle(page: Page, app: RunningApp): Promise<void> {
  const documentId = app.core.documents.list()[0]!.id;
  const text = app.core.documents.canonicalText(documentId);
  const temp = makeTempDir('marginalia-reviewer-');
  const reviewer = new MarginaliaCore({ dataDir: join(temp.path, 'data'), host: 'cli', version: 'e2e' });
  reviewer.profile.rename('Rui Reviewer');
  await reviewer.importBundle(Buffer.from(app.core.exportBundle({ documentIds: [documentId] }).bytes), {
    allowUnsigned: false,
    apply: true,
  });
  const quote = 'beheading 11 people';
  const start = text.indexOf(quote);
  reviewer.annotations.create({
    documentId,
    start,
    end: start + quote.length,
    color: 'pink',
    noteMarkdown: 'Is 11 right?',
  });
  const file = join(temp.path, 'review.mnb');
  writeFileSync(file, reviewer.exportBundle({ documentIds: [documentId], reviewOnly: true }).bytes);
  reviewer.close();
  await page.getByTestId('import-notes-input').setInputFiles(file);
  temp.remove();
  const dialog = page.getByRole('dialog', { name: 'Import notes' });
  await expect(dialog.getByRole('list', { name: 'What importing changes' })).toContainText('1 new');
}

/**
 * Exports a document with a character no bundled font has: the export finishes with a
 * warning the person must read, in a message dialog.
 */
export async function exportWithWarning(page: Page, app: RunningApp): Promise<void> {
  app.core.importBytes('glyphs.md', Buffer.from('# Field glyphs\n\nThe marker read 𓀀 on the wall.\n'));
  await page.goto(app.url);
  await page.getByRole('button', { name: /^Field glyphs/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Field glyphs' })).toBeVisible();
  await page.getByRole('main', { name: 'Reader' }).focus();
  await page.keyboard.press('Control+Shift+E');
  const dialog = page.getByRole('dialog', { name: 'Export annotated PDF' });
  await dialog.getByRole('button', { name: 'Export PDF' }).click();
  await expect(page.getByRole('dialog', { name: /^Exported, with a warning/ })).toBeVisible({ timeout: 20_000 });
}

/** Once the reader shows `text`, rests the pointer on it, as a person hovering a highlight. */
export async function hoverText(page: Page, text: string): Promise<void> {
  await expect(page.getByLabel(/^Text of /)).toContainText(text);
  const point = await pointOf(page, text);
  await page.mouse.move(point.x, point.y);
}
