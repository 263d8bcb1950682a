// Two-way sync between the store and a workspace folder of plain files. App changes reach
// `<slug>.annotations.json` (and the `.notes.md` digest, the source file, `tags.json`)
// within a second, written atomically; changes made to those files by other programs come
// back through a watcher and at start, merged per annotation against the last synced base.
// A file that cannot be read is reported with its line and column and left alone, and
// every other file keeps syncing; only regular files inside the folder are read or written.
import type { Database } from 'better-sqlite3';
import type { FSWatcher } from 'chokidar';
import chokidar from 'chokidar';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, join, resolve as resolvePath } from 'node:path';
import type { Annotation } from '../../shared/annotations';
import type { Reply } from '../../shared/bundles';
import { normalizeTagPath } from '../../shared/annotations';
import { anchor } from '../../shared/anchoring';
import { ANNOTATIONS_ENTRY_BYTES } from '../../shared/bundle-schemas';
import { decideIncoming } from '../../shared/merge';
import { EMPTY_NOTE, noteFromMarkdown } from '../../shared/notes';
import { quoteSelectorFor } from '../../shared/selectors';
import type { MergeFields, Sidecar, SidecarDocument } from '../../shared/sidecar';
import {
  DIGEST_SUFFIX,
  SIDECAR_SUFFIX,
  TAGS_FILE,
  baseFieldsOf,
  buildSidecar,
  mergeFieldsOf,
  notesDigest,
  serializeSidecar,
  slugFor,
  threeWay,
} from '../../shared/sidecar';
import type { SyncProblem, SyncStatus } from '../../shared/sync';
import type { WebAnnotation } from '../../shared/web-annotation';
import { idFromUrn, isReply, readWebAnnotation, toWebAnnotation } from '../../shared/web-annotation';
import { replyRowFrom } from '../annotations/replies';
import type { AnnotationRow } from '../annotations/store';
import type { MarginaliaCore } from '../core';
import { writeFileAtomic } from '../files/atomic-write';
import { ensureDirectory } from '../files/directories';
import { prepareDocument, sha256Hex } from '../import/prepare';
import { countWords } from '../../shared/lexical-document';
import { sizeLimits } from '../../shared/bundle-schemas';
import type { EditedText } from './edited-text';
import { editedTextName, readEditedText, serializeEditedText } from './edited-text';
import { cachedStatement } from '../store/statements';
import type { FileFault } from './sidecar-file';
import { parseSidecarFile, parseTagsFile } from './sidecar-file';
import { workspaceDifferences } from './verify';
import type { FileStamp } from './workspace-files';
import {
  CONFLICT_FILE,
  decodeUtf8,
  entryKind,
  isPlainName,
  isRealFolder,
  isSymbolicLink,
  readWorkspaceFile,
  stampOf,
} from './workspace-files';

export const WRITE_DELAY_MS = 150;
const SCAN_BATCH = 50;
const FILE_SETTLE_MS = 120;
const SOURCE_EXTENSIONS: Record<string, string> = { txt: 'txt', md: 'md', html: 'html' };
const REMOVED_FOLDER = '.removed';
const ATOMIC_TEMP_FILE = /^\..+\.\d+\.[0-9a-z]+\.tmp$/;
/**
 * The most the sync reads of a sidecar, a conflict copy or tags.json: a bundle carries a
 * document's annotations as one entry, so a file over the entry cap could not travel anyway.
 * Source files are read up to the import limit (Settings), as an import would.
 */
const JSON_FILE_LIMIT = ANNOTATIONS_ENTRY_BYTES;

export type ImportOutcome = 'unchanged' | 'merged' | 'refused' | 'missing' | 'copy';

