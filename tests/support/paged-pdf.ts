// A small PDF made with pdfkit whose every line's place is known: a title, then per page
// a few paragraphs of distinct sentences drawn at known points, with printed page labels
// optional. For the page tests: "p. 3" on an annotation, and its region on the original page.
import PDFDocument from 'pdfkit';
import { join } from 'node:path';
import { FONTS_DIR } from './temp';

/** Letter size in PDF points. */
export const PAGE_WIDTH = 612;
export const PAGE_HEIGHT = 792;
export const FONT_SIZE = 12;
export const LEFT = 72;

/** One drawn line: its text, its page (from 1) and where pdfkit put its top left. */
export interface DrawnLine {
  text: string;
  page: number;
  x: number;
  y: number;
}

export const PAGED_TITLE = 'Harbour Survey Notes';

/** The lines of page `page`: sentences that occur on no other page. */
export function pageLines(page: number): string[] {
  return [
    `Section ${page} opens with a description of the harbour.`,
    `The divers on day ${page} measured the quay wall carefully.`,
    `Broken amphorae were logged in trench number ${page * 11}.`,
    `Tide tables for week ${page} were copied into the daybook.`,
  ];
}

/** Printed page labels as a book's front matter and body would have them: vii, then 12, 13, 14… */
export const PRINTED_LABELS = ['vii', '12', '13', '14'];

/** `labelled`: the pages carry PRINTED_LABELS (a /PageLabels tree: roman from vii, then decimal from 12). */
export async function buildPagedPdf(
  pageCount = 4,
  { labelled = false }: { labelled?: boolean } = {},
): Promise<{ bytes: Uint8Array; lines: DrawnLine[] }> {
  const doc = new PDFDocument({ size: 'LETTER', margin: 0, info: { Title: PAGED_TITLE } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  const lines: DrawnLine[] = [];
  doc.font(join(FONTS_DIR, 'DejaVuSerif-Bold.ttf')).fontSize(20).text(PAGED_TITLE, LEFT, 72, { lineBreak: false });
  for (let page = 1; page <= pageCount; page++) {
    if (page > 1) doc.addPage();
    doc.font(join(FONTS_DIR, 'DejaVuSerif.ttf')).fontSize(FONT_SIZE);
    pageLines(page).forEach((text, index) => {
      // Each sentence its own paragraph, spaced apart, so the reader keeps them whole.
      const line = { text, page, x: LEFT, y: 140 + index * 60 };
      doc.text(text, line.x, line.y, { lineBreak: false });
      lines.push(line);
    });
  }
  if (labelled) {
    (doc as unknown as { _root: { data: Record<string, unknown> } })._root.data.PageLabels = {
      Nums: [0, { S: 'r', St: 7 }, 1, { S: 'D', St: 12 }],
    };
  }
  doc.end();
  await ended;
  return { bytes: new Uint8Array(Buffer.concat(chunks)), lines };
}

/** How wide pdfkit sets `text` in the body font, in points: where drawn words end. */
export function bodyWidth(text: string): number {
  const doc = new PDFDocument({ size: 'LETTER', margin: 0 });
  return doc.font(join(FONTS_DIR, 'DejaVuSerif.ttf')).fontSize(FONT_SIZE).widthOfString(text);
}
