// The contract: every call between the UI and the core, and every event pushed to the
// UI. Core implements MarginaliaContract; the IPC and HTTP transports are generic over
// it; the renderer only ever sees MarginaliaClient. Adding a method here is a compile
// error until METHOD_NAMES lists it, contract-schemas.ts validates its input and the
// core handles it. This module stays free of zod so the renderer bundle does too.
import type { CommandId } from './commands';
import { COMMAND_IDS } from './commands';
import type { Annotation, DeletionCascade, HighlightSpans, Profile, Reply, TagInfo } from './annotations';
import type { ANNOTATION_KINDS, HIGHLIGHT_COLORS } from './annotations';
import type { BundleExportRequest, BundlePlan, KnownKey } from './bundles';
import type { ExportContents, PdfExportOptions, PdfExportResult } from './export-options';
import type { SyncStatus } from './sync';
import type { EvidenceContract, EvidenceKind } from './evidence-contract';
import { EVIDENCE_METHOD_NAMES } from './evidence-contract';
import type {
  AppInfo,
  DocumentDetail,
  DocumentSource,
  DocumentSummary,
  ImportOutcome,
  ImportProgress,
  OcrLanguages,
  OriginalPage,
  Settings,
} from './model';
import type { Result } from './result';
import type { SearchResults } from './search-results';

export interface ReanchorCounts {
  kept: number;
  moved: number;
  fuzzy: number;
  orphaned: number;
  /** The text sent was the text already stored: nothing was saved, and the document is not marked edited. */
  unchanged?: boolean;
}

export interface CreateAnnotationRequest {
  documentId: string;
  kind?: (typeof ANNOTATION_KINDS)[number];
  start?: number;
  end?: number;
  color?: (typeof HIGHLIGHT_COLORS)[number];
  tags?: string[];
  noteLexicalJson?: string;
  noteMarkdown?: string;
}

export interface UpdateAnnotationRequest {
  id: string;
  color?: (typeof HIGHLIGHT_COLORS)[number];
  tags?: string[];
  noteLexicalJson?: string;
  noteMarkdown?: string;
}