interface SyncFileRow {
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
class SyncState {
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
      `INSERT INTO sync_files (document_id, slug, sidecar_sha256, store_fingerprint, sidecar_size, sidecar_mtime_ms, stat_taken_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?)
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
    const row = cachedStatement<[string, string, string, string], Record<string, number | string | null>>(
      this.db,
      `SELECT (SELECT count(*) || ':' || ifnull(max(updated_at), '') FROM annotations WHERE document_id = ?) AS annotations,
                (SELECT count(*) || ':' || ifnull(max(deleted_at), '') FROM tombstones WHERE document_id = ?) AS tombstones,
                (SELECT count(*) || ':' || ifnull(max(updated_at), '') FROM replies WHERE document_id = ?) AS replies,
                (SELECT count(*) || ':' || ifnull(max(updated_at), '') FROM tags) AS tags,
                (SELECT text_sha256 || ':' || title FROM documents WHERE id = ?) AS document`,
    ).get(documentId, documentId, documentId, documentId);
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

/** The files other programs may change that the sync reads: sidecars, tags.json, and sync tools' conflict copies. */
function isWatchedName(name: string): boolean {
  return name === TAGS_FILE || name.endsWith(SIDECAR_SUFFIX) || CONFLICT_FILE.test(name);
}

/** Whether a file's size and time still match its record, taken long enough after its last change to be sure. */
function stampStillTrusted(known: SyncFileRow, stamp: FileStamp): boolean {
  return (
    known.sidecar_size === stamp.size &&
    known.sidecar_mtime_ms === stamp.mtimeMs &&
    stamp.mtimeMs < known.stat_taken_at_ms - RACY_MS
  );
}

/** The document's text hash when its files were last written (from the recorded fingerprint), if known. */
function recordedTextSha(known: SyncFileRow | undefined): string | undefined {
  if (!known || known.store_fingerprint === '') return undefined;
  const document = (JSON.parse(known.store_fingerprint) as { document?: unknown }).document;
  return typeof document === 'string' ? document.split(':')[0] : undefined;
}

function shortSha(sha: string): string {
  return sha.slice(0, 7);
}

function sameMergeFields(a: MergeFields, b: MergeFields): boolean {
  return a.color === b.color && a.note === b.note && a.tags === b.tags && a.target === b.target;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export interface SyncOptions {
  watch: boolean;
}

export class SyncEngine {
  private readonly state: SyncState;
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly fileTimers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Files that could not be read or applied (keyed by file name), and documents that could not be written (`write:` and the id). */
  private readonly problems = new Map<string, SyncProblem>();
  /** Sidecars naming a document another sidecar already holds (a copy), by name: the file they copy. */
  private readonly copies = new Map<string, string>();
  private watcher: FSWatcher | undefined;
  private watching: Promise<void> = Promise.resolve();
  /**
   * Set while the records describe another folder (the workspace was moved, or another
   * one chosen): every file is hashed (sizes and times describe the other folder's files);
   * one whose hash is as recorded is trusted, but a changed one is merged without a base,
   * so what another folder's history says was deleted is not deleted here.
   */
  private foreignBase = false;
  /** Set by close and stop: a scan still running gives up at its next batch. */
  private stopped = false;
  private unsubscribe: (() => void) | undefined;
  private busy = 0;
  private progress: { done: number; total: number } | null = null;
  private lastSyncAt = '';
  /** Whether an import is writing to the store, so its own change events don't echo back to the files as edits. */
  private importing = false;
  /** How many sidecar files were read, read and merged, and written: tests count them. */
  readonly counters = { reads: 0, imports: 0, writes: 0 };
  /** One file's reading and merging as a transaction (a savepoint inside a scan's batch), made once: making one prepares its statements. */
  private readonly importTransaction: (name: string) => ImportOutcome;

  constructor(
    private readonly core: MarginaliaCore,
    readonly dir: string,
  ) {
    this.state = new SyncState(core.db);
    this.importTransaction = core.db.transaction((name: string) => this.readAndMerge(name)).immediate;
  }

  async start(options: SyncOptions): Promise<void> {
    ensureDirectory(this.dir, 'the workspace folder');
    // The watcher is set up beside the scan, and start returns once the scan is done: the
    // store then matches the files. A file changed before the watcher is ready is caught by
    // a second scan when it is (cheap: only files whose size or time moved are read).
    const watching = options.watch ? this.watch() : undefined;
    const folder = resolvePath(this.dir);
    const recorded = this.state.recordsFolder();
    this.foreignBase = recorded !== '' && recorded !== folder;
    await this.scan();
    if (!this.stopped) {
      this.state.setRecordsFolder(folder);
      this.foreignBase = false;
    }
    this.unsubscribe = this.core.events.subscribe((envelope) => {
      if (this.importing) return;
      if (envelope.event === 'annotationsChanged' || envelope.event === 'repliesChanged')
        this.scheduleWrite(envelope.payload.documentId);
      else if (envelope.event === 'tagsChanged') this.writeTags();
      else if (envelope.event === 'libraryChanged') {
        this.setAsideRemoved();
        for (const document of this.core.documents.list())
          if (!this.state.byDocument(document.id)) this.scheduleWrite(document.id);
      }
    });
    if (watching) {
      this.watching = watching
        .then(() => (this.stopped ? undefined : this.scan()))
        .catch((error: unknown) => {
          if (this.stopped) return;
          this.problems.set(this.dir, {
            file: this.dir,
            line: 0,
            column: 0,
            message: `The workspace could not be scanned: ${(error as Error).message}`,
          });
          this.announce();
        });
    }
  }

  /** Resolves when the watcher is ready and the files are scanned once more. */
  whenWatching(): Promise<void> {
    return this.watching;
  }

  /** Stops at once (for closing the app): pending writes are written first. */
  close(): void {
    this.stopped = true;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    const pending = [...this.timers.keys()];
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    for (const documentId of pending) this.writeReporting(documentId);
    for (const timer of this.fileTimers.values()) clearTimeout(timer);
    this.fileTimers.clear();
    void this.watcher?.close();
    this.watcher = undefined;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    await this.watching;
    await this.flush();
    for (const timer of this.fileTimers.values()) clearTimeout(timer);
    this.fileTimers.clear();
    await this.watcher?.close();
    this.watcher = undefined;
  }

  status(): SyncStatus {
    const conflicts = this.state.conflicts();
    const toolCopies = existsSync(this.dir) ? readdirSync(this.dir).filter((name) => CONFLICT_FILE.test(name)) : [];
    // A copy deleted or merged since it was found is no longer offered.
    const conflictFiles = [
      ...toolCopies,
      ...[...this.copies.keys()].filter((name) => entryKind(this.dir, name) === 'file').sort(),
    ];
    return {
      workspace: this.dir,
      state: this.busy > 0 ? 'syncing' : this.problems.size > 0 ? 'error' : 'synced',
      lastSyncAt: this.lastSyncAt,
      problems: [...this.problems.values()],
      conflicts: conflicts.map((conflict) => ({
        id: conflict.id,
        documentId: conflict.document_id,
        annotationId: conflict.annotation_id,
        file: conflict.file,
      })),
      conflictFiles,
      progress: this.progress,
    };
  }

  /** Sidecars found naming a document another file holds, each with the file it copies. */
  copiesFound(): ReadonlyMap<string, string> {
    return this.copies;
  }

  private announce(): void {
    this.core.events.emit('syncStatus', this.status());
  }

  /** Reads every sidecar that changed since it was last synced, then writes what the files lack. */
  async scan(): Promise<void> {
    this.busy++;
    try {
      this.forgetGoneFiles();
      this.setAsideRemoved();
      this.removeTempFiles();
      // Sorted, so that of two files naming one document the same one is taken first every time.
      const sidecars = readdirSync(this.dir)
        .filter((name) => name.endsWith(SIDECAR_SUFFIX) && !CONFLICT_FILE.test(name))
        .sort();
      const documents = this.core.documents.list();
      this.progress = { done: 0, total: sidecars.length + documents.length };
      this.announce();
      // A document whose file and store both match the last sync needs nothing more (and
      // nothing is written, so no other program's save can be overwritten here).
      const upToDate = new Set<string>();
      // Files are imported in batches of one transaction each: a commit per file is most of
      // the cost of a first scan, and a batch cut short by a crash is read again next time.
      for (let batch = 0; batch < sidecars.length; batch += SCAN_BATCH) {
        if (this.stopped) return;
        this.core.db
          .transaction(() => {
            for (const name of sidecars.slice(batch, batch + SCAN_BATCH)) {
              const outcome = this.importFile(name);
              if (outcome === 'unchanged' || outcome === 'merged') {
                const known = this.state.bySlug(name.slice(0, -SIDECAR_SUFFIX.length));
                if (known && known.store_fingerprint === this.state.storeFingerprint(known.document_id))
                  upToDate.add(known.document_id);
              }
              this.progress!.done++;
            }
          })
          .immediate();
        this.announce();
        await new Promise((resolve) => setImmediate(resolve));
      }
      if (entryKind(this.dir, TAGS_FILE) !== 'missing') this.importTags();
      for (const document of this.core.documents.list()) {
        if (!upToDate.has(document.id)) this.writeReporting(document.id);
        else this.checkSource(document.id, document.sourceType); // replaced by a link while nothing else changed
        this.progress.done++;
      }
      this.writeTags();
      this.reportLinks();
      this.lastSyncAt = new Date().toISOString();
    } finally {
      this.busy--;
      this.progress = null;
      this.announce();
    }
  }

  /** A document's source file is still a regular file (or is written again when missing). */
  private checkSource(documentId: string, sourceType: string): void {
    const known = this.state.byDocument(documentId);
    if (known) this.writeSource(documentId, `${known.slug}.${SOURCE_EXTENSIONS[sourceType] ?? 'txt'}`);
  }

  /** Every symbolic link in the folder is named (never read or followed), unless already reported as the file it stands for. */
  private reportLinks(): void {
    for (const key of this.problems.keys()) if (key.startsWith('link:')) this.problems.delete(key);
    const reported = new Set([...this.problems.values()].map((problem) => problem.file));
    for (const name of readdirSync(this.dir)) {
      if (reported.has(name) || !isSymbolicLink(this.dir, name)) continue;
      this.problems.set(`link:${name}`, {
        file: name,
        line: 0,
        column: 0,
        message:
          'It is a symbolic link, so it is not synced: the sync reads only regular files inside the workspace folder.',
      });
    }
  }

  /** A problem or a copy whose file has since been deleted is no longer anything to fix. */
  private forgetGoneFiles(): void {
    for (const [key, problem] of this.problems) {
      if (!key.startsWith('write:') && key !== REMOVED_FOLDER && entryKind(this.dir, problem.file) === 'missing')
        this.problems.delete(key);
    }
    for (const name of this.copies.keys()) if (entryKind(this.dir, name) === 'missing') this.copies.delete(name);
  }

  /** Temp files of atomic writes cut short by a crash are never a file anyone wants (a folder so named is left alone). */
  private removeTempFiles(): void {
    for (const name of readdirSync(this.dir)) {
      if (ATOMIC_TEMP_FILE.test(name) && entryKind(this.dir, name) !== 'missing') {
        try {
          rmSync(join(this.dir, name), { force: true });
        } catch {
          // Not a file (a folder, say): not ours, and not in the way.
        }
      }
    }
  }

  private async watch(): Promise<void> {
    const root = resolvePath(this.dir);
    this.watcher = chokidar.watch(root, {
      depth: 0,
      ignoreInitial: true,
      // A link is reported as itself (and refused when read), never watched through to its target.
      followSymlinks: false,
      // Only the files the sync reads are watched: sources and digests are the app's own.
      ignored: (path) => resolvePath(path) !== root && !isWatchedName(basename(path)),
      awaitWriteFinish: { stabilityThreshold: 60, pollInterval: 20 },
    });
    const onFile = (path: string) => {
      const name = basename(path);
      if (name === TAGS_FILE) {
        this.debounce(this.fileTimers, name, FILE_SETTLE_MS, () => this.importTags());
        return;
      }
      if (!name.endsWith(SIDECAR_SUFFIX) && !CONFLICT_FILE.test(name)) return;
      if (CONFLICT_FILE.test(name)) {
        this.announce();
        return;
      }
      this.debounce(this.fileTimers, name, FILE_SETTLE_MS, () => {
        if (this.importFile(name) === 'merged') this.lastSyncAt = new Date().toISOString();
      });
    };
    this.watcher.on('add', onFile);
    this.watcher.on('change', onFile);
    this.watcher.on('unlink', () => {
      this.forgetGoneFiles();
      this.announce();
    });
    await new Promise<void>((resolve) => this.watcher!.once('ready', () => resolve()));
  }

  /** Runs `run` once `key` has been quiet for `delay`; a failure is shown as a problem of `key`. */
  private debounce(
    timers: Map<string, ReturnType<typeof setTimeout>>,
    key: string,
    delay: number,
    run: () => void,
  ): void {
    const existing = timers.get(key);
    if (existing) clearTimeout(existing);
    timers.set(
      key,
      setTimeout(() => {
        timers.delete(key);
        try {
          run();
        } catch (error) {
          this.problems.set(key, { file: key, line: 0, column: 0, message: (error as Error).message });
        }
        this.announce();
      }, delay),
    );
  }

  scheduleWrite(documentId: string): void {
    this.debounce(this.timers, documentId, WRITE_DELAY_MS, () => {
      this.writeReporting(documentId);
      this.lastSyncAt = new Date().toISOString();
    });
  }

  /** Writes every pending change now. */
  async flush(): Promise<void> {
    const pending = [...this.timers.keys()];
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    for (const documentId of pending) this.writeReporting(documentId);
  }

  /** Writes one document's files; a failure is reported as that document's problem while the others keep syncing. */
  private writeReporting(documentId: string): void {
    const key = `write:${documentId}`;
    try {
      this.writeDocument(documentId);
      this.problems.delete(key);
    } catch (error) {
      const known = this.state.byDocument(documentId);
      const file = known ? this.sidecarName(known.slug) : documentId;
      this.problems.set(key, { file, line: 0, column: 0, message: messageOf(error) });
    }
  }

  // ---- files -> app -------------------------------------------------------------------

  private sidecarName(slug: string): string {
    return `${slug}${SIDECAR_SUFFIX}`;
  }

  private refuse(name: string, fault: FileFault): 'refused' {
    this.problems.set(name, { file: name, ...fault });
    return 'refused';
  }

  /**
   * Reads one sidecar and merges it; a bad file is reported and not applied. Its reading and
   * merging are one savepoint: whatever fails in them is undone and reported against this
   * file alone, so every other file keeps syncing.
   */
  importFile(name: string): ImportOutcome {
    try {
      return this.importTransaction(name);
    } catch (error) {
      return this.refuse(name, { line: 0, column: 0, message: messageOf(error) });
    }
  }

  private readAndMerge(name: string): ImportOutcome {
    const slug = name.slice(0, -SIDECAR_SUFFIX.length);
    const known = this.state.bySlug(slug);
    // A link or anything but a regular file has no stamp, so it is never trusted unread.
    const current = stampOf(this.dir, name);
    if (current && known && !this.foreignBase && !this.problems.has(name) && stampStillTrusted(known, current))
      return 'unchanged';
    const read = readWorkspaceFile(this.dir, name, JSON_FILE_LIMIT);
    if (!read.ok) return read.missing ? 'missing' : this.refuse(name, { line: 0, column: 0, message: read.message });
    this.counters.reads++;
    const hash = sha256Hex(read.bytes);
    if (known && known.sidecar_sha256 === hash && !this.problems.has(name)) {
      this.state.restamp(known.document_id, read.stamp);
      return 'unchanged';
    }
    const parsed = parseSidecarFile(read.bytes);
    if (!parsed.ok) return this.refuse(name, parsed.fault);
    const sidecar = parsed.value;
    const document = sidecar.marginalia.document;
    if (known && known.document_id !== document.id)
      return this.refuse(name, {
        line: 0,
        column: 0,
        message: `This file names document ${document.id}, but ${name} belongs to ${known.document_id}.`,
      });
    const original = this.copiedFrom(document.id, slug);
    this.problems.delete(name);
    if (original) {
      // Merged as the document's file, a copy would delete whatever the other file gained since.
      this.copies.set(name, original);
      return 'copy';
    }
    this.copies.delete(name);
    const textDiffers = this.core.documents.exists(document.id) ? this.textDifference(document, known) : undefined;
    if (textDiffers) return this.refuse(name, { line: 0, column: 0, message: textDiffers });
    if (!this.core.documents.exists(document.id)) {
      if (known) {
        // Synced before and gone from the library now: it was removed here, not copied in.
        this.setAsideRemoved();
        return 'missing';
      }
      const created = this.createDocument(document, slug);
      if (created !== true) return this.refuse(name, { line: 0, column: 0, message: created });
    }
    const unchangedList = this.merge(document.id, sidecar, name, 'file');
    // Recorded under this name: a renamed file (its old name gone) becomes the document's file.
    this.state.record(document.id, slug, hash, '', read.stamp);
    this.counters.imports++;
    // The merged state may differ from the file (changes made here meanwhile, conflicts kept here).
    this.writeDocument(document.id, { hash, stamp: read.stamp }, unchangedList);
    return 'merged';
  }

  /**
   * The sidecar that already holds this document, when it is another file that is still
   * there: this one is then a copy (a copied pair, a duplicate), never the document's file.
   */
  private copiedFrom(documentId: string, slug: string): string | undefined {
    const holder = this.state.byDocument(documentId);
    if (!holder || holder.slug === slug) return undefined;
    const holderName = this.sidecarName(holder.slug);
    return entryKind(this.dir, holderName) === 'missing' ? undefined : holderName;
  }

  /** A document the store lacks, from its source file beside the sidecar (a copied-in pair, or a rebuild). */
  private createDocument(document: SidecarDocument, slug: string): true | string {
    const read = readWorkspaceFile(this.dir, document.sourceFile, this.core.maxImportBytes());
    if (!read.ok) {
      if (read.missing)
        return `Its document is not in the library and its source file “${document.sourceFile}” is not in the workspace.`;
      return `Its source file “${document.sourceFile}” is not read: ${read.message}`;
    }
    const edited = this.editedTextFor(document, slug);
    if (typeof edited === 'string') return edited;
    let created: boolean;
    let existing: { id: string; title: string };
    try {
      const prepared = prepareDocument(document.sourceFile, read.bytes, this.core.maxImportBytes());
      const content = edited ? { ...prepared, ...edited, wordCount: countWords(edited.canonicalText) } : prepared;
      if (document.textSha256 !== '' && content.textSha256 !== document.textSha256) {
        return `Its notes were made on a text (version ${shortSha(document.textSha256)}) that neither its source file “${document.sourceFile}” nor ${editedTextName(slug)} holds; the document is not restored, so that nothing is reverted.`;
      }
      ({ created, document: existing } = this.core.documents.insertWithId(document.id, {
        ...content,
        title: document.title || prepared.title,
      }));
    } catch (error) {
      return `Its source file “${document.sourceFile}” cannot be imported: ${messageOf(error)}`;
    }
    if (!created)
      return `Its source file “${document.sourceFile}” is already in the library as “${existing.title}” (${existing.id}), under another id than this file's ${document.id}; the file is not applied.`;
    this.core.events.emit('libraryChanged', { reason: 'imported' });
    return true;
  }

