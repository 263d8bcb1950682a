// Someone else's evidence stays theirs, and the window says so up front: on another analyst's
// source, link, claim and analysis the change and delete controls are absent and whose it is
// is said (to a screen reader too), while one's own keep them and anyone still rates an analysis.
import { callOk } from '../support/evidence-library';
import { cardOf, gradeSample, runCommand, SAMPLE_CLAIM, seedAnalysis } from './evidence-setups';
import type { RunningApp } from './fixtures';
import { expect, screenshotBothThemes, test } from './fixtures';
import { openReader } from './screen-setups';

const MY_CLAIM = 'Western special forces were on the ground';
const QUESTION = 'Who took Sabratha for a night?';
const MY_QUESTION = 'Were Western forces involved?';

/** Gives items to Rania, as a bundle from her would bring them: her highlight names her here. */
function giveToRania(app: RunningApp, table: string, where: string, ...values: string[]): void {
  app.core.db.prepare(`UPDATE ${table} SET author_id = 'rania' WHERE ${where}`).run(...values);
}

/** The graded sample, with Rania's source, link, claim, grade and highlight beside one's own. */
async function seedTheirs(app: RunningApp): Promise<void> {
  await gradeSample(app);
  const documentId = app.core.documents.list()[0]!.id;
  const byQuote = (quote: string) =>
    app.core.annotations.list(documentId).find((annotation) => annotation.target?.quote.exact === quote)!.id;
  const stormed = byQuote('Islamic State militants stormed the centre of Sabratha');
  await callOk(app.core, 'linkAnnotations', { fromId: byQuote('beheading 11 people'), toId: stormed, kind: 'cites' });
  app.core.db
    .prepare(`UPDATE annotations SET author_id = 'rania', author_name = 'Rania' WHERE id = ?`)
    .run(byQuote('the centre of Sabratha late Tuesday'));
  giveToRania(app, 'evidence_sources', 'name = ?', 'Coastal Monitor');
  giveToRania(app, 'annotation_links', "kind = 'same-event'");
  giveToRania(app, 'claims', 'statement = ?', SAMPLE_CLAIM);
  giveToRania(app, 'annotation_grades', 'annotation_id = ?', byQuote('two Serbian hostages'));
}

