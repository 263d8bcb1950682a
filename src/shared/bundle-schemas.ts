// The note bundle file format, checked strictly: a bundle comes from someone else and is
// treated as hostile. Every entry has a fixed name, a size cap and a zod schema; objects
// are rebuilt from known keys only (unknown keys are dropped), so "__proto__" or
// "constructor" in a bundle never reach an object's prototype.
import * as z from 'zod';
import { ANNOTATION_KINDS, HIGHLIGHT_COLORS } from './annotations';
import { SOURCE_TYPES } from './model';
import { isoDateTime, textPositionSelectorSchema } from './schema-fields';
import { ANCHOR_STATUSES } from './selectors';

export const BUNDLE_FORMAT = 'marginalia-notes';
export const BUNDLE_FORMAT_VERSION = 1;

const MB = 1024 * 1024;

/**
 * A document's bundle entry (its structure as escaped JSON, its text, its original file in
 * base64) may take this many bytes per byte of the import limit. A .txt of short lines has
 * the most structure per byte: 500,000 lines of 7 letters (3.9 MB) make 126 MB of Lexical
 * JSON and a 170 MB entry; at the default 20 MB limit the cap is 461 MB.
 */
export const ENTRY_PER_SOURCE_BYTE = 23;

/** The cap on annotations.jsonld, and so on a workspace sidecar holding the same collection. */
export const ANNOTATIONS_ENTRY_BYTES = 100 * MB;

const OTHER_ENTRY_BYTES: Readonly<Record<string, number>> = {
  'manifest.json': 4 * MB,
  'annotations.jsonld': ANNOTATIONS_ENTRY_BYTES,
  'tags.json': 16 * MB,
  'tombstones.json': 64 * MB,
  /** Sources, grades, links, claims and analyses (bundle-evidence.ts bounds their counts). */
  'evidence.json': 64 * MB,
  'signature.json': MB,
};
const OTHER_ENTRIES_TOTAL = Object.values(OTHER_ENTRY_BYTES).reduce((sum, bytes) => sum + bytes, 0);

/** The most one bundle entry may be: it is read into one JavaScript string. */
const MAX_ENTRY_BYTES = 500 * MB;

/**
 * The one set of size limits, rooted in the import limit (the largest source file the app
 * accepts as a document): the cap on a document's bundle entry, and with the fixed caps of
 * the other entries, the whole bundle's. The importer and Edit text refuse a document whose
 * entry would pass it, an export is checked against it before anything is written, and an
 * import before a byte is inflated: whatever the app keeps as a document exports and
 * imports back.
 */
export function sizeLimits(maxDocumentBytes: number) {
  const documentEntryBytes = Math.min(MAX_ENTRY_BYTES, ENTRY_PER_SOURCE_BYTE * maxDocumentBytes + MB);
  return {
    documentEntryBytes,
    /** The other entries, which the documents' size does not bound: each by what its schema allows. */
    otherEntryBytes: OTHER_ENTRY_BYTES,
    /** Everything inflated: one document entry at its cap and every other entry at its own. */
    totalBytes: documentEntryBytes + OTHER_ENTRIES_TOTAL,
    /** The file itself: deflate never makes data more than a little larger, so the inflated total bounds it. */
    fileBytes: documentEntryBytes + OTHER_ENTRIES_TOTAL,
  };
}
export type SizeLimits = ReturnType<typeof sizeLimits>;

/** Counts and depth, which do not depend on the import limit. */
export const BUNDLE_LIMITS = {
  entries: 1010,
  documents: 1000,
  annotations: 250_000,
  jsonDepth: 40,
} as const;

export const ENTRY_NAMES = {
  manifest: 'manifest.json',
  annotations: 'annotations.jsonld',
  tags: 'tags.json',
  tombstones: 'tombstones.json',
  /** Present only when the notes carry evidence, so a bundle without any still opens in earlier versions. */
  evidence: 'evidence.json',
  signature: 'signature.json',
} as const;

const DOCUMENT_ENTRY = /^documents\/(\d{1,4})\.json$/;

/** Whether a zip entry name is one a bundle may hold; nothing else is ever read. */
export function isBundleEntryName(name: string): boolean {
  return (Object.values(ENTRY_NAMES) as string[]).includes(name) || DOCUMENT_ENTRY.test(name);
}

export function documentEntryName(index: number): string {
  return `documents/${index}.json`;
}

/**
 * Rejects JSON nested deeper than `limit` before parsing it, so a 10,000-deep array
 * costs a linear scan instead of a stack overflow.
 */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === 0x5c) index++;
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) inString = true;
    else if (code === 0x7b || code === 0x5b) {
      depth++;
      if (depth > limit) return true;
    } else if (code === 0x7d || code === 0x5d) depth--;
  }
  return false;
}

