// The annotated PDF export, for the rest of the core: one call that lays out documents
// with their annotations and gives the PDF's bytes. Everything else in this folder is its
// internals (its stages are listed atop pdf-export.ts).
export type { ExportSource } from './pdf-document-run';
export type { RenderedPdf } from './pdf-export';
export { renderAnnotatedPdf } from './pdf-export';
export type { PdfExportContext } from './pdf-surface';
