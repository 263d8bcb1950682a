// The export gathers pdfkit's output itself instead of reading it from pdfkit's stream; the
// bytes must be exactly those the stream would give, or offsets in the cross-reference
// table would point at the wrong places.
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import type { PdfKitWriter } from '../../src/core/export/pdf-output';
import { PdfOutput } from '../../src/core/export/pdf-output';

const FIXED = new Date(Date.UTC(2026, 10, 25, 12, 0, 0));

function draw(doc: PDFKit.PDFDocument): void {
  for (let page = 0; page < 3; page++) {
    doc.addPage({ size: 'A4', margin: 0 });
    for (let line = 0; line < 60; line++)
      doc.text(`Page ${page + 1}, line ${line + 1}: café, naïve, “quoted” — ${'x'.repeat(line)}`, 40, 40 + line * 12);
    // Objects enough that the lines pdfkit writes for them pass the size at which they are turned into bytes.
    for (let link = 0; link < 300; link++) doc.link(40, 40 + link, 100, 12, `https://example.org/${page}/${link}`);
  }
  doc.outline.addItem('Heading');
}

function newDocument(): PDFKit.PDFDocument {
  return new PDFDocument({ autoFirstPage: false, info: { Title: 'Output test', CreationDate: FIXED, ModDate: FIXED } });
}

async function throughStream(): Promise<Buffer> {
  const doc = newDocument();
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise((resolve) => doc.on('end', resolve));
  draw(doc);
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

async function throughPdfOutput(): Promise<Buffer> {
  const doc = newDocument();
  const output = new PdfOutput(doc as unknown as PdfKitWriter);
  const ended = new Promise((resolve) => doc.on('end', resolve));
  doc.resume();
  draw(doc);
  doc.end();
  await ended;
  return output.bytes();
}

describe('the PDF output collector', () => {
  it('gathers exactly the bytes pdfkit would stream, header, compressed streams and cross-references included', async () => {
    const expected = await throughStream();
    const gathered = await throughPdfOutput();
    expect(gathered.length).toBeGreaterThan(64 * 1024);
    expect(gathered.subarray(0, 8).toString('latin1')).toBe('%PDF-1.3');
    expect(gathered.equals(expected)).toBe(true);
  });

  it('keeps the low byte of each character pdfkit writes as text, ends each with a newline, keeps streams as they are and counts every byte', () => {
    const writer: PdfKitWriter = { _write: () => undefined, _offset: 4, read: () => Buffer.from('%PDF', 'latin1') };
    const output = new PdfOutput(writer);
    writer._write('%\u00e2\u00e3\u00cf\u00d3 caf\u00e9');
    writer._write(new Uint8Array([1, 2, 0xff]));
    writer._write('endobj');
    const large = new Uint8Array(5000).fill(0xfe);
    writer._write(large);
    writer._write('x');
    expect([...output.bytes()]).toEqual([
      ...Buffer.from('%PDF', 'latin1'),
      ...[0x25, 0xe2, 0xe3, 0xcf, 0xd3, 0x20, 0x63, 0x61, 0x66, 0xe9, 0x0a],
      ...[1, 2, 0xff],
      ...Buffer.from('endobj\n', 'latin1'),
      ...large,
      ...Buffer.from('x\n', 'latin1'),
    ]);
    expect(writer._offset).toBe(output.bytes().length);
  });
});
