// Note bundles: what crosses the contract when a person shares notes or imports a
// reviewer's, and the replies that make review threads. (The file format's schemas live
// in bundle-schemas.ts, the W3C shape in web-annotation.ts.)

export interface Reply {
  id: string;
  /** The annotation this reply answers. */
  annotationId: string;
  documentId: string;
  markdown: string;
  text: string;
  author: { id: string; name: string };
  createdAt: string;
  updatedAt: string;
}

export interface KnownKey {
  fingerprint: string;
  displayName: string;
  firstSeenAt: string;
  lastSeenAt: string;
}

export interface BundleExportRequest {
  documentIds: string[];
  /** Keep only annotations carrying this tag (or one below it). */
  tag?: string;
  /** Include each document's original file, not only its canonical text. */
  includeSources?: boolean;
  /** "Export my review": only the local author's annotations and replies. */
  reviewOnly?: boolean;
}

export interface BundleCounts {
  documents: number;
  annotations: number;
  replies: number;
  tombstones: number;
}

export interface BundleSigner {
  name: string;
  authorId: string;
  fingerprint: string;
  /** False for an unsigned bundle (importable only when explicitly allowed). */
  signed: boolean;
  /** Whether this key was seen on an earlier import (trust on first use). */
  known: boolean;
}

export interface BundlePlan {
  bundleId: string;
  createdAt: string;
  review: boolean;
  signer: BundleSigner;
  documents: Array<{ id: string; title: string; status: 'new' | 'matched' | 'text differs' }>;
  annotations: { added: number; updated: number; unchanged: number; keptLocal: number; deleted: number; orphaned: number };
  replies: { added: number; updated: number; unchanged: number; keptLocal: number };
  byAuthor: Array<{ name: string; annotations: number; replies: number }>;
  /** True once applied; a preview leaves the library untouched. */
  applied: boolean;
}

export const BUNDLE_EXTENSION = '.mnb';
