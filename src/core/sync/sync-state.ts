// Sync state: the engine's own tables (which file holds which document, with its hash, size
// and time; the last synced base of each document's annotations; unresolved conflicts) and
// the rules for trusting a file unread. All of the sync's SQL is here.
import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import type { MergeFields } from '../../shared/sidecar';
import { baseFieldsOf } from '../../shared/sidecar';
import type { WebAnnotation } from '../../shared/web-annotation';
import { cachedStatement } from '../store/statements';
import type { FileStamp } from './workspace-files';

export interface SyncFileRow {
  document_id: string;
  slug: string;
  sidecar_sha256: string;
  /** What the store held when the file was last written (see storeFingerprint). */
  store_fingerprint: string;
  /** Size and modification time of the file whose hash is recorded, and when they were taken. */
  sidecar_size: number;
  sidecar_mtime_ms: number;
  stat_taken_at_ms: number;
}

/**
 * A modification within this long of the moment a stamp was taken could leave the same
 * size and time (coarse file-system clocks): such a stamp is not trusted, and the file is
 * hashed at the next scan (git's "racily clean" rule).
 */
const RACY_MS = 2000;

/** Where the sync records which folder its hashes and bases describe (not a user setting). */
const RECORDS_FOLDER_KEY = 'sync_records_folder';

const SYNC_FILE_COLUMNS =
  'document_id, slug, sidecar_sha256, store_fingerprint, sidecar_size, sidecar_mtime_ms, stat_taken_at_ms';

/** The engine's own tables: file names, the last synced base, and unresolved conflicts. */
export class SyncState {
  constructor(private readonly db: Database) {}

  byDocument(documentId: string): SyncFileRow | undefined {
    return cachedStatement<[string], SyncFileRow>(
      this.db,
      `SELECT ${SYNC_FILE_COLUMNS} FROM sync_files WHERE document_id = ?`,
    ).get(documentId);
  }

  bySlug(slug: string): SyncFileRow | undefined {
    return cachedStatement<[string], SyncFileRow>(
      this.db,
      `SELECT ${SYNC_FILE_COLUMNS} FROM sync_files WHERE slug = ?`,
    ).get(slug);
  }

  forget(documentId: string): void {
    cachedStatement(this.db, 'DELETE FROM sync_files WHERE document_id = ?').run(documentId);
    cachedStatement(this.db, 'DELETE FROM sync_bases WHERE document_id = ?').run(documentId);
    cachedStatement(this.db, 'DELETE FROM sync_evidence_bases WHERE document_id = ?').run(documentId);
  }

  /** Documents that were synced and are no longer in the library. */
  removedDocuments(): SyncFileRow[] {
    return cachedStatement<[], SyncFileRow>(
      this.db,
      `SELECT ${SYNC_FILE_COLUMNS} FROM sync_files WHERE document_id NOT IN (SELECT id FROM documents)`,
    ).all();
  }

  /** The folder these records describe ('' before any, or for records older than this check). */
  recordsFolder(): string {
    const row = cachedStatement<[string], { value_json: string }>(
      this.db,
      'SELECT value_json FROM settings WHERE key = ?',
    ).get(RECORDS_FOLDER_KEY);
    return row ? (JSON.parse(row.value_json) as string) : '';
  }

  setRecordsFolder(folder: string): void {
    cachedStatement(this.db, 'INSERT OR REPLACE INTO settings (key, value_json) VALUES (?, ?)').run(
      RECORDS_FOLDER_KEY,
      JSON.stringify(folder),
    );
  }

  /** `stamp` is the file's size and time taken before it was read or after it was written. */
  record(
    documentId: string,
    slug: string,
    sidecarSha256: string,
    storeFingerprint: string,
    stamp: FileStamp | undefined,
  ): void {
    cachedStatement(
      this.db,
      `INSERT INTO sync_files (${SYNC_FILE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (document_id) DO UPDATE SET slug = excluded.slug, sidecar_sha256 = excluded.sidecar_sha256, store_fingerprint = excluded.store_fingerprint,
           sidecar_size = excluded.sidecar_size, sidecar_mtime_ms = excluded.sidecar_mtime_ms, stat_taken_at_ms = excluded.stat_taken_at_ms`,
    ).run(documentId, slug, sidecarSha256, storeFingerprint, stamp?.size ?? -1, stamp?.mtimeMs ?? -1, Date.now());
  }

  /** The store changed in a way its fingerprint may miss (fields taken at an unchanged time): write the file again. */
  invalidateFingerprint(documentId: string): void {
    cachedStatement(this.db, "UPDATE sync_files SET store_fingerprint = '' WHERE document_id = ?").run(documentId);
  }

  /** The file was hashed and found as recorded: keep its current size and time. */
  restamp(documentId: string, stamp: FileStamp): void {
    cachedStatement(
      this.db,
      'UPDATE sync_files SET sidecar_size = ?, sidecar_mtime_ms = ?, stat_taken_at_ms = ? WHERE document_id = ?',
    ).run(stamp.size, stamp.mtimeMs, Date.now(), documentId);
  }

