// Zod schemas for each method's input, checked at the core boundary. Kept apart from
// contract.ts so only the hosts (core, main, server) carry zod.
import * as z from 'zod';
import { ANNOTATION_KINDS, HIGHLIGHT_COLORS } from './annotations';
import type { MarginaliaContract, MethodName } from './contract';
import { COLOR_SCHEMES, PAPER_SIZES } from './export-options';
import { evidenceInputSchemas } from './evidence-schemas';
import { MAX_LINK_LENGTH } from './links';
import { OCR_LANGUAGES } from './model';
import { REVERSED_RANGE_MESSAGE, startNotAfterEnd, textOffset } from './schema-fields';
import { settingsSchema } from './settings-schema';
import { MAX_SEARCH_PAGE_SIZE } from './search-results';

const documentId = z.string().min(1).max(100);

/** Base64 of at most ~500 MB; the real size limit is a setting checked by core. */
const base64Payload = z
  .string()
  .max(700 * 1024 * 1024)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64');

const annotationId = z.string().min(1).max(100);
const importJobId = z.string().min(1).max(100);
const color = z.enum(HIGHLIGHT_COLORS);
const offset = textOffset;
const ordered = { message: REVERSED_RANGE_MESSAGE, path: ['start'] };
const tagPath = z.string().min(1).max(300);
const tagList = z.array(tagPath).max(100);
const noteLexicalJson = z.string().max(8 * 1024 * 1024);
const noteMarkdown = z.string().max(4 * 1024 * 1024);
/** Bundle document ids whose text differs from mine, to add as new documents instead of merging. */
const copies = z.array(z.string().min(1).max(200)).max(1000).optional();

export const inputSchemas = {
  getAppInfo: z.object({}).strict(),
  listDocuments: z.object({}).strict(),
  getDocument: z.object({ id: documentId }).strict(),
  getDocumentText: z.object({ id: documentId }).strict(),
  importDocument: z
    .object({
      fileName: z.string().min(1).max(1024),
      dataBase64: base64Payload,
      password: z.string().max(1024).optional(),
      jobId: importJobId.optional(),
    })
    .strict(),
  importUrl: z
    .object({
      url: z.string().min(1).max(8192),
      jobId: importJobId.optional(),
      ocrLanguages: z.enum(OCR_LANGUAGES).optional(),
    })
    .strict(),
  cancelImport: z.object({ jobId: importJobId }).strict(),
  getOriginalPage: z
    .object({
      documentId: documentId,
      page: z.number().int().min(1).max(100_000),
      annotationId: annotationId.optional(),
      password: z.string().max(1024).optional(),
    })
    .strict(),
  getDocumentSource: z.object({ id: documentId }).strict(),
  getReadingPlace: z.object({ documentId: documentId }).strict(),
  saveReadingPlace: z
    .object({ documentId: documentId, offset: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER) })
    .strict(),
  importAttachment: z
    .object({
      documentId: documentId,
      index: z.number().int().min(0).max(10_000),
      password: z.string().max(1024).optional(),
      jobId: importJobId.optional(),
      ocrLanguages: z.enum(OCR_LANGUAGES).optional(),
    })
    .strict(),
  removeDocument: z.object({ id: documentId }).strict(),
  getSettings: z.object({}).strict(),
  updateSettings: settingsSchema.partial().strict(),
  getProfile: z.object({}).strict(),
  updateProfile: z.object({ displayName: z.string().max(200) }).strict(),
  listAnnotations: z.object({ documentId: documentId }).strict(),
  listHighlightSpans: z.object({ documentId: documentId }).strict(),
  getAnnotations: z.object({ ids: z.array(annotationId).max(10_000) }).strict(),
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
    .strict()
    .refine(startNotAfterEnd, ordered),
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
  reattachAnnotation: z
    .object({ id: annotationId, start: offset, end: offset })
    .strict()
    .refine(startNotAfterEnd, ordered),
  undo: z.object({}).strict(),
  redo: z.object({}).strict(),
  listTags: z.object({}).strict(),
  saveTag: z
    .object({
      path: tagPath,
      color: z.union([color, z.literal('')]).optional(),
      description: z.string().max(2000).optional(),
    })
    .strict(),
  tagUsage: z.object({ path: tagPath }).strict(),
  renameTag: z.object({ from: tagPath, to: tagPath }).strict(),
  mergeTags: z.object({ from: tagPath, into: tagPath }).strict(),
  deleteTag: z.object({ path: tagPath }).strict(),
  search: z
    .object({
      query: z.string().max(1000),
      documentId: documentId.optional(),
      offset: z.number().int().min(0).max(10_000_000).optional(),
      limit: z.number().int().min(1).max(MAX_SEARCH_PAGE_SIZE).optional(),
    })
    .strict(),
  updateDocumentText: z.object({ id: documentId, lexicalJson: z.string().max(200 * 1024 * 1024) }).strict(),
  exportContents: z.object({ documentIds: z.array(documentId).max(1000) }).strict(),
  exportPdf: z
    .object({
      documentIds: z.array(documentId).min(1).max(1000),
      options: z
        .object({
          paper: z.enum(PAPER_SIZES),
          colorScheme: z.enum(COLOR_SCHEMES),
          includeNotes: z.boolean(),
          includeTags: z.boolean(),
          includeAppendix: z.boolean(),
          includeOrphans: z.boolean(),
          includeEvidence: z.boolean(),
          tags: tagList,
          colors: z.array(color).max(HIGHLIGHT_COLORS.length),
          authors: z.array(z.string().min(1).max(200)).max(100),
        })
        .partial()
        .strict()
        .optional(),
      jobId: z.string().min(1).max(100).optional(),
    })
    .strict(),
  getIdentity: z.object({}).strict(),
  exportBundle: z
    .object({
      documentIds: z.array(documentId).min(1).max(1000),
      tag: tagPath.optional(),
      includeSources: z.boolean().optional(),
      reviewOnly: z.boolean().optional(),
    })
    .strict(),
  previewBundle: z.object({ dataBase64: base64Payload, allowUnsigned: z.boolean().optional(), copies }).strict(),
  importBundle: z.object({ dataBase64: base64Payload, allowUnsigned: z.boolean().optional(), copies }).strict(),
  listKnownKeys: z.object({}).strict(),
  forgetKnownKey: z.object({ fingerprint: z.string().min(1).max(100) }).strict(),
  listReplies: z.object({ documentId: documentId }).strict(),
  createReply: z.object({ annotationId: annotationId, markdown: noteMarkdown }).strict(),
  deleteReply: z.object({ id: annotationId }).strict(),
  getSyncStatus: z.object({}).strict(),
  resolveSyncConflict: z
    .object({ id: z.string().min(1).max(100), choice: z.enum(['mine', 'theirs', 'both']) })
    .strict(),
  mergeConflictFile: z.object({ name: z.string().min(1).max(300) }).strict(),
  openExternal: z.object({ url: z.string().min(1).max(MAX_LINK_LENGTH) }).strict(),
  ...evidenceInputSchemas,
} satisfies { [K in keyof MarginaliaContract]: z.ZodType<Parameters<MarginaliaContract[K]>[0]> };

export function inputSchemaFor(method: MethodName): z.ZodType {
  return inputSchemas[method];
}
