// Turns a binary file (PDF, Word, EPUB, e-mail, saved page) into what the store keeps,
// through the reader registered for its type: the document, its provenance and the files
// it carried. Touches no store: a file that fails here leaves the library as it was.
import { buildDocumentState, countWords } from '../../shared/lexical-document';
import type { DocumentOrigin, DocumentProvenance, OcrFacts, SourceType } from '../../shared/model';
import { UserFacingError } from '../../shared/result';
import { sha256Hex } from '../files/sha256';
import type { ReaderRegistry } from './formats';
import type { CarriedFile, FormatReader, ReadDocument, ReadStage, SourceFacts } from './formats/format-reader';
import type { OcrChoice } from './ocr/ocr-models';
import { cleanTitle } from './parsed-document';
import { placeImportedNotes } from './imported-notes';
import type { PreparedDocument } from './prepare';
import { assertSharable, titleFromFileName } from './prepare';
import { formatMegabytes } from './validate';

export const MIME_TYPES: Record<SourceType, string> = {
  txt: 'text/plain',
  md: 'text/markdown',
  html: 'text/html',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  epub: 'application/epub+zip',
  eml: 'message/rfc822',
  mhtml: 'multipart/related',
  // An image's own type (PNG, JPEG or TIFF) is what its reader found: see provenanceOf.
  image: 'image/png',
};

const FORMAT_NAMES: Record<SourceType, string> = {
  txt: 'a text file',
  md: 'a Markdown file',
  html: 'an HTML page',
  pdf: 'a PDF',
  docx: 'a Word document',
  epub: 'an EPUB book',
  eml: 'an e-mail message',
  mhtml: 'a saved web page (MHTML)',
  image: 'an image',
};

/** A file to read, with where it came from. */
export interface BinaryFile {
  fileName: string;
  bytes: Uint8Array;
  sourceType: SourceType;
  origin: DocumentOrigin;
  /** The bytes' SHA-256, when the caller has it already. */
  sha256?: string;
  signal?: AbortSignal;
  password?: string;
  ocr?: OcrChoice;
  onProgress?: (done: number, total: number, stage?: ReadStage) => void;
}

export interface ReadOptions {
  readers: ReaderRegistry;
  maxBytes: number;
  now: Date;
}

/** The facts kept about any import: the file, where it came from and when. */
export function baseProvenance(
  file: Omit<BinaryFile, 'signal' | 'password' | 'onProgress' | 'ocr'>,
  importer: string,
  now: Date,
  pageMap: DocumentProvenance['pageMap'] = [],
): DocumentProvenance {
  return {
    fileName: file.fileName,
    sourceType: file.sourceType,
    mimeType: MIME_TYPES[file.sourceType],
    size: file.bytes.length,
    sha256: file.sha256 ?? sha256Hex(file.bytes),
    origin: file.origin,
    importedAt: now.toISOString(),
    importer,
    pageMap,
  };
}

/** The built text's facts the provenance keeps: where pages begin, and the OCR's unsure words. */
interface BuiltText {
  text: string;
  pageMap: DocumentProvenance['pageMap'];
  uncertain: Array<[number, number]>;
}

/** OCR facts with where each unsure word landed in the canonical text, and that text's length to tell edits by. */
function ocrFacts(facts: SourceFacts, built: BuiltText): OcrFacts | undefined {
  if (facts.ocr === undefined) return undefined;
  const uncertain = built.uncertain.map(([start, end]) => ({ start, end, text: built.text.slice(start, end) }));
  return { ...facts.ocr, textLength: built.text.length, uncertain };
}

/** The reader's facts on top of the import's own; files it carried are listed, their bytes stored apart. */
function provenanceOf(file: BinaryFile, read: ReadDocument, built: BuiltText, now: Date) {
  const { facts } = read;
  const ocr = ocrFacts(facts, built);
  const provenance: DocumentProvenance = {
    ...baseProvenance(file, facts.importer, now, built.pageMap),
    ...(facts.mimeType ? { mimeType: facts.mimeType } : {}),
    ...(facts.pageCount === undefined ? {} : { pageCount: facts.pageCount }),
    ...(facts.author ? { author: facts.author } : {}),
    ...(facts.createdAt ? { createdAt: facts.createdAt } : {}),
    ...(facts.originUrl ? { originUrl: facts.originUrl } : {}),
    ...(ocr ? { ocr } : {}),
    ...(facts.headers ? { headers: facts.headers } : {}),
  };
  if (read.attachments?.length) {
    provenance.attachments = read.attachments.map((carried, index) => ({
      index,
      fileName: carried.fileName,
      mimeType: carried.mimeType,
      size: carried.bytes.length,
      sha256: carried.sha256,
    }));
  }
  if (read.notes?.length) {
    // Word comments are kept as the file said them; their authors are names, never ids.
    provenance.notes = read.notes.map(({ quote, text, author, createdAt }) => ({ quote, text, author, createdAt }));
  }
  return provenance;
}

