// The evidence that the ACH and accessibility specs start from, made through the contract so
// each screen is a step away: the sample graded against two sources, a claim with evidence
// for and against, a link, and an analysis of competing hypotheses with ratings.
import type { Page } from '@playwright/test';
import type { AchRating } from '../../src/shared/evidence';
import { callOk } from '../support/evidence-library';
import type { RunningApp } from './fixtures';
import { expect } from './fixtures';
import { pointOf } from './helpers';
import { annotateSample } from './screen-setups';

export const SAMPLE_CLAIM = 'IS fighters beheaded 11 people in Sabratha';

/** A highlight of the sample by its quote, as annotateSample made it. */
function annotationOf(app: RunningApp, documentId: string, quote: string): string {
  const found = app.core.annotations.list(documentId).find((annotation) => annotation.target?.quote.exact === quote);
  if (!found) throw new Error(`No annotation on “${quote}”`);
  return found.id;
}

/** The annotated sample with its sources, a grade, a link and two claims (one with no evidence yet). */
export async function gradeSample(app: RunningApp): Promise<void> {
  const documentId = annotateSample(app);
  const beheading = annotationOf(app, documentId, 'beheading 11 people');
  const hostages = annotationOf(app, documentId, 'two Serbian hostages');
  const channel = await callOk(app.core, 'saveSource', {
    name: "Libya's Channel",
    kind: 'outlet',
    reliability: 'B',
    reliabilityReason: 'Local channel with reporters in Sabratha',
  });
  const monitor = await callOk(app.core, 'saveSource', { name: 'Coastal Monitor', reliability: 'C' });
  await callOk(app.core, 'setDocumentSources', { documentId, sourceIds: [channel.id] });
  await callOk(app.core, 'gradeAnnotation', { annotationId: hostages, sourceIds: [monitor.id], credibility: '3' });
  await callOk(app.core, 'gradeAnnotation', { annotationId: beheading, sourceIds: [], credibility: '2' });
  await callOk(app.core, 'linkAnnotations', { fromId: hostages, toId: beheading, kind: 'same-event' });
  await callOk(app.core, 'saveClaim', {
    statement: SAMPLE_CLAIM,
    evidence: [
      { annotationId: beheading, stance: 'supports' },
      { annotationId: hostages, stance: 'context' },
    ],
  });
  await callOk(app.core, 'saveClaim', { statement: 'Western special forces were on the ground' });
}

export interface SeededAnalysis {
  id: string;
  question: string;
}

/**
 * An analysis with these hypotheses and one row a claim, each row rated by the local analyst
 * (a row of ratings in hypothesis order, null leaving a cell unrated).
 */
export async function seedAnalysis(
  app: RunningApp,
  question: string,
  hypotheses: readonly string[],
  rows: ReadonlyArray<{ claim: string; ratings: ReadonlyArray<AchRating | null> }>,
): Promise<SeededAnalysis> {
  let view = await callOk(app.core, 'saveAnalysis', { question });
  for (const label of hypotheses) view = await callOk(app.core, 'saveHypothesis', { analysisId: view.id, label });
  for (const { claim, ratings } of rows) {
    const made = await callOk(app.core, 'saveClaim', { statement: claim });
    view = await callOk(app.core, 'saveAchRow', { analysisId: view.id, evidence: { kind: 'claim', id: made.id } });
    const rowId = view.rows.at(-1)!.id;
    for (const [index, rating] of ratings.entries()) {
      if (rating === null) continue;
      const hypothesisId = view.hypotheses[index]!.id;
      view = await callOk(app.core, 'rateAchCell', { analysisId: view.id, rowId, hypothesisId, rating });
    }
  }
  return { id: view.id, question };
}

/** Runs a command from the palette once it is open and shows the command first. */
export async function runCommand(page: Page, typed: string, title: string): Promise<void> {
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await expect(palette.getByRole('combobox')).toBeFocused();
  await page.keyboard.type(typed);
  await expect(palette.getByRole('option', { selected: true })).toContainText(title);
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
}

/** Analyses, then the analysis of this question. */
export async function openAnalysis(page: Page, question: string): Promise<void> {
  await expect(page.getByRole('main', { name: 'Reader' })).toBeVisible();
  await runCommand(page, 'show analyses', 'Show Analyses');
  await expect(page.getByRole('heading', { level: 1, name: 'Analyses' })).toBeVisible();
  await page.getByRole('list', { name: 'Questions' }).getByRole('button', { name: question, exact: true }).click();
  await expect(page.getByRole('grid', { name: question })).toBeVisible();
}

/** Clicks a passage's text, scrolled into view, as a person selects its highlight: its card opens. */
export async function cardOf(page: Page, quote: string) {
  const point = await pointOf(page, quote, { scroll: true });
  const card = page.getByRole('article').filter({ has: page.getByRole('group', { name: 'Evidence' }) });
  // A click before the document's annotations have loaded selects nothing: a person clicks again.
  await expect(async () => {
    await page.mouse.click(point.x, point.y);
    await expect(card).toBeVisible({ timeout: 1000 });
  }).toPass();
  return card;
}