  /**
   * The edited text the workspace carries for a document (`<slug>.text.json`) when it is the
   * text the sidecar names; undefined when there is none (or an older one), the reason when
   * the file is there and cannot be read.
   */
  private editedTextFor(document: SidecarDocument, slug: string): EditedText | undefined | string {
    const read = readEditedText(this.dir, editedTextName(slug), this.editedTextLimit());
    if (!read.ok)
      return read.missing ? undefined : `Its edited text ${editedTextName(slug)} is not read: ${read.message}`;
    return read.text.textSha256 === document.textSha256 ? read.text : undefined;
  }

  /**
   * Why a sidecar is not applied when it names another text of its document than the
   * library's, unless that is the text the library had when it last wrote the file (edited
   * here since). Applied, its notes would be re-anchored and the file rewritten, silently
   * reverting one side; left, the person decides.
   */
  private textDifference(document: SidecarDocument, known: SyncFileRow | undefined): string | undefined {
    const library = this.core.documents.textSha256(document.id);
    if (document.textSha256 === '' || document.textSha256 === library || document.textSha256 === recordedTextSha(known))
      return undefined;
    const title = this.core.documents.summary(document.id).title;
    return `Its notes were made on another text of “${title}” (version ${shortSha(document.textSha256)}) than the library's (version ${shortSha(library)}); the file is not applied and not overwritten. Make the same edit here, or move the file away to write the library's version.`;
  }

