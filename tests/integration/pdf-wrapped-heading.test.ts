// A heading too long for one line, wrapped onto a second at its own size's spacing, is one
// heading, and the hits under it name it whole as their section.
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { readPdf } from '../../src/core/import/formats/pdf';
import { importerFor } from '../support/importer';
import { FONTS_DIR } from '../support/temp';
import { useTempCore } from '../support/temp-core';

const library = useTempCore();

const HEADING = ['2. Methods and data sources used in the field', 'survey of the western harbour district'];

/** A 20 pt heading on two lines 23 pt apart, between paragraphs of 11 pt text at 14 pt spacing. */
async function wrappedHeadingPdf(): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'LETTER', margin: 0, info: { Title: 'Harbour survey' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve) => doc.on('end', resolve));
  doc.font(join(FONTS_DIR, 'DejaVuSerif.ttf'));
  let y = 72;
  const body = (text: string) => {
    doc.fontSize(11).text(text, 72, y, { lineBreak: false });
    y += 14;
  };
  body('The survey began in March, when the harbour master opened the records of the port for');
  body('the audit, and it ended in May with the last of the interviews.');
  y += 20;
  for (const part of HEADING) {
    doc.fontSize(20).text(part, 72, y, { lineBreak: false });
    y += 23;
  }
  y += 10;
  body('Fuel deliveries were counted from the ledgers kept at the quay, and the discrepancy was');
  body('measured against the delivery notes the suppliers sent every week.');
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

describe('a PDF heading wrapped onto a second line', () => {
  it('is one heading, and a hit under it names it whole', async () => {
    const importer = importerFor(library.core, { pdf: readPdf });
    const { document } = await importer.importFile('survey.pdf', await wrappedHeadingPdf());
    const results = library.core.searchService.search('discrepancy');
    expect(results.groups[0]!.hits[0]).toMatchObject({ section: HEADING.join(' ') });
    expect(library.core.documents.canonicalText(document.id)).toContain(HEADING.join(' '));
  });
});
