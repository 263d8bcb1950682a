// Writing a note bundle: the chosen documents (canonical text and structure, and the
// original file when asked), their annotations and replies as W3C Web Annotations, the
// tags they use, tombstones of deletions, a manifest, and an Ed25519 signature over the
// hash of every entry.
import { randomUUID } from 'node:crypto';
import { isTagWithin } from '../../shared/annotations';
import type { BundleExportRequest, BundleCounts } from '../../shared/bundles';
import type { BundleDocument, BundleManifest, BundleSignature, SizeLimits } from '../../shared/bundle-schemas';
import {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  ENTRY_NAMES,
  documentEntryName,
  signedPayload,
} from '../../shared/bundle-schemas';
import { evidenceEntryIsEmpty } from '../../shared/bundle-evidence';
import { fileStemFor } from '../../shared/export-options';
import { sharedProvenance } from '../../shared/shared-provenance';
import { UserFacingError } from '../../shared/result';
import type { WebAnnotation } from '../../shared/web-annotation';
import { annotationCollection, replyToWebAnnotation, toWebAnnotation, urn } from '../../shared/web-annotation';
import type { AnnotationService } from '../annotations';
import { toReply } from '../annotations';
import type { DocumentRepository } from '../documents';
import { SharedEvidenceReader } from '../evidence/shared-evidence-reader';
import type { IdentityRepository } from '../identity';
import { megabytes, sizeProblem, writeBundleZip } from './zip';
import { sha256Hex } from '../files/sha256';

export interface BundleExportDeps {
  documents: DocumentRepository;
  annotations: AnnotationService;
  identity: IdentityRepository;
  appVersion: string;
}

function json(value: unknown): Uint8Array {
  return Buffer.from(`${JSON.stringify(value, null, 1)}\n`, 'utf8');
}

/** Refuses, before anything is written, a bundle that the same limits would refuse on import. */
function checkSizes(entries: ReadonlyMap<string, Uint8Array>, limits: SizeLimits): void {
  const problem = sizeProblem(
    [...entries].map(([name, data]) => ({ name, bytes: data.length })),
    limits,
  );
  if (problem !== '')
    throw new UserFacingError(
      'TOO_LARGE',
      `These notes cannot be shared in one bundle: ${problem} Share fewer documents at once, or leave out the original files.`,
    );
}

/** The evidence touching the shared annotations (a review: only mine), when there is any. */
function addEvidence(
  deps: BundleExportDeps,
  entries: Map<string, Uint8Array>,
  shared: { annotationIds: ReadonlySet<string>; documentIds: readonly string[] },
  request: BundleExportRequest,
  me: { authorId: string },
): void {
  const evidence = new SharedEvidenceReader(deps.annotations.store.database).read({
    ...shared,
    ...(request.reviewOnly ? { onlyAuthor: me.authorId } : {}),
    tombstonesBy: me.authorId,
  });
  // Left out when there is none, so notes without evidence still open in versions before it.
  if (!evidenceEntryIsEmpty(evidence)) entries.set(ENTRY_NAMES.evidence, json(evidence));
}

