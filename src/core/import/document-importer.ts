// Brings files into the library and replaces a document's text: reads a file within the
// import limit, prepares it (prepare.ts), stores it, re-anchors the annotations on a
// changed text in the same transaction, and says what changed on the event bus.
import type { Database } from 'better-sqlite3';
import { readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { ReanchorCounts } from '../../shared/contract';
import { rebuildIncomingDocument } from '../../shared/incoming-document';
import { countWords } from '../../shared/lexical-document';
import type { DocumentOrigin, ImportOutcome, OcrLanguages } from '../../shared/model';
import { TEXT_SOURCE_TYPES } from '../../shared/model';
import { UserFacingError } from '../../shared/result';
import type { DocumentRepository } from '../documents';
import type { EventBus } from '../events';
import { fileReadProblem } from '../files/read-errors';
import type { IncomingBatch, IncomingWriter } from '../incoming';
import { noteAnnotation } from './imported-notes';
import { sha256Hex } from '../files/sha256';
import { resolveImportType } from './detect';
import type { ReaderRegistry } from './formats';
import { cancelledImport } from './import-jobs';
import type { ReadStage } from './formats/format-reader';
import { messageDigest, parseMessage } from './formats/email-parse';
import { cutShortReason } from './formats/mbox-truncation';
import type { OcrChoice } from './ocr/ocr-models';
import { baseProvenance, prepareBinary } from './read-binary';
import type { PreparedDocument } from './prepare';
import { TEXT_IMPORTERS, assertSharable, prepareDocument } from './prepare';
import { formatMegabytes } from './validate';

type DocumentContent = Parameters<DocumentRepository['replaceContent']>[1];
type DocumentSource = Parameters<DocumentRepository['replaceContent']>[2];

export interface DocumentImporterDeps {
  db: Database;
  documents: Pick<
    DocumentRepository,
    | 'insert'
    | 'summary'
    | 'detail'
    | 'sourceBytes'
    | 'idWithSource'
    | 'replaceContent'
    | 'source'
    | 'attachment'
    | 'messagesWithIds'
  >;
  annotations: { reanchorDocument(documentId: string, text: string, textSha256: string): ReanchorCounts };
  events: Pick<EventBus, 'emit'>;
  /** The import limit now (Settings, or this run's override). */
  maxImportBytes: () => number;
  /** How this host's user raises the import limit; said when a file is over it. */
  importLimitHint: string;
  /** The binary-format readers (the heavy ones already wrapped to run in a worker); tests pass their own. */
  readers: ReaderRegistry;
  /** Writes the notes a file carried (Word comments) as annotations; absent, they stay in the provenance only. */
  incoming?: Pick<IncomingWriter, 'begin'>;
  /** Splits an .mbox into messages; absent until a splitter is registered. */
  splitMbox?: ((bytes: Uint8Array) => Uint8Array[]) | undefined;
  /** What scanned pages are read in now (Settings) and where a two-language model folder goes; English when absent. */
  ocr?: () => OcrChoice;
}

/** Where a file came from and how to stop reading it. */
export interface ImportOptions {
  origin?: DocumentOrigin;
  signal?: AbortSignal;
  /** Opens an encrypted PDF. */
  password?: string;
  /** This import's OCR language(s) over the setting's (the CLI's --ocr-lang). */
  ocrLanguages?: OcrLanguages;
  /** How far the reader has come (pages read, pages recognized). */
  onProgress?: (done: number, total: number, stage?: ReadStage | 'storing') => void;
  /** For a fetched page: the address it finally came from and when it was fetched. */
  capture?: { originUrl: string; capturedAt: string };
}

/** What a file is read with beyond its bytes: an encrypted PDF's password, this import's OCR language(s). */
export type ReadChoices = Pick<ImportOptions, 'password' | 'ocrLanguages'>;

const MAX_MESSAGES_PER_MBOX = 10_000;

/** An e-mail message's Message-ID, for telling the same message imported twice. */
function messageIdOf(document: PreparedDocument): string | undefined {
  return document.sourceType === 'eml' ? document.provenance?.headers?.['Message-ID'] || undefined : undefined;
}

/** The options a reader takes, without the absent ones (exactOptionalPropertyTypes); OCR's as set unless this import says. */
function readOptions(
  options: ImportOptions,
  ocr: OcrChoice | undefined,
): Pick<ImportOptions, 'signal' | 'password' | 'onProgress'> & { ocr?: OcrChoice } {
  const languages = options.ocrLanguages ?? ocr?.languages;
  return {
    ...(languages === undefined ? {} : { ocr: { ...ocr, languages } }),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.password === undefined ? {} : { password: options.password }),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  };
}

