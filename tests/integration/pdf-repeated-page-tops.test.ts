// Two pages that happen to open on the same words of text (a repeated sentence running on from
// the page before) keep those words: running heads are found by repeating in the margin, but a
// line of the text's size that runs on into the next at the text's spacing is a paragraph's.
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { readPdf } from '../../src/core/import/formats/pdf';
import { importerFor } from '../support/importer';
import { FONTS_DIR } from '../support/temp';
import { useTempCore } from '../support/temp-core';

const library = useTempCore();

const OPENING = [
  'vessels, including Aurora and Marlin. The discrepancy is examined further in this section with',
  'reference to the port authority records.',
];

/** Four Letter pages of 11 pt text at 14 pt spacing, paragraphs 10 pt apart; pages 2 and 3 open on OPENING. */
async function repeatedTopsPdf(): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'LETTER', margin: 0, info: { Title: 'Fuel audit' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve) => doc.on('end', resolve));
  doc.font(join(FONTS_DIR, 'DejaVuSerif.ttf')).fontSize(11);
  for (let page = 1; page <= 4; page += 1) {
    if (page > 1) doc.addPage();
    let y = 72;
    const line = (text: string) => {
      doc.text(text, 72, y, { lineBreak: false });
      y += 14;
    };
    if (page === 2 || page === 3) OPENING.forEach(line);
    for (let paragraph = 1; y < 640; paragraph += 1) {
      y += 10;
      line(`Paragraph ${paragraph} of page ${page}. The fuel ledger for the harbour did not match the`);
      line(`delivery notes for the month, and the audit asked the port authority for its records of the`);
    }
  }
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

describe('pages that open on the same words of text', () => {
  it('keep those words in the text, each time', async () => {
    const importer = importerFor(library.core, { pdf: readPdf });
    const { document } = await importer.importFile('audit.pdf', await repeatedTopsPdf());
    const text = library.core.documents.canonicalText(document.id);
    expect(text.split('reference to the port authority records.').length - 1).toBe(2);
    expect(text.split('vessels, including Aurora and Marlin.').length - 1).toBe(2);
  });
});