export function buildBundle(
  deps: BundleExportDeps,
  request: BundleExportRequest,
  limits: SizeLimits,
): { bytes: Uint8Array; counts: BundleCounts; title: string } {
  const me = deps.identity.identity();
  const entries = new Map<string, Uint8Array>();
  const items: WebAnnotation[] = [];
  const tombstones: Array<{ id: string; documentId: string; authorId: string; deletedAt: string }> = [];
  const usedTags = new Set<string>();
  const manifestDocuments: BundleManifest['documents'] = [];
  const sharedAnnotations = new Set<string>();
  let replies = 0;
  let annotationCount = 0;

  request.documentIds.forEach((documentId, index) => {
    const detail = deps.documents.detail(documentId);
    const canonicalText = deps.documents.canonicalText(documentId);
    const provenance = deps.documents.source(documentId).provenance;
    const document: BundleDocument = {
      id: detail.id,
      title: detail.title,
      byline: detail.byline,
      publishedAt: detail.publishedAt,
      siteName: detail.siteName,
      sourceName: detail.sourceName,
      sourceType: detail.sourceType,
      textSha256: detail.textSha256,
      sourceSha256: deps.documents.sourceSha256(documentId),
      lexicalJson: detail.lexicalJson,
      canonicalText,
      ...(request.includeSources ? { sourceBase64: deps.documents.sourceBytes(documentId).toString('base64') } : {}),
      ...(provenance ? { source: sharedProvenance(provenance) } : {}),
    };
    const entry = documentEntryName(index);
    entries.set(entry, json(document));

    const tagged = deps.annotations
      .list(documentId)
      .filter((annotation) => !request.tag || annotation.tags.some((tag) => isTagWithin(tag, request.tag!)));
    // A review carries my evidence on anyone's passages (my grades and cells on theirs), so it looks at all of them.
    for (const annotation of tagged) sharedAnnotations.add(annotation.id);
    const annotations = tagged.filter((annotation) => !request.reviewOnly || annotation.author.id === me.authorId);
    const included = new Set(annotations.map((annotation) => annotation.id));
    for (const annotation of annotations) {
      items.push(toWebAnnotation(annotation, provenance?.pageMap));
      for (const tag of annotation.tags) usedTags.add(tag.toLocaleLowerCase());
    }
    annotationCount += annotations.length;
    for (const row of deps.annotations.replies.ofDocument(documentId)) {
      const reply = toReply(row);
      const mine = reply.author.id === me.authorId;
      // A review carries my replies to anyone's notes; a full share carries the threads of what it shares.
      if (request.reviewOnly ? !mine : !included.has(reply.annotationId)) continue;
      items.push(replyToWebAnnotation(reply));
      replies += 1;
    }
    for (const tombstone of deps.annotations.store.tombstonesOf(documentId)) {
      if (request.reviewOnly && tombstone.author_id !== me.authorId) continue;
      tombstones.push({ id: tombstone.id, documentId, authorId: tombstone.author_id, deletedAt: tombstone.deleted_at });
    }
    manifestDocuments.push({
      id: detail.id,
      title: detail.title,
      textSha256: detail.textSha256,
      entry,
      annotations: annotations.length,
    });
  });
  if (manifestDocuments.length === 0)
    throw new UserFacingError('INVALID_INPUT', 'Choose at least one document to share.');

  const tags = deps.annotations
    .listTags()
    .filter((tag) => usedTags.has(tag.path.toLocaleLowerCase()))
    .map((tag) => ({ path: tag.path, color: tag.color, description: tag.description }));
  const bundleId = randomUUID();
  entries.set(ENTRY_NAMES.annotations, json(annotationCollection(urn(bundleId), items, {})));
  entries.set(ENTRY_NAMES.tags, json({ tags }));
  entries.set(ENTRY_NAMES.tombstones, json({ tombstones }));
  addEvidence(deps, entries, { annotationIds: sharedAnnotations, documentIds: request.documentIds }, request, me);
  const counts: BundleCounts = {
    documents: manifestDocuments.length,
    annotations: annotationCount,
    replies,
    tombstones: tombstones.length,
  };
  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    bundleId,
    createdAt: new Date().toISOString(),
    appVersion: deps.appVersion,
    review: request.reviewOnly === true,
    creator: { authorId: me.authorId, name: me.displayName, publicKey: me.publicKey, fingerprint: me.fingerprint },
    documents: manifestDocuments,
    counts,
  };
  entries.set(ENTRY_NAMES.manifest, json(manifest));

  const hashed = [...entries].map(([name, data]) => ({
    name,
    sha256: sha256Hex(data),
  }));
  const signature: BundleSignature = {
    algorithm: 'Ed25519',
    publicKey: me.publicKey,
    signature: deps.identity.sign(Buffer.from(signedPayload(hashed), 'utf8')),
    entries: hashed,
  };
  entries.set(ENTRY_NAMES.signature, json(signature));
  checkSizes(entries, limits);
  const bytes = writeBundleZip(entries);
  if (bytes.length > limits.fileBytes) {
    throw new UserFacingError(
      'TOO_LARGE',
      `These notes cannot be shared in one bundle: it would be ${megabytes(bytes.length)}, ` +
        `over the ${megabytes(limits.fileBytes)} limit. Share fewer documents at once.`,
    );
  }
  const title = manifestDocuments.length === 1 ? manifestDocuments[0]!.title : `${manifestDocuments.length} documents`;
  return { bytes, counts, title };
}

/** A file name for a bundle: the title, "review" for a review, and the .mnb extension. */
export function bundleFileName(title: string, review: boolean): string {
  return `${fileStemFor(title, 'Marginalia notes')}${review ? ' (review)' : ' (notes)'}.mnb`;
}
