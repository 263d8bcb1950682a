// The ACH matrix's hypothesis headers wrap between words, never inside one ("breakwat" / "er").
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderAchMatrix } from '../../src/core/export/pdf-ach-table';
import { PageSurface } from '../../src/core/export/pdf-surface';
import type { AchMatrix } from '../../src/shared/evidence-export';
import { DEFAULT_PDF_EXPORT_OPTIONS } from '../../src/shared/export-options';
import { FONTS_DIR, makeTempDir } from '../support/temp';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => (temp = makeTempDir()));
afterEach(() => temp.remove());

const LABELS = [
  'Storm damage to the breakwater',
  'Navy security operation',
  'Routine safety measure',
  'Search for missing boats',
];

function fourHypotheses(): AchMatrix {
  return {
    question: 'Why was the port of Zuwara closed on Tuesday?',
    ratedBy: '',
    hypotheses: LABELS.map((label, index) => ({ label, inconsistency: index, rank: index + 1, tied: false })),
    rows: [
      {
        label: 'Satellite images seen by the Gazette show the breakwater intact on Tuesday afternoon.',
        kind: 'annotation',
        relevance: 'high',
        credibility: '2',
        diagnosticity: 4,
        sensitive: false,
        ratings: ['II', 'C', 'C', 'N'],
      },
    ],
    cellNotes: [],
    disagreements: [],
  };
}

async function matrixText(): Promise<string> {
  const surface = new PageSurface(
    DEFAULT_PDF_EXPORT_OPTIONS,
    { fontsDir: FONTS_DIR, exporterName: 'Ada', exportedAt: new Date(0), appVersion: 'test' },
    { title: 'ACH header', keywords: [] },
  );
  surface.newPage(0);
  renderAchMatrix(surface, fourHypotheses(), 0);
  const out = join(temp.path, 'matrix.pdf');
  writeFileSync(out, await surface.finish());
  return execFileSync('pdftotext', ['-enc', 'UTF-8', '-raw', out, '-'], { encoding: 'utf8' });
}

describe('the ACH matrix header in the PDF', () => {
  it('keeps every word of four hypotheses whole in their columns', async () => {
    const text = await matrixText();
    const header = text.slice(text.indexOf('Evidence (most'));
    for (const word of ['breakwater', 'security', 'operation', 'measure', 'missing']) {
      expect(header).toMatch(new RegExp(`\\b${word}\\b`));
    }
    expect(header).not.toMatch(/breakwat\s+er/);
  });
});