export interface MarginaliaContract extends EvidenceContract {
  getAppInfo(input: Record<string, never>): AppInfo;
  listDocuments(input: Record<string, never>): DocumentSummary[];
  getDocument(input: { id: string }): DocumentDetail;
  /** A document's canonical plain text: what annotation offsets index (the CLI's show and annotate --quote). */
  getDocumentText(input: { id: string }): { text: string };
  /**
   * Imports one file's bytes, typed by its content (text, or a format whose reader is
   * registered). An identical file already in the library is returned, not duplicated; an
   * .mbox's further messages are in `also`. `password` opens an encrypted PDF; `jobId`
   * names the import for its importProgress events and for cancelImport.
   */
  importDocument(input: { fileName: string; dataBase64: string; password?: string; jobId?: string }): ImportOutcome;
  /**
   * Fetches a web page (or a file of a type the library reads) and imports it, keeping its URL and
   * capture time; a scan it serves is read in `ocrLanguages` when given, else in Settings' languages.
   */
  importUrl(input: { url: string; jobId?: string; ocrLanguages?: OcrLanguages }): ImportOutcome;
  /** Stops an import in progress (by its jobId); nothing of it is stored. False when no such import is running. */
  cancelImport(input: { jobId: string }): { cancelled: boolean };
  /** A page of a document's original (a PDF page, a scanned image) as a picture, with an annotation's regions on it. */
  /** `password` opens an encrypted PDF: kept in memory for the session, never stored; without one it answers PASSWORD_REQUIRED. */
  getOriginalPage(input: { documentId: string; page: number; annotationId?: string; password?: string }): OriginalPage;
  /** Where the document was last being read (an offset in its text; 0, its top, when it never was). */
  getReadingPlace(input: { documentId: string }): { offset: number };
  /** Remembers where the document is being read, for the next time it opens; 0 (its top) forgets it. */
  saveReadingPlace(input: { documentId: string; offset: number }): { saved: true };
  /** Where a document's original came from and what its reader found, with its page map (for the Source panel). */
  getDocumentSource(input: { id: string }): DocumentSource;
  /**
   * Imports the file a message carried (its `index` in the provenance's attachments) as a document
   * of its own. `password` opens an encrypted PDF, as for importDocument: without one (or with a
   * wrong one) it answers PASSWORD_REQUIRED (PASSWORD_WRONG); it is used once, never stored. A scan
   * (an image, a scanned PDF) is read in `ocrLanguages` when given, else in Settings' languages.
   * `jobId` names the import for its importProgress events and for cancelImport, as for importDocument.
   */
  importAttachment(input: {
    documentId: string;
    index: number;
    password?: string;
    ocrLanguages?: OcrLanguages;
    jobId?: string;
  }): ImportOutcome;
  removeDocument(input: { id: string }): { removed: true };
  getSettings(input: Record<string, never>): Settings;
  updateSettings(input: Partial<Settings>): Settings;
  /** The local author; `confirmed` is false until the person has chosen their name. */
  getProfile(input: Record<string, never>): Profile & { confirmed: boolean };
  updateProfile(input: { displayName: string }): Profile & { confirmed: boolean };
  /** A document's annotations in reading order. */
  listAnnotations(input: { documentId: string }): Annotation[];
  /** A document's anchored highlights as compact columns, for painting before the full list arrives. */
  listHighlightSpans(input: { documentId: string }): HighlightSpans;
  /** These annotations, for refreshing a few after a change; ids that no longer exist are left out. */
  getAnnotations(input: { ids: string[] }): Annotation[];
  createAnnotation(input: CreateAnnotationRequest): Annotation;
  updateAnnotation(input: UpdateAnnotationRequest): Annotation;
  /** Deletes them; `cascade` counts the evidence that went with them (undo restores it all). */
  deleteAnnotations(input: { ids: string[] }): { deleted: number; cascade: DeletionCascade };
  bulkUpdateAnnotations(input: {
    ids: string[];
    addTags?: string[];
    removeTags?: string[];
    color?: (typeof HIGHLIGHT_COLORS)[number];
  }): { updated: number };
  /** Attaches an annotation (an orphan, usually) to a new span of the current text. */
  reattachAnnotation(input: { id: string; start: number; end: number }): Annotation;
  /** Undoes the last annotation or tag change; null when there is nothing to undo. */
  undo(input: Record<string, never>): { description: string } | null;
  redo(input: Record<string, never>): { description: string } | null;
  listTags(input: Record<string, never>): TagInfo[];
  /** Creates a tag or changes its color and description. */
  saveTag(input: { path: string; color?: (typeof HIGHLIGHT_COLORS)[number] | ''; description?: string }): TagInfo;
  /** How many tags (with children) and annotations a rename, merge or delete would touch. */
  tagUsage(input: { path: string }): { tags: number; annotations: number };
  /** Renames or moves a tag; children follow. */
  renameTag(input: { from: string; to: string }): { renamed: number };
  mergeTags(input: { from: string; into: string }): { merged: number; annotations: number };
  deleteTag(input: { path: string }): { deletedTags: number; annotations: number };
  /**
   * Searches document text, quotes, notes and tags; documentId limits it to one document.
   * Returns the hits from offset (default 0), limit of them (default 50), and the true totals.
   */
  search(input: { query: string; documentId?: string; offset?: number; limit?: number }): SearchResults;
  /** Saves a corrected document text and re-anchors its annotations. */
  updateDocumentText(input: { id: string; lexicalJson: string }): { document: DocumentDetail; counts: ReanchorCounts };
  /**
   * Lays out documents with their annotations as one PDF (in the library's order, newest import first, whatever order they are given in) and returns
   * its bytes; progress arrives as exportProgress events carrying the same jobId.
   */
  exportPdf(input: { documentIds: string[]; options?: Partial<PdfExportOptions>; jobId?: string }): PdfExportResult;
  /**
   * What the export dialog shows beside its choices: every document's annotation count, and what
   * these chosen documents have (notes, tags, orphans, claims and sources) behind each include option.
   */
  exportContents(input: { documentIds: string[] }): ExportContents;
  /** The local signing identity: name and the fingerprint of the key that signs bundles. */
  getIdentity(input: Record<string, never>): { authorId: string; displayName: string; fingerprint: string };
  /** Writes a signed note bundle (.mnb) and returns its bytes. */
  exportBundle(input: BundleExportRequest): {
    fileName: string;
    dataBase64: string;
    counts: { documents: number; annotations: number; replies: number; tombstones: number };
  };
  /** Reads a bundle and says what importing it (with these `copies`) would do; changes nothing. */
  previewBundle(input: { dataBase64: string; allowUnsigned?: boolean; copies?: string[] }): BundlePlan;
  /** Imports a bundle in one transaction: all of it or, on any problem, none of it. */
  /** `copies`: bundle document ids (whose text differs from mine) to add as new documents instead of merging into my copy. */
  importBundle(input: { dataBase64: string; allowUnsigned?: boolean; copies?: string[] }): BundlePlan;
  listKnownKeys(input: Record<string, never>): KnownKey[];
  forgetKnownKey(input: { fingerprint: string }): { forgotten: boolean };
  listReplies(input: { documentId: string }): Reply[];
  /** Anyone may reply to any annotation. */
  createReply(input: { annotationId: string; markdown: string }): Reply;
  /** Only a reply's author may delete it. */
  deleteReply(input: { id: string }): { deleted: true };
  getSyncStatus(input: Record<string, never>): SyncStatus;
  /** Keep the app's version, the file's, or both, for a conflict the workspace sync found. */
  resolveSyncConflict(input: { id: string; choice: 'mine' | 'theirs' | 'both' }): SyncStatus;
  /** Merges a sync tool's conflict copy (such as *.sync-conflict-*) into its document. */
  mergeConflictFile(input: { name: string }): SyncStatus;
  /**
   * Opens a web or mail link in the system's browser or mail app (the desktop app). Hosts
   * that cannot (the browser host, which opens a new tab itself) refuse it.
   */
  openExternal(input: { url: string }): { opened: true };
}