  /**
   * Merges a sidecar into the store. Returns the document's annotations as listed before
   * merging when the merge changed none of them (the common case of a first scan), so
   * writing the file back need not list them again. A `copy` (a sync tool's conflict copy,
   * or a second file naming the document) is another version, not the file the base
   * describes: what it lacks is not deleted, and where it is older than the library and
   * differs, the choice is left to the person as a conflict.
   */
  private merge(documentId: string, sidecar: Sidecar, file: string, kind: 'file' | 'copy'): Annotation[] | undefined {
    const annotations = this.core.annotations;
    let listed: Annotation[] | undefined;
    const store = annotations.store;
    const text = this.core.documents.canonicalText(documentId);
    const textSha256 = this.core.documents.textSha256(documentId);
    const touched = new Set<string>();
    this.importing = true;
    try {
      this.core.db
        .transaction(() => {
          const base = this.foreignBase ? new Map<string, MergeFields>() : this.state.base(documentId);
          // Against a base most annotations are unchanged in the file and need no row from
          // the store, so rows are read one by one when needed; a file merged for the first
          // time compares every annotation, and all are listed at once.
          const localIds = store.idsOfDocument(documentId);
          listed = base.size === 0 ? annotations.list(documentId) : undefined;
          const listedById = listed ? new Map(listed.map((annotation) => [annotation.id, annotation])) : undefined;
          const localOf = (id: string): Annotation => listedById?.get(id) ?? annotations.get(id);
          const theirs = new Map(
            sidecar.items.filter((item) => !isReply(item)).map((item) => [idFromUrn(item.id), item]),
          );
          const ids = new Set([...base.keys(), ...localIds, ...theirs.keys()]);
          for (const id of ids) {
            const b = base.get(id);
            const t = theirs.get(id);
            const hasLocal = localIds.has(id);
            if (t && !hasLocal) {
              if (b || store.tombstone(id)) continue; // deleted here since the last sync
              const elsewhere = store.row(id);
              // Thrown, so the savepoint undoes this file and reports it alone.
              if (elsewhere)
                throw new Error(
                  `Annotation ${id} in this file already belongs to another document (${elsewhere.document_id}); the file is not applied.`,
                );
              this.writeRow(documentId, text, textSha256, t, undefined, ['color', 'note', 'tags', 'target']);
              touched.add(id);
            } else if (!t && hasLocal && b && kind === 'file') {
              const unchangedHere = sameMergeFields(mergeFieldsOf(toWebAnnotation(localOf(id))), b);
              if (unchangedHere) {
                store.deleteAnnotation(id, annotations.now());
                touched.add(id);
              }
            } else if (t && hasLocal) {
              const theirsFields = mergeFieldsOf(t);
              // Unchanged in the file since the last sync: whatever the app has now stays.
              if (b && sameMergeFields(theirsFields, b)) continue;
              const l = localOf(id);
              const localWeb = toWebAnnotation(l);
              if (kind === 'copy' && t.modified < localWeb.modified) {
                if (!sameMergeFields(theirsFields, mergeFieldsOf(localWeb)))
                  this.state.addConflict(documentId, id, t, file);
                continue;
              }
              if (!b) {
                const decision = decideIncoming(
                  {
                    updatedAt: localWeb.modified,
                    authorId: l.author.id,
                    content: JSON.stringify(mergeFieldsOf(localWeb)),
                  },
                  { updatedAt: t.modified, authorId: idFromUrn(t.creator.id), content: JSON.stringify(theirsFields) },
                  undefined,
                );
                if (decision === 'update') {
                  this.writeRow(documentId, text, textSha256, t, l, ['color', 'note', 'tags', 'target']);
                  touched.add(id);
                }
                continue;
              }
              const outcome = threeWay(b, mergeFieldsOf(localWeb), theirsFields);
              if (outcome.kind === 'take-local') continue;
              if (outcome.fields.length > 0) {
                this.writeRow(documentId, text, textSha256, t, l, outcome.fields);
                touched.add(id);
              }
              if (outcome.kind === 'conflict') this.state.addConflict(documentId, id, t, file);
            }
          }
          for (const tombstone of sidecar.marginalia.tombstones) {
            const row = store.row(tombstone.id);
            if (row && row.author_id === tombstone.authorId) {
              store.deleteAnnotation(row.id, tombstone.deletedAt);
              touched.add(row.id);
            } else if (!row) {
              store.addTombstone({
                id: tombstone.id,
                document_id: documentId,
                author_id: tombstone.authorId,
                deleted_at: tombstone.deletedAt,
              });
            }
          }
          // Replies: last writer wins, as in bundles.
          for (const item of sidecar.items.filter(isReply)) {
            const row = replyRowFrom(item, documentId);
            if (!store.row(row.annotation_id) || store.tombstone(row.id)) continue;
            const existing = annotations.replies.row(row.id);
            if (existing && existing.updated_at >= row.updated_at) continue;
            if (existing) annotations.replies.update(row);
            else annotations.replies.insert(row);
          }
          store.reindex(touched);
          for (const item of sidecar.items) annotations.observe(item.modified);
        })
        .immediate();
    } finally {
      this.importing = false;
    }
    annotations.history.clear();
    this.core.events.emit('annotationsChanged', { documentId, annotationIds: [] });
    this.core.events.emit('repliesChanged', { documentId });
    return touched.size === 0 ? listed : undefined;
  }