test("another analyst's source, link and claim show whose they are and offer no change; one's own keep Edit, Delete and ×", async ({
  page,
  app,
}) => {
  test.setTimeout(90_000);
  await seedTheirs(app);
  await openReader(page, app);

  await runCommand(page, 'Show Sources', 'Show Sources');
  const sources = page.getByRole('tabpanel', { name: 'Sources' });
  const theirs = sources.getByRole('listitem').filter({ hasText: 'Coastal Monitor' });
  await expect(theirs.getByRole('note')).toHaveText("Rania's source: only they can change or delete it.");
  await expect(sources.getByRole('button', { name: 'Edit Coastal Monitor' })).toHaveCount(0);
  await expect(sources.getByRole('button', { name: 'Delete Coastal Monitor' })).toHaveCount(0);
  await expect(sources.getByRole('button', { name: "Edit Libya's Channel" })).toBeVisible();
  await expect(sources.getByRole('button', { name: "Delete Libya's Channel" })).toBeVisible();
  await screenshotBothThemes(page, 'evidence-others-source');

  // Rania's link has no ×, and its name says whose it is; mine on the same card keeps its ×.
  const card = await cardOf(page, 'beheading 11 people');
  const links = card.getByRole('list', { name: 'Links' });
  await expect(
    links.getByRole('button', { name: /same event .*two Serbian hostages.* \(Rania's link\)$/ }),
  ).toBeVisible();
  await expect(links.getByRole('button', { name: /^Remove link: same event/ })).toHaveCount(0);
  await expect(links.getByRole('button', { name: /^Remove link: cites/ })).toBeVisible();
  await expect(card.getByRole('button', { name: 'Grade…', exact: true })).toBeEnabled();
  await screenshotBothThemes(page, 'evidence-others-link');

  // Rania graded the hostages passage: Grade… is there but disabled, and says whose the grade is.
  const graded = await cardOf(page, 'two Serbian hostages');
  await expect(graded.getByRole('button', { name: "Grade… (Rania's grade: only they can change it)" })).toBeDisabled();
  // So is `g`: it says whose the grade is rather than open a dialog whose change would be refused.
  await page.keyboard.press('g');
  await expect(page.getByRole('status').filter({ hasText: "Rania's grade: only they can change" })).toBeVisible();
  await expect(page.getByRole('dialog', { name: 'Grade annotation' })).toHaveCount(0);
  await cardOf(page, 'beheading 11 people');

  // Add to claim offers only one's own claims: Rania's is listed as hers and cannot be chosen.
  await card.getByRole('button', { name: 'Add to claim…' }).click();
  const addTo = page.getByRole('dialog', { name: 'Add to claim' });
  await expect(addTo.getByRole('radio', { name: new RegExp(`${SAMPLE_CLAIM}.*Rania's claim`) })).toBeDisabled();
  await expect(addTo.getByRole('radio', { name: new RegExp(MY_CLAIM) })).toBeChecked();
  await page.keyboard.press('Escape');

  await runCommand(page, 'Show Claims', 'Show Claims');
  const claims = page.getByRole('tabpanel', { name: 'Claims' });
  // The list says whose a claim is, and the claim opened says only they can change it.
  await claims.getByRole('button', { name: new RegExp(`${SAMPLE_CLAIM}.*Rania's claim`) }).click();
  await expect(claims.getByRole('note')).toHaveText("Rania's claim: only they can change or delete it.");
  for (const name of ['Reword…', 'Delete claim…', /^Remove “/])
    await expect(claims.getByRole('button', { name })).toHaveCount(0);
  await expect(claims.getByRole('combobox', { name: /^Stance of/ })).toHaveCount(0);
  await expect(claims.getByRole('button', { name: /“beheading 11 people”/ })).toBeVisible();
  await screenshotBothThemes(page, 'evidence-others-claim');

  await claims.getByRole('button', { name: '← All claims' }).click();
  await claims.getByRole('button', { name: new RegExp(MY_CLAIM) }).click();
  await expect(claims.getByRole('button', { name: 'Reword…' })).toBeVisible();
  await expect(claims.getByRole('button', { name: 'Delete claim…' })).toBeVisible();
  await expect(claims.getByRole('note')).toHaveCount(0);
});

test("another analyst's analysis offers no Edit question, hypothesis or evidence changes or Delete, but rating it works", async ({
  page,
  app,
}) => {
  test.setTimeout(90_000);
  const analysis = await seedAnalysis(
    app,
    QUESTION,
    ['Islamic State', 'Local militia'],
    [{ claim: SAMPLE_CLAIM, ratings: ['C', null] }],
  );
  await seedAnalysis(app, MY_QUESTION, ['Yes', 'No'], []);
  giveToRania(app, 'ach_analyses', 'id = ?', analysis.id);
  const view = await callOk(app.core, 'getAnalysis', { id: analysis.id });
  app.core.db
    .prepare(
      `INSERT INTO ach_cells (analysis_id, row_id, hypothesis_id, author_id, author_name, rating, note, updated_at)
       VALUES (?, ?, ?, 'rania', 'Rania', 'C', '', '2026-01-01T00:00:00.000Z')`,
    )
    .run(analysis.id, view.rows[0]!.id, view.hypotheses[0]!.id);
  await openReader(page, app);
  await runCommand(page, 'show analyses', 'Show Analyses');
  const questions = page.getByRole('list', { name: 'Questions' });
  const hers = questions.getByRole('listitem').filter({ hasText: QUESTION });
  await expect(hers).toContainText("Rania's analysis");
  await expect(questions.getByRole('button', { name: `Delete analysis “${QUESTION}”` })).toHaveCount(0);
  await expect(questions.getByRole('button', { name: `Delete analysis “${MY_QUESTION}”` })).toBeVisible();
  await screenshotBothThemes(page, 'ach-others-list');

  await questions.getByRole('button', { name: QUESTION, exact: true }).click();
  const grid = page.getByRole('grid', { name: QUESTION });
  await expect(grid).toBeVisible();
  await expect(page.getByRole('note').filter({ hasText: "This is Rania's analysis" })).toContainText(
    'only they can change its question, hypotheses and evidence. You can still rate it',
  );
  for (const name of ['Edit question…', 'Add hypothesis…', 'Add evidence…', 'Rename…', 'Remove…'])
    await expect(page.getByRole('button', { name })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Export CSV…' })).toBeVisible();
  await expect(grid.getByRole('button', { name: /^Remove evidence/ })).toHaveCount(0);

  // My ratings of her analysis are mine to give.
  const cell = grid.getByRole('gridcell', { name: /hypothesis “Local militia”: not rated/ });
  await cell.focus();
  await page.keyboard.type('i');
  await expect(grid.getByRole('gridcell', { name: /hypothesis “Local militia”: Inconsistent \(I\)/ })).toBeVisible();

  // A key that would change the relevance says whose the analysis is, and changes nothing.
  const relevance = grid.getByRole('gridcell', { name: /^Relevance of/ });
  await relevance.focus();
  await page.keyboard.type('h');
  await expect(page.getByRole('status').filter({ hasText: "This is Rania's analysis" })).toBeVisible();
  await expect(relevance).toHaveAccessibleName(/Medium$/i);
  await screenshotBothThemes(page, 'ach-others-analysis');
});
