// The margin from the keyboard alone: Tab from the text reaches the cards, the arrows move
// between them, Enter opens one, its tag field, note, colors, reply box and Delete are all
// reachable, and Esc goes back to the passage.
import type { Page } from '@playwright/test';
import { expect, screenshot, test } from './fixtures';
import type { RunningApp } from './fixtures';
import { paintedHighlights, selectText } from './helpers';

const SAMPLE_TITLE = /^Reports of western/;

const card = (page: Page, quote: string) => page.getByRole('article', { name: `Note on “${quote}”` });
const reader = (page: Page) => page.getByRole('main', { name: 'Reader' });
// Focus given to the reader passes to its text, where the caret is.
const readerText = (page: Page) => page.getByTestId('reader-content');

function annotate(app: RunningApp, quote: string, extra: { tags?: string[]; noteMarkdown?: string }) {
  const doc = app.core.documents.list()[0]!;
  const start = app.core.documents.canonicalText(doc.id).indexOf(quote);
  if (start < 0) throw new Error(`“${quote}” is not in the sample`);
  app.core.annotations.create({ documentId: doc.id, start, end: start + quote.length, ...extra });
}

/** Presses Tab until `target` has focus, as a person tabs along; fails if it never does. */
async function tabTo(page: Page, target: ReturnType<Page['getByRole']>, most = 20): Promise<void> {
  for (let presses = 0; presses < most; presses += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

test('a margin card is reached, read, opened, tagged, recolored and deleted from the keyboard alone', async ({
  page,
  app,
}) => {
  annotate(app, 'Islamic State militants', { noteMarkdown: 'Check the count' });
  annotate(app, 'the main hospital', { tags: ['Claim/Casualties'], noteMarkdown: 'Two sources disagree' });
  await page.goto(app.url);
  await expect(page.getByRole('heading', { level: 1, name: SAMPLE_TITLE })).toBeVisible();
  const first = card(page, 'Islamic State militants');
  const second = card(page, 'the main hospital');
  await expect(second).toBeVisible();

  // Tab from the text lands on the first card, which is named by its passage, tags and note.
  await reader(page).focus();
  await page.keyboard.press('Tab');
  await expect(first).toBeFocused();
  await expect(first).toHaveAccessibleName('Note on “Islamic State militants”; note: Check the count');
  await page.keyboard.press('ArrowDown');
  await expect(second).toBeFocused();
  await expect(second).toHaveAccessibleName(
    'Note on “the main hospital”; tags Claim/Casualties; note: Two sources disagree',
  );
  await screenshot(page, 'margin-keyboard-card-focused');
  await page.keyboard.press('ArrowUp');
  await expect(first).toBeFocused();
  await page.keyboard.press('End');
  await expect(second).toBeFocused();

  // Enter opens the card: its note takes the caret; the tag field is just before it.
  await page.keyboard.press('Enter');
  const note = page.getByRole('textbox', { name: 'Note on “the main hospital”' });
  await expect(note).toBeFocused();
  await expect(second).toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Ask the doctors.');
  await expect(second).toContainText('Two sources disagree Ask the doctors.');
  await page.keyboard.press('Shift+Tab');
  await expect(second.getByRole('combobox', { name: 'Add tag' })).toBeFocused();
  await page.keyboard.type('Place/Sabratha');
  await page.keyboard.press('Enter');
  await expect(second.getByRole('list', { name: 'Tags' }).getByRole('listitem')).toHaveText([
    /Claim\/Casualties/,
    /Place\/Sabratha/,
  ]);
  await screenshot(page, 'margin-keyboard-card-open');
  // Each tag's remove button is on the Tab path too, just before the tag field.
  await page.keyboard.press('Shift+Tab');
  await expect(second.getByRole('button', { name: 'Remove tag Place/Sabratha' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(second.getByRole('combobox', { name: 'Add tag' })).toBeFocused();

  // Esc goes back to the passage, which stays selected; Tab comes back to its card.
  await page.keyboard.press('Escape');
  await expect(readerText(page)).toBeFocused();
  await expect.poll(async () => (await paintedHighlights(page))['mg-selected']).toEqual(['the main hospital']);
  await page.keyboard.press('Tab');
  await expect(second).toBeFocused();
  await expect(second).toHaveAccessibleName(/tags Claim\/Casualties, Place\/Sabratha; note: Two sources disagree Ask/);

  // Every control of the open card is on the Tab path: the reply box, the colors, Delete.
  await tabTo(page, second.getByRole('textbox', { name: 'Reply to “the main hospital”' }));
  await tabTo(page, second.getByRole('button', { name: 'Blue' }));
  await page.keyboard.press('Enter');
  await expect(second.getByRole('button', { name: 'Blue' })).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(async () => (await paintedHighlights(page))['mg-blue']).toEqual(['the main hospital']);
  await tabTo(page, second.getByRole('button', { name: 'Delete', exact: true }));
  await page.keyboard.press('Enter');
  await expect(second).toHaveCount(0);
  // Focus goes on to the card that is left, where Delete removes it too and focus returns to the text.
  await expect(first).toBeFocused();
  await page.keyboard.press('Delete');
  await expect(first).toHaveCount(0);
  await expect(readerText(page)).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: 'Annotation deleted' }).first()).toBeVisible();
  expect(app.core.annotations.list(app.core.documents.list()[0]!.id)).toHaveLength(0);
});

test('h, then t, then Esc leaves the tag field and returns focus to the passage', async ({ page, app }) => {
  await page.goto(app.url);
  await expect(page.getByRole('heading', { level: 1, name: SAMPLE_TITLE })).toBeVisible();
  await selectText(page, 'beheading 11 people');
  await page.keyboard.press('h');
  await page.keyboard.press('t');
  const tagField = card(page, 'beheading 11 people').getByRole('combobox', { name: 'Add tag' });
  await expect(tagField).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(readerText(page)).toBeFocused();
  await expect(tagField).not.toBeFocused();
  // The passage is still the one the keys act on: `n` opens its note.
  await page.keyboard.press('n');
  await expect(page.getByRole('textbox', { name: 'Note on “beheading 11 people”' })).toBeFocused();
  await page.keyboard.type('Typed after coming back');
  await expect(card(page, 'beheading 11 people')).toContainText('Typed after coming back');
});

test('Esc from a card’s reply box goes back to the text', async ({ page, app }) => {
  annotate(app, 'the main hospital', { noteMarkdown: 'My reading' });
  await page.goto(app.url);
  await expect(page.getByRole('heading', { level: 1, name: SAMPLE_TITLE })).toBeVisible();
  const mine = card(page, 'the main hospital');
  await expect(mine).toBeVisible();
  await reader(page).focus();
  await page.keyboard.press('Tab');
  await expect(mine).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: 'Note on “the main hospital”' })).toBeFocused();
  await tabTo(page, mine.getByRole('textbox', { name: 'Reply to “the main hospital”' }));
  await page.keyboard.type('A reply from the keyboard');
  await page.keyboard.press('Escape');
  await expect(readerText(page)).toBeFocused();
});
