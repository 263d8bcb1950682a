// The contract: every call between the UI and the core, and every event pushed to the
// UI. Core implements MarginaliaContract; the IPC and HTTP transports are generic over
// it; the renderer only ever sees MarginaliaClient. Adding a method here is a compile
// error until the input schema, the core handler and (through METHOD_NAMES) every
// transport handle it.
import { z } from 'zod';
import type { Annotation, Profile, TagInfo } from './annotations';
import { ANNOTATION_KINDS, HIGHLIGHT_COLORS } from './annotations';
import type { AppInfo, DocumentDetail, DocumentSummary, ImportOutcome, Settings } from './model';
import { settingsSchema } from './model';
import type { Result } from './result';
import type { SearchResults } from './search-results';

const documentId = z.string().min(1).max(100);

/** Base64 of at most ~500 MB; the real size limit is a setting checked by core. */
const base64Payload = z
  .string()
  .max(700 * 1024 * 1024)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64');

const annotationId = z.string().min(1).max(100);
const color = z.enum(HIGHLIGHT_COLORS);
const offset = z.number().int().min(0).max(1_000_000_000);
const tagPath = z.string().min(1).max(300);
const tagList = z.array(tagPath).max(100);
const noteLexicalJson = z.string().max(8 * 1024 * 1024);
const noteMarkdown = z.string().max(4 * 1024 * 1024);

