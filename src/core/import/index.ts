// Importing files, for the rest of the core: the importer that reads, prepares and stores a
// file or replaces a document's text, and the preparation step the workspace sync reuses.
// The text readers (plain text, Markdown, HTML) are internal; the binary formats' registry
// and the worker that runs the heavy ones are here for the core to wire.
export { DocumentImporter, type ImportOptions, type ReadChoices } from './document-importer';
export { ocrModelsDirIn } from './ocr/ocr-models';
export { ImportJobs, type ImportJobControl } from './import-jobs';
export { importHandlers } from './import-handlers';
export { prepareDocument, type PreparedDocument } from './prepare';
export { formatMegabytes } from './validate';
import { FORMAT_READERS, WORKER_TYPES, type ReaderRegistry } from './formats';
import { hostedReaders } from './reader-worker-host';
import type * as PagePicture from './ocr/page-picture';
import type { StandbySupply } from './reader-worker-host';
import type { PlacedText, RenderedPage } from './page-render-protocol';

export { FORMAT_READERS, MBOX_SPLITTER, WORKER_TYPES, type ReaderRegistry } from './formats';
export { hostedReaders } from './reader-worker-host';

/** The registered readers as the app runs them: PDF, Word and EPUB in a worker (the standby's first, if any), the rest in process. */
export function productionReaders(standby?: StandbySupply, workerEntry?: URL): ReaderRegistry {
  return hostedReaders(FORMAT_READERS, WORKER_TYPES, standby, workerEntry);
}
export type { ReaderStandby } from './standby';
export { WarmReaders } from './warm-readers';
export { defaultReaderWorkerEntry } from './reader-worker-host';

// Drawing an original page runs in the same worker entry as the heavy readers (src/core/pages uses it).
export { PageWorker, renderInWorker } from './page-worker';
export type { PageRenderJob, PlacedText, RenderedPage } from './page-render-protocol';

/** An image's page as a picture; OCR's module (canvas, utif2, tesseract) loads on first use, not at every start. */
export async function imagePage(...args: Parameters<typeof PagePicture.imagePage>): Promise<RenderedPage> {
  return (await import('./ocr/page-picture')).imagePage(...args);
}

/** The words OCR finds on a drawn page, for outlining an annotation on a scan; loaded on first use like imagePage. */
export async function recognizedWordsOn(
  ...args: Parameters<typeof PagePicture.recognizedWordsOn>
): Promise<PlacedText[]> {
  return (await import('./ocr/page-picture')).recognizedWordsOn(...args);
}
