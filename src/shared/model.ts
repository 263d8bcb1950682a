import type { SharedProvenance } from './bundle-schemas';

// The data model shared by every layer: what a document and the settings look like
// when they cross the contract.
export const SOURCE_TYPES = ['txt', 'md', 'html', 'pdf', 'docx', 'epub', 'eml', 'mhtml', 'image'] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];

/** The types read from text as today; the others are binary formats, each read by its own reader. */
export const TEXT_SOURCE_TYPES: readonly SourceType[] = ['txt', 'md', 'html'];

/**
 * File name endings Marginalia imports, mapped to the type they claim. The bytes decide in
 * the end (a PDF named .txt imports as a PDF); an .mbox holds many messages, each an 'eml'.
 */
export const IMPORTABLE_EXTENSIONS: Readonly<Record<string, SourceType>> = {
  '.txt': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.pdf': 'pdf',
  '.docx': 'docx',
  '.epub': 'epub',
  '.eml': 'eml',
  '.mbox': 'eml',
  '.mhtml': 'mhtml',
  '.mht': 'mhtml',
  '.png': 'image',
  '.jpg': 'image',
  '.jpeg': 'image',
  '.tif': 'image',
  '.tiff': 'image',
};

/** Where a page of the original begins in the canonical text; sorted by `start`. */
export interface PageMapEntry {
  start: number;
  number: number;
  label?: string;
}

/** Where an imported document's bytes came from. */
export type DocumentOrigin =
  | { kind: 'file'; path: string }
  | { kind: 'upload' }
  | { kind: 'url'; url: string }
  | { kind: 'attachment'; messageId: string; attachmentName: string; documentId: string }
  | { kind: 'bundle' };

/** A file carried by a message, as the library lists it (its bytes are kept apart). */
export interface AttachmentInfo {
  index: number;
  fileName: string;
  mimeType: string;
  size: number;
  sha256: string;
}

/** A note that came inside the file (a Word comment), kept as the file said it. */
export interface ProvenanceNote {
  quote: string;
  text: string;
  /** The name the file gives, a display name only: never an author id. */
  author: string;
  createdAt: string;
}

/** A word the OCR was unsure of: where it stands in the canonical text as imported, and what it read there. */
export interface OcrUncertainWord {
  start: number;
  end: number;
  text: string;
}

/** What recognition (OCR) found: mean word confidence (0–100), the words under `threshold`, and where they are. */
export interface OcrFacts {
  meanConfidence: number;
  lowConfidenceWords: number;
  /** The confidence under which a word is marked as unsure. */
  threshold?: number;
  /** Tesseract's language codes, "eng+fra". */
  languages?: string;
  /** Pages recognized (the rest of a PDF had a text layer). */
  pagesRecognized?: number;
  /** The canonical text's length at import: an edit that changed it shifts the words after it by the difference. */
  textLength?: number;
  uncertain?: OcrUncertainWord[];
}

/** What the Source panel shows about a document's original: SourceFacts plus the import's own facts. */
export interface DocumentProvenance {
  fileName: string;
  /** The type the bytes were read as, and the MIME type that stands for it. */
  sourceType: SourceType;
  mimeType: string;
  size: number;
  sha256: string;
  origin: DocumentOrigin;
  importedAt: string;
  /** The reader that made the text and its version ("marginalia-text 0.1.0", "pdfjs-dist 5.4"). */
  importer: string;
  pageCount?: number;
  pageMap: PageMapEntry[];
  author?: string;
  createdAt?: string;
  /** The address the bytes came from (a fetched page after its redirects, a saved page's own URL). */
  originUrl?: string;
  /** When a fetched page was fetched (ISO 8601): the version of the page the text is. */
  capturedAt?: string;
  ocr?: OcrFacts;
  headers?: Record<string, string>;
  attachments?: AttachmentInfo[];
  notes?: ProvenanceNote[];
  /**
   * For a document rebuilt from a workspace sidecar: the provenance the sidecar carried, passed
   * on unchanged so the sidecar written back is the one that was read.
   */
  shared?: SharedProvenance;
}

/** What getDocumentSource answers; provenance is null for a document imported before it was kept. */
export interface DocumentSource {
  id: string;
  provenance: DocumentProvenance | null;
  /** The documents this message's attachments were imported as, by attachment index. */
  importedAttachments?: Array<{ index: number; documentId: string }>;
  /** The other messages that carried this document's bytes as an attachment (imported as a file, say). */
  attachedTo?: Array<{ documentId: string; attachmentName: string }>;
  /** For a document that arrived in a note bundle: the name and key fingerprint that signed it. */
  bundle?: { signerName: string; fingerprint: string };
}

