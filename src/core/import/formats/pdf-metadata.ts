// Reads what a PDF says about itself (Info dictionary, then XMP): title, author, creation date.
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Pdfjs } from './pdf-library';
import { cleanPdfText } from './pdf-lines';

export interface PdfMetadata {
  title: string;
  author: string;
  /** ISO 8601, or empty. */
  createdAt: string;
}

interface XmpLike {
  get(name: string): unknown;
}

function text(value: unknown): string {
  return typeof value === 'string' ? cleanPdfText(value).replace(/\s+/g, ' ').trim().slice(0, 1000) : '';
}

function isoDate(pdfjs: Pdfjs, pdfDate: string, xmpDate: string): string {
  const fromInfo = pdfDate !== '' ? pdfjs.PDFDateString.toDateObject(pdfDate) : null;
  if (fromInfo && !Number.isNaN(fromInfo.getTime())) return fromInfo.toISOString();
  const fromXmp = xmpDate !== '' ? new Date(xmpDate) : undefined;
  return fromXmp && !Number.isNaN(fromXmp.getTime()) ? fromXmp.toISOString() : '';
}

/**
 * A title the PDF's maker filled in without meaning it: the name of the file it was printed
 * from ("scan.html", "Microsoft Word - draft3.docx", "Untitled"). Those give way to the
 * first page's own title.
 */
export function meaningfulTitle(title: string): string {
  const trimmed = title.trim();
  if (/^(microsoft (word|powerpoint|excel) - |untitled\b)/i.test(trimmed)) return '';
  if (/\.(html?|pdf|docx?|rtf|odt|txt|md|pptx?|xlsx?|indd|tex|png|jpe?g|tiff?)$/i.test(trimmed)) return '';
  return trimmed;
}

export async function readMetadata(pdfjs: Pdfjs, document: PDFDocumentProxy): Promise<PdfMetadata> {
  const { info, metadata } = await document.getMetadata().catch(() => ({ info: {}, metadata: null }));
  const fields = (info ?? {}) as Record<string, unknown>;
  const xmp = metadata as XmpLike | null;
  const xmpField = (name: string): string => text(xmp?.get(name));
  return {
    title: meaningfulTitle(text(fields.Title)) || meaningfulTitle(xmpField('dc:title')),
    author: text(fields.Author) || xmpField('dc:creator'),
    createdAt: isoDate(pdfjs, text(fields.CreationDate), xmpField('xmp:createdate')),
  };
}