  /** Writes the file's version of the chosen fields over the row (or a new row). */
  private writeRow(
    documentId: string,
    text: string,
    textSha256: string,
    theirs: WebAnnotation,
    local: Annotation | undefined,
    fields: readonly (keyof MergeFields)[],
  ): void {
    const store = this.core.annotations.store;
    const read = readWebAnnotation(theirs);
    const current = local ? store.row(local.id) : undefined;
    const row: AnnotationRow = current
      ? { ...current }
      : {
          id: read.id,
          document_id: documentId,
          kind: read.kind,
          start_offset: -1,
          end_offset: -1,
          exact: '',
          prefix: '',
          suffix: '',
          text_sha256: textSha256,
          anchor_status: 'exact',
          anchor_score: 1,
          color: read.color,
          note_json: '',
          note_text: '',
          note_markdown: '',
          author_id: read.author.id,
          author_name: read.author.name,
          created_at: read.createdAt,
          updated_at: read.updatedAt,
        };
    if (fields.includes('color')) row.color = read.color;
    if (fields.includes('note')) {
      const note = read.markdown.trim() === '' ? EMPTY_NOTE : noteFromMarkdown(read.markdown, { keepMarkdown: true });
      Object.assign(row, { note_json: note.lexicalJson, note_text: note.text, note_markdown: read.markdown });
    }
    if (fields.includes('target') && read.kind !== 'document' && read.quote && read.position) {
      const sameText =
        read.textSha256 === textSha256 &&
        read.position.end <= text.length &&
        text.slice(read.position.start, read.position.end) === read.quote.exact;
      const anchored = sameText
        ? { status: 'exact' as const, start: read.position.start, end: read.position.end, score: 1 }
        : anchor(text, read.quote, read.position);
      if (anchored.status === 'orphan') {
        Object.assign(row, {
          start_offset: read.position.start,
          end_offset: read.position.end,
          exact: read.quote.exact,
          prefix: read.quote.prefix,
          suffix: read.quote.suffix,
          anchor_status: 'orphan',
          anchor_score: 0,
        });
      } else {
        const quote = quoteSelectorFor(text, anchored.start, anchored.end);
        Object.assign(row, {
          start_offset: anchored.start,
          end_offset: anchored.end,
          exact: quote.exact,
          prefix: quote.prefix,
          suffix: quote.suffix,
          anchor_status: anchored.status,
          anchor_score: anchored.score,
        });
      }
      row.text_sha256 = textSha256;
    }
    row.updated_at = read.updatedAt > row.updated_at ? read.updatedAt : row.updated_at;
    if (current) store.updateRow(row);
    else store.insertRow(row);
    if (fields.includes('tags')) {
      store.setTags(row.id, this.core.annotations.importTagIds(read.tags));
    }
  }