export type MethodName = keyof MarginaliaContract;
export type MethodInput<M extends MethodName> = Parameters<MarginaliaContract[M]>[0];
export type MethodOutput<M extends MethodName> = ReturnType<MarginaliaContract[M]>;

/** Every method, listed once; the check below fails to compile if one is missing. */
export const METHOD_NAMES = [
  'getAppInfo',
  'listDocuments',
  'getDocument',
  'getDocumentText',
  'importDocument',
  'getDocumentSource',
  'getReadingPlace',
  'saveReadingPlace',
  'importAttachment',
  'importUrl',
  'cancelImport',
  'getOriginalPage',
  'removeDocument',
  'getSettings',
  'updateSettings',
  'getProfile',
  'updateProfile',
  'listAnnotations',
  'listHighlightSpans',
  'getAnnotations',
  'createAnnotation',
  'updateAnnotation',
  'deleteAnnotations',
  'bulkUpdateAnnotations',
  'reattachAnnotation',
  'undo',
  'redo',
  'listTags',
  'saveTag',
  'tagUsage',
  'renameTag',
  'mergeTags',
  'deleteTag',
  'search',
  'updateDocumentText',
  'exportPdf',
  'exportContents',
  'getIdentity',
  'exportBundle',
  'previewBundle',
  'importBundle',
  'listKnownKeys',
  'forgetKnownKey',
  'listReplies',
  'createReply',
  'deleteReply',
  'getSyncStatus',
  'resolveSyncConflict',
  'mergeConflictFile',
  'openExternal',
  ...EVIDENCE_METHOD_NAMES,
] as const satisfies readonly MethodName[];