/**
 * A mailbox's messages without its last one when that one was cut off (the file ends inside
 * it): refused, with why, rather than imported looking whole, so no one quotes a message
 * believing it complete. A mailbox of that one message imports nothing.
 */
async function completeMessages(
  fileName: string,
  messages: Uint8Array[],
): Promise<{ messages: Uint8Array[]; leftOut?: string }> {
  const last = messages.at(-1);
  const reason = last && cutShortReason(last);
  if (reason === undefined) return { messages };
  const cut = `the file ends in the middle of it (${reason}), as a download or copy that did not finish does`;
  if (messages.length === 1) {
    throw new UserFacingError('INVALID_INPUT', `“${fileName}” holds one message and ${cut}. Nothing was imported.`);
  }
  const subject = await parseMessage(last!, fileName).then(
    (email) => (email.subject ? ` (“${email.subject.replace(/\s+/g, ' ').trim().slice(0, 120)}”)` : ''),
    () => '',
  );
  return {
    messages: messages.slice(0, -1),
    leftOut:
      `“${fileName}”: its last message, message ${messages.length}${subject}, was not imported: ${cut}. ` +
      'Download or copy the mailbox again to import it whole.',
  };
}

/** A new document's OCR facts, so the host can say when it read poorly (perhaps in the wrong language). */
function recognition(
  outcome: { created: boolean } | undefined,
  prepared: PreparedDocument | undefined,
): Pick<ImportOutcome, 'ocr'> {
  const ocr = prepared?.provenance?.ocr;
  if (!outcome?.created || ocr === undefined) return {};
  return { ocr: { meanConfidence: ocr.meanConfidence, ...(ocr.languages ? { languages: ocr.languages } : {}) } };
}

export class DocumentImporter {
  constructor(private readonly deps: DocumentImporterDeps) {}

  /** Imports a text file's bytes at once (.txt, .md, .html); binary formats need {@link importFile}. */
  importBytes(fileName: string, bytes: Uint8Array, origin: DocumentOrigin = { kind: 'upload' }): ImportOutcome {
    const prepared = prepareDocument(fileName, bytes, this.deps.maxImportBytes());
    return this.store([this.withTextProvenance(prepared, bytes, origin)]);
  }

  /** Imports a text file from disk at once, checking its size before reading it. */
  importPath(path: string): ImportOutcome {
    return this.importBytes(basename(path), this.readFile(path), { kind: 'file', path: resolve(path) });
  }

  /**
   * Imports a file of any type the library reads, typed by its bytes: text at once, binary
   * formats through their readers. Every document it makes (an .mbox makes one per message)
   * lands in one transaction, or none does.
   */
  async importFile(fileName: string, bytes: Uint8Array, options: ImportOptions = {}): Promise<ImportOutcome> {
    const sourceName = basename(fileName.replace(/\\/g, '/'));
    const origin = options.origin ?? { kind: 'upload' };
    const resolved = resolveImportType(sourceName, bytes);
    if (resolved === undefined || TEXT_SOURCE_TYPES.includes(resolved.sourceType)) {
      const prepared = prepareDocument(sourceName, bytes, this.deps.maxImportBytes(), options.capture?.originUrl);
      return this.storeChecked(sourceName, [this.withTextProvenance(prepared, bytes, origin)], options);
    }
    const read = { readers: this.deps.readers, maxBytes: this.deps.maxImportBytes(), now: new Date() };
    const signal = readOptions(options, this.deps.ocr?.());
    if (!resolved.mbox) {
      const sha256 = sha256Hex(bytes);
      // A file already here is known by its bytes: said at once, not after reading it (seconds, for a big one).
      const existing = this.deps.documents.idWithSource(sha256);
      if (existing !== undefined) return { document: this.deps.documents.summary(existing), created: false };
      const file = { fileName: sourceName, bytes, sha256, sourceType: resolved.sourceType, origin, ...signal };
      return this.storeChecked(sourceName, [await prepareBinary(file, read)], options);
    }
    const { messages, leftOut } = await completeMessages(sourceName, this.messagesOf(sourceName, bytes));
    const prepared: PreparedDocument[] = [];
    for (const [index, message] of messages.entries()) {
      options.signal?.throwIfAborted();
      const fileName = `${sourceName} (message ${index + 1})`;
      prepared.push(await prepareBinary({ fileName, bytes: message, sourceType: 'eml', origin, ...signal }, read));
    }
    const outcome = this.storeChecked(sourceName, prepared, options);
    return leftOut === undefined ? outcome : { ...outcome, leftOut: [leftOut] };
  }