  /** Reads tags.json and takes its colors and descriptions; a bad one is reported and left as it is. */
  private importTags(): void {
    const name = TAGS_FILE;
    const read = readWorkspaceFile(this.dir, name, JSON_FILE_LIMIT);
    if (!read.ok) {
      if (read.missing) this.problems.delete(name);
      else this.refuse(name, { line: 0, column: 0, message: read.message });
      return;
    }
    const parsed = parseTagsFile(read.bytes);
    if (!parsed.ok) {
      this.refuse(name, parsed.fault);
      return;
    }
    this.problems.delete(name);
    try {
      if (this.applyTags(parsed.value.tags)) this.core.events.emit('tagsChanged', {});
    } catch (error) {
      this.refuse(name, { line: 0, column: 0, message: messageOf(error) });
    }
  }

  private applyTags(tags: ReadonlyArray<{ path: string; color: string; description: string }>): boolean {
    const store = this.core.annotations.store;
    let changed = false;
    this.core.db
      .transaction(() => {
        for (const tag of tags) {
          const normalized = normalizeTagPath(tag.path);
          if (!normalized.ok) continue;
          const existing = store.tagByPath(normalized.path);
          if (existing && existing.color === tag.color && existing.description === tag.description) continue;
          const now = this.core.annotations.now();
          store.upsertTag({
            id: existing?.id ?? randomUUID(),
            path: normalized.path,
            color: tag.color,
            description: tag.description,
            created_at: existing?.created_at ?? now,
            updated_at: now,
          });
          changed = true;
        }
      })
      .immediate();
    return changed;
  }

  /**
   * A document removed from the library takes its files out of the workspace, into
   * `.removed/` beside them (kept, never deleted, and not scanned), so it is not restored.
   * A `.removed` that is not a folder of its own (a link, say) is reported and nothing is
   * moved, so no file ever leaves the workspace.
   */
  setAsideRemoved(): void {
    const removed = this.state.removedDocuments();
    if (removed.length === 0) return;
    const folder = join(this.dir, REMOVED_FOLDER);
    try {
      if (entryKind(this.dir, REMOVED_FOLDER) === 'missing') mkdirSync(folder);
      if (!isRealFolder(this.dir, REMOVED_FOLDER)) {
        this.problems.set(REMOVED_FOLDER, {
          file: REMOVED_FOLDER,
          line: 0,
          column: 0,
          message: `${REMOVED_FOLDER} is not a folder inside the workspace (a link or a file), so removed documents' files are not moved into it.`,
        });
        return;
      }
      this.problems.delete(REMOVED_FOLDER);
      for (const row of removed) this.moveAside(row, folder);
    } catch (error) {
      this.problems.set(REMOVED_FOLDER, {
        file: REMOVED_FOLDER,
        line: 0,
        column: 0,
        message: `Removed documents' files could not be set aside: ${messageOf(error)}`,
      });
    }
  }