type UnlistedMethod = Exclude<MethodName, (typeof METHOD_NAMES)[number]>;
export const ALL_METHODS_LISTED: [UnlistedMethod] extends [never] ? true : UnlistedMethod = true;

export function isMethodName(value: unknown): value is MethodName {
  return typeof value === 'string' && (METHOD_NAMES as readonly string[]).includes(value);
}

/** What core implements: plain values or promises; thrown errors are caught at the boundary. */
export type ContractHandlers = {
  [M in MethodName]: (input: MethodInput<M>) => MethodOutput<M> | Promise<MethodOutput<M>>;
};

/** What a UI holds: every call is async and resolves to a serializable Result. */
export type MarginaliaClient = {
  [M in MethodName]: (input: MethodInput<M>) => Promise<Result<MethodOutput<M>>>;
} & {
  /** Subscribes to a pushed event; returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: MarginaliaEvents[E]) => void): () => void;
};

/** Commands the host can ask the UI to run (its menu): every command in the one table. */
export const UI_COMMANDS = COMMAND_IDS;
export type UiCommand = CommandId;

export interface MarginaliaEvents {
  /** The library's contents changed, here or in another process sharing the database. */
  libraryChanged: { reason: 'imported' | 'removed' | 'updated' | 'external' };
  /**
   * A document's annotations changed (created, edited, deleted, re-anchored, undone).
   * `annotationIds` names the ones touched; empty means "reload them all".
   */
  annotationsChanged: { documentId: string; annotationIds: string[] };
  /** Tags were created, renamed, merged, recolored or deleted. */
  tagsChanged: Record<string, never>;
  /** The host asks the UI to open a document (after an import from a menu, say). */
  openDocument: { id: string };
  /** The host relays a menu command to the UI. */
  uiCommand: { command: UiCommand };
  /** The workspace sync's state changed. */
  syncStatus: SyncStatus;
  /** Replies in a document were added or deleted. */
  repliesChanged: { documentId: string };
  /** How far a PDF export has come: pages laid out of the pages expected so far. */
  exportProgress: { jobId: string; done: number; total: number; stage: 'layout' | 'writing' | 'done' };
  /** How far an import has come (pages read or recognized) for the import named by jobId. */
  importProgress: ImportProgress;
  /** Sources, grades, links, claims or analyses changed; `documentIds` names documents whose annotations' grades or links changed. */
  evidenceChanged: { kinds: EvidenceKind[]; documentIds: string[] };
  /** The host reports a failure the UI should show in a dialog. */
  hostError: { title: string; message: string };
}

export type EventName = keyof MarginaliaEvents;

export const EVENT_NAMES = [
  'libraryChanged',
  'annotationsChanged',
  'tagsChanged',
  'openDocument',
  'repliesChanged',
  'syncStatus',
  'exportProgress',
  'importProgress',
  'evidenceChanged',
  'uiCommand',
  'hostError',
] as const satisfies readonly EventName[];

type UnlistedEvent = Exclude<EventName, (typeof EVENT_NAMES)[number]>;
export const ALL_EVENTS_LISTED: [UnlistedEvent] extends [never] ? true : UnlistedEvent = true;

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && (EVENT_NAMES as readonly string[]).includes(value);
}

/** An event as it travels over a transport. */
export type EventEnvelope = { [E in EventName]: { event: E; payload: MarginaliaEvents[E] } }[EventName];

/** The IPC channel names the Electron transport uses; one per method, one for events. */
export const IPC_CHANNEL_PREFIX = 'marginalia:';
export const IPC_EVENT_CHANNEL = 'marginalia:event';

export function ipcChannelFor(method: MethodName): string {
  return `${IPC_CHANNEL_PREFIX}${method}`;
}