  /** The import limit now, and how this host's user raises it (for a fetch that must stop at it). */
  importLimit(): { bytes: number; hint: string } {
    return { bytes: this.deps.maxImportBytes(), hint: this.deps.importLimitHint };
  }

  /** Stores unless the import was cancelled meanwhile; a fetched page's address and time go in its provenance. */
  private storeChecked(name: string, prepared: readonly PreparedDocument[], options: ImportOptions): ImportOutcome {
    // The last moment Cancel can win: after this the documents are written in one transaction.
    if (options.signal?.aborted) throw cancelledImport(name);
    // The write is one transaction, but a large file's takes a moment: the bar, full, says so.
    options.onProgress?.(1, 1, 'storing');
    const { capture } = options;
    if (capture === undefined) return this.store(prepared);
    return this.store(
      prepared.map((document) =>
        document.provenance ? { ...document, provenance: { ...document.provenance, ...capture } } : document,
      ),
    );
  }

  /** Imports a file from disk of any type the library reads, checking its size before reading it. */
  importFilePath(path: string, options: Omit<ImportOptions, 'origin'> = {}): Promise<ImportOutcome> {
    return this.importFile(basename(path), this.readFile(path), {
      ...options,
      origin: { kind: 'file', path: resolve(path) },
    });
  }

  /** Imports a file a message carried as a document of its own, recording which message and file it came from. */
  async importAttachment(
    documentId: string,
    index: number,
    options: Omit<ImportOptions, 'origin'> = {},
  ): Promise<ImportOutcome> {
    // Async, so a missing attachment is a rejection like any other failure of an import.
    return this.attachment(documentId, index).import(options);
  }

  /**
   * A message's attachment by its index: its name (for the import's bar) and its import as a
   * document of its own, recording which message and file it came from.
   */
  attachment(
    documentId: string,
    index: number,
  ): { fileName: string; import: (options?: Omit<ImportOptions, 'origin'>) => Promise<ImportOutcome> } {
    const attachment = this.deps.documents.attachment(documentId, index);
    const headers = this.deps.documents.source(documentId).provenance?.headers ?? {};
    const messageId = headers['Message-ID'] ?? headers['message-id'] ?? '';
    const origin: DocumentOrigin = { kind: 'attachment', messageId, attachmentName: attachment.fileName, documentId };
    return {
      fileName: attachment.fileName,
      import: (options = {}) => this.importFile(attachment.fileName, attachment.bytes, { ...options, origin }),
    };
  }

  private messagesOf(fileName: string, bytes: Uint8Array): Uint8Array[] {
    if (this.deps.splitMbox === undefined) {
      throw new UserFacingError(
        'UNSUPPORTED_TYPE',
        `“${fileName}” is an mbox mail folder, and this Marginalia can't split those into messages yet. Nothing was imported.`,
      );
    }
    const messages = this.deps.splitMbox(bytes);
    if (messages.length === 0) throw new UserFacingError('EMPTY_FILE', `“${fileName}” holds no messages.`);
    if (messages.length > MAX_MESSAGES_PER_MBOX) {
      throw new UserFacingError(
        'TOO_LARGE',
        `“${fileName}” holds ${messages.length} messages, more than the ${MAX_MESSAGES_PER_MBOX} one import may bring in. Split it and import the parts.`,
      );
    }
    return messages;
  }

  private withTextProvenance(prepared: PreparedDocument, bytes: Uint8Array, origin: DocumentOrigin): PreparedDocument {
    const file = { fileName: prepared.sourceName, bytes, sourceType: prepared.sourceType, origin };
    const importer = TEXT_IMPORTERS[prepared.sourceType] ?? prepared.sourceType;
    return { ...prepared, provenance: baseProvenance(file, importer, new Date()) };
  }

