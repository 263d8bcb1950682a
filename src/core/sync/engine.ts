// Two-way sync between the store and a workspace folder of plain files: the engine that runs
// the stages. App changes reach the files within a second (workspace-writer.ts, debounced
// per document); changes made to the files by other programs come back through the watcher
// (watcher.ts) and at start, read and merged per annotation against the last synced base
// (file-import.ts, merge-plan.ts, apply-plan.ts); what a merge leaves to the person is
// settled in conflicts.ts. A file that cannot be read is reported with its line and column
// and left alone, and every other file keeps syncing.
import type { FSWatcher } from 'chokidar';
import { existsSync, readdirSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import { EVIDENCE_FILE } from '../../shared/bundle-evidence';
import { SIDECAR_SUFFIX, TAGS_FILE, mergeFieldsOf } from '../../shared/sidecar';
import type { SyncStatus } from '../../shared/sync';
import { toWebAnnotation } from '../../shared/web-annotation';
import { ensureDirectory } from '../files/directories';
import type { ConflictChoice } from './conflicts';
import { mergeCopy, resolveConflict } from './conflicts';
import type { SyncDependencies } from './dependencies';
import { EvidenceFileSync } from './evidence-file';
import { FileImporter } from './file-import';
import { KeyedDebouncer } from './keyed-debouncer';
import type { ImportOutcome } from './session';
import { JSON_FILE_LIMIT, SyncSession, messageOf, sidecarName } from './session';
import { workspaceDifferences } from './verify';
import { watchWorkspace } from './watcher';
import { CONFLICT_FILE, entryKind, isSymbolicLink } from './workspace-files';
import type { FileStamp } from './workspace-files';
import { REMOVED_FOLDER, WorkspaceWriter } from './workspace-writer';

export type { ImportOutcome } from './session';

export const WRITE_DELAY_MS = 150;
const SCAN_BATCH = 50;
const FILE_SETTLE_MS = 120;
/** Keys of the debouncer: a document's pending write, and a changed file settling before it is read. */
const WRITE_KEY = 'write:';
const FILE_KEY = 'file:';
const EVIDENCE_WRITE_KEY = 'evidence';

export interface SyncOptions {
  watch: boolean;
}

export class SyncEngine {
  private readonly session: SyncSession;
  private readonly importer: FileImporter;
  private readonly writer: WorkspaceWriter;
  private readonly evidenceFile: EvidenceFileSync;
  private readonly debouncer = new KeyedDebouncer((key, failure) => {
    const subject = key.slice(key.indexOf(':') + 1);
    if (failure)
      this.session.problems.set(subject, { file: subject, line: 0, column: 0, message: messageOf(failure.error) });
    this.announce();
  });
  private watcher: FSWatcher | undefined;
  private watching: Promise<void> = Promise.resolve();
  /** The restoring of documents from binary sources in progress; they run one after another. */
  private pendingRun: Promise<void> = Promise.resolve();
  /** Set by close and stop: a scan still running gives up at its next batch. */
  private stopped = false;
  private unsubscribe: (() => void) | undefined;
  private busy = 0;
  private progress: { done: number; total: number } | null = null;
  /** The folder as listed when the running scan began; status reads it instead of listing again. */
  private scanListing: string[] | undefined;
  private lastSyncAt = '';

  constructor(
    private readonly deps: SyncDependencies,
    readonly dir: string,
  ) {
    this.session = new SyncSession(deps, dir);
    // The import writes a merged document back, and writing merges a file changed meanwhile first: each calls the other.
    this.importer = new FileImporter(this.session, {
      writeDocument: (...args) => this.writer.writeDocument(...args),
      setAsideRemoved: () => this.writer.setAsideRemoved(),
      writeTags: () => this.writer.writeTags(),
    });
    this.writer = new WorkspaceWriter(this.session, (name) => this.importer.importFile(name));
    this.evidenceFile = new EvidenceFileSync(this.session);
  }

  /** How many sidecar files were read, read and merged, and written: tests count them. */
  get counters(): { reads: number; imports: number; writes: number } {
    return this.session.counters;
  }

  async start(options: SyncOptions): Promise<void> {
    ensureDirectory(this.dir, 'the workspace folder');
    // The watcher is set up beside the scan, and start returns once the scan is done: the
    // store then matches the files. A file changed before the watcher is ready is caught by
    // a second scan when it is (cheap: only files whose size or time moved are read).
    const watching = options.watch ? this.watch() : undefined;
    const folder = resolvePath(this.dir);
    const recorded = this.session.state.recordsFolder();
    this.session.foreignBase = recorded !== '' && recorded !== folder;
    await this.scan();
    if (!this.stopped) {
      this.session.state.setRecordsFolder(folder);
      this.session.foreignBase = false;
    }
    this.unsubscribe = this.deps.events.subscribe((envelope, { source }) => {
      // What the sync wrote itself is in the files already (or is written by the merge that wrote it).
      if (source === 'sync') return;
      if (envelope.event === 'annotationsChanged' || envelope.event === 'repliesChanged')
        this.scheduleWrite(envelope.payload.documentId);
      else if (envelope.event === 'tagsChanged') this.writer.writeTags();
      // Debounced like a document's writes: the whole file is rewritten, and a matrix is rated cell after cell.
      else if (envelope.event === 'evidenceChanged') {
        this.debouncer.schedule(EVIDENCE_WRITE_KEY, WRITE_DELAY_MS, () => this.evidenceFile.writeEvidence());
        // Grades and links live in the sidecars of their documents.
        const { kinds, documentIds } = envelope.payload;
        if (kinds.includes('grades') || kinds.includes('links'))
          for (const documentId of documentIds) this.scheduleWrite(documentId);
      } else if (envelope.event === 'libraryChanged') {
        this.writer.setAsideRemoved();
        for (const document of this.deps.documents.list())
          if (!this.session.state.byDocument(document.id)) this.scheduleWrite(document.id);
      }
    });
    if (watching) {
      this.watching = watching
        .then(() => (this.stopped ? undefined : this.scan()))
        .catch((error: unknown) => {
          if (this.stopped) return;
          this.session.problems.set(this.dir, {
            file: this.dir,
            line: 0,
            column: 0,
            message: `The workspace could not be scanned: ${messageOf(error)}`,
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
    this.writePending();
    this.debouncer.take(FILE_KEY);
    void this.watcher?.close();
    this.watcher = undefined;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    await this.watching;
    await this.pendingRun;
    await this.flush();
    this.debouncer.take(FILE_KEY);
    await this.watcher?.close();
    this.watcher = undefined;
  }

  status(): SyncStatus {
    const { problems, copies, state } = this.session;
    const listed = this.scanListing ?? (existsSync(this.dir) ? readdirSync(this.dir) : []);
    const toolCopies = listed.filter((name) => CONFLICT_FILE.test(name));
    // A copy deleted or merged since it was found is no longer offered.
    const conflictFiles = [
      ...toolCopies,
      ...[...copies.keys()].filter((name) => entryKind(this.dir, name) === 'file').sort(),
    ];
    return {
      workspace: this.dir,
      state: this.busy > 0 ? 'syncing' : problems.size > 0 ? 'error' : 'synced',
      lastSyncAt: this.lastSyncAt,
      problems: [...problems.values()],
      conflicts: state.conflicts().map((conflict) => ({
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
    return this.session.copies;
  }

  private announce(): void {
    this.deps.events.emit('syncStatus', this.status());
  }

  /** Reads every sidecar that changed since it was last synced, then writes what the files lack. */
  async scan(): Promise<void> {
    this.busy++;
    try {
      this.forgetGoneFiles();
      this.writer.setAsideRemoved();
      this.writer.removeTempFiles();
      // Sorted, so that of two files naming one document the same one is taken first every time.
      // Listed once: progress is announced every batch, and listing a folder of many
      // thousand files for each announcement made a scan grow with the square of the files.
      this.scanListing = readdirSync(this.dir);
      const sidecars = this.scanListing
        .filter((name) => name.endsWith(SIDECAR_SUFFIX) && !CONFLICT_FILE.test(name))
        .sort();
      const progress = { done: 0, total: sidecars.length + this.deps.documents.list().length };
      this.progress = progress;
      this.announce();
      this.importer.deferDangling = true;
      let upToDate: Set<string> | undefined;
      try {
        upToDate = await this.importBatches(sidecars, progress);
        if (upToDate === undefined) return;
        await this.importPending();
      } finally {
        this.importer.deferDangling = false;
      }
      if (this.stopped) return;
      if (entryKind(this.dir, TAGS_FILE) !== 'missing') this.importer.importTags();
      // After every sidecar, so the passages the evidence points at are here.
      if (entryKind(this.dir, EVIDENCE_FILE) !== 'missing')
        for (const documentId of this.evidenceFile.importEvidence()) upToDate.delete(documentId);
      this.retryDangling();
      for (const document of this.deps.documents.list()) {
        if (!upToDate.has(document.id)) this.writer.writeReporting(document.id);
        else this.writer.checkSource(document.id, document.sourceType); // replaced by a link while nothing else changed
        progress.done++;
      }
      this.writer.writeTags();
      this.evidenceFile.writeEvidence();
      this.reportLinks();
      this.lastSyncAt = new Date().toISOString();
    } finally {
      this.busy--;
      this.progress = null;
      this.scanListing = undefined;
      this.announce();
    }
  }

  /**
   * Merges again the sidecars whose grades or links pointed at what was not here when they
   * were read (an annotation in a sidecar read after them, a source or scheme in
   * evidence.jsonld), and writes them back: what still points at nothing is left out.
   */
  private retryDangling(): void {
    const names = [...this.importer.retry];
    this.importer.retry.clear();
    if (names.length === 0) return;
    this.deps.db
      .transaction(() => {
        for (const name of names) this.importer.importFile(name);
      })
      .immediate();
  }

  /**
   * Imports the sidecars in batches of one transaction each: a commit per file is most of
   * the cost of a first scan, and a batch cut short by a crash is read again next time.
   * Returns the documents whose file and store both match the last sync (they need nothing
   * more, and nothing is written, so no other program's save can be overwritten), or
   * undefined when the engine stopped meanwhile.
   */
  private async importBatches(
    sidecars: readonly string[],
    progress: { done: number },
  ): Promise<Set<string> | undefined> {
    const { state } = this.session;
    const upToDate = new Set<string>();
    for (let batch = 0; batch < sidecars.length; batch += SCAN_BATCH) {
      if (this.stopped) return undefined;
      this.deps.db
        .transaction(() => {
          for (const name of sidecars.slice(batch, batch + SCAN_BATCH)) {
            const outcome = this.importer.importFile(name);
            if (outcome === 'unchanged' || outcome === 'merged') {
              const known = state.bySlug(name.slice(0, -SIDECAR_SUFFIX.length));
              if (known && known.store_fingerprint === state.storeFingerprint(known.document_id))
                upToDate.add(known.document_id);
            }
            progress.done++;
          }
        })
        .immediate();
      this.announce();
      await new Promise((resolve) => setImmediate(resolve));
    }
    return upToDate;
  }

  /**
   * Restores the documents whose sidecars wait for a binary source (a PDF, a Word file…):
   * the sources are read first, with no transaction open and the engine free to do other
   * work, then those sidecars are imported again in one transaction. Each import re-reads
   * its files and uses what was read only for the very same bytes, so a file changed
   * meanwhile waits for the next round instead of landing stale. Runs one at a time.
   */
  private importPending(): Promise<void> {
    const run = this.pendingRun.then(async () => {
      const names = await this.importer.preparePending();
      if (names.length === 0 || this.stopped) return;
      try {
        this.deps.db
          .transaction(() => {
            for (const name of names) {
              if (this.importer.importFile(name) === 'merged') this.lastSyncAt = new Date().toISOString();
            }
          })
          .immediate();
      } finally {
        this.importer.forgetPrepared();
      }
      this.announce();
    });
    this.pendingRun = run.catch(() => undefined);
    return run;
  }

  /** The same from the watcher, where nobody awaits it: a failure is reported against the folder. */
  private importPendingReporting(): void {
    this.importPending().catch((error: unknown) => {
      if (this.stopped) return;
      this.session.problems.set(this.dir, {
        file: this.dir,
        line: 0,
        column: 0,
        message: `Documents could not be restored from the workspace: ${messageOf(error)}`,
      });
      this.announce();
    });
  }

  /** Every symbolic link in the folder is named (never read or followed), unless already reported as the file it stands for. */
  private reportLinks(): void {
    const { problems } = this.session;
    for (const key of problems.keys()) if (key.startsWith('link:')) problems.delete(key);
    const reported = new Set([...problems.values()].map((problem) => problem.file));
    for (const name of readdirSync(this.dir)) {
      if (reported.has(name) || !isSymbolicLink(this.dir, name)) continue;
      problems.set(`link:${name}`, {
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
    const { problems, copies } = this.session;
    for (const [key, problem] of problems) {
      if (!key.startsWith('write:') && key !== REMOVED_FOLDER && entryKind(this.dir, problem.file) === 'missing')
        problems.delete(key);
    }
    for (const name of copies.keys()) if (entryKind(this.dir, name) === 'missing') copies.delete(name);
  }

  private async watch(): Promise<void> {
    const settle = (name: string, task: () => void) =>
      this.debouncer.schedule(`${FILE_KEY}${name}`, FILE_SETTLE_MS, task);
    await watchWorkspace(
      this.dir,
      {
        tagsChanged: () => settle(TAGS_FILE, () => this.importer.importTags()),
        evidenceChanged: () =>
          settle(EVIDENCE_FILE, () => {
            for (const documentId of this.evidenceFile.importEvidence()) this.scheduleWrite(documentId);
          }),
        sidecarChanged: (name) =>
          settle(name, () => {
            const outcome = this.importer.importFile(name);
            if (outcome === 'merged') this.lastSyncAt = new Date().toISOString();
            if (outcome === 'pending') this.importPendingReporting();
          }),
        conflictCopySeen: () => this.announce(),
        fileRemoved: () => {
          this.forgetGoneFiles();
          this.announce();
        },
      },
      (watcher) => {
        this.watcher = watcher;
      },
    );
  }

  scheduleWrite(documentId: string): void {
    this.debouncer.schedule(`${WRITE_KEY}${documentId}`, WRITE_DELAY_MS, () => {
      this.writer.writeReporting(documentId);
      this.lastSyncAt = new Date().toISOString();
    });
  }

  /** Writes every pending change now. */
  async flush(): Promise<void> {
    this.writePending();
  }

  private writePending(): void {
    for (const key of this.debouncer.take(WRITE_KEY)) this.writer.writeReporting(key.slice(WRITE_KEY.length));
    if (this.debouncer.take(EVIDENCE_WRITE_KEY).length > 0) this.evidenceFile.writeEvidence();
  }

  /** Reads one sidecar and merges it; a bad file is reported and not applied. */
  importFile(name: string): ImportOutcome {
    return this.importer.importFile(name);
  }

  /** Brings a document's files up to date with the store (merging a changed file first). */
  writeDocument(documentId: string, justRead?: { hash: string; stamp: FileStamp }): void {
    this.writer.writeDocument(documentId, justRead);
  }

  /** Sets the files of documents removed from the library aside in `.removed/`. */
  setAsideRemoved(): void {
    this.writer.setAsideRemoved();
  }

  /** Writes tags.json when it differs from the library's tags. */
  writeTags(): void {
    this.writer.writeTags();
  }

  /** Keeps the app's version, takes the file's, or keeps both (the file's as a new annotation). */
  resolveConflict(id: string, choice: ConflictChoice): void {
    const documentId = resolveConflict(this.session, id, choice);
    if (documentId === undefined) return;
    this.writer.writeDocument(documentId);
    this.announce();
  }

  /** Merges a sync tool's conflict copy (or a second sidecar naming a document) into its document, then sets it aside as `.merged`. */
  mergeConflictFile(name: string): 'merged' | 'refused' {
    const documentId = mergeCopy(this.session, this.importer, name);
    if (documentId === undefined) return 'refused';
    this.writer.writeReporting(documentId);
    this.announce();
    return 'merged';
  }

  /** Every difference between the store and the files, read afresh; empty when they agree. */
  verify(): string[] {
    const differences = [...this.session.problems.values()].map(
      (problem) => `${problem.file}:${problem.line}:${problem.column}: ${problem.message}`,
    );
    const { documents, annotations } = this.deps;
    differences.push(
      ...workspaceDifferences({
        dir: this.dir,
        maxJsonBytes: JSON_FILE_LIMIT,
        documents: documents.list(),
        textSha256Of: (documentId) => documents.textSha256(documentId),
        recordedName: (documentId) => {
          const known = this.session.state.byDocument(documentId);
          return known ? sidecarName(known.slug) : undefined;
        },
        annotationsOf: (documentId) =>
          new Map(
            annotations
              .list(documentId)
              .map((annotation) => [annotation.id, mergeFieldsOf(toWebAnnotation(annotation))]),
          ),
      }),
    );
    for (const conflict of this.session.state.conflicts())
      differences.push(`${conflict.file}: annotation ${conflict.annotation_id} has an unresolved conflict.`);
    return [...new Set(differences)];
  }
}
