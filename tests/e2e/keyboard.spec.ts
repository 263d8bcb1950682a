// Reading and annotating with the keyboard alone: Tab to the text, a caret moved with the
// arrows, selections made with Shift, sentence and paragraph keys, the annotation keys, and
// what a screen reader is told when the caret enters an annotation.
import type { Page } from '@playwright/test';
import type { RunningApp } from './fixtures';
import { expect, screenshot, test } from './fixtures';
import { paintedHighlights, selectText } from './helpers';

const text = (page: Page) => page.getByTestId('reader-content');
const caret = (page: Page) => page.getByTestId('reader-caret');
const toolbar = (page: Page) => page.getByRole('toolbar', { name: 'Annotate selection' });
const card = (page: Page, quote: string) => page.getByRole('article', { name: `Note on “${quote}”` });
const selected = (page: Page) => page.evaluate(() => window.getSelection()?.toString() ?? '');

/** What stands right of the caret on its line, as a person reads where the caret is. */
async function afterCaret(page: Page): Promise<string> {
  return page.evaluate(() => {
    const selection = window.getSelection();
    const node = selection?.focusNode;
    return node?.nodeType === Node.TEXT_NODE ? (node as Text).data.slice(selection!.focusOffset) : '';
  });
}

/** Waits for the highlights to show, as a person sees them before stepping through them with j. */
async function highlightsShown(page: Page, count: number): Promise<void> {
  await expect.poll(async () => Object.values(await paintedHighlights(page)).flat().length).toBe(count);
}

