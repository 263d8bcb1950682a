// Brings files into the library and replaces a document's text: reads a file within the
// import limit, prepares it (prepare.ts), stores it, re-anchors the annotations on a
// changed text in the same transaction, and says what changed on the event bus.
import type { Database } from 'better-sqlite3';
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { ReanchorCounts } from '../../shared/contract';
import { rebuildIncomingDocument } from '../../shared/incoming-document';
import { countWords } from '../../shared/lexical-document';
import type { ImportOutcome } from '../../shared/model';
import { UserFacingError } from '../../shared/result';
import type { DocumentRepository } from '../documents';
import type { EventBus } from '../events';
import { fileReadProblem } from '../files/read-errors';
import { sha256Hex } from '../files/sha256';
import { assertSharable, prepareDocument } from './prepare';
import { formatMegabytes } from './validate';

type DocumentContent = Parameters<DocumentRepository['replaceContent']>[1];
type DocumentSource = Parameters<DocumentRepository['replaceContent']>[2];

export interface DocumentImporterDeps {
  db: Database;
  documents: Pick<DocumentRepository, 'insert' | 'summary' | 'sourceBytes' | 'idWithSource' | 'replaceContent'>;
  annotations: { reanchorDocument(documentId: string, text: string, textSha256: string): ReanchorCounts };
  events: Pick<EventBus, 'emit'>;
  /** The import limit now (Settings, or this run's override). */
  maxImportBytes: () => number;
  /** How this host's user raises the import limit; said when a file is over it. */
  importLimitHint: string;
}

export class DocumentImporter {
  constructor(private readonly deps: DocumentImporterDeps) {}

  importBytes(fileName: string, bytes: Uint8Array): ImportOutcome {
    const prepared = prepareDocument(fileName, bytes, this.deps.maxImportBytes());
    const outcome = this.deps.documents.insert(prepared);
    if (outcome.created) this.deps.events.emit('libraryChanged', { reason: 'imported' });
    return outcome;
  }

  /** Imports a file from disk, checking its size before reading it. */
  importPath(path: string): ImportOutcome {
    return this.importBytes(basename(path), this.readFile(path));
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
