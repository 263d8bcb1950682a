// What of a document's provenance leaves the app with it (in a bundle, a workspace sidecar):
// the facts to cite and check the original by, never the local path it was read from.
import type { SharedProvenance } from './bundle-schemas';
import type { DocumentOrigin, DocumentProvenance } from './model';

/** An ISO time in the one form the schemas accept, or undefined when it is not a real time. */
function isoOrUndefined(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  const time = Date.parse(value);
  return Number.isFinite(time) ? new Date(time).toISOString() : undefined;
}

/** What leaves the app of a document's provenance: what it was given, if it came with one, else its own facts. */
export function sharedProvenance(provenance: DocumentProvenance): SharedProvenance {
  if (provenance.shared) return provenance.shared;
  const originUrl = provenance.origin.kind === 'url' ? provenance.origin.url : provenance.originUrl;
  const capturedAt = isoOrUndefined(provenance.createdAt);
  return {
    fileName: provenance.fileName,
    sourceType: provenance.sourceType,
    mimeType: provenance.mimeType,
    size: provenance.size,
    sha256: provenance.sha256,
    originKind: provenance.origin.kind,
    ...(originUrl ? { originUrl } : {}),
    ...(provenance.pageCount === undefined ? {} : { pageCount: provenance.pageCount }),
    importer: provenance.importer,
    importedAt: isoOrUndefined(provenance.importedAt) ?? provenance.importedAt,
    ...(capturedAt ? { capturedAt } : {}),
    ...(provenance.author ? { author: provenance.author } : {}),
    ...(provenance.ocr ? { ocr: provenance.ocr } : {}),
    ...(provenance.pageMap.length > 0 ? { pageMap: provenance.pageMap } : {}),
  };
}

/** The provenance of a document made from a file that carried a claim about its original (a workspace sidecar). */
export function provenanceFromShared(shared: SharedProvenance, origin: DocumentOrigin): DocumentProvenance {
  return {
    fileName: shared.fileName,
    sourceType: shared.sourceType,
    mimeType: shared.mimeType,
    size: shared.size,
    sha256: shared.sha256,
    origin,
    importedAt: shared.importedAt,
    importer: shared.importer,
    pageMap: shared.pageMap ?? [],
    ...(shared.pageCount === undefined ? {} : { pageCount: shared.pageCount }),
    ...(shared.author ? { author: shared.author } : {}),
    ...(shared.capturedAt ? { createdAt: shared.capturedAt } : {}),
    ...(shared.originUrl ? { originUrl: shared.originUrl } : {}),
    ...(shared.ocr ? { ocr: shared.ocr } : {}),
    shared,
  };
}
