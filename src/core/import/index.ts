// Importing files, for the rest of the core: the importer that reads, prepares and stores a
// file or replaces a document's text, and the preparation step the workspace sync reuses.
// The readers for each format (plain text, Markdown, HTML) are internal.
export { DocumentImporter, type ImportOptions } from './document-importer';
export { prepareDocument, type PreparedDocument } from './prepare';
export { formatMegabytes } from './validate';