const id = z.string().min(1).max(200);
const isoTime = isoDateTime;
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in hex');
const name = z.string().max(200);
const base64 = (max: number) =>
  z
    .string()
    .max(max)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64');

export const manifestSchema = z.object({
  format: z.literal(BUNDLE_FORMAT),
  formatVersion: z.literal(BUNDLE_FORMAT_VERSION),
  bundleId: id,
  createdAt: isoTime,
  appVersion: z.string().max(50),
  review: z.boolean(),
  creator: z.object({ authorId: id, name, publicKey: base64(200), fingerprint: z.string().max(100) }),
  documents: z
    .array(
      z.object({
        id,
        title: z.string().max(2000),
        textSha256: sha256,
        entry: z.string().regex(DOCUMENT_ENTRY),
        annotations: z.number().int().min(0),
      }),
    )
    .max(BUNDLE_LIMITS.documents),
  counts: z.object({
    documents: z.number().int().min(0),
    annotations: z.number().int().min(0),
    replies: z.number().int().min(0),
    tombstones: z.number().int().min(0),
  }),
});
export type BundleManifest = z.infer<typeof manifestSchema>;

/**
 * What a document says of its original in a bundle or a sidecar: the facts a reader needs to
 * cite and check it, never a local file path. The sender's claim, shown as such; each field
 * bounded, the whole optional, so files written before it still read.
 */
export const sharedProvenanceSchema = z.object({
  fileName: z.string().max(1000),
  sourceType: z.enum(SOURCE_TYPES),
  mimeType: z.string().max(200),
  size: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  sha256,
  originKind: z.enum(['file', 'upload', 'url', 'attachment', 'bundle']),
  originUrl: z.string().max(4000).optional(),
  pageCount: z.number().int().min(0).max(1_000_000).optional(),
  importer: z.string().max(300),
  importedAt: isoTime,
  capturedAt: isoTime.optional(),
  author: z.string().max(1000).optional(),
  ocr: z
    .object({
      meanConfidence: z.number().min(0).max(100),
      lowConfidenceWords: z.number().int().min(0).max(100_000_000),
    })
    .optional(),
  /** Where each page of the original begins in the text (so pages travel with the annotations). */
  pageMap: z
    .array(
      z.object({
        start: z.number().int().min(0).max(1_000_000_000),
        number: z.number().int().min(1).max(1_000_000),
        label: z.string().max(100).optional(),
      }),
    )
    .max(100_000)
    .optional(),
});
export type SharedProvenance = z.infer<typeof sharedProvenanceSchema>;

/** A document entry, its sizes bounded by `limits` (the receiver's own). */
export function documentEntrySchemaFor(limits: SizeLimits) {
  return z.object({
    id,
    title: z.string().max(2000),
    byline: z.string().max(2000),
    publishedAt: z.string().max(100),
    siteName: z.string().max(500),
    sourceName: z.string().max(1000),
    sourceType: z.enum(SOURCE_TYPES),
    textSha256: sha256,
    /**
     * The SHA-256 of the document's original file: what identifies it across libraries even
     * when the file is left out (a review) and the texts differ. Bundles before it lack it.
     */
    sourceSha256: sha256.optional(),
    lexicalJson: z.string().max(limits.documentEntryBytes),
    canonicalText: z.string().max(limits.documentEntryBytes),
    sourceBase64: base64(limits.documentEntryBytes).optional(),
    /** Where the sender's original came from, as the sender says; bundles before it lack it. */
    source: sharedProvenanceSchema.optional(),
  });
}
export type BundleDocument = z.infer<ReturnType<typeof documentEntrySchemaFor>>;

const textualBody = z.object({
  type: z.literal('TextualBody'),
  value: z.string().max(4 * 1024 * 1024),
  format: z.string().max(100).optional(),
  purpose: z.enum(['commenting', 'tagging', 'replying']),
});

const quoteSelector = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().max(1024 * 1024),
  prefix: z.string().max(1000),
  suffix: z.string().max(1000),
});

/** A W3C FragmentSelector (Marginalia writes RFC 3778's `page=N`; any other is read and ignored). */
const fragmentSelector = z.object({
  type: z.literal('FragmentSelector'),
  conformsTo: z.string().max(300).optional(),
  value: z.string().max(300),
});