function unsupported(file: BinaryFile): UserFacingError {
  return new UserFacingError(
    'UNSUPPORTED_TYPE',
    `“${file.fileName}” is ${FORMAT_NAMES[file.sourceType]}, and this Marginalia can't read those yet. Nothing was imported.`,
  );
}

/** The carried files with their hash taken here (a reader's word is not trusted for what the store keys on). */
function checkedAttachments(read: ReadDocument): CarriedFile[] {
  return (read.attachments ?? []).map((carried) => ({
    fileName: carried.fileName,
    mimeType: carried.mimeType,
    size: carried.bytes.length,
    sha256: sha256Hex(carried.bytes),
    bytes: carried.bytes,
  }));
}

/** Runs a reader; a fault inside it (not its own refusal) is said as the reader failing on this file. */
async function runReader(reader: FormatReader, file: BinaryFile): Promise<ReadDocument> {
  try {
    return await reader({
      fileName: file.fileName,
      bytes: file.bytes,
      ...(file.signal ? { signal: file.signal } : {}),
      ...(file.password === undefined ? {} : { password: file.password }),
      ...(file.ocr === undefined ? {} : { ocr: file.ocr }),
      ...(file.onProgress ? { onProgress: file.onProgress } : {}),
    });
  } catch (error) {
    if (error instanceof UserFacingError) throw error;
    if (file.signal?.aborted) {
      throw new UserFacingError('CANCELLED', `Importing “${file.fileName}” was cancelled. Nothing was imported.`);
    }
    const why = (error instanceof Error ? error.message : String(error)).slice(0, 300);
    throw new UserFacingError(
      'READER_FAILED',
      `The reader for ${FORMAT_NAMES[file.sourceType]} failed (${why}) on “${file.fileName}”. Nothing was imported.`,
    );
  }
}

/** Reads a binary file through its reader into a document ready to store. */
export async function prepareBinary(file: BinaryFile, options: ReadOptions): Promise<PreparedDocument> {
  if (file.bytes.length > options.maxBytes) {
    throw new UserFacingError(
      'TOO_LARGE',
      `“${file.fileName}” is ${formatMegabytes(file.bytes.length)}, over the import limit of ${formatMegabytes(options.maxBytes)}.`,
    );
  }
  const reader = options.readers[file.sourceType];
  if (reader === undefined) throw unsupported(file);
  const read = await runReader(reader, file);
  const fallbackTitle = titleFromFileName(file.fileName);
  const title = cleanTitle(read.title, fallbackTitle);
  // The title keeps its page only if it is still the reader's own (not the file name instead).
  const titlePage = title === read.title ? read.titlePage : undefined;
  const built = buildDocumentState({
    title,
    byline: read.byline,
    blocks: read.blocks,
    ...(titlePage ? { titlePage } : {}),
  });
  const { lexicalJson, text: canonicalText } = built;
  if (canonicalText.slice(title.length).trim() === '') {
    throw new UserFacingError('EMPTY_FILE', `“${file.fileName}” holds no text to read: nothing was imported.`);
  }
  assertSharable({ lexicalJson, canonicalText, sourceBytes: file.bytes.length }, options.maxBytes);
  const attachments = checkedAttachments(read);
  const provenance = provenanceOf(file, { ...read, attachments }, built, options.now);
  return {
    title,
    sourceName: file.fileName,
    sourceType: file.sourceType,
    sourceBytes: Buffer.from(file.bytes),
    sourceSha256: provenance.sha256,
    lexicalJson,
    canonicalText,
    textSha256: sha256Hex(canonicalText),
    byline: read.byline,
    publishedAt: read.publishedAt,
    siteName: read.siteName,
    wordCount: countWords(canonicalText),
    provenance,
    attachments,
    ...(read.notes?.length
      ? { notes: placeImportedNotes(canonicalText, { title, byline: read.byline }, read.blocks, read.notes) }
      : {}),
  };
}
