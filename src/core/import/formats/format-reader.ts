// What a reader for a binary format (PDF, Word, EPUB, e-mail, saved web page) is given and
// gives back. Readers are pure over the bytes: no store, no file system, no network; the
// import pipeline runs them (in a worker for the heavy ones) and stores what they return.
import type { PageRef } from '../../../shared/document-blocks';
import type { OcrFacts } from '../../../shared/model';
import type { OcrChoice } from '../ocr/ocr-models';
import type { ParsedDocument } from '../parsed-document';

/** What a reader is doing: reading the file's structure, or recognizing text on page images (OCR). */
export type ReadStage = 'reading' | 'recognizing';

export interface FormatInput {
  /** The file's name as the person knows it (no folders): for messages, never for choosing the reader. */
  fileName: string;
  bytes: Uint8Array;
  /** For an encrypted PDF. */
  password?: string;
  /** The language(s) scanned pages are recognized in (English when absent). */
  ocr?: OcrChoice;
  /** Aborts a long read (Cancel in the UI); the reader throws the abort reason. */
  signal?: AbortSignal;
  /** Progress for long reads (pages parsed, pages recognized): `done` of `total` units of `stage` ('reading' when absent). */
  onProgress?: (done: number, total: number, stage?: ReadStage) => void;
}

/** A note that came inside the file (a Word comment): anchored to the text it comments on. */
export interface ImportedNote {
  /** The commented text exactly as it appears in the blocks' text; the first occurrence at or after `near` is meant. */
  quote: string;
  /** Where to start looking for `quote`: the index of the block it begins in; -1 for the title (a Word file's first heading). */
  blockIndex: number;
  text: string;
  author: string;
  /** ISO 8601, or empty when the file does not say. */
  createdAt: string;
}

/** A file carried inside another (an e-mail attachment). */
export interface CarriedFile {
  fileName: string;
  mimeType: string;
  size: number;
  sha256: string;
  bytes: Uint8Array;
}

/** Facts about the original for the Source panel; each reader fills what its format has. */
export interface SourceFacts {
  /** The reader and its library, for "imported with". */
  importer: string;
  /** The file's own MIME type where the source type stands for several (an image: PNG, JPEG or TIFF). */
  mimeType?: string;
  pageCount?: number;
  author?: string;
  /** The file's own date (PDF creation date, a message's Date), ISO 8601. */
  createdAt?: string;
  /** Where the bytes came from when the file says so (a saved page's URL, a message's id). */
  originUrl?: string;
  /** Recognized text: the mean word confidence (0–100) and the words under the threshold; where they are is found when the text is built. */
  ocr?: Omit<OcrFacts, 'uncertain' | 'textLength'>;
  /** A message's headers, for a message (From, To, Cc, Date, Subject, Message-ID, In-Reply-To, References). */
  headers?: Record<string, string>;
}

export interface ReadDocument extends ParsedDocument {
  facts: SourceFacts;
  /** The page the title was printed on, when the reader took it from a page's own text. */
  titlePage?: PageRef | undefined;
  notes?: ImportedNote[];
  attachments?: CarriedFile[];
}

export type FormatReader = (input: FormatInput) => Promise<ReadDocument>;
