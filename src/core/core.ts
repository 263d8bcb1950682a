// The Marginalia core: one object that owns the store and implements the contract.
// Every host (desktop, browser host, CLI) creates one and talks to it through the same
// handlers and events.
import { EvidenceExport, evidenceHandlers, evidenceServicesOf } from './evidence';
import { exportContentsOf } from './export-contents';
import type { Database } from 'better-sqlite3';
import { homedir } from 'node:os';
import { basename, isAbsolute, join } from 'node:path';
import type { ContractHandlers, ReanchorCounts } from '../shared/contract';
import { pdfFileNameForDocuments, resolvePdfExportOptions, type PdfExportOptions } from '../shared/export-options';
import type { PdfExportResult } from '../shared/export-options';
import { UNOPENABLE_LINK_MESSAGE, isOpenableLink } from '../shared/links';
import type { AppInfo, ImportOutcome } from '../shared/model';
import { UserFacingError, type Result } from '../shared/result';
import { AnnotationService } from './annotations';
import { IncomingWriter } from './incoming';
import type { BundleExportRequest, BundlePlan } from '../shared/bundles';
import { sizeLimits } from '../shared/bundle-schemas';
import { buildBundle, bundleFileName, mergeBundle, readBundle } from './bundles';
import { dispatch } from './dispatch';
import { IdentityRepository, KnownKeysRepository } from './identity';
import { SyncEngine } from './sync';
import { SYNC_OFF } from '../shared/sync';
import type { RenderedPdf } from './export';
import { writeFileAtomic } from './files/atomic-write';
import { DocumentRepository } from './documents';
import { documentHandlers } from './document-handlers';
import { ReadingPlaces } from './reading-places';
import { EventBus } from './events';
import { DocumentImporter, ImportJobs, MBOX_SPLITTER, importHandlers, productionReaders } from './import';
import { WarmReaders, defaultReaderWorkerEntry, ocrModelsDirIn, type ImportOptions } from './import';
import { originalPageHandlers } from './pages';
import { databasePathIn } from './paths';
import { ProfileRepository } from './profile';
import { SearchService } from './search';
import { SettingsRepository } from './settings';
import { openDatabase } from './store/database';
import type { CoreOptions } from './core-options';

export type { CoreOptions } from './core-options';

export const EXTERNAL_CHANGE_POLL_MS = 1000;
const FIRST_RUN_KEY = 'first_run_completed';

export class MarginaliaCore {
  readonly db: Database;
  readonly documents: DocumentRepository;
  readonly settings: SettingsRepository;
  readonly profile: ProfileRepository;
  readonly annotations: AnnotationService;
  /** The one path by which annotations from outside (bundles, the workspace, importers) are written. */
  readonly incoming: IncomingWriter;
  readonly searchService: SearchService;
  readonly identity: IdentityRepository;
  readonly knownKeys: KnownKeysRepository;
  readonly events = new EventBus();
  /** A host that stays open (the app, the browser host) calls keepWarm: a reader worker then waits between imports. */
  readonly warmReaders: WarmReaders;
  readonly handlers: ContractHandlers;
  /** What the library says of itself (getAppInfo), including the host serving it. */
  get info(): AppInfo {
    return this.appInfo;
  }
  private appInfo: AppInfo;
  private readonly fontsDir: string | undefined;
  private readonly openExternalLink: ((url: string) => Promise<void>) | undefined;
  private readonly importLimitMegabytes: number | undefined;
  private readonly importer: DocumentImporter;
  private readonly importJobs = new ImportJobs(this.events);
  /** The workspace sync, once a workspace folder is set. */
  sync: SyncEngine | undefined;
  private poller: ReturnType<typeof setInterval> | undefined;
  private lastDataVersion = 0;