  /**
   * A cheap summary of everything a document's file is made from: when it is unchanged and
   * so is the file, there is nothing to write (so a start with nothing changed reads no rows).
   */
  storeFingerprint(documentId: string): string {
    const row = cachedStatement<string[], Record<string, number | string | null>>(
      this.db,
      `SELECT (SELECT count(*) || ':' || ifnull(max(updated_at), '') FROM annotations WHERE document_id = ?) AS annotations,
                (SELECT count(*) || ':' || ifnull(max(deleted_at), '') FROM tombstones WHERE document_id = ?) AS tombstones,
                (SELECT count(*) || ':' || ifnull(max(updated_at), '') FROM replies WHERE document_id = ?) AS replies,
                (SELECT count(*) || ':' || ifnull(max(updated_at), '') FROM tags) AS tags,
                (SELECT text_sha256 || ':' || title FROM documents WHERE id = ?) AS document,
                (SELECT count(*) || ':' || ifnull(max(updated_at), '') FROM annotation_grades WHERE document_id = ?) AS grades,
                (SELECT count(*) || ':' || ifnull(max(created_at), '') FROM annotation_links
                   WHERE from_id IN (SELECT id FROM annotations WHERE document_id = ?)) AS links,
                (SELECT count(*) || ':' || ifnull(max(deleted_at), '') FROM grade_tombstones WHERE document_id = ?) AS removedGrades,
                (SELECT count(*) || ':' || ifnull(max(deleted_at), '') FROM link_tombstones WHERE document_id = ?) AS removedLinks`,
    ).get(...Array<string>(8).fill(documentId));
    return JSON.stringify(row ?? {});
  }

  /** What each annotation's mergeable fields were at the last sync: the base of three-way merges. */
  base(documentId: string): Map<string, MergeFields> {
    const row = cachedStatement<[string], { fields_json: string }>(
      this.db,
      'SELECT fields_json FROM sync_bases WHERE document_id = ?',
    ).get(documentId);
    return new Map(row ? Object.entries(JSON.parse(row.fields_json) as Record<string, MergeFields>) : []);
  }

  /** Keeps only the fields a merge compares (a fifth of the sidecar), in one row per document. */
  setBase(documentId: string, items: readonly WebAnnotation[]): void {
    cachedStatement(this.db, 'INSERT OR REPLACE INTO sync_bases (document_id, fields_json) VALUES (?, ?)').run(
      documentId,
      JSON.stringify(baseFieldsOf(items)),
    );
  }

  /** Each grade's and link's content hash as the document's sidecar last held them (kind|key to hash). */
  evidenceBase(documentId: string): Map<string, string> {
    const row = cachedStatement<[string], { base_json: string }>(
      this.db,
      'SELECT base_json FROM sync_evidence_bases WHERE document_id = ?',
    ).get(documentId);
    try {
      return new Map(row ? Object.entries(JSON.parse(row.base_json) as Record<string, string>) : []);
    } catch {
      return new Map(); // a damaged base is no base: the usual rule decides alone
    }
  }

  /** Kept only for documents with grades or links, one row each. */
  setEvidenceBase(documentId: string, base: ReadonlyMap<string, string>): void {
    if (base.size === 0)
      cachedStatement(this.db, 'DELETE FROM sync_evidence_bases WHERE document_id = ?').run(documentId);
    else
      cachedStatement(this.db, 'INSERT OR REPLACE INTO sync_evidence_bases (document_id, base_json) VALUES (?, ?)').run(
        documentId,
        JSON.stringify(Object.fromEntries(base)),
      );
  }

  addConflict(documentId: string, annotationId: string, theirs: WebAnnotation, file: string): void {
    cachedStatement(
      this.db,
      'INSERT INTO sync_conflicts (id, document_id, annotation_id, theirs_json, file, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(randomUUID(), documentId, annotationId, JSON.stringify(theirs), file, new Date().toISOString());
  }

  conflicts(): Array<{ id: string; document_id: string; annotation_id: string; theirs_json: string; file: string }> {
    return cachedStatement<
      [],
      { id: string; document_id: string; annotation_id: string; theirs_json: string; file: string }
    >(
      this.db,
      'SELECT id, document_id, annotation_id, theirs_json, file FROM sync_conflicts ORDER BY created_at',
    ).all();
  }

  removeConflict(id: string): void {
    cachedStatement(this.db, 'DELETE FROM sync_conflicts WHERE id = ?').run(id);
  }
}

/** Whether a file's size and time still match its record, taken long enough after its last change to be sure. */
export function stampStillTrusted(known: SyncFileRow, stamp: FileStamp): boolean {
  return (
    known.sidecar_size === stamp.size &&
    known.sidecar_mtime_ms === stamp.mtimeMs &&
    stamp.mtimeMs < known.stat_taken_at_ms - RACY_MS
  );
}

/** The document's text hash when its files were last written (from the recorded fingerprint), if known. */
export function recordedTextSha(known: SyncFileRow | undefined): string | undefined {
  if (!known || known.store_fingerprint === '') return undefined;
  const document = (JSON.parse(known.store_fingerprint) as { document?: unknown }).document;
  return typeof document === 'string' ? document.split(':')[0] : undefined;
}
