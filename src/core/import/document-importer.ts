// Brings files into the library and replaces a document's text: reads a file within the
// import limit, prepares it (prepare.ts), stores it, re-anchors the annotations on a
// changed text in the same transaction, and says what changed on the event bus.
import type { Database } from 'better-sqlite3';
import { readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { ReanchorCounts } from '../../shared/contract';
import { rebuildIncomingDocument } from '../../shared/incoming-document';
import { countWords } from '../../shared/lexical-document';
import type { DocumentOrigin, ImportOutcome } from '../../shared/model';
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
    'insert' | 'summary' | 'sourceBytes' | 'idWithSource' | 'replaceContent' | 'source' | 'attachment'
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
}

/** Where a file came from and how to stop reading it. */
export interface ImportOptions {
  origin?: DocumentOrigin;
  signal?: AbortSignal;
  /** Opens an encrypted PDF. */
  password?: string;
  /** How far the reader has come (pages read, pages recognized). */
  onProgress?: (done: number, total: number) => void;
}

const MAX_MESSAGES_PER_MBOX = 10_000;

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
      return this.importBytes(sourceName, bytes, origin);
    }
    const read = { readers: this.deps.readers, maxBytes: this.deps.maxImportBytes(), now: new Date() };
    const signal = {
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.password === undefined ? {} : { password: options.password }),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    };
    if (!resolved.mbox) {
      const file = { fileName: sourceName, bytes, sourceType: resolved.sourceType, origin, ...signal };
      return this.store([await prepareBinary(file, read)]);
    }
    const prepared: PreparedDocument[] = [];
    for (const [index, message] of this.messagesOf(sourceName, bytes).entries()) {
      options.signal?.throwIfAborted();
      const fileName = `${sourceName} (message ${index + 1})`;
      prepared.push(await prepareBinary({ fileName, bytes: message, sourceType: 'eml', origin, ...signal }, read));
    }
    return this.store(prepared);
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
    const attachment = this.deps.documents.attachment(documentId, index);
    const headers = this.deps.documents.source(documentId).provenance?.headers ?? {};
    const messageId = headers['Message-ID'] ?? headers['message-id'] ?? '';
    const origin: DocumentOrigin = { kind: 'attachment', messageId, attachmentName: attachment.fileName, documentId };
    return this.importFile(attachment.fileName, attachment.bytes, { ...options, origin });
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
        const stored = prepared.map((document) => this.deps.documents.insert(document));
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
    const outcome = { ...first!, ...(skipped > 0 ? { notesNotPlaced: skipped } : {}) };
    return also.length > 0 ? { ...outcome, also } : outcome;
  }

  /** A new document's Word comments become its margin notes, in the import's transaction. */
  private writeNotes(batch: IncomingBatch, documentId: string, prepared: PreparedDocument): void {
    const into = { id: documentId, text: prepared.canonicalText, textSha256: prepared.textSha256 };
    const importedAt = prepared.provenance?.importedAt ?? new Date().toISOString();
    (prepared.notes?.placed ?? []).forEach((note, index) => {
      batch.annotation(into, noteAnnotation(into, note, index, importedAt));
    });
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
    const sourceBytes = this.deps.documents.sourceBytes(id).length;
    assertSharable({ lexicalJson: rebuilt.lexicalJson, canonicalText, sourceBytes }, this.deps.maxImportBytes());
    const textSha256 = sha256Hex(canonicalText);
    const wordCount = countWords(canonicalText);
    return this.replaceAndReanchor(id, { lexicalJson: rebuilt.lexicalJson, canonicalText, textSha256, wordCount });
  }

  /** Replaces a document with a changed version of its file and re-anchors its annotations. */
  updateFromPath(id: string, path: string): ReanchorCounts {
    this.deps.documents.summary(id);
    const prepared = prepareDocument(basename(path), this.readFile(path), this.deps.maxImportBytes());
    const other = this.deps.documents.idWithSource(prepared.sourceSha256);
    if (other !== undefined && other !== id) {
      throw new UserFacingError(
        'INVALID_INPUT',
        `“${basename(path)}” is already in the library as another document (${other}).`,
      );
    }
    const { lexicalJson, canonicalText, textSha256, wordCount } = prepared;
    return this.replaceAndReanchor(id, { lexicalJson, canonicalText, textSha256, wordCount }, prepared);
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