  constructor(options: CoreOptions) {
    const databasePath = databasePathIn(options.dataDir);
    this.db = openDatabase(databasePath, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
    this.documents = new DocumentRepository(this.db);
    this.settings = new SettingsRepository(this.db);
    this.profile = new ProfileRepository(this.db, (documentIds) => {
      for (const documentId of documentIds) {
        this.events.emit('annotationsChanged', { documentId, annotationIds: [] });
        this.events.emit('repliesChanged', { documentId });
      }
    });
    this.annotations = new AnnotationService(this.db, this.documents, this.profile, this.events);
    this.incoming = new IncomingWriter({ db: this.db, ...this.annotations.incomingDeps() });
    this.searchService = new SearchService(this.db, this.annotations.store);
    this.identity = new IdentityRepository(this.db, this.profile);
    this.knownKeys = new KnownKeysRepository(this.db);
    this.fontsDir = options.fontsDir;
    this.openExternalLink = options.openExternal;
    this.importLimitMegabytes = options.maxImportMegabytes;
    this.warmReaders = new WarmReaders(options.readerWorkerEntry ?? defaultReaderWorkerEntry(), options.readerStandby);
    this.importer = new DocumentImporter({
      db: this.db,
      documents: this.documents,
      annotations: this.annotations,
      events: this.events,
      maxImportBytes: () => this.maxImportBytes(),
      importLimitHint: options.importLimitHint ?? 'The limit can be raised in Settings.',
      readers: productionReaders(this.warmReaders, options.readerWorkerEntry),
      incoming: this.incoming,
      splitMbox: MBOX_SPLITTER,
      // Two OCR languages need their models in one folder: made in the library's data folder.
      ocr: () => ({ languages: this.settings.read().ocrLanguages, modelsDir: ocrModelsDirIn(options.dataDir) }),
    });
    this.appInfo = {
      version: options.version,
      host: options.host,
      dataDir: options.dataDir,
      databasePath,
      defaultWorkspaceDir: join(homedir(), 'Documents', 'Marginalia'),
    };
    this.handlers = this.createHandlers(options.readerWorkerEntry);
  }

  /**
   * A host that takes over a library opened by another says so: `marginalia serve` opens it as
   * the CLI, then the browser host serves it, and the page asks which host it runs in.
   */
  servedBy(host: AppInfo['host']): void {
    this.appInfo = { ...this.appInfo, host };
  }

  private createHandlers(workerEntry: URL | undefined): ContractHandlers {
    const pageDeps = { documents: this.documents, annotation: (id: string) => this.annotations.get(id) };
    return {
      getAppInfo: () => this.info,
      ...documentHandlers(this.documents, new ReadingPlaces(this.db), this.events),
      ...importHandlers({ importer: this.importer, jobs: this.importJobs, documents: this.documents }),
      ...evidenceHandlers(evidenceServicesOf(this)),
      ...originalPageHandlers({ ...pageDeps, ocrModelsDir: ocrModelsDirIn(this.info.dataDir), workerEntry }),
      getSettings: () => this.settings.read(),
      updateSettings: async (changes) => {
        if (changes.workspaceDir !== undefined && changes.workspaceDir !== '' && !isAbsolute(changes.workspaceDir)) {
          throw new UserFacingError(
            'INVALID_INPUT',
            `The workspace folder must be a full path, like ${join(homedir(), 'Documents', 'Marginalia')}.`,
          );
        }
        const settings = this.settings.update(changes);
        if (changes.workspaceDir !== undefined) await this.applyWorkspaceSetting();
        return settings;
      },
      getProfile: () => this.profile.read(),
      updateProfile: ({ displayName }) => this.profile.rename(displayName),
      listAnnotations: ({ documentId }) => this.annotations.list(documentId),
      listHighlightSpans: ({ documentId }) => this.annotations.highlightSpans(documentId),
      getAnnotations: ({ ids }) => this.annotations.getMany(ids),
      createAnnotation: (input) => this.annotations.create(input),
      updateAnnotation: (input) => this.annotations.update(input),
      deleteAnnotations: ({ ids }) => this.annotations.remove(ids),
      bulkUpdateAnnotations: (input) => this.annotations.bulkUpdate(input),
      reattachAnnotation: ({ id, start, end }) => this.annotations.reattach(id, start, end),
      undo: () => this.annotations.undo(),
      redo: () => this.annotations.redo(),
      listTags: () => this.annotations.listTags(),
      saveTag: (input) => this.annotations.saveTag(input),
      tagUsage: ({ path }) => this.annotations.tagUsage(path),
      renameTag: ({ from, to }) => this.annotations.renameTag(from, to),
      mergeTags: ({ from, into }) => this.annotations.mergeTags(from, into),
      deleteTag: ({ path }) => this.annotations.deleteTag(path),
      search: ({ query, ...options }) => this.searchService.search(query, options),
      updateDocumentText: ({ id, lexicalJson }) => {
        const counts = this.updateDocumentText(id, lexicalJson);
        return { document: this.documents.detail(id), counts };
      },
      getIdentity: () => {
        const { authorId, displayName, fingerprint } = this.identity.identity();
        return { authorId, displayName, fingerprint };
      },
      exportBundle: (request) => {
        const built = this.exportBundle(request);
        return {
          fileName: built.fileName,
          dataBase64: Buffer.from(built.bytes).toString('base64'),
          counts: built.counts,
        };
      },
      previewBundle: ({ dataBase64, allowUnsigned, copies }) =>
        this.importBundle(Buffer.from(dataBase64, 'base64'), {
          allowUnsigned: allowUnsigned === true,
          apply: false,
          ...(copies ? { copies } : {}),
        }),
      importBundle: ({ dataBase64, allowUnsigned, copies }) =>
        this.importBundle(Buffer.from(dataBase64, 'base64'), {
          allowUnsigned: allowUnsigned === true,
          apply: true,
          ...(copies ? { copies } : {}),
        }),
      listKnownKeys: () => this.knownKeys.list(),
      forgetKnownKey: ({ fingerprint }) => ({ forgotten: this.knownKeys.forget(fingerprint) }),
      listReplies: ({ documentId }) => this.annotations.listReplies(documentId),
      createReply: ({ annotationId, markdown }) => this.annotations.createReply(annotationId, markdown),
      deleteReply: ({ id }) => this.annotations.deleteReply(id),
      getSyncStatus: () => this.sync?.status() ?? SYNC_OFF,
      resolveSyncConflict: ({ id, choice }) => {
        this.requireSync().resolveConflict(id, choice);
        return this.requireSync().status();
      },
      mergeConflictFile: ({ name }) => {
        if (this.requireSync().mergeConflictFile(name) !== 'merged')
          throw new UserFacingError(
            'INVALID_INPUT',
            `“${name}” is not a conflict copy of a workspace file that can be merged.`,
          );
        return this.requireSync().status();
      },
      exportPdf: async ({ documentIds, options, jobId }) => {
        const rendered = await this.renderPdf(documentIds, options, jobId);
        return {
          ...this.describeExport(documentIds, rendered),
          dataBase64: Buffer.from(rendered.bytes).toString('base64'),
        };
      },
      exportContents: ({ documentIds }) => exportContentsOf(this, documentIds),
      openExternal: async ({ url }) => {
        if (!isOpenableLink(url)) throw new UserFacingError('INVALID_INPUT', UNOPENABLE_LINK_MESSAGE);
        if (!this.openExternalLink)
          throw new UserFacingError(
            'INVALID_INPUT',
            `This ${this.info.host === 'browser' ? 'browser host' : 'host'} cannot open links outside itself; open ${url} yourself.`,
          );
        await this.openExternalLink(url);
        return { opened: true };
      },
    };
  }

  /** Runs a contract call with validation; used by every transport. */
  call(method: unknown, input: unknown): Promise<Result<unknown>> {
    return dispatch(this.handlers, method, input);
  }

  maxImportBytes(): number {
    return Math.round((this.importLimitMegabytes ?? this.settings.read().maxImportMegabytes) * 1024 * 1024);
  }

  importBytes(fileName: string, bytes: Uint8Array): ImportOutcome {
    return this.importer.importBytes(fileName, bytes);
  }

  /** Saves a corrected text (from the reader's edit mode) and re-anchors annotations. */
  updateDocumentText(id: string, lexicalJson: string): ReanchorCounts {
    return this.importer.updateText(id, lexicalJson);
  }

  /** Replaces a document with a changed version of its file and re-anchors its annotations. */
  updateDocumentFromPath(id: string, path: string, read: Omit<ImportOptions, 'origin'> = {}): Promise<ReanchorCounts> {
    return this.importer.updateFromPath(id, path, read);
  }

  /** Starts, moves or stops the workspace sync to match the setting. */
  async applyWorkspaceSetting(): Promise<void> {
    const dir = this.settings.read().workspaceDir;
    if (dir === (this.sync?.dir ?? '')) return;
    if (dir === '') {
      await this.sync?.stop();
      this.sync = undefined;
      this.events.emit('syncStatus', SYNC_OFF);
      return;
    }
    try {
      await this.startSync(dir, { watch: true });
    } catch (error) {
      this.sync = undefined;
      throw new UserFacingError('WRITE_FAILED', `Marginalia can't sync with “${dir}”: ${(error as Error).message}`);
    }
  }

  /** Starts two-way sync with a workspace folder (stopping any earlier one). */
  async startSync(dir: string, options: { watch: boolean }): Promise<SyncEngine> {
    await this.sync?.stop();
    const engine = this.syncEngineFor(dir);
    this.sync = engine;
    await engine.start(options);
    return engine;
  }

  /** Every difference between the library and a workspace folder, changing neither. */
  verifyWorkspace(dir: string): string[] {
    return this.syncEngineFor(dir).verify();
  }

  /** An engine for a folder, given only what sync uses of the core. */
  private syncEngineFor(dir: string): SyncEngine {
    return new SyncEngine(
      {
        db: this.db,
        documents: this.documents,
        annotations: this.annotations,
        incoming: this.incoming,
        events: this.events,
        maxImportBytes: () => this.maxImportBytes(),
        binarySource: (path, bytes) => this.importer.binarySource(path, bytes),
      },
      dir,
    );
  }

  private requireSync(): SyncEngine {
    if (!this.sync) throw new UserFacingError('INVALID_INPUT', 'No workspace folder is being synced.');
    return this.sync;
  }

  /** A signed note bundle of these documents' annotations (see src/core/bundles). */
  exportBundle(request: BundleExportRequest): {
    bytes: Uint8Array;
    fileName: string;
    counts: { documents: number; annotations: number; replies: number; tombstones: number };
  } {
    const built = buildBundle(
      {
        documents: this.documents,
        annotations: this.annotations,
        identity: this.identity,
        appVersion: this.info.version,
      },
      request,
      sizeLimits(this.maxImportBytes()),
    );
    return {
      bytes: built.bytes,
      fileName: bundleFileName(built.title, request.reviewOnly === true),
      counts: built.counts,
    };
  }

  /** Previews (apply false) or imports a bundle; an import is one transaction, all or nothing. */
  async importBundle(
    bytes: Buffer,
    options: { allowUnsigned: boolean; apply: boolean; copies?: readonly string[]; nowMs?: number },
  ): Promise<BundlePlan> {
    const bundle = await readBundle(bytes, {
      allowUnsigned: options.allowUnsigned,
      limits: sizeLimits(this.maxImportBytes()),
    });
    const { plan, changes } = mergeBundle(
      {
        documents: this.documents,
        annotations: this.annotations,
        incoming: this.incoming,
        knownKeys: this.knownKeys,
        localName: this.profile.read().displayName,
        localFingerprint: this.identity.identity().fingerprint,
      },
      bundle,
      { ...options, events: this.events },
    );
    if (options.apply) {
      if (plan.documents.some((document) => document.status === 'new' || document.choice === 'copy'))
        this.events.emit('libraryChanged', { reason: 'imported' }, 'bundle');
      changes?.announce();
    }
    return plan;
  }

  /** Lays out documents and their annotations as one PDF; progress goes out as events. */
  async renderPdf(
    documentIds: readonly string[],
    partial: Partial<PdfExportOptions> | undefined,
    jobId?: string,
  ): Promise<RenderedPdf> {
    if (!this.fontsDir)
      throw new UserFacingError(
        'INTERNAL',
        'This Marginalia host was started without its fonts, so it cannot export PDFs.',
      );
    const sources = this.documents.inListOrder(documentIds).map((id) => ({
      detail: this.documents.detail(id),
      annotations: this.annotations.list(id),
      provenance: this.documents.source(id).provenance,
    }));
    const onProgress = jobId
      ? (done: number, total: number, stage: 'layout' | 'writing' | 'done') =>
          this.events.emit('exportProgress', { jobId, done, total, stage })
      : undefined;
    // PDF export (pdfkit, fontkit) loads on first use: a third of a second at every start otherwise.
    const { renderAnnotatedPdf } = await import('./export');
    return renderAnnotatedPdf(sources, resolvePdfExportOptions(partial), {
      fontsDir: this.fontsDir,
      exporterName: this.profile.read().displayName,
      exportedAt: new Date(),
      appVersion: this.info.version,
      evidence: new EvidenceExport(evidenceServicesOf(this)).dossierFor(sources, resolvePdfExportOptions(partial)),
      ...(onProgress ? { onProgress } : {}),
    });
  }

  /** Exports to a file: written whole to a temp file beside it, then renamed into place. */
  async exportPdfToFile(
    documentIds: readonly string[],
    partial: Partial<PdfExportOptions> | undefined,
    outPath: string,
  ): Promise<Omit<PdfExportResult, 'dataBase64'>> {
    const rendered = await this.renderPdf(documentIds, partial);
    writeFileAtomic(outPath, rendered.bytes);
    return { ...this.describeExport(documentIds, rendered), fileName: basename(outPath) };
  }

  private describeExport(documentIds: readonly string[], rendered: RenderedPdf): Omit<PdfExportResult, 'dataBase64'> {
    const titles = this.documents.inListOrder(documentIds).map((id) => this.documents.summary(id).title);
    const { pageCount, highlightCount, noteCount, warnings } = rendered;
    return { fileName: pdfFileNameForDocuments(titles), pageCount, highlightCount, noteCount, warnings };
  }

  /** Imports a text file from disk at once, checking its size before reading it. */
  importPath(path: string): ImportOutcome {
    return this.importer.importPath(path);
  }

  /** Imports a file from disk of any type the library reads (binary formats through their readers). */
  importFile(path: string, options: Omit<ImportOptions, 'origin'> = {}): Promise<ImportOutcome> {
    return this.importer.importFilePath(path, options);
  }

  /**
   * On the very first start of an app host, puts the sample document in the library and
   * marks it as the one to open. Later starts, even with an empty library, do nothing.
   */
  seedSampleOnFirstRun(samplePath: string): void {
    const done = this.db.prepare('SELECT 1 FROM settings WHERE key = ?').get(FIRST_RUN_KEY);
    if (done) return;
    const outcome = this.documents.count() === 0 ? this.importPath(samplePath) : undefined;
    if (outcome) this.settings.update({ lastOpenedDocumentId: outcome.document.id });
    this.db.prepare('INSERT OR REPLACE INTO settings (key, value_json) VALUES (?, ?)').run(FIRST_RUN_KEY, 'true');
  }

  /**
   * Polls for commits by other processes (the CLI, say) and pushes libraryChanged.
   * data_version changes only when another connection commits, so own writes never echo.
   */
  startWatchingExternalChanges(): void {
    if (this.poller) return;
    this.lastDataVersion = this.db.pragma('data_version', { simple: true }) as number;
    this.poller = setInterval(() => {
      const version = this.db.pragma('data_version', { simple: true }) as number;
      if (version !== this.lastDataVersion) {
        this.lastDataVersion = version;
        this.events.emit('libraryChanged', { reason: 'external' });
      }
    }, EXTERNAL_CHANGE_POLL_MS);
    this.poller.unref();
  }

  close(): void {
    this.warmReaders.close();
    this.sync?.close();
    if (this.poller) clearInterval(this.poller);
    this.db.close();
  }
}
