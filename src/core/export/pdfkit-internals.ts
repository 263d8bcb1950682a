// The only place the PDF export touches pdfkit's private fields, written for pdfkit 0.20.2
// (pinned exactly in package.json; tests/unit/pdfkit-version.test.ts fails on any other
// version so this file is re-checked first). The export reads the current font object to
// shape words once, finds page objects to link to them directly, and takes over the
// document's writes to gather its bytes in large pieces (see pdf-output.ts).
import PDFDocument from 'pdfkit';
import type { PdfKitFont } from './pdf-content';

/** The part of a pdfkit object reference the export uses. */
export interface PdfKitReference {
  compress: boolean;
  write(chunk: string): void;
  end(chunk?: undefined): void;
  toString(): string;
}

/**
 * The part of pdfkit's document that writes output: every write goes through `_write`, and
 * `_offset` counts the bytes written (for the cross-reference table); `read` gives what it
 * wrote to its stream already.
 */
export interface PdfKitWriter {
  _write(data: string | Uint8Array): void;
  _offset: number;
  read(): unknown;
}

/** The private fields of pdfkit 0.20's PDFDocument the export relies on. */
interface PdfKitPrivateFields extends PdfKitWriter {
  /** The font `doc.font(...)` last selected, as pdfkit embeds it. */
  _font: PdfKitFont;
  /** The catalog; its Pages hold every page object, in order. */
  _root: { data: { Pages: { data: { Kids: PdfKitReference[] } } } };
}

type PdfKitDocument = PDFKit.PDFDocument & PdfKitPrivateFields;

function hasPrivateFields(doc: PDFKit.PDFDocument): doc is PdfKitDocument {
  return '_font' in doc && '_root' in doc && '_write' in doc && typeof doc._write === 'function' && '_offset' in doc;
}

function privateFieldsOf(doc: PDFKit.PDFDocument): PdfKitDocument {
  if (!hasPrivateFields(doc))
    throw new Error("pdfkit's document lacks the private fields the PDF export uses; re-check pdfkit-internals.ts");
  return doc;
}

/** A new pdfkit document, checked to have the private fields this file uses. */
export function createPdfKitDocument(options: PDFKit.PDFDocumentOptions): PDFKit.PDFDocument {
  return privateFieldsOf(new PDFDocument(options));
}

/** pdfkit's embedded font object for a registered font: selects it, then reads it back. */
export function selectFont(doc: PDFKit.PDFDocument, fontName: string): PdfKitFont {
  doc.font(fontName);
  return privateFieldsOf(doc)._font;
}

/** The object of the page at `index` (all pages are buffered), or undefined past the last. */
export function pageReference(doc: PDFKit.PDFDocument, index: number): PdfKitReference | undefined {
  return privateFieldsOf(doc)._root.data.Pages.data.Kids[index];
}

/** Where the document's output goes instead of its stream: lines of text (pdfkit ends each with a newline), and bytes. */
export interface WriteTarget {
  line(text: string): void;
  bytes(chunk: Uint8Array): void;
}

/** The document's output writer, to hand to `redirectWrites`. */
export function writerOf(doc: PDFKit.PDFDocument): PdfKitWriter {
  return privateFieldsOf(doc);
}

/**
 * Sends every later write of the document to `target`, keeping pdfkit's count of bytes
 * written, and returns what it had written to its stream already (the header), if anything.
 */
export function redirectWrites(writer: PdfKitWriter, target: WriteTarget): Uint8Array | null {
  const written = writer.read();
  writer._write = (data: string | Uint8Array): void => {
    if (typeof data === 'string') {
      // pdfkit ends each string it writes with a newline and keeps the low byte of each character.
      target.line(data);
      writer._offset += data.length + 1;
    } else {
      target.bytes(data);
      writer._offset += data.length;
    }
  };
  return written instanceof Uint8Array ? written : null;
}