  private moveAside(row: SyncFileRow, folder: string): void {
    for (const name of readdirSync(this.dir)) {
      if (
        name === this.sidecarName(row.slug) ||
        name === `${row.slug}${DIGEST_SUFFIX}` ||
        name.startsWith(`${row.slug}.`)
      ) {
        let target = name;
        for (let counter = 2; entryKind(folder, target) !== 'missing'; counter++) target = `${name}.${counter}`;
        renameSync(join(this.dir, name), join(folder, target));
      }
    }
    this.core.db.transaction(() => this.state.forget(row.document_id)).immediate();
  }

  // ---- app -> files -------------------------------------------------------------------

  private slugOf(documentId: string, title: string): string {
    const known = this.state.byDocument(documentId);
    if (known) return known.slug;
    // Asked per candidate (an indexed lookup and one stat), not by listing every slug and
    // the folder: writing a workspace for a large library did both once per document.
    return slugFor(title, {
      has: (slug) => this.state.bySlug(slug) !== undefined || entryKind(this.dir, this.sidecarName(slug)) !== 'missing',
    });
  }

  /**
   * Brings a document's files up to date with the store (merging a changed file first).
   * The sidecar is read once per call: `justRead` is its hash and stamp as the caller (the
   * same synchronous import) read it a moment ago; `listed`, the document's annotations if
   * the caller has just listed them.
   */
  writeDocument(documentId: string, justRead?: { hash: string; stamp: FileStamp }, listed?: Annotation[]): void {
    if (!this.core.documents.exists(documentId)) return;
    const summary = this.core.documents.summary(documentId);
    const slug = this.slugOf(documentId, summary.title);
    const name = this.sidecarName(slug);
    if (this.problems.has(name)) return; // never overwrite a file the person still has to fix
    const path = join(this.dir, name);
    const known = this.state.byDocument(documentId);
    const fingerprint = this.state.storeFingerprint(documentId);
    let onDisk = justRead;
    if (!onDisk) {
      // Read now, not earlier: another program may have saved it a moment ago.
      const read = readWorkspaceFile(this.dir, name, JSON_FILE_LIMIT);
      if (!read.ok && !read.missing) {
        this.refuse(name, { line: 0, column: 0, message: read.message }); // a link or a FIFO is reported, never replaced
        return;
      }
      onDisk = read.ok ? { stamp: read.stamp, hash: sha256Hex(read.bytes) } : undefined;
      if (onDisk && known && onDisk.hash !== known.sidecar_sha256) {
        if (this.importFile(name) !== 'unchanged') return; // importFile wrote the merged result (or reported the file)
      } else if (onDisk && known && known.store_fingerprint === fingerprint) {
        return; // neither the store nor the file changed since the last write
      }
    }
    const sourceFile = `${slug}.${SOURCE_EXTENSIONS[summary.sourceType] ?? 'txt'}`;
    this.writeSource(documentId, sourceFile);
    const textSha256 = this.core.documents.textSha256(documentId);
    // Before the sidecar, which names the text its notes were made on.
    // Only a text replaced since its import (Edit text, a bundle applied to it) or one that came in a bundle (the sender's edit) can differ from its source.
    const mayDiffer = summary.textUpdatedAt !== summary.importedAt || summary.originName !== '';
    if (mayDiffer && recordedTextSha(known) !== textSha256)
      this.writeEditedText(documentId, slug, sourceFile, textSha256);
    const annotations = listed ?? this.core.annotations.list(documentId);
    const replies = this.core.annotations.listReplies(documentId);
    const document: SidecarDocument = { id: documentId, title: summary.title, sourceFile, textSha256 };
    const tombstones = this.core.annotations.store
      .tombstonesOf(documentId)
      .map((row) => ({ id: row.id, authorId: row.author_id, deletedAt: row.deleted_at }));
    const sidecar = buildSidecar(document, annotations, replies, tombstones);
    const text = serializeSidecar(sidecar);
    const hash = sha256Hex(text);
    let stamp = onDisk?.stamp;
    if (onDisk?.hash !== hash) {
      writeFileAtomic(path, text);
      this.counters.writes++;
      stamp = stampOf(this.dir, name);
    }
    // The library changed (from the app, the sidecar or anywhere else) or the sidecar did: the digest follows.
    if (onDisk?.hash !== hash || known?.store_fingerprint !== fingerprint)
      this.writeDigest(documentId, slug, document, annotations, replies);
    this.core.db
      .transaction(() => {
        this.state.record(documentId, slug, hash, fingerprint, stamp);
        this.state.setBase(documentId, sidecar.items);
      })
      .immediate();
  }

  /** Writes the source file when it is missing; a file there is left as it is, and a link, FIFO or folder is reported, never replaced. */
  private writeSource(documentId: string, sourceFile: string): void {
    const kind = entryKind(this.dir, sourceFile);
    if (kind === 'missing') {
      writeFileAtomic(join(this.dir, sourceFile), this.core.documents.sourceBytes(documentId));
      this.counters.writes++;
    }
    if (kind === 'missing' || kind === 'file') this.problems.delete(`source:${documentId}`);
    else this.problems.set(`source:${documentId}`, { file: sourceFile, line: 0, column: 0, message: kind.message });
  }

  /** The digest is the app's own file, but a link or a folder at its name is reported, not replaced. */
  private writeDigest(
    documentId: string,
    slug: string,
    document: SidecarDocument,
    annotations: readonly Annotation[],
    replies: readonly Reply[],
  ): void {
    this.writeOwnFile(`digest:${documentId}`, `${slug}${DIGEST_SUFFIX}`, notesDigest(document, annotations, replies));
  }

  /**
   * Writes `<slug>.text.json` when the document's text is not what its source file imports
   * to (an edit in the app), so the files alone restore it. Asked only when the text changed
   * since the files were last written, and only of a document whose text was ever replaced.
   */
  private writeEditedText(documentId: string, slug: string, sourceFile: string, textSha256: string): void {
    let imported: string | undefined;
    try {
      imported = prepareDocument(
        sourceFile,
        this.core.documents.sourceBytes(documentId),
        Number.MAX_SAFE_INTEGER,
      ).textSha256;
    } catch {
      imported = undefined; // a source that no longer imports: the edited text is all there is
    }
    if (imported === textSha256) return;
    this.writeOwnFile(
      `text:${documentId}`,
      editedTextName(slug),
      serializeEditedText(this.core.documents.detail(documentId).lexicalJson),
      this.editedTextLimit(),
    );
  }

