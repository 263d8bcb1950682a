// The one registry of binary-format readers: a type imports as soon as its reader is listed
// here. The readers themselves live beside this file; the import pipeline never names them.
import type { SourceType } from '../../../shared/model';
import { readDocx } from './docx-reader';
import { readEmail } from './email';
import { readEpub } from './epub-reader';
import type { FormatReader } from './format-reader';
import { splitMbox } from './mbox';
import { readMhtml } from './mhtml';
import { readPdf } from './pdf';
import { readImage } from '../ocr/image-reader';

export type ReaderRegistry = Partial<Record<SourceType, FormatReader>>;

/** A reader per binary type; a type without one is refused with UNSUPPORTED_TYPE. */
export const FORMAT_READERS: ReaderRegistry = {
  pdf: readPdf,
  docx: readDocx,
  epub: readEpub,
  eml: readEmail,
  mhtml: readMhtml,
  image: readImage,
};

/** Splits an .mbox into its messages' bytes. */
export const MBOX_SPLITTER: ((bytes: Uint8Array) => Uint8Array[]) | undefined = (bytes) => splitMbox(bytes);

/**
 * Types whose readers parse complex binary structures (and can be made to loop or to eat
 * memory by a hostile file), or run OCR for long: they run in a worker with a memory limit
 * and a timeout, off the main thread.
 */
export const WORKER_TYPES: readonly SourceType[] = ['pdf', 'docx', 'epub', 'image'];
