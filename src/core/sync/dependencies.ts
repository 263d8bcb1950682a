// What the sync engine needs from the rest of the core, and nothing more: the database (its
// own tables and transactions), the documents, the annotations it reads, the incoming writer
// it merges through, the events it listens to and announces, and the import limit. The core builds this object; the engine
// never sees the core itself, so core and sync do not import each other.
import type { Database } from 'better-sqlite3';
import type { AnnotationService } from '../annotations';
import type { DocumentRepository } from '../documents';
import type { EventBus } from '../events';
import type { PreparedDocument } from '../import';
import type { IncomingWriter } from '../incoming';

/** The documents the sync lists, restores from the files and writes out. */
export type SyncDocuments = Pick<
  DocumentRepository,
  'list' | 'exists' | 'summary' | 'detail' | 'canonicalText' | 'textSha256' | 'sourceBytes' | 'insertWithId' | 'source'
>;

/** The annotations, replies, tombstones and tags the sync reads (and tags.json's colors, which it writes). */
export type SyncAnnotations = Pick<
  AnnotationService,
  'store' | 'replies' | 'list' | 'get' | 'listReplies' | 'listTags' | 'now'
>;

export interface SyncDependencies {
  db: Database;
  documents: SyncDocuments;
  annotations: SyncAnnotations;
  /** The one path by which annotations, replies and tombstones from the files reach the store. */
  incoming: Pick<IncomingWriter, 'begin'>;
  events: Pick<EventBus, 'emit' | 'subscribe'>;
  /** The import limit in force: the most a source file may hold when a document is restored from the files. */
  maxImportBytes(): number;
  /**
   * How to read a binary source file (PDF, Word, EPUB, e-mail, saved page) through its reader,
   * asynchronously and off the main thread where the reader allows; undefined for a text file,
   * which is read at once. Absent: every source is read as text.
   */
  binarySource?(path: string, bytes: Uint8Array): (() => Promise<PreparedDocument>) | undefined;
}