export interface DocumentSummary {
  id: string;
  title: string;
  sourceName: string;
  sourceType: SourceType;
  byline: string;
  publishedAt: string;
  siteName: string;
  wordCount: number;
  importedAt: string;
  /** When the text last changed (an edit or an update from a file). */
  textUpdatedAt: string;
  /** The first seven hex digits of the text's SHA-256: tells two versions of one text apart. */
  textVersion: string;
  /** Who sent the document in a note bundle; empty for one imported here. */
  originName: string;
  /**
   * For an e-mail message in a thread of two or more in the library: the thread's key and
   * subject, this message's 0-based position in it by date, and how many messages it has.
   */
  thread?: { key: string; subject: string; position: number; size: number };
}

export interface DocumentDetail extends DocumentSummary {
  /** The canonical Lexical editor state, serialized. */
  lexicalJson: string;
  /** SHA-256 (hex) of the canonical plain text. */
  textSha256: string;
  textLength: number;
  /** Where each page of the original begins in the text ("p. 12" on cards); empty for a document without pages. */
  pageMap: PageMapEntry[];
}

export interface ImportOutcome {
  document: DocumentSummary;
  /** False when an identical file was already in the library. */
  created: boolean;
  /** The other documents the same file made (each further message of an .mbox), in file order. */
  also?: Array<{ document: DocumentSummary; created: boolean }>;
  /** What of the file was refused and why, while the rest came in (an .mbox's last message, cut off). */
  leftOut?: string[];
  /** How many of the file's comments could not be found in its text, so did not become margin notes. */
  notesNotPlaced?: number;
  /** For a new document whose text was recognized (OCR): its mean word confidence and the language(s) read in. */
  ocr?: { meanConfidence: number; languages?: string };
}

/** Where an import stands: `done` of `total` units of its stage (pages read, pages recognized). */
export interface ImportProgress {
  jobId: string;
  fileName: string;
  stage: 'reading' | 'recognizing' | 'storing' | 'done';
  done: number;
  total: number;
}

/** A region of a page, as fractions (0–1) of the page's width and height from its top left. */
export interface PageRegion {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One page of a document's original, drawn as a PNG, with the regions of an annotation on it. */
export interface OriginalPage {
  documentId: string;
  /** The page's number from 1, its printed label where the file gives one, and how many pages there are. */
  page: number;
  label?: string;
  pageCount: number;
  /** The picture's size in pixels. */
  width: number;
  height: number;
  pngBase64: string;
  /** Where the annotation's text lies on this page; empty when no annotation was asked for or it is not found. */
  regions: PageRegion[];
}

export const THEMES = ['system', 'light', 'dark'] as const;
export const FONT_FAMILIES = ['serif', 'sans'] as const;
/** How wide the reading column may grow: a shorter line is easier to follow, a longer one shows more. */
export const READING_WIDTHS = ['narrow', 'medium', 'wide'] as const;

/** The languages OCR reads a scanned page in (tesseract's codes): English, French, or both (slower). */
export const OCR_LANGUAGES = ['eng', 'fra', 'eng+fra'] as const;
export type OcrLanguages = (typeof OCR_LANGUAGES)[number];

export const MIN_FONT_SIZE = 12;
export const MAX_FONT_SIZE = 32;
export const DEFAULT_MAX_IMPORT_MB = 20;

export interface Settings {
  theme: (typeof THEMES)[number];
  fontFamily: (typeof FONT_FAMILIES)[number];
  fontSize: number;
  readingWidth: (typeof READING_WIDTHS)[number];
  maxImportMegabytes: number;
  lastOpenedDocumentId: string;
  /** The workspace folder synced with plain files; empty when sync is off. */
  workspaceDir: string;
  /** The language(s) scanned pages and images are recognized in. */
  ocrLanguages: OcrLanguages;
}

export const DEFAULT_SETTINGS: Settings = {
  theme: 'system',
  fontFamily: 'serif',
  fontSize: 19,
  readingWidth: 'medium',
  maxImportMegabytes: DEFAULT_MAX_IMPORT_MB,
  lastOpenedDocumentId: '',
  workspaceDir: '',
  ocrLanguages: 'eng',
};

export interface AppInfo {
  version: string;
  host: 'desktop' | 'browser' | 'cli';
  dataDir: string;
  databasePath: string;
  /** Where a workspace folder goes unless the person picks another: Documents/Marginalia. */
  defaultWorkspaceDir: string;
}

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot <= 0 ? '' : fileName.slice(dot).toLowerCase();
}