  /** Stores the documents one file made in one transaction; the first is the outcome, the rest `also`. */
  private store(prepared: readonly PreparedDocument[]): ImportOutcome {
    const batch = this.deps.incoming?.begin({ source: 'import' });
    const outcomes = this.deps.db
      .transaction(() => {
        const messages = this.storedMessages(prepared);
        const stored = prepared.map((document) => this.insertOrFind(messages, document));
        if (batch) {
          stored.forEach((outcome, index) => {
            if (outcome.created) this.writeNotes(batch, outcome.document.id, prepared[index]!);
          });
          if (batch.touchedDocuments.size > 0) batch.finish();
        }
        return stored;
      })
      .immediate();
    if (outcomes.some((outcome) => outcome.created)) this.deps.events.emit('libraryChanged', { reason: 'imported' });
    if (batch && batch.touchedDocuments.size > 0) batch.announce();
    const [first, ...also] = outcomes;
    const skipped = outcomes[0]?.created ? (prepared[0]?.notes?.skipped ?? 0) : 0;
    const outcome = {
      ...first!,
      ...(skipped > 0 ? { notesNotPlaced: skipped } : {}),
      ...recognition(first, prepared[0]),
    };
    return also.length > 0 ? { ...outcome, also } : outcome;
  }

  /** A new document's Word comments become its margin notes, in the import's transaction. */
  private writeNotes(batch: IncomingBatch, documentId: string, prepared: PreparedDocument): void {
    const into = {
      id: documentId,
      text: prepared.canonicalText,
      textSha256: prepared.textSha256,
      sourceSha256: prepared.sourceSha256,
    };
    const importedAt = prepared.provenance?.importedAt ?? new Date().toISOString();
    (prepared.notes?.placed ?? []).forEach((note, index) => {
      batch.annotation(into, noteAnnotation(into, note, index, importedAt));
    });
  }

  /** Inserts a document, unless it is a message already stored (same Message-ID and same bytes). */
  private insertOrFind(messages: Map<string, Map<string, string>>, document: PreparedDocument) {
    const messageId = messageIdOf(document);
    if (messageId === undefined) return this.deps.documents.insert(document);
    const digest = messageDigest(document.sourceBytes);
    const byDigest = messages.get(messageId) ?? new Map<string, string>();
    const same = byDigest.get(digest);
    if (same !== undefined) return { document: this.deps.documents.summary(same), created: false };
    const outcome = this.deps.documents.insert(document);
    messages.set(messageId, byDigest.set(digest, outcome.document.id));
    return outcome;
  }

  /**
   * The messages already in the library with the Message-IDs of these, by id and then by the
   * digest of the message's bytes: the same mail saved as an .eml and kept in an .mbox is
   * one document, found in one pass over the table however many messages come in.
   */
  private storedMessages(prepared: readonly PreparedDocument[]): Map<string, Map<string, string>> {
    const ids = [...new Set(prepared.map(messageIdOf).filter((id): id is string => id !== undefined))];
    const messages = new Map<string, Map<string, string>>();
    for (const stored of this.deps.documents.messagesWithIds(ids)) {
      const byDigest = messages.get(stored.messageId) ?? new Map<string, string>();
      messages.set(stored.messageId, byDigest.set(messageDigest(stored.sourceBytes), stored.id));
    }
    return messages;
  }

  /** Saves a corrected text (from the reader's edit mode) and re-anchors annotations. */
  updateText(id: string, lexicalJson: string): ReanchorCounts {
    let rebuilt: { lexicalJson: string; text: string };
    try {
      rebuilt = rebuildIncomingDocument(lexicalJson);
    } catch (error) {
      throw new UserFacingError('INVALID_INPUT', `The edited document could not be read: ${(error as Error).message}`);
    }
    const canonicalText = rebuilt.text;
    const stored = this.deps.documents.detail(id);
    // Done with nothing changed: nothing is saved, and the document is not marked as edited (trial).
    if (
      stored.textSha256 === sha256Hex(canonicalText) &&
      rebuildIncomingDocument(stored.lexicalJson).lexicalJson === rebuilt.lexicalJson
    )
      return { kept: 0, moved: 0, fuzzy: 0, orphaned: 0, unchanged: true };
    const sourceBytes = this.deps.documents.sourceBytes(id).length;
    assertSharable({ lexicalJson: rebuilt.lexicalJson, canonicalText, sourceBytes }, this.deps.maxImportBytes());
    const textSha256 = sha256Hex(canonicalText);
    const wordCount = countWords(canonicalText);
    return this.replaceAndReanchor(id, { lexicalJson: rebuilt.lexicalJson, canonicalText, textSha256, wordCount });
  }