export interface ReanchorCounts {
  kept: number;
  moved: number;
  fuzzy: number;
  orphaned: number;
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

export const inputSchemas = {
  getAppInfo: z.object({}).strict(),
  listDocuments: z.object({}).strict(),
  getDocument: z.object({ id: documentId }).strict(),
  importDocument: z
    .object({
      fileName: z.string().min(1).max(1024),
      dataBase64: base64Payload,
    })
    .strict(),
  removeDocument: z.object({ id: documentId }).strict(),
  getSettings: z.object({}).strict(),
  updateSettings: settingsSchema.partial().strict(),
  getProfile: z.object({}).strict(),
  updateProfile: z.object({ displayName: z.string().max(200) }).strict(),
  listAnnotations: z.object({ documentId: documentId }).strict(),
  createAnnotation: z
    .object({
      documentId: documentId,
      kind: z.enum(ANNOTATION_KINDS).optional(),
      start: offset.optional(),
      end: offset.optional(),
      color: color.optional(),
      tags: tagList.optional(),
      noteLexicalJson: noteLexicalJson.optional(),
      noteMarkdown: noteMarkdown.optional(),
    })
    .strict(),
  updateAnnotation: z
    .object({
      id: annotationId,
      color: color.optional(),
      tags: tagList.optional(),
      noteLexicalJson: noteLexicalJson.optional(),
      noteMarkdown: noteMarkdown.optional(),
    })
    .strict(),
  deleteAnnotations: z.object({ ids: z.array(annotationId).min(1).max(100_000) }).strict(),
  bulkUpdateAnnotations: z
    .object({
      ids: z.array(annotationId).min(1).max(100_000),
      addTags: tagList.optional(),
      removeTags: tagList.optional(),
      color: color.optional(),
    })
    .strict(),
  reattachAnnotation: z.object({ id: annotationId, start: offset, end: offset }).strict(),
  undo: z.object({}).strict(),
  redo: z.object({}).strict(),
  listTags: z.object({}).strict(),
  saveTag: z.object({ path: tagPath, color: z.union([color, z.literal('')]).optional(), description: z.string().max(2000).optional() }).strict(),
  tagUsage: z.object({ path: tagPath }).strict(),
  renameTag: z.object({ from: tagPath, to: tagPath }).strict(),
  mergeTags: z.object({ from: tagPath, into: tagPath }).strict(),
  deleteTag: z.object({ path: tagPath }).strict(),
  search: z.object({ query: z.string().max(1000), documentId: documentId.optional() }).strict(),
  updateDocumentText: z.object({ id: documentId, lexicalJson: z.string().max(200 * 1024 * 1024) }).strict(),
} satisfies { [K in keyof MarginaliaContract]: z.ZodType<Parameters<MarginaliaContract[K]>[0]> };

export interface MarginaliaContract {
  getAppInfo(input: Record<string, never>): AppInfo;
  listDocuments(input: Record<string, never>): DocumentSummary[];
  getDocument(input: { id: string }): DocumentDetail;
  /** Imports one file's bytes. An identical file already in the library is returned, not duplicated. */
  importDocument(input: { fileName: string; dataBase64: string }): ImportOutcome;
  removeDocument(input: { id: string }): { removed: true };
  getSettings(input: Record<string, never>): Settings;
  updateSettings(input: Partial<Settings>): Settings;
  /** The local author; `confirmed` is false until the person has chosen their name. */
  getProfile(input: Record<string, never>): Profile & { confirmed: boolean };
  updateProfile(input: { displayName: string }): Profile & { confirmed: boolean };
  /** A document's annotations in reading order. */
  listAnnotations(input: { documentId: string }): Annotation[];
  createAnnotation(input: CreateAnnotationRequest): Annotation;
  updateAnnotation(input: UpdateAnnotationRequest): Annotation;
  deleteAnnotations(input: { ids: string[] }): { deleted: number };
  bulkUpdateAnnotations(input: { ids: string[]; addTags?: string[]; removeTags?: string[]; color?: (typeof HIGHLIGHT_COLORS)[number] }): { updated: number };
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
  /** Searches document text, quotes, notes and tags; documentId limits it to one document. */
  search(input: { query: string; documentId?: string }): SearchResults;
  /** Saves a corrected document text and re-anchors its annotations. */
  updateDocumentText(input: { id: string; lexicalJson: string }): { document: DocumentDetail; counts: ReanchorCounts };
}

export type MethodName = keyof MarginaliaContract;
export type MethodInput<M extends MethodName> = Parameters<MarginaliaContract[M]>[0];
export type MethodOutput<M extends MethodName> = ReturnType<MarginaliaContract[M]>;

export const METHOD_NAMES = Object.keys(inputSchemas) as MethodName[];

export function isMethodName(value: unknown): value is MethodName {
  return typeof value === 'string' && Object.hasOwn(inputSchemas, value);
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

export const UI_COMMANDS = [
  'import',
  'undo',
  'redo',
  'findInDocument',
  'findInLibrary',
  'highlight',
  'tag',
  'note',
  'zoomIn',
  'zoomOut',
  'zoomReset',
  'toggleLibrary',
  'themeSystem',
  'themeLight',
  'themeDark',
] as const;
export type UiCommand = (typeof UI_COMMANDS)[number];

export interface MarginaliaEvents {
  /** The library's contents changed, here or in another process sharing the database. */
  libraryChanged: { reason: 'imported' | 'removed' | 'updated' | 'external' };
  /** A document's annotations changed (created, edited, deleted, re-anchored, undone). */
  annotationsChanged: { documentId: string };
  /** Tags were created, renamed, merged, recolored or deleted. */
  tagsChanged: Record<string, never>;
  /** The host asks the UI to open a document (after an import from a menu, say). */
  openDocument: { id: string };
  /** The host relays a menu command to the UI. */
  uiCommand: { command: UiCommand };
  /** The host reports a failure the UI should show in a dialog. */
  hostError: { title: string; message: string };
}

export type EventName = keyof MarginaliaEvents;

export const eventSchemas = {
  libraryChanged: z.object({ reason: z.enum(['imported', 'removed', 'updated', 'external']) }),
  annotationsChanged: z.object({ documentId: documentId }),
  tagsChanged: z.object({}).strict(),
  openDocument: z.object({ id: documentId }),
  uiCommand: z.object({ command: z.enum(UI_COMMANDS) }),
  hostError: z.object({ title: z.string().max(500), message: z.string().max(10_000) }),
} satisfies { [E in EventName]: z.ZodType<MarginaliaEvents[E]> };

export const EVENT_NAMES = Object.keys(eventSchemas) as EventName[];

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && Object.hasOwn(eventSchemas, value);
}

/** An event as it travels over a transport. */
export type EventEnvelope = { [E in EventName]: { event: E; payload: MarginaliaEvents[E] } }[EventName];

/** The IPC channel names the Electron transport uses; one per method, one for events. */
export const IPC_CHANNEL_PREFIX = 'marginalia:';
export const IPC_EVENT_CHANNEL = 'marginalia:event';

export function ipcChannelFor(method: MethodName): string {
  return `${IPC_CHANNEL_PREFIX}${method}`;
}