export const webAnnotationSchema = z.object({
  id,
  type: z.literal('Annotation'),
  motivation: z.enum(['highlighting', 'commenting', 'replying']),
  created: isoTime,
  modified: isoTime,
  creator: z.object({ id, type: z.literal('Person'), name }),
  // A W3C annotation without a body omits the key; files written before that said `body: []`.
  body: z
    .array(textualBody)
    .max(200)
    .optional()
    .transform((body) => body ?? []),
  target: z.union([
    id,
    z.object({
      source: id,
      // The page (a FragmentSelector) may follow; it is read and ignored: the receiver's own
      // page map says which page a passage is on in its copy.
      selector: z
        .union([
          z.tuple([quoteSelector, textPositionSelectorSchema]),
          z.tuple([quoteSelector, textPositionSelectorSchema, fragmentSelector]),
        ])
        .optional(),
    }),
  ]),
  marginalia: z
    .object({
      kind: z.enum(ANNOTATION_KINDS),
      color: z.enum(HIGHLIGHT_COLORS),
      anchorStatus: z.enum(ANCHOR_STATUSES),
      anchorScore: z.number().min(0).max(1),
      textSha256: z.union([sha256, z.literal('')]),
    })
    .optional(),
});

const annotationItems = z.array(webAnnotationSchema).max(BUNDLE_LIMITS.annotations);

/**
 * Where a collection's annotations are: on its first AnnotationPage (`first.items`, as W3C
 * requires), or, in files written before that, in `items` on the collection itself. Both
 * are read, into `items`. A collection that lists neither while its total says it has
 * annotations is refused rather than read as empty (which would delete them all in a sync).
 */
const collectionItems = {
  total: z.number().int().min(0),
  items: annotationItems.optional(),
  first: z.object({ type: z.literal('AnnotationPage'), items: annotationItems }).optional(),
};

function itemsPresent(collection: { total: number; items?: unknown; first?: unknown }): boolean {
  return collection.items !== undefined || collection.first !== undefined || collection.total === 0;
}

function itemsRead<
  T extends { items?: WebAnnotationInput[] | undefined; first?: { items: WebAnnotationInput[] } | undefined },
>(collection: T): Omit<T, 'items' | 'first'> & { items: WebAnnotationInput[] } {
  const { items, first, ...rest } = collection;
  return { ...rest, items: first?.items ?? items ?? [] };
}
type WebAnnotationInput = z.infer<typeof webAnnotationSchema>;

const LISTS_NOTHING = {
  message: 'lists no annotations (no first page) though its total says it has some',
  path: ['first'],
};

function notBothItemsAndPage(collection: { items?: unknown; first?: unknown }): boolean {
  return !(collection.items && collection.first);
}
const BOTH_ITEMS_AND_PAGE = 'has both items and a first page; W3C keeps them on the page';

export const annotationCollectionSchema = z
  .object({
    '@context': z.unknown(),
    id: z.string().max(300).optional(),
    type: z.literal('AnnotationCollection'),
    ...collectionItems,
  })
  .refine(itemsPresent, LISTS_NOTHING)
  .refine(notBothItemsAndPage, BOTH_ITEMS_AND_PAGE)
  .transform(itemsRead);

export const tagsEntrySchema = z.object({
  tags: z
    .array(
      z.object({
        path: z.string().min(1).max(300),
        color: z.union([z.enum(HIGHLIGHT_COLORS), z.literal('')]),
        description: z.string().max(2000),
      }),
    )
    .max(10_000),
});

export const tombstonesEntrySchema = z.object({
  tombstones: z
    .array(z.object({ id, documentId: id, authorId: id, deletedAt: isoTime }))
    .max(BUNDLE_LIMITS.annotations),
});

export const signatureSchema = z.object({
  algorithm: z.literal('Ed25519'),
  publicKey: base64(200),
  signature: base64(200),
  entries: z.array(z.object({ name: z.string().max(100), sha256 })).max(BUNDLE_LIMITS.entries),
});
export type BundleSignature = z.infer<typeof signatureSchema>;

/** The exact bytes a bundle's signature covers: its entries' names and hashes, in name order. */
export function signedPayload(entries: ReadonlyArray<{ name: string; sha256: string }>): string {
  const sorted = [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return JSON.stringify({ format: BUNDLE_FORMAT, entries: sorted.map((entry) => [entry.name, entry.sha256]) });
}

/** What the workspace sidecar's schema (in sidecar.ts) shares with bundles: fields, and how a collection's annotations are read. */
export {
  BOTH_ITEMS_AND_PAGE,
  LISTS_NOTHING,
  collectionItems,
  id as idSchema,
  isoTime as isoTimeSchema,
  itemsPresent,
  itemsRead,
  notBothItemsAndPage,
  sha256 as sha256Schema,
  textualBody as textualBodySchema,
};
