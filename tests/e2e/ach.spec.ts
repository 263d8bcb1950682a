// Issue 17's analysis of competing hypotheses, the way an analyst works: Show Analyses from
// the palette, a new question, three hypotheses and five rows of evidence (claims and an
// annotation found by search), every rating typed in the grid, and the ranking, diagnosticity
// order and sensitivity following each change. Another analyst's rating shows as a disagreement;
// the list and deletion start from an analysis made through the contract.
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { callOk, makeEvidenceLibrary } from '../support/evidence-library';
import { openAnalysis, runCommand, seedAnalysis } from './evidence-setups';
import type { RunningApp } from './fixtures';
import { expect, screenshot, screenshotBothThemes, test } from './fixtures';

const QUESTION = 'Why did the boats not come back?';
const HYPOTHESES = ['Storm', 'Engine failure', 'Seized at sea'];
const CLAIMS = [
  'Storm warnings were issued the night before',
  'The boats carried new engines',
  'A coast guard vessel was seen at dawn',
  'Wreckage washed ashore at Zuwara',
];
const ANNOTATION = 'eleven boats did not come back';

async function seed(app: RunningApp): Promise<void> {
  const library = makeEvidenceLibrary(app.core);
  library.highlight(library.firstDoc, ANNOTATION);
  for (const statement of CLAIMS) await callOk(app.core, 'saveClaim', { statement });
}

/** Focuses a button as Tab would reach it and presses Enter. */
async function press(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name, exact: true }).focus();
  await page.keyboard.press('Enter');
}

async function typeInDialog(page: Page, dialog: string, text: string): Promise<void> {
  await expect(page.getByRole('dialog', { name: dialog })).toBeVisible();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: dialog })).toBeHidden();
}

