// The contract: every call between the UI and the core, and every event pushed to the
// UI. Core implements MarginaliaContract; the IPC and HTTP transports are generic over
// it; the renderer only ever sees MarginaliaClient. Adding a method here is a compile
// error until the input schema, the core handler and (through METHOD_NAMES) every
// transport handle it.
import { z } from 'zod';
import type { AppInfo, DocumentDetail, DocumentSummary, ImportOutcome, Settings } from './model';
import { settingsSchema } from './model';
import type { Result } from './result';

const documentId = z.string().min(1).max(100);

/** Base64 of at most ~500 MB; the real size limit is a setting checked by core. */
const base64Payload = z
  .string()
  .max(700 * 1024 * 1024)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64');

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
  libraryChanged: { reason: 'imported' | 'removed' | 'external' };
  /** The host asks the UI to open a document (after an import from a menu, say). */
  openDocument: { id: string };
  /** The host relays a menu command to the UI. */
  uiCommand: { command: UiCommand };
  /** The host reports a failure the UI should show in a dialog. */
  hostError: { title: string; message: string };
}

export type EventName = keyof MarginaliaEvents;

export const eventSchemas = {
  libraryChanged: z.object({ reason: z.enum(['imported', 'removed', 'external']) }),
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