/** Presses a key until the focus is on the text (as a person tabs until the ring reaches it). */
async function pressUntilTextFocused(page: Page, key: 'Tab' | 'Shift+Tab'): Promise<void> {
  for (let presses = 0; presses < 60; presses += 1) {
    if (await text(page).evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press(key);
  }
  await expect(text(page)).toBeFocused();
}

/** Moves the caret down line by line until the line it is on starts with `words`. */
async function arrowDownTo(page: Page, words: string): Promise<void> {
  for (let presses = 0; presses < 40 && !(await afterCaret(page)).startsWith(words); presses += 1)
    await page.keyboard.press('ArrowDown');
  expect(await afterCaret(page)).toMatch(new RegExp(`^${words}`));
}

/** Moves the caret word by word (Ctrl+ArrowRight) until what follows it starts with `rest`. */
async function wordRightTo(page: Page, rest: string): Promise<void> {
  for (let presses = 0; presses < 40 && !(await afterCaret(page)).startsWith(rest); presses += 1)
    await page.keyboard.press('Control+ArrowRight');
  expect(await afterCaret(page)).toMatch(new RegExp(`^${rest}`));
}

async function openReader(page: Page, app: { url: string }): Promise<void> {
  await page.goto(app.url);
  await expect(text(page)).toContainText('Islamic State militants stormed');
}

test('a passage is highlighted, tagged and noted with the keyboard alone', async ({ page, app }) => {
  await openReader(page, app);
  await pressUntilTextFocused(page, 'Tab');
  // The reader shows where focus is and where the caret is.
  await expect(caret(page)).toBeVisible();
  const ring = await page
    .getByRole('main', { name: 'Reader' })
    .evaluate((reader) => [getComputedStyle(reader).outlineStyle, getComputedStyle(reader).outlineWidth]);
  expect(ring).toEqual(['solid', '2px']);
  await screenshot(page, 'keyboard-caret');

  await arrowDownTo(page, 'Islamic State militants');
  await page.keyboard.press('Shift+ArrowRight');
  expect(await selected(page)).toBe('I');
  for (let word = 0; word < 3; word += 1) await page.keyboard.press('Control+Shift+ArrowRight');
  expect(await selected(page)).toBe('Islamic State militants');
  await expect(toolbar(page)).toBeVisible();
  await screenshot(page, 'keyboard-selection');

  await page.keyboard.press('h');
  await expect.poll(async () => (await paintedHighlights(page))['mg-yellow']).toEqual(['Islamic State militants']);
  await expect(toolbar(page)).toBeHidden();

  await page.keyboard.press('t');
  await expect(page.getByRole('combobox', { name: 'Add tag' })).toBeFocused();
  await page.keyboard.type('Actor/Militia');
  await page.keyboard.press('Enter');
  await expect(card(page, 'Islamic State militants').getByRole('list', { name: 'Tags' })).toHaveText(/Actor\/Militia/);

  // Back to the text from the tag box, then the note.
  await page.keyboard.press('Escape');
  await pressUntilTextFocused(page, 'Shift+Tab');
  await page.keyboard.press('n');
  const note = page.getByRole('textbox', { name: 'Note on “Islamic State militants”' });
  await expect(note).toBeFocused();
  await page.keyboard.type('Who led them is not said');

  const made = card(page, 'Islamic State militants');
  await expect(made.getByRole('list', { name: 'Tags' })).toHaveText(/Actor\/Militia/);
  await expect(made).toContainText('Who led them is not said');
  await expect
    .poll(() => app.core.annotations.list(app.core.documents.list()[0]!.id).map((a) => [a.tags, a.note.text]))
    .toEqual([[['Actor/Militia'], 'Who led them is not said']]);
  // Tagged and noted in the minute it was made, the note is new, not "edited".
  await expect(made.locator('time')).not.toHaveText(/edited/);
  await screenshot(page, 'keyboard-annotated');
});

test('typing straight on after n or t, before the store has answered, goes into the note and the tag field', async ({
  page,
  app,
}) => {
  await openReader(page, app);
  // A slow store: the card (and its note) can only open once the highlight has its id.
  await page.route('**/api/call/createAnnotation', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 700));
    await route.continue();
  });
  await selectText(page, 'French special forces');
  await page.keyboard.press('n');
  await page.keyboard.type('Not at the base [x](https://example.org) yet');
  const note = page.getByRole('textbox', { name: 'Note on “French special forces”' });
  await expect(note).toBeFocused();
  await expect(note).toHaveText('Not at the base x yet');
  await expect(note.getByRole('link', { name: 'x' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Add tag' })).toHaveValue('');

  await selectText(page, 'Serbian hostages');
  await page.keyboard.press('h');
  await page.keyboard.press('t');
  await page.keyboard.type('Actor/Captive');
  const tagField = page.getByRole('combobox', { name: 'Add tag' });
  await expect(tagField).toBeFocused();
  await expect(tagField).toHaveValue('Actor/Captive');
  await page.keyboard.press('Enter');
  await expect(card(page, 'Serbian hostages').getByRole('list', { name: 'Tags' })).toHaveText(/Actor\/Captive/);
});

test('Shift+F10 at a keyboard caret and the Menu key on a keyboard selection open the reader’s menu', async ({
  page,
  app,
}) => {
  await openReader(page, app);
  await pressUntilTextFocused(page, 'Tab');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Shift+F10');
  const menu = page.getByRole('menu', { name: 'Reader actions' });
  await expect(menu).toBeVisible();
  // With only a caret, Highlight waits for a selection and Note (a pinned note) takes the focus.
  await expect(menu.getByRole('menuitem', { name: /^Highlight/ })).toBeDisabled();
  await expect(menu.getByRole('menuitem', { name: /^Note/ })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(text(page)).toBeFocused();
  await page.keyboard.press('Control+Shift+ArrowRight');
  await page.keyboard.press('ContextMenu');
  await expect(menu).toBeVisible();
  await expect(menu.getByRole('menuitem', { name: /^Highlight/ })).toBeEnabled();
});

test('S selects the sentence at the caret and P its paragraph', async ({ page, app }) => {
  const canonical = app.core.documents.canonicalText(app.core.documents.list()[0]!.id);
  const from = canonical.indexOf('It came just');
  const sentence = canonical.slice(from, canonical.indexOf('holding there.') + 'holding there.'.length);
  await openReader(page, app);
  await pressUntilTextFocused(page, 'Tab');
  await arrowDownTo(page, 'It came just');
  await page.keyboard.press('Control+ArrowRight');
  await page.keyboard.press('s');
  expect(await selected(page)).toBe(sentence);
  await expect(toolbar(page)).toBeVisible();
  await page.keyboard.press('h');
  await expect.poll(async () => (await paintedHighlights(page))['mg-yellow']).toEqual([sentence]);

  await page.keyboard.press('p');
  const paragraph = await selected(page);
  expect(paragraph.startsWith(`${sentence} And amid reports`)).toBe(true);
  expect(paragraph.endsWith('operating out of Italian air bases.')).toBe(true);
  await page.keyboard.press('h');
  await expect
    .poll(async () => (await paintedHighlights(page))['mg-yellow']?.sort())
    .toEqual([paragraph, sentence].sort());
});

test('j and k move between annotations, Delete removes one, and the caret entering one says its tags and note', async ({
  page,
  app,
}) => {
  const doc = app.core.documents.list()[0]!;
  const canonical = app.core.documents.canonicalText(doc.id);
  const at = (quote: string) => ({
    documentId: doc.id,
    start: canonical.indexOf(quote),
    end: canonical.indexOf(quote) + quote.length,
  });
  app.core.annotations.create({ ...at('Islamic State militants'), tags: ['Actor/IS'], noteMarkdown: 'Claimed by two' });
  app.core.annotations.create({ ...at('200 IS fighters'), tags: ['Claim/Numbers'] });
  await openReader(page, app);
  await highlightsShown(page, 2);
  await pressUntilTextFocused(page, 'Tab');

  await page.keyboard.press('j');
  await expect.poll(async () => (await paintedHighlights(page))['mg-selected']).toEqual(['Islamic State militants']);
  await page.keyboard.press('j');
  await expect.poll(async () => (await paintedHighlights(page))['mg-selected']).toEqual(['200 IS fighters']);
  await page.keyboard.press('k');
  await expect.poll(async () => (await paintedHighlights(page))['mg-selected']).toEqual(['Islamic State militants']);

  // The caret walks into the first highlight: its tags and note are announced, politely.
  const announcer = page.getByTestId('reader-announcer');
  await expect(announcer).toHaveAttribute('aria-live', 'polite');
  await arrowDownTo(page, 'Libya’s Channel');
  await expect(announcer).toHaveText('');
  await page.keyboard.press('ArrowDown');
  await expect(announcer).toHaveText('Highlight, tagged Actor/IS. Note: Claimed by two');
  await arrowDownTo(page, 'As many as');
  await expect(announcer).toHaveText('');
  await wordRightTo(page, ' IS fighters');
  await expect(announcer).toHaveText('Highlight, tagged Claim/Numbers. No note.');

  // Delete removes the selected annotation (the first, after k), and the list moves on.
  await page.keyboard.press('Delete');
  await expect(page.getByRole('status').filter({ hasText: 'Annotation deleted' })).toBeVisible();
  await expect.poll(async () => (await paintedHighlights(page))['mg-yellow']).toEqual(['200 IS fighters']);
  await page.keyboard.press('j');
  await expect.poll(async () => (await paintedHighlights(page))['mg-selected']).toEqual(['200 IS fighters']);
  await page.keyboard.press('Backspace');
  await expect.poll(async () => (await paintedHighlights(page))['mg-yellow']).toBeUndefined();
  expect(app.core.annotations.list(doc.id)).toEqual([]);
});

test('j pressed as soon as the highlights show, before their notes have loaded, selects the first, and its card follows', async ({
  page,
  app,
}) => {
  const doc = app.core.documents.list()[0]!;
  const canonical = app.core.documents.canonicalText(doc.id);
  for (const quote of ['200 IS fighters', 'Islamic State militants']) {
    const start = canonical.indexOf(quote);
    app.core.annotations.create({ documentId: doc.id, start, end: start + quote.length, noteMarkdown: `On ${quote}` });
  }
  // The full annotations are held back, as a slow disk or a busy machine would: the highlights paint first.
  let releaseAnnotations = () => {};
  const annotationsHeld = new Promise<void>((resolve) => (releaseAnnotations = resolve));
  await page.route('**/api/call/listAnnotations', async (route) => {
    await annotationsHeld;
    await route.continue();
  });
  await openReader(page, app);
  await highlightsShown(page, 2);
  await text(page).focus();
  await page.keyboard.press('j');
  await expect.poll(async () => (await paintedHighlights(page))['mg-selected']).toEqual(['Islamic State militants']);
  await page.keyboard.press('j');
  await expect.poll(async () => (await paintedHighlights(page))['mg-selected']).toEqual(['200 IS fighters']);
  releaseAnnotations();
  await expect(card(page, '200 IS fighters')).toHaveAttribute('aria-current', 'true');
  await expect(card(page, '200 IS fighters')).toContainText('On 200 IS fighters');
});

test('Home, End and Page Down still scroll the reader while it has the caret, and the caret comes along', async ({
  page,
  app,
}) => {
  await openReader(page, app);
  await pressUntilTextFocused(page, 'Tab');
  const reader = page.getByRole('main', { name: 'Reader' });
  const top = () => reader.evaluate((element) => element.scrollTop);
  await page.keyboard.press('PageDown');
  // Page Down scrolls smoothly: the reader is read once it has come to rest on the page, as a person would.
  const paged = await scrollAtRest(top);
  expect(paged).toBeGreaterThan(100);
  // The caret left behind at the top starts again from the first line in view: an arrow key keeps the
  // reader on the page it went to, rather than going back up to the caret.
  await page.keyboard.press('ArrowDown');
  await expect(caret(page)).toBeInViewport();
  expect(Math.abs((await top()) - paged)).toBeLessThan(60);
  await page.keyboard.press('End');
  await expect(page.getByRole('progressbar', { name: 'Reading progress' })).toHaveAttribute('aria-valuenow', '100');
  await page.keyboard.press('Home');
  await expect.poll(top).toBe(0);
  // The text was never changed by any of it.
  await expect(text(page)).toHaveAttribute('contenteditable', 'false');
});

/** The scroll position once it has stayed the same, above the top, for three looks 100 ms apart. */
async function scrollAtRest(top: () => Promise<number>): Promise<number> {
  let seen: number[] = [];
  await expect
    .poll(
      async () => {
        seen = [...seen.slice(-2), await top()];
        return seen.length === 3 && seen[0]! > 0 && seen.every((value) => value === seen[0]);
      },
      { intervals: [100] },
    )
    .toBe(true);
  return seen[0]!;
}

/** Two notes on the sample, in reading order. */
function annotateTwo(app: RunningApp): void {
  const doc = app.core.documents.list()[0]!;
  const canonical = app.core.documents.canonicalText(doc.id);
  for (const [quote, note] of [
    ['Islamic State militants', 'Claimed by two'],
    ['200 IS fighters', 'Count again'],
  ] as const) {
    const start = canonical.indexOf(quote);
    app.core.annotations.create({ documentId: doc.id, start, end: start + quote.length, noteMarkdown: note });
  }
}

test('the first Tab shows “Skip to text”; Enter puts focus on the text, where the caret is', async ({ page, app }) => {
  await openReader(page, app);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to text' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  expect((await skip.boundingBox())!.width).toBeGreaterThan(40);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
    await screenshot(page, `keyboard-skip-link-${scheme}`);
  }
  await page.keyboard.press('Enter');
  await expect(text(page)).toBeFocused();
  await expect(caret(page)).toBeVisible();
  // The app's own link is no link from content: nothing says it cannot be opened.
  await page.waitForTimeout(200);
  await expect(page.getByRole('status', { name: 'Notifications' })).not.toContainText('link');
  // Out of focus the links take no room and show nothing.
  expect((await skip.boundingBox())!.width).toBeLessThanOrEqual(1);
});

test('“Skip to notes”, the second Tab, puts focus on a margin card; with no notes it says so and goes to the text', async ({
  page,
  app,
}) => {
  annotateTwo(app);
  await openReader(page, app);
  await expect(card(page, 'Islamic State militants')).toBeVisible();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to notes' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(card(page, 'Islamic State militants')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(card(page, '200 IS fighters')).toBeFocused();

  app.core.annotations.remove(app.core.annotations.list(app.core.documents.list()[0]!.id).map(({ id }) => id));
  await page.reload();
  await expect(text(page)).toContainText('Islamic State militants stormed');
  await expect(page.getByRole('complementary', { name: 'Margin notes' }).getByRole('article')).toHaveCount(0);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(text(page)).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: 'No margin notes in this document yet' })).toBeVisible();
});