async function addEvidence(page: Page, query: string, text: string): Promise<void> {
  const picker = page.getByRole('dialog', { name: 'Add evidence' });
  const search = picker.getByRole('searchbox', { name: 'Search claims and annotations' });
  await expect(search).toBeFocused();
  await page.keyboard.type(query);
  await expect(picker.getByRole('button', { name: new RegExp(text) })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(picker.getByRole('button', { name: new RegExp(text) })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(picker.getByRole('status')).toContainText(`Added “${text}`);
  await expect(search).toBeFocused();
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Delete');
}

const grid = (page: Page) => page.getByRole('grid', { name: QUESTION });
const focusedName = (page: Page) =>
  page.evaluate(() => {
    const active = document.activeElement;
    return active?.getAttribute('aria-label') ?? active?.textContent ?? '';
  });

/** From the grid's first cell, down the evidence column to the row, then right to the first hypothesis. */
async function goToRow(page: Page, label: string): Promise<void> {
  await page.keyboard.press('Control+Home');
  for (let step = 0; step < 6 && !(await focusedName(page)).includes(label); step += 1)
    await page.keyboard.press('ArrowDown');
  expect(await focusedName(page)).toContain(label);
  for (let step = 0; step < 3; step += 1) await page.keyboard.press('ArrowRight');
}

/** Types one rating per hypothesis, moving right between them, each checked by the cell's name. */
async function rateRow(page: Page, label: string, keys: string[], names: string[]): Promise<void> {
  await goToRow(page, label);
  for (const [index, key] of keys.entries()) {
    await page.keyboard.type(key);
    await expect(page.locator(':focus')).toHaveAccessibleName(
      new RegExp(`${label}.*hypothesis “${HYPOTHESES[index]}”: ${names[index]}`),
    );
    if (index < keys.length - 1) await page.keyboard.press('ArrowRight');
  }
}

const rowLabels = (page: Page) =>
  grid(page)
    .getByRole('rowheader')
    .evaluateAll((cells) => cells.map((cell) => cell.querySelector('span')?.textContent ?? ''));
const ranking = (page: Page) => page.getByRole('region', { name: 'Ranking' }).getByRole('listitem');
const evidenceHeader = (page: Page, label: string): Locator =>
  grid(page).getByRole('rowheader', { name: new RegExp(label) });

async function buildMatrix(page: Page): Promise<void> {
  await expect(page.getByRole('main', { name: 'Reader' })).toBeVisible();
  await runCommand(page, 'show analyses', 'Show Analyses');
  await expect(page.getByRole('heading', { level: 1, name: 'Analyses' })).toBeFocused();
  // The view's own buttons come next for the keyboard, not the sidebar's.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Close Analyses' })).toBeFocused();
  await press(page, 'New analysis…');
  await typeInDialog(page, 'New analysis', QUESTION);
  for (const label of HYPOTHESES) {
    await press(page, 'Add hypothesis…');
    await typeInDialog(page, 'Add hypothesis', label);
  }
  await press(page, 'Add evidence…');
  for (const claim of CLAIMS) await addEvidence(page, claim.split(' ').slice(0, 3).join(' '), claim);
  await addEvidence(page, 'eleven boats', ANNOTATION);
  await press(page, 'Done');
  await expect(grid(page).getByRole('rowheader')).toHaveCount(5);
}

test('hypotheses of equal score share first place in the ranking and the grid, and none is called Leading', async ({
  page,
  app,
}) => {
  await seed(app);
  await page.goto(app.url);
  await buildMatrix(page);
  await grid(page).getByRole('columnheader', { name: 'Evidence' }).focus();
  // Storm C, Engine failure C, Seized at sea I: the first two score 0 and tie; Seized at sea is 3rd.
  await rateRow(page, 'Storm warnings', ['c', 'c', 'i'], ['Consistent', 'Consistent', 'Inconsistent']);
  await expect(ranking(page)).toHaveText([
    /^Storm.*inconsistency 0\.00.*Tied for first/,
    /^Engine failure.*inconsistency 0\.00.*Tied for first/,
    /^Seized at sea.*inconsistency 1\.00/,
  ]);
  await expect(ranking(page).nth(1)).toHaveAttribute('value', '1');
  await expect(ranking(page).nth(2)).toHaveAttribute('value', '3');
  await expect(grid(page).getByRole('columnheader', { name: /Storm/ })).toContainText('Tied for first');
  await expect(grid(page).getByRole('columnheader', { name: /Engine failure/ })).toContainText('Tied for first');
  await expect(grid(page).getByRole('columnheader', { name: /Seized at sea/ })).toContainText('3rd');
  await expect(page.getByText('Leading')).toHaveCount(0);
});

test('before anything is rated the ranking says so and numbers no hypothesis; the first rating ranks them', async ({
  page,
  app,
}) => {
  await seedAnalysis(app, QUESTION, HYPOTHESES, [{ claim: CLAIMS[0]!, ratings: [null, null, null] }]);
  await page.goto(app.url);
  await openAnalysis(page, QUESTION);
  const region = page.getByRole('region', { name: 'Ranking' });
  await expect(region).toContainText('Nothing rated yet');
  await expect(ranking(page)).toHaveText([/^Storm/, /^Engine failure/, /^Seized at sea/]);
  // Unnumbered: not three hypotheses all ranked 1.
  await expect(region.locator('ol')).toHaveCount(0);
  await expect(region.locator('li[value]')).toHaveCount(0);
  await expect(page.getByText(/Leading|Tied for first/)).toHaveCount(0);
  await screenshotBothThemes(page, 'ach-nothing-rated');

  // Storm C, Engine failure I: ranked now, and the region no longer says nothing is rated.
  await grid(page).getByRole('columnheader', { name: 'Evidence' }).focus();
  await rateRow(page, 'Storm warnings', ['c', 'i'], ['Consistent', 'Inconsistent']);
  await expect(region).not.toContainText('Nothing rated yet');
  await expect(ranking(page)).toHaveText([
    /^Storm.*inconsistency 0\.00.*Tied for first/,
    /^Seized at sea.*inconsistency 0\.00.*Tied for first/,
    /^Engine failure.*inconsistency 1\.00/,
  ]);
});

test('a 3 × 5 matrix built from the keyboard ranks the hypotheses and sorts rows by diagnosticity', async ({
  page,
  app,
}) => {
  // Every rating is typed: under a loaded machine that outlasts the default 30 s.
  test.setTimeout(90_000);
  await seed(app);
  await page.goto(app.url);
  await buildMatrix(page);
  await grid(page).getByRole('columnheader', { name: 'Evidence' }).focus();
  const unsorted = await rowLabels(page);
  await rateRow(page, 'Storm warnings', ['c', 'i', 'i'], ['Consistent', 'Inconsistent', 'Inconsistent']);
  await rateRow(page, 'new engines', ['c', 'c', 'ii'], ['Consistent', 'Consistent', 'Very inconsistent']);
  await rateRow(page, 'coast guard', ['n', 'n', 'n'], ['Neutral', 'Neutral', 'Neutral']);
  await rateRow(page, 'Wreckage', ['c', 'ii', 'c'], ['Consistent', 'Very inconsistent', 'Consistent']);
  // A chord and steps: CC, then − twice from C gives I, then N/A.
  await rateRow(page, ANNOTATION, ['cc', 'c--', 'na'], ['Very consistent', 'Inconsistent', 'Not applicable']);

  // Storm 0, Seized at sea 3, Engine failure 4: Storm leads; the all-neutral row separates nothing.
  await expect(ranking(page)).toHaveText([
    /^Storm.*inconsistency 0\.00.*Leading/,
    /^Seized at sea.*3/,
    /^Engine failure.*4/,
  ]);
  await expect(grid(page).getByRole('columnheader', { name: /Storm/ })).toContainText('Leading');
  // While the keys are in the grid its rows hold still, so ↓ goes on to the next row; leaving
  // it (Tab) sorts them by diagnosticity, and the all-neutral row goes last.
  expect(await rowLabels(page)).toEqual(unsorted);
  await page.keyboard.press('Tab');
  await expect.poll(async () => (await rowLabels(page)).at(-1)).toBe(CLAIMS[2]);
  await grid(page).getByRole('columnheader', { name: 'Evidence' }).focus();
  await expect(grid(page).getByRole('gridcell', { name: /Diagnosticity of “A coast guard.*: 0\.00$/ })).toBeVisible();
  // Without the wreckage (II against Engine failure) Engine failure, at 2, would pass Seized at sea (3);
  // without the annotation (I against it) the two would tie at 3. Either changes the ranking.
  await expect(grid(page).getByText('Sensitive')).toHaveCount(2);
  await expect(evidenceHeader(page, 'Wreckage')).toContainText('Sensitive');
  await expect(evidenceHeader(page, ANNOTATION)).toContainText('Sensitive');

  // Two ratings against Storm: C stepped down to II with −, and II typed as a chord.
  await goToRow(page, 'Storm warnings');
  await page.keyboard.type('---');
  await expect(page.locator(':focus')).toHaveAccessibleName(/hypothesis “Storm”: Very inconsistent \(II\)/);
  await goToRow(page, 'Wreckage');
  await page.keyboard.type('ii');
  await expect(ranking(page).first()).toHaveText(/^Seized at sea.*inconsistency 3\.00.*Leading/);
  // Without the wreckage, Storm would lead again: that row is marked in words.
  await expect(evidenceHeader(page, 'Wreckage')).toContainText('Sensitive');
  await expect(page.locator(':focus')).toHaveAccessibleName(/Wreckage.*hypothesis “Storm”: Very inconsistent/);

  // Delete clears; Enter opens the note.
  await page.keyboard.press('Delete');
  await expect(page.locator(':focus')).toHaveAccessibleName(/Wreckage.*hypothesis “Storm”: not rated/);
  await page.keyboard.press('Enter');
  const note = page.getByRole('dialog', { name: 'Rating and note' });
  await expect(note.getByRole('textbox', { name: 'Note' })).toBeFocused();
  await page.keyboard.type('Debris matches the fleet');
  await note.getByRole('radio', { name: /^II/ }).check();
  await note.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator(':focus')).toHaveAccessibleName(
    /Wreckage.*Very inconsistent \(II\), note: Debris matches the fleet/,
  );
});

test("another analyst's differing rating is marked in the cell with each analyst's rating", async ({ page, app }) => {
  const analysis = await seedAnalysis(app, QUESTION, HYPOTHESES, [{ claim: CLAIMS[0]!, ratings: ['C', 'I', 'I'] }]);
  const view = await callOk(app.core, 'getAnalysis', { id: analysis.id });
  app.core.db
    .prepare(
      `INSERT INTO ach_cells (analysis_id, row_id, hypothesis_id, author_id, author_name, rating, note, updated_at)
       VALUES (?, ?, ?, 'other-analyst', 'Rania', 'II', '', '2026-01-01T00:00:00.000Z')`,
    )
    .run(view.id, view.rows[0]!.id, view.hypotheses[0]!.id);
  await page.goto(app.url);
  await openAnalysis(page, QUESTION);
  const cell = grid(page).getByRole('gridcell', {
    name: /Storm warnings.*hypothesis “Storm”: Consistent \(C\), analysts disagree: .*Rania: II/,
  });
  await expect(cell).toBeVisible();
  await expect(cell).toContainText('Rania: II');
});

test('Analyses lists questions with their leader and deletes one after a confirmation', async ({ page, app }) => {
  test.setTimeout(60_000);
  await seedAnalysis(app, QUESTION, HYPOTHESES, [
    { claim: CLAIMS[0]!, ratings: ['C', 'I', 'II'] },
    { claim: CLAIMS[3]!, ratings: ['C', 'II', 'N'] },
  ]);
  await page.goto(app.url);
  await openAnalysis(page, QUESTION);
  await screenshotBothThemes(page, 'ach-matrix');
  await page.getByRole('button', { name: 'All analyses' }).click();
  const item = page.getByRole('list', { name: 'Questions' }).getByRole('listitem');
  await expect(item).toContainText('Leading: Storm');
  await screenshotBothThemes(page, 'ach-list');
  await page.getByRole('button', { name: `Delete analysis “${QUESTION}”` }).click();
  await page
    .getByRole('dialog', { name: /Delete the analysis/ })
    .getByRole('button', { name: 'Delete' })
    .click();
  await expect(item).toHaveCount(0);
  await expect(page.getByText('No analyses yet.')).toBeVisible();
});

test("an analysis rated only by another analyst opens on their ratings, read-only, and one switches to one's own to rate", async ({
  page,
  app,
}) => {
  await seed(app);
  const { id } = await callOk(app.core, 'saveAnalysis', { question: QUESTION });
  for (const label of HYPOTHESES.slice(0, 2)) await callOk(app.core, 'saveHypothesis', { analysisId: id, label });
  const claims = await callOk(app.core, 'listClaims', {});
  for (const claim of claims.slice(0, 2))
    await callOk(app.core, 'saveAchRow', { analysisId: id, evidence: { kind: 'claim', id: claim.id } });
  const view = await callOk(app.core, 'getAnalysis', { id });
  const insert = app.core.db.prepare(
    `INSERT INTO ach_cells (analysis_id, row_id, hypothesis_id, author_id, author_name, rating, note, updated_at)
     VALUES (?, ?, ?, 'other-analyst', 'Rania', ?, '', '2026-01-01T00:00:00.000Z')`,
  );
  for (const row of view.rows) {
    insert.run(id, row.id, view.hypotheses[0]!.id, 'C');
    insert.run(id, row.id, view.hypotheses[1]!.id, 'II');
  }
  await page.goto(app.url);
  await openAnalysis(page, QUESTION);

  const whose = page.getByRole('combobox', { name: 'Ratings by' });
  await expect(whose.locator('option:checked')).toHaveText('Rania — 4 ratings');
  await expect(page.getByRole('note')).toContainText("These are Rania's ratings: only they can change them.");
  await expect(ranking(page)).toHaveText([/^Storm.*inconsistency 0\.00.*Leading/, /^Engine failure/]);
  await expect(grid(page)).toHaveAttribute('aria-readonly', 'true');
  const cell = grid(page)
    .getByRole('gridcell', { name: /hypothesis “Storm”: Consistent \(C\)/ })
    .first();
  await cell.focus();
  await page.keyboard.type('i');
  const notice = page.getByRole('status').filter({ hasText: "These are Rania's ratings" });
  await expect(notice).toBeVisible();
  await expect(cell).toHaveAccessibleName(/Consistent \(C\)/);
  await screenshot(page, 'ach-another-analysts-ratings-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'ach-another-analysts-ratings-dark');

  // Exported, the matrix is the one shown: Rania's, from the button and from the palette alike.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV…' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('Why did the boats not come back (ACH).csv');
  expect(readFileSync((await file.path())!, 'utf8')).toMatch(
    /Wreckage washed ashore at Zuwara,claim,medium,,2(\.00)?,,C,II/,
  );
  await page.keyboard.press('Control+k');
  await page.keyboard.type('csv');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await expect(palette.getByRole('option', { selected: true })).toContainText('Analysis Matrix as CSV');
  const again = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  expect((await again).suggestedFilename()).toBe('Why did the boats not come back (ACH).csv');

  await notice.getByRole('button', { name: 'Show your ratings' }).click();
  await expect(whose.locator('option:checked')).toHaveText(/^You \(.*\) — 0 ratings$/);
  await expect(page.getByRole('note')).toBeHidden();
  const mine = grid(page)
    .getByRole('gridcell', { name: /hypothesis “Storm”: not rated/ })
    .first();
  await mine.focus();
  await page.keyboard.type('i');
  await expect(page.locator(':focus')).toHaveAccessibleName(
    /hypothesis “Storm”: Inconsistent \(I\), analysts disagree/,
  );
  await expect(whose.locator('option:checked')).toHaveText(/^You \(.*\) — 1 rating$/);
});

test("the Share menu offers the shown analysis's CSV beside the other exports, and only while an analysis is shown", async ({
  page,
  app,
}) => {
  await seedAnalysis(app, QUESTION, HYPOTHESES, [{ claim: CLAIMS[0]!, ratings: ['C', 'I', 'II'] }]);
  await page.goto(app.url);
  const share = page.getByRole('banner').getByRole('button', { name: 'Share', exact: true });
  const menu = page.getByRole('menu', { name: 'Share' });
  const csv = menu.getByRole('menuitem', { name: 'Export analysis as CSV…' });
  await share.click();
  await expect(menu.getByRole('menuitem', { name: 'Export PDF…' })).toBeVisible();
  await expect(csv).toHaveCount(0);
  await page.keyboard.press('Escape');

  await openAnalysis(page, QUESTION);
  await share.click();
  await expect(menu.getByRole('menuitem')).toHaveText([
    /^Export PDF…/,
    /^Export analysis as CSV…/,
    /^Share notes…/,
    /^Import notes…/,
  ]);
  await screenshotBothThemes(page, 'ach-share-menu');
  const download = page.waitForEvent('download');
  await csv.click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('Why did the boats not come back (ACH).csv');
  expect(readFileSync((await file.path())!, 'utf8')).toMatch(/Storm warnings were issued the night before,claim,/);

  // Back to the list of questions: no analysis is shown, so there is none to export.
  await page.getByRole('button', { name: 'All analyses' }).click();
  await share.click();
  await expect(menu.getByRole('menuitem', { name: 'Export PDF…' })).toBeVisible();
  await expect(csv).toHaveCount(0);
});
