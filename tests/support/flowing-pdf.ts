// A PDF whose one long paragraph pdfkit flows across page breaks, and where poppler sees each
// page begin: for the tests of a paragraph joined across pages keeping each word's page.
import PDFDocument from 'pdfkit';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FONTS_DIR } from './temp';

/** Words that occur once each, all lower case, so a break falls mid-sentence and the next page opens lower case. */
export const FLOW_WORDS = Array.from({ length: 900 }, (_, index) => `wharf${String(index).padStart(3, '0')}`);

export const FLOW_TITLE = 'Wharf Ledger';

/** A title, then one sentence of FLOW_WORDS, long enough that pdfkit flows it over three A4 pages. */
export async function flowingPdf(): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 72, info: { Title: FLOW_TITLE } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve) => doc.on('end', resolve));
  doc.font(join(FONTS_DIR, 'DejaVuSerif.ttf'));
  doc.fontSize(20).text(FLOW_TITLE);
  doc.moveDown();
  doc.fontSize(11).text(`${FLOW_WORDS.join(' ')}.`);
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

/** The first word of each of `pages` as poppler's pdftotext reads it (the PDF written to `path` first). */
export function firstWordsOn(bytes: Buffer, path: string, pages: readonly number[]): string[] {
  writeFileSync(path, bytes);
  return pages.map(
    (page) =>
      execFileSync('pdftotext', ['-f', String(page), '-l', String(page), path, '-'], { encoding: 'utf8' })
        .trim()
        .split(/\s+/)[0]!,
  );
}
