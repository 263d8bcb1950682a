// A new analyst's first hour with the evidence tools, by keyboard: deleting a highlight says
// what evidence went with it; Analyses is found in the toolbar's View menu and the shortcuts
// list; closing it gives focus back where it came from; and the evidence dialogs' keys
// (Ctrl+Enter submits a claim, arrows move between a search box and its results).
import type { Page } from '@playwright/test';
import { callOk } from '../support/evidence-library';
import { openAnalysis, runCommand, seedAnalysis } from './evidence-setups';
import type { RunningApp } from './fixtures';
import { expect, screenshotBothThemes, test } from './fixtures';
import { paintedHighlights, selectText } from './helpers';
import { notice } from './import-helpers';
import { annotateSample, openReader } from './screen-setups';

const text = (page: Page) => page.getByTestId('reader-content');
const QUESTION = 'Who killed the hostages?';

/** One highlight of the sample, evidence for a claim and a row of an analysis. */
async function highlightWithEvidence(app: RunningApp): Promise<string> {
  const documentId = app.core.documents.list()[0]!.id;
  const quote = 'beheading 11 people';
  const start = app.core.documents.canonicalText(documentId).indexOf(quote);
  const id = app.core.annotations.create({ documentId, start, end: start + quote.length }).id;
  await callOk(app.core, 'saveClaim', {
    statement: 'IS fighters beheaded 11 people',
    evidence: [{ annotationId: id, stance: 'supports' }],
  });
  const analysis = await callOk(app.core, 'saveAnalysis', { question: QUESTION });
  await callOk(app.core, 'saveAchRow', { analysisId: analysis.id, evidence: { kind: 'annotation', id } });
  return id;
}

/**
 * Focuses the text and selects its first annotation with j, as a person does once the highlights
 * show: a key pressed before the annotations have loaded has none to select (CI, under load).
 */
async function selectFirstAnnotation(page: Page): Promise<void> {
  await expect.poll(async () => Object.keys(await paintedHighlights(page)).length).toBeGreaterThan(0);
  await text(page).focus();
  await page.keyboard.press('j');
  await expect.poll(async () => (await paintedHighlights(page))['mg-selected']?.length ?? 0).toBe(1);
}

test('deleting a highlight that is evidence says what went with it, and undo brings it all back', async ({
  page,
  app,
}) => {
  await highlightWithEvidence(app);
  await openReader(page, app);
  await selectFirstAnnotation(page);
  await page.keyboard.press('Delete');
  const message = 'Annotation deleted, with its row in 1 analysis and its evidence for 1 claim (Ctrl+Z to undo)';
  await expect(notice(page, message)).toBeVisible();
  await screenshotBothThemes(page, 'evidence-delete-notice');
  expect((await callOk(app.core, 'listClaims', {}))[0]!.counts.supports).toBe(0);
  await page.keyboard.press('Control+z');
  await expect(notice(page, 'Undid: Delete annotation')).toBeVisible();
  expect((await callOk(app.core, 'listClaims', {}))[0]!.counts.supports).toBe(1);
});

test("the toolbar's View menu and the shortcuts list reach Analyses; closing it gives focus back to the menu", async ({
  page,
  app,
}) => {
  await openReader(page, app);
  const view = page.getByRole('button', { name: 'View', exact: true });
  await view.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu', { name: 'View' });
  for (const name of ['Show Sources', 'Show Claims', 'Show Source'])
    await expect(menu.getByRole('menuitem', { name: new RegExp(`^${name}\\b`) })).toBeVisible();
  await menu.getByRole('menuitem', { name: /^Show Analyses/ }).focus();
  await screenshotBothThemes(page, 'toolbar-view-menu');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Analyses' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Close Analyses' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main', { name: 'Reader' })).toBeVisible();
  await expect(view).toBeFocused();

  await page.keyboard.press('Control+/');
  const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(shortcuts.getByRole('row', { name: 'Show Analyses Ctrl+Shift+A' })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+Shift+A');
  await expect(page.getByRole('heading', { level: 1, name: 'Analyses' })).toBeFocused();
});

test('closing Analyses opened from the reader gives focus back to the reader, not the page', async ({ page, app }) => {
  await openReader(page, app);
  await text(page).focus();
  await runCommand(page, 'show analyses', 'Show Analyses');
  await expect(page.getByRole('heading', { level: 1, name: 'Analyses' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Close Analyses' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(text(page)).toBeFocused();
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(false);
});

test('in New claim, Enter types a new line and Ctrl+Enter makes the claim', async ({ page, app }) => {
  await openReader(page, app);
  await selectText(page, 'beheading 11 people');
  await page.keyboard.press('c');
  const dialog = page.getByRole('dialog', { name: 'New claim' });
  const statement = dialog.getByRole('textbox', { name: 'Statement' });
  await expect(statement).toBeFocused();
  // As wide as the other evidence dialogs (it was a third of that), its example no sample's sentence.
  expect((await dialog.boundingBox())!.width).toBeGreaterThan(600);
  await expect(statement).toHaveAttribute('placeholder', 'One sentence the evidence can support or contradict');
  await page.keyboard.type('IS fighters beheaded');
  await page.keyboard.press('Enter');
  await page.keyboard.type('11 people');
  await expect(statement).toHaveValue('IS fighters beheaded\n11 people');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Control+Enter');
  await expect(dialog).toBeHidden();
  // The statement is one line: the line break typed into it counts as a space.
  const claims = await callOk(app.core, 'listClaims', {});
  expect(claims.map((claim) => claim.statement)).toEqual(['IS fighters beheaded 11 people']);
});

test('in Link annotation, ArrowDown moves from the search into the results and ArrowUp back', async ({ page, app }) => {
  annotateSample(app);
  await openReader(page, app);
  await selectFirstAnnotation(page);
  await page.keyboard.press('l');
  const dialog = page.getByRole('dialog', { name: 'Link annotation' });
  const search = dialog.getByRole('searchbox', { name: 'Find the other annotation' });
  await expect(search).toBeFocused();
  await page.keyboard.type('Serbian');
  const found = dialog.getByRole('radio', { name: /two Serbian hostages/ });
  await expect(found).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(found).toBeFocused();
  await expect(found).toBeChecked();
  await page.keyboard.press('ArrowUp');
  await expect(search).toBeFocused();
});

test('in Add evidence, ArrowDown moves from the search into the evidence found and ArrowUp back', async ({
  page,
  app,
}) => {
  await seedAnalysis(
    app,
    QUESTION,
    ['IS', 'Local militia'],
    [{ claim: 'Hostages were held in Sabratha', ratings: [] }],
  );
  await callOk(app.core, 'saveClaim', { statement: 'Hostages were moved at night' });
  await callOk(app.core, 'saveClaim', { statement: 'Hostages were seen in Tripoli' });
  await page.goto(app.url);
  await openAnalysis(page, QUESTION);
  await page.getByRole('button', { name: 'Add evidence…' }).focus();
  await page.keyboard.press('Enter');
  const picker = page.getByRole('dialog', { name: 'Add evidence' });
  const search = picker.getByRole('searchbox', { name: 'Search claims and annotations' });
  await expect(search).toBeFocused();
  await page.keyboard.type('hostages were');
  // Newest claims first; the one already in the matrix, last, is disabled: ArrowDown stops before it.
  const first = picker.getByRole('button', { name: /seen in Tripoli/ });
  const second = picker.getByRole('button', { name: /moved at night/ });
  await expect(picker.getByRole('button', { name: /held in Sabratha/ })).toBeDisabled();
  await page.keyboard.press('ArrowDown');
  await expect(first).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(second).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(search).toBeFocused();
});