  /** The most a `<slug>.text.json` may hold: what one document may take in a note bundle. */
  private editedTextLimit(): number {
    return sizeLimits(this.core.maxImportBytes()).documentEntryBytes;
  }

  /** Writes one of the app's own files when its content differs; a link or a folder at its name is reported, not replaced. */
  private writeOwnFile(problemKey: string, name: string, content: string, maxBytes = JSON_FILE_LIMIT): void {
    const read = readWorkspaceFile(this.dir, name, maxBytes);
    if (!read.ok && !read.missing) {
      this.problems.set(problemKey, { file: name, line: 0, column: 0, message: read.message });
      return;
    }
    this.problems.delete(problemKey);
    if (read.ok && decodeUtf8(read.bytes) === content) return;
    writeFileAtomic(join(this.dir, name), content);
    this.counters.writes++;
  }

  /** Writes tags.json when it differs from the library's tags; never over a file still to be fixed, a link or a folder. */
  writeTags(): void {
    if (this.problems.has(TAGS_FILE)) return;
    const tags = this.core.annotations
      .listTags()
      .map((tag) => ({ path: tag.path, color: tag.color, description: tag.description }));
    const text = `${JSON.stringify({ tags }, null, 2)}\n`;
    const read = readWorkspaceFile(this.dir, TAGS_FILE, JSON_FILE_LIMIT);
    if (!read.ok && !read.missing) {
      this.refuse(TAGS_FILE, { line: 0, column: 0, message: read.message });
      return;
    }
    if (read.ok && decodeUtf8(read.bytes) === text) return;
    try {
      writeFileAtomic(join(this.dir, TAGS_FILE), text);
      this.counters.writes++;
    } catch (error) {
      this.problems.set(`write:${TAGS_FILE}`, { file: TAGS_FILE, line: 0, column: 0, message: messageOf(error) });
      return;
    }
    this.problems.delete(`write:${TAGS_FILE}`);
  }

  // ---- conflicts and checks -------------------------------------------------------------

  /** Keeps the app's version, takes the file's, or keeps both (the file's as a new annotation). */
  resolveConflict(id: string, choice: 'mine' | 'theirs' | 'both'): void {
    const conflict = this.state.conflicts().find((candidate) => candidate.id === id);
    if (!conflict) return;
    const theirs = JSON.parse(conflict.theirs_json) as WebAnnotation;
    const text = this.core.documents.canonicalText(conflict.document_id);
    const textSha256 = this.core.documents.textSha256(conflict.document_id);
    this.core.db
      .transaction(() => {
        if (choice === 'theirs') {
          const local = this.core.annotations.store.annotation(conflict.annotation_id);
          this.writeRow(
            conflict.document_id,
            text,
            textSha256,
            { ...theirs, modified: this.core.annotations.now() },
            local,
            ['color', 'note', 'tags', 'target'],
          );
          this.core.annotations.store.reindex([conflict.annotation_id]);
        } else if (choice === 'both') {
          const copy = { ...theirs, id: `urn:uuid:${randomUUID()}`, modified: this.core.annotations.now() };
          this.writeRow(conflict.document_id, text, textSha256, copy, undefined, ['color', 'note', 'tags', 'target']);
          this.core.annotations.store.reindex([idFromUrn(copy.id)]);
        }
        this.state.removeConflict(id);
      })
      .immediate();
    this.core.events.emit('annotationsChanged', { documentId: conflict.document_id, annotationIds: [] });
    this.writeDocument(conflict.document_id);
    this.announce();
  }

  /** Merges a sync tool's conflict copy into its document, then sets the copy aside as `.merged`. */
  mergeConflictFile(name: string): 'merged' | 'refused' {
    if (!isPlainName(name) || !(CONFLICT_FILE.test(name) || name.endsWith(SIDECAR_SUFFIX))) return 'refused';
    const read = readWorkspaceFile(this.dir, name, JSON_FILE_LIMIT);
    const parsed = read.ok ? parseSidecarFile(read.bytes) : undefined;
    if (!parsed?.ok) return 'refused';
    const documentId = parsed.value.marginalia.document.id;
    if (!this.core.documents.exists(documentId)) return 'refused';
    // A sidecar is merged this way only while another file holds its document (a copy).
    if (!CONFLICT_FILE.test(name) && this.copiedFrom(documentId, name.slice(0, -SIDECAR_SUFFIX.length)) === undefined)
      return 'refused';
    this.merge(documentId, parsed.value, name, 'copy');
    this.state.invalidateFingerprint(documentId);
    const path = join(this.dir, name);
    renameSync(path, `${path}.merged`);
    this.copies.delete(name);
    this.writeReporting(documentId);
    this.announce();
    return 'merged';
  }

  /** Every difference between the store and the files, read afresh; empty when they agree. */
  verify(): string[] {
    const differences = [...this.problems.values()].map(
      (problem) => `${problem.file}:${problem.line}:${problem.column}: ${problem.message}`,
    );
    differences.push(
      ...workspaceDifferences({
        dir: this.dir,
        maxJsonBytes: JSON_FILE_LIMIT,
        documents: this.core.documents.list(),
        textSha256Of: (documentId) => this.core.documents.textSha256(documentId),
        recordedName: (documentId) => {
          const known = this.state.byDocument(documentId);
          return known ? this.sidecarName(known.slug) : undefined;
        },
        annotationsOf: (documentId) =>
          new Map(
            this.core.annotations
              .list(documentId)
              .map((annotation) => [annotation.id, mergeFieldsOf(toWebAnnotation(annotation))]),
          ),
      }),
    );
    for (const conflict of this.state.conflicts())
      differences.push(`${conflict.file}: annotation ${conflict.annotation_id} has an unresolved conflict.`);
    return [...new Set(differences)];
  }
}
