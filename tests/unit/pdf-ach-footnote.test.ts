// The ACH matrix's footnote ("* The ranking hangs on this row…") never stands alone on a page:
// wherever on the page the matrix starts, the footnote's page also holds the end of its table.
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

function matrix(rows: number): AchMatrix {
  return {
    question: 'Why did the boats not come back?',
    ratedBy: '',
    hypotheses: [
      { label: 'Storm', inconsistency: 0, rank: 1, tied: false },
      { label: 'Seized at sea', inconsistency: 1, rank: 2, tied: false },
    ],
    rows: Array.from({ length: rows }, (_, index) => ({
      label: `Report number ${index + 1} on the boats`,
      kind: 'claim' as const,
      relevance: 'medium',
      credibility: '',
      diagnosticity: index === 0 ? 1 : 0,
      sensitive: index === 0,
      ratings: index === 0 ? (['C', 'I'] as const).slice() : ['', ''],
    })),
    cellNotes: [],
    disagreements: [],
  };
}

/** One page per starting height, from well above the foot of the page to right at it, the matrix set from there. */
async function pagesOfMatrixAtEveryHeight(rows: number, extra: Partial<AchMatrix> = {}): Promise<string[]> {
  const surface = new PageSurface(
    DEFAULT_PDF_EXPORT_OPTIONS,
    { fontsDir: FONTS_DIR, exporterName: 'Ada', exportedAt: new Date(0), appVersion: 'test' },
    { title: 'ACH footnote', keywords: [] },
  );
  for (let rise = 240; rise >= 0; rise -= 3) {
    surface.newPage(0);
    surface.y = surface.contentBottom - rise;
    renderAchMatrix(surface, { ...matrix(rows), ...extra }, 0);
  }
  const out = join(temp.path, 'matrix.pdf');
  writeFileSync(out, await surface.finish());
  return execFileSync('pdftotext', ['-enc', 'UTF-8', out, '-'], { encoding: 'utf8' }).split('\f');
}

describe('the ACH matrix footnote in the PDF', () => {
  it.each([1, 3])('stays on the page with the end of its table (%i rows of evidence)', async (rows) => {
    const pages = await pagesOfMatrixAtEveryHeight(rows);
    const footnoted = pages.filter((page) => page.includes('The ranking hangs on this row'));
    expect(footnoted.length).toBeGreaterThan(70);
    for (const page of footnoted) {
      expect(page).toContain('Weighted inconsistency');
      expect(page).toContain('Rank');
      expect(page).toContain(`Report number ${rows} on the boats`);
    }
  });

  it('keeps the “Analysts disagree:” and “Notes on ratings:” headings on the page with their first line', async () => {
    const pages = await pagesOfMatrixAtEveryHeight(1, {
      cellNotes: ['Report number 1 on the boats × H1 Storm (C): Seen from the quay.'],
      disagreements: ['Report number 1 on the boats × Storm: Ada C, Rania II'],
    });
    for (const [heading, line] of [
      ['Analysts disagree:', 'Ada C, Rania II'],
      ['Notes on ratings:', 'Seen from the quay.'],
    ] as const) {
      const headed = pages.filter((page) => page.includes(heading));
      expect(headed.length).toBeGreaterThan(70);
      for (const page of headed) expect(page).toContain(line);
    }
  });
});
