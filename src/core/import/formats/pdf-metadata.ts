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

export async function readMetadata(pdfjs: Pdfjs, document: PDFDocumentProxy): Promise<PdfMetadata> {
  const { info, metadata } = await document.getMetadata().catch(() => ({ info: {}, metadata: null }));
  const fields = (info ?? {}) as Record<string, unknown>;
  const xmp = metadata as XmpLike | null;
  const xmpField = (name: string): string => text(xmp?.get(name));
  return {
    title: text(fields.Title) || xmpField('dc:title'),
    author: text(fields.Author) || xmpField('dc:creator'),
    createdAt: isoDate(pdfjs, text(fields.CreationDate), xmpField('xmp:createdate')),
  };
}