test('j and k move between annotations from the toolbar and from a margin card, but type into a field', async ({
  page,
  app,
}) => {
  annotateTwo(app);
  await openReader(page, app);
  await highlightsShown(page, 2);
  const selectedQuote = async () => (await paintedHighlights(page))['mg-selected'];
  // After a click on the toolbar's title, focus is on no field: j and k are the reader's.
  await page.getByTestId('document-title').click();
  await page.keyboard.press('j');
  await expect.poll(selectedQuote).toEqual(['Islamic State militants']);
  await page.keyboard.press('j');
  await expect.poll(selectedQuote).toEqual(['200 IS fighters']);
  // From a margin card too.
  await card(page, '200 IS fighters').focus();
  await page.keyboard.press('k');
  await expect.poll(selectedQuote).toEqual(['Islamic State militants']);
  // In a field they are letters.
  const filter = page.getByRole('searchbox', { name: 'Filter by title' });
  await filter.click();
  await page.keyboard.type('jk');
  await expect(filter).toHaveValue('jk');
  expect(await selectedQuote()).toEqual(['Islamic State militants']);
});

test('focus coming back to the text after a scroll puts the caret on a whole line in view, and an arrow key keeps the place', async ({
  page,
  app,
}) => {
  const paragraphs = Array.from(
    { length: 300 },
    (_, index) => `Paragraph ${index + 1} follows the convoy from the quay to the depot, with times and names.`,
  );
  const { document } = app.core.importBytes('survey.txt', Buffer.from(`Long survey\n\n${paragraphs.join('\n\n')}\n`));
  app.core.settings.update({ lastOpenedDocumentId: document.id });
  await page.goto(app.url);
  const reader = page.getByRole('main', { name: 'Reader' });
  await expect(text(page)).toContainText('Paragraph 300');
  const caret = page.getByTestId('reader-caret');
  /** Whether the caret shows whole inside the reader's visible box. */
  const caretInView = async () => {
    const [box, view] = await Promise.all([caret.boundingBox(), reader.boundingBox()]);
    return box !== null && view !== null && box.y >= view.y && box.y + box.height <= view.y + view.height;
  };
  for (const scrollTop of [9_000, 9_010, 9_020, 15_000]) {
    await page.getByPlaceholder('Filter by title').focus();
    await reader.evaluate((element, top) => (element.scrollTop = top), scrollTop);
    await pressUntilTextFocused(page, 'Shift+Tab');
    await expect.poll(caretInView).toBe(true);
    const before = await reader.evaluate((element) => element.scrollTop);
    await page.keyboard.press('ArrowRight');
    await expect.poll(caretInView).toBe(true);
    expect(Math.abs((await reader.evaluate((element) => element.scrollTop)) - before)).toBeLessThan(100);
  }
});