  /**
   * Replaces a document with a changed version of its file (of any type the library reads,
   * binary ones through their readers) and re-anchors its annotations; the file's provenance
   * (pages, headers) and carried files replace the old ones.
   */
  async updateFromPath(id: string, path: string, options: Omit<ImportOptions, 'origin'> = {}): Promise<ReanchorCounts> {
    this.deps.documents.summary(id);
    const fileName = basename(path);
    const bytes = this.readFile(path);
    const origin: DocumentOrigin = { kind: 'file', path: resolve(path) };
    const prepared = await this.prepareOne(fileName, bytes, origin, options);
    const other = this.deps.documents.idWithSource(prepared.sourceSha256);
    if (other !== undefined && other !== id) {
      throw new UserFacingError(
        'INVALID_INPUT',
        `“${fileName}” is already in the library as another document (${other}).`,
      );
    }
    const { lexicalJson, canonicalText, textSha256, wordCount } = prepared;
    return this.replaceAndReanchor(id, { lexicalJson, canonicalText, textSha256, wordCount }, prepared);
  }

  /**
   * How to read a binary file (PDF, Word, EPUB, e-mail, saved page) found at `path` through its
   * reader, for the workspace sync to call outside its transactions; undefined for text (and
   * for an .mbox, which is many documents), which the sync reads itself.
   */
  binarySource(path: string, bytes: Uint8Array): (() => Promise<PreparedDocument>) | undefined {
    const fileName = basename(path);
    const resolved = resolveImportType(fileName, bytes);
    if (resolved === undefined || TEXT_SOURCE_TYPES.includes(resolved.sourceType) || resolved.mbox) return undefined;
    return () => this.prepareOne(fileName, bytes, { kind: 'file', path }, {});
  }

  /** One file made into one document: text at once, a binary format through its reader; an .mbox is many, so refused. */
  private async prepareOne(
    fileName: string,
    bytes: Uint8Array,
    origin: DocumentOrigin,
    options: Omit<ImportOptions, 'origin'>,
  ): Promise<PreparedDocument> {
    const resolved = resolveImportType(fileName, bytes);
    if (resolved === undefined || TEXT_SOURCE_TYPES.includes(resolved.sourceType)) {
      return this.withTextProvenance(prepareDocument(fileName, bytes, this.deps.maxImportBytes()), bytes, origin);
    }
    if (resolved.mbox) {
      throw new UserFacingError(
        'INVALID_INPUT',
        `“${fileName}” is an mbox mail folder of many messages; a document can only be updated from one file of one document.`,
      );
    }
    const read = { readers: this.deps.readers, maxBytes: this.deps.maxImportBytes(), now: new Date() };
    return prepareBinary(
      { fileName, bytes, sourceType: resolved.sourceType, origin, ...readOptions(options, this.deps.ocr?.()) },
      read,
    );
  }

  /** The new text (and source) and the re-anchored annotations land in one transaction, or neither does. */
  private replaceAndReanchor(id: string, content: DocumentContent, source?: DocumentSource): ReanchorCounts {
    const counts = this.deps.db
      .transaction(() => {
        this.deps.documents.replaceContent(id, content, source);
        return this.deps.annotations.reanchorDocument(id, content.canonicalText, content.textSha256);
      })
      .immediate();
    this.deps.events.emit('annotationsChanged', { documentId: id, annotationIds: [] });
    this.deps.events.emit('libraryChanged', { reason: 'updated' });
    return counts;
  }

  /** Reads a file to import, refusing folders, missing files and files over the limit first. */
  private readFile(path: string): Buffer {
    let size: number;
    try {
      const stat = statSync(path);
      if (stat.isDirectory()) throw new UserFacingError('UNSUPPORTED_TYPE', `“${path}” is a folder, not a file.`);
      size = stat.size;
    } catch (error) {
      if (error instanceof UserFacingError) throw error;
      throw new UserFacingError('NOT_FOUND', fileReadProblem(path, error));
    }
    const limit = this.deps.maxImportBytes();
    if (size > limit) {
      const over = `“${basename(path)}” is ${formatMegabytes(size)}, over the import limit of ${formatMegabytes(limit)}.`;
      throw new UserFacingError('TOO_LARGE', `${over} ${this.deps.importLimitHint}`);
    }
    try {
      return readFileSync(path);
    } catch (error) {
      // stat needs no read permission, so an unreadable file is only found out here.
      throw new UserFacingError('NOT_FOUND', fileReadProblem(path, error));
    }
  }
}
