import PDFDocument from 'pdfkit';
import fs from 'node:fs';
const [out, ...imgs] = process.argv.slice(2);
const doc = new PDFDocument({ size: 'LETTER', autoFirstPage: false });
doc.pipe(fs.createWriteStream(out));
for (const i of imgs) { doc.addPage({ size: 'LETTER', margin: 0 }); doc.image(i, 0, 0, { width: 612, height: 792 }); }
doc.end();
