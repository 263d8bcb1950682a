import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MarginaliaCore } from '../../src/core/core';
import type { EvidenceLibrary } from '../support/evidence-library';
import { callOk, makeEvidenceLibrary } from '../support/evidence-library';
import { readPdf } from '../support/pdf-reader';
import { FONTS_DIR, makeTempDir } from '../support/temp';

// Issue 17's evidence in the briefing PDF: grades on highlights and in the appendix, and a
// "Claims and sources" appendix with the sources, claims and analyses, read back as a reader sees them.

let temp: ReturnType<typeof makeTempDir>;
let core: MarginaliaCore;
let library: EvidenceLibrary;

beforeEach(() => {
  temp = makeTempDir();
  core = new MarginaliaCore({ dataDir: join(temp.path, 'data'), host: 'cli', version: '1.0.0', fontsDir: FONTS_DIR });
  core.profile.rename('Ada Analyst');
  library = makeEvidenceLibrary(core);
});

afterEach(() => {
  core.close();
  temp.remove();
});

/** The PDF's text as a reader sees it, whitespace collapsed; `-layout` keeps a table's rows on their lines. */
function pdftotext(path: string, layout = false): string {
  const args = [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', path, '-'];
  return execFileSync('pdftotext', args, { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

/** Two graded reports, a claim with evidence in both, and an analysis rating it. */
async function gradedLibrary() {
  const radio = await callOk(core, 'saveSource', {
    name: 'Harbour Radio',
    kind: 'outlet',
    reliability: 'B',
    reliabilityReason: 'Local station with reporters in Zuwara',
  });
  const port = await callOk(core, 'saveSource', { name: 'Port officials', kind: 'official', reliability: 'C' });
  await callOk(core, 'setDocumentSources', { documentId: library.firstDoc, sourceIds: [radio.id] });
  const missing = library.highlight(library.firstDoc, 'eleven boats did not come back');
  const storm = library.highlight(library.secondDoc, 'storm closed the harbour');
  await callOk(core, 'gradeAnnotation', { annotationId: missing, credibility: '2' });
  await callOk(core, 'gradeAnnotation', { annotationId: storm, sourceIds: [port.id], credibility: '3' });
  const claim = await callOk(core, 'saveClaim', {
    statement: 'Eleven boats are missing after the storm',
    evidence: [
      { annotationId: missing, stance: 'supports' },
      { annotationId: storm, stance: 'context' },
    ],
  });
  const analysis = await callOk(core, 'saveAnalysis', { question: 'Why did the boats not come back?' });
  for (const label of ['Storm', 'Seized at sea'])
    await callOk(core, 'saveHypothesis', { analysisId: analysis.id, label });
  const view = await callOk(core, 'saveAchRow', {
    analysisId: analysis.id,
    evidence: { kind: 'claim', id: claim.id },
    relevance: 'high',
  });
  const [stormH, seizedH] = view.hypotheses.map((hypothesis) => hypothesis.id) as [string, string];
  const rowId = view.rows[0]!.id;
  await callOk(core, 'rateAchCell', { analysisId: analysis.id, rowId, hypothesisId: stormH, rating: 'CC' });
  await callOk(core, 'rateAchCell', { analysisId: analysis.id, rowId, hypothesisId: seizedH, rating: 'II' });
  return { missing, storm, claim, analysisId: analysis.id };
}

async function exportBoth(options: Record<string, unknown> = {}): Promise<string> {
  const out = join(temp.path, `briefing-${Math.random().toString(36).slice(2)}.pdf`);
  await core.exportPdfToFile([library.firstDoc, library.secondDoc], options, out);
  return out;
}

describe('evidence in the PDF export', () => {
  it("puts each highlight's grade with its meaning and its sources in the highlight's /Contents", async () => {
    await gradedLibrary();
    const pdf = await readPdf(readFileSync(await exportBoth()));
    const contents = pdf.annotations.filter((item) => item.subtype === 'Highlight').map((item) => item.contents);
    expect(contents).toContain('Grade: B2 — Usually reliable, Probably true\nSource: Harbour Radio (B)');
    expect(contents).toContain('Grade: C3 — Fairly reliable, Possibly true\nSource: Port officials (C)');
  });

  it("shows each highlight's grade and sources in its entry of the appendix by tag", async () => {
    await gradedLibrary();
    const text = pdftotext(await exportBoth());
    expect(text).toContain(
      '“eleven boats did not come back” — Ada Analyst · Grade: B2 — Usually reliable, Probably true · Source: Harbour Radio (B)',
    );
  });

  it('says under a single-source claim which of its supporting pieces share a source', async () => {
    const { claim } = await gradedLibrary();
    const boats = library.highlight(library.firstDoc, 'fishing boats left Zuwara');
    await callOk(core, 'setClaimEvidence', { claimId: claim.id, annotationId: boats, stance: 'supports' });
    const appendix = pdftotext(await exportBoth())
      .split('Claims and sources')
      .at(-1)!;
    expect(appendix).toMatch(
      /Single source: “(eleven boats did not come back|fishing boats left Zuwara)” and “(eleven boats did not come back|fishing boats left Zuwara)” are both from Harbour Radio/,
    );
  });

  it('lists the sources with reliability and reason, and each claim with its status and its evidence by stance', async () => {
    await gradedLibrary();
    const text = pdftotext(await exportBoth());
    const appendix = text.slice(text.indexOf('Claims and sources'));
    expect(appendix).toContain('Sources (2)');
    expect(appendix).toContain('Harbour Radio outlet · B — Usually reliable');
    expect(appendix).toContain('Local station with reporters in Zuwara');
    expect(appendix).toContain('Port officials official · C — Fairly reliable');
    expect(appendix).toContain('Claims (1)');
    expect(appendix).toContain('Eleven boats are missing after the storm');
    expect(appendix).toContain('Single source · 1 independent supporting source · best supporting grade B2');
    expect(appendix).toMatch(
      /Supports \(1\) “eleven boats did not come back” — Harbour Radio reported that fishing boats left Zuwara at dawn\. · grade B2 · Harbour Radio \(B\)/,
    );
    expect(appendix).toMatch(
      /Context \(1\) “storm closed the harbour” — The Coast Courier, citing Harbour Radio, said fishing boats left Zuwara at dawn\. · grade C3 · Port officials \(C\)/,
    );
  });

  it('sets each analysis touching the documents as a table of ratings, scores, ranks and diagnosticity', async () => {
    await gradedLibrary();
    const out = await exportBoth();
    if (process.env.KEEP_PDF) execFileSync('cp', [out, process.env.KEEP_PDF]);
    const text = pdftotext(out, true);
    const analysis = text.slice(text.indexOf('Analysis: Why did the boats not come back?'));
    expect(analysis).toContain('H1 Storm — weighted inconsistency 0.00 · rank 1');
    expect(analysis).toContain('H2 Seized at sea — weighted inconsistency');
    expect(analysis).toContain('Evidence (most diagnostic first) Relevance Cred. Diag. H1 Storm H2 Seized');
    expect(analysis).toContain('Claim: Eleven boats are missing after the storm high 2 4.00 * CC II');
    expect(analysis).toContain('Weighted inconsistency 0.00 4.00 Rank 1 2');
    expect(analysis).toContain('* The ranking hangs on this row');
  });

  it("lists the notes on the shown analyst's ratings under the matrix, each with its row, hypothesis and rating", async () => {
    const { analysisId } = await gradedLibrary();
    const view = await callOk(core, 'getAnalysis', { id: analysisId });
    await callOk(core, 'rateAchCell', {
      analysisId,
      rowId: view.rows[0]!.id,
      hypothesisId: view.hypotheses[1]!.id,
      rating: 'II',
      note: 'No boat was boarded, says the coast guard.',
    });
    const text = pdftotext(await exportBoth());
    const analysis = text.slice(text.indexOf('Analysis: Why did the boats not come back?'));
    expect(analysis).toContain(
      'Notes on ratings: Eleven boats are missing after the storm × H2 Seized at sea (II): No boat was boarded, says the coast guard.',
    );
  });

  it('shows a rank shared by hypotheses of equal score in the legend and the table', async () => {
    const { analysisId } = await gradedLibrary();
    const view = await callOk(core, 'saveHypothesis', { analysisId, label: 'Engine failure' });
    const engine = view.hypotheses[2]!.id;
    await callOk(core, 'rateAchCell', { analysisId, rowId: view.rows[0]!.id, hypothesisId: engine, rating: 'C' });
    const text = pdftotext(await exportBoth(), true);
    const analysis = text.slice(text.indexOf('Analysis: Why did the boats not come back?'));
    // Storm CC and Engine failure C both score 0: they share rank 1, and Seized at sea is 3rd.
    expect(analysis).toContain('H1 Storm — weighted inconsistency 0.00 · tied for first');
    expect(analysis).toContain('H2 Seized at sea — weighted inconsistency 4.00 · rank 3');
    expect(analysis).toContain('H3 Engine failure — weighted inconsistency 0.00 · tied for first');
    expect(analysis).not.toContain('(shared)');
    expect(analysis).toContain('Weighted inconsistency 0.00 4.00 0.00 Rank 1= 3 1=');
  });

  it('says a rank below first that hypotheses share is tied, and a lone first rank is rank 1', async () => {
    const { analysisId } = await gradedLibrary();
    const view = await callOk(core, 'saveHypothesis', { analysisId, label: 'Engine failure' });
    const engine = view.hypotheses[2]!.id;
    await callOk(core, 'rateAchCell', { analysisId, rowId: view.rows[0]!.id, hypothesisId: engine, rating: 'II' });
    const text = pdftotext(await exportBoth(), true);
    const analysis = text.slice(text.indexOf('Analysis: Why did the boats not come back?'));
    // Seized at sea and Engine failure both score 4: they share rank 2 behind Storm.
    expect(analysis).toContain('H1 Storm — weighted inconsistency 0.00 · rank 1');
    expect(analysis).not.toContain('H1 Storm — weighted inconsistency 0.00 · rank 1 (tied)');
    expect(analysis).toContain('H2 Seized at sea — weighted inconsistency 4.00 · rank 2 (tied)');
    expect(analysis).toContain('H3 Engine failure — weighted inconsistency 4.00 · rank 2 (tied)');
  });

  it('leaves the hypotheses unranked before anything is rated, and says nothing is rated yet', async () => {
    const { claim } = await gradedLibrary();
    const analysis = await callOk(core, 'saveAnalysis', { question: 'Who saw the boats last?' });
    for (const label of ['Fishermen', 'Coast guard'])
      await callOk(core, 'saveHypothesis', { analysisId: analysis.id, label });
    await callOk(core, 'saveAchRow', { analysisId: analysis.id, evidence: { kind: 'claim', id: claim.id } });
    const text = pdftotext(await exportBoth(), true);
    const unrated = text.slice(text.indexOf('Analysis: Who saw the boats last?'));
    expect(unrated).toContain(
      'H1 Fishermen — weighted inconsistency 0.00 H2 Coast guard — weighted inconsistency 0.00 Nothing rated yet',
    );
    expect(unrated).toContain('Nothing rated yet: the hypotheses are not ranked.');
    expect(unrated).not.toContain('tied for first');
    expect(unrated).toContain('Weighted inconsistency 0.00 0.00 Rank – –');
  });

  it('leaves the Claims and sources appendix out when asked, keeping the grades on the highlights', async () => {
    await gradedLibrary();
    const out = await exportBoth({ includeEvidence: false });
    expect(pdftotext(out)).not.toContain('Claims and sources');
    const pdf = await readPdf(readFileSync(out));
    expect(pdf.outline).not.toContain('Claims and sources');
    expect(pdf.annotations.some((item) => item.contents.includes('Grade: B2'))).toBe(true);
  });

  it('adds no appendix and no grades for documents without any evidence', async () => {
    library.highlight(library.firstDoc, 'eleven boats did not come back');
    const out = await exportBoth();
    expect(pdftotext(out)).not.toContain('Claims and sources');
    const pdf = await readPdf(readFileSync(out));
    expect(pdf.annotations.every((item) => !item.contents.includes('Grade'))).toBe(true);
  });

  it('lists only the claims and sources of the annotations the filters export, and keeps each analysis whole', async () => {
    await gradedLibrary();
    const courier = await callOk(core, 'saveSource', { name: 'Coast Courier', kind: 'outlet', reliability: 'C' });
    const text = core.documents.canonicalText(library.secondDoc);
    const start = text.indexOf('fishing boats left Zuwara at dawn');
    const dawn = core.annotations.create({ documentId: library.secondDoc, start, end: start + 33, color: 'green' }).id;
    await callOk(core, 'gradeAnnotation', { annotationId: dawn, sourceIds: [courier.id] });
    await callOk(core, 'saveClaim', {
      statement: 'The boats left at dawn',
      evidence: [{ annotationId: dawn, stance: 'supports' }],
    });
    const appendixOf = (pdf: string): string => pdf.slice(pdf.indexOf('Claims and sources'));
    const green = appendixOf(pdftotext(await exportBoth({ colors: ['green'] })));
    expect(green).toContain('Sources (1)');
    expect(green).toContain('Coast Courier outlet · C — Fairly reliable');
    expect(green).not.toContain('Harbour Radio outlet');
    expect(green).not.toContain('Port officials official');
    expect(green).toContain('Claims (1)');
    expect(green).toContain('The boats left at dawn');
    expect(green).not.toContain('Eleven boats are missing after the storm Single source');
    // The analysis touches the documents, so it is there, its matrix whole (its row is the other claim).
    expect(green).toContain('Claim: Eleven boats are missing after the storm');
    const all = appendixOf(pdftotext(await exportBoth()));
    expect(all).toContain('Sources (3)');
    expect(all).toContain('Claims (2)');
  });

  it('continues a large matrix across pages with its header repeated, and splits many hypotheses into tables', async () => {
    const analysis = await callOk(core, 'saveAnalysis', { question: 'Who seized the boats?' });
    for (let index = 1; index <= 12; index++)
      await callOk(core, 'saveHypothesis', { analysisId: analysis.id, label: `Group ${index}` });
    const missing = library.highlight(library.firstDoc, 'eleven boats did not come back');
    for (let index = 1; index <= 45; index++) {
      const claim = await callOk(core, 'saveClaim', {
        statement: `Report number ${index} on the boats`,
        evidence: [{ annotationId: missing, stance: 'supports' }],
      });
      await callOk(core, 'saveAchRow', { analysisId: analysis.id, evidence: { kind: 'claim', id: claim.id } });
    }
    const out = await exportBoth({ colorScheme: 'print' });
    if (process.env.KEEP_LARGE_PDF) execFileSync('cp', [out, process.env.KEEP_LARGE_PDF]);
    const text = pdftotext(out);
    const matrix = text.slice(text.indexOf('Analysis: Who seized the boats?'));
    expect(matrix).toContain('Who seized the boats? (continued)');
    // Two tables (H1–H10, H11–H12), each continued on a second page under its header again.
    expect(matrix.split('Evidence (most diagnostic first)').length - 1).toBeGreaterThanOrEqual(4);
    expect(matrix).toContain('Hypotheses H1–H');
    expect(matrix).toMatch(/Hypotheses H\d+–H12/);
    for (let index = 1; index <= 45; index++)
      expect(matrix.split(`Report number ${index} on the boats`).length - 1, `row ${index}`).toBeGreaterThanOrEqual(2);
  });
});
