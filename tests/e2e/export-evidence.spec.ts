// The export dialog's evidence option as a person uses it: the graded sample exports with the
// "Claims and sources" appendix and grades on its highlights, and unticking the option leaves
// the appendix out.
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalTextOf } from '../../src/shared/lexical-document';
import { callOk } from '../support/evidence-library';
import { readPdf } from '../support/pdf-reader';
import { SCREENSHOT_DIR, expect, test } from './fixtures';
import type { RunningApp } from './fixtures';
import { chooseFromMenu } from './toolbar-helpers';

const SAMPLE_TITLE = 'Reports of western ‘boots on the ground’ in Libya as Islamic State storms Sabratha';

/** The sample with one highlight graded B2 from Libya's Channel, and a claim resting on it. */
async function gradeSample(app: RunningApp): Promise<void> {
  const documentId = app.core.documents.list()[0]!.id;
  const text = canonicalTextOf(app.core.documents.detail(documentId).lexicalJson);
  const quote = 'Islamic State militants stormed the centre of Sabratha';
  const start = text.indexOf(quote);
  const annotation = app.core.annotations.create({ documentId, start, end: start + quote.length });
  const source = await callOk(app.core, 'saveSource', { name: "Libya's Channel", kind: 'outlet', reliability: 'B' });
  await callOk(app.core, 'gradeAnnotation', { annotationId: annotation.id, sourceIds: [source.id], credibility: '2' });
  await callOk(app.core, 'saveClaim', {
    statement: 'IS fighters stormed Sabratha',
    evidence: [{ annotationId: annotation.id, stance: 'supports' }],
  });
}

async function exportWith(page: Page, app: RunningApp, evidence: boolean, shot?: string) {
  await page.goto(app.url);
  await expect(page.getByRole('heading', { level: 1, name: SAMPLE_TITLE })).toBeVisible();
  await chooseFromMenu(page, 'Share', 'Export PDF…');
  const dialog = page.getByRole('dialog', { name: 'Export annotated PDF' });
  const option = dialog.getByRole('checkbox', { name: 'Claims and sources' });
  await expect(option).toBeChecked();
  if (!evidence) await option.uncheck();
  if (shot) {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await dialog.screenshot({ path: join(SCREENSHOT_DIR, `${shot}-${scheme}.png`) });
    }
  }
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export PDF' }).click();
  return readPdf(readFileSync((await (await downloading).path())!));
}

test('the export dialog includes the Claims and sources appendix by default, with grades on the highlights', async ({
  page,
  app,
}) => {
  await gradeSample(app);
  const pdf = await exportWith(page, app, true, 'export-dialog-evidence');
  expect(pdf.outline).toContain('Claims and sources');
  const highlight = pdf.annotations.find((annotation) => annotation.subtype === 'Highlight')!;
  expect(highlight.contents).toBe("Grade: B2 — Usually reliable, Probably true\nSource: Libya's Channel (B)");
});

test('unticking Claims and sources leaves the appendix out', async ({ page, app }) => {
  await gradeSample(app);
  const pdf = await exportWith(page, app, false);
  expect(pdf.outline).not.toContain('Claims and sources');
});
