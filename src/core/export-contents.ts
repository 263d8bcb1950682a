// What the export dialog shows before anything is laid out: each document's annotation count,
// and what the chosen documents have behind each include option, claims and sources included.
import { DEFAULT_PDF_EXPORT_OPTIONS, includedContentsOf } from '../shared/export-options';
import type { ExportContents } from '../shared/export-options';
import type { AnnotationService } from './annotations';
import type { DocumentRepository } from './documents';
import type { EvidenceDeps } from './evidence';
import { EvidenceExport, evidenceServicesOf } from './evidence';

export function exportContentsOf(
  services: EvidenceDeps & { documents: DocumentRepository; annotations: AnnotationService },
  documentIds: readonly string[],
): ExportContents {
  const sources = services.documents.inListOrder(documentIds).map((id) => ({
    detail: { id },
    annotations: services.annotations.list(id),
  }));
  // Unfiltered: the dialog asks what these documents have at all; its filters say what they keep.
  const dossier = new EvidenceExport(evidenceServicesOf(services)).dossierFor(sources, DEFAULT_PDF_EXPORT_OPTIONS);
  return {
    annotationsByDocument: services.annotations.store.countsByDocument(),
    chosen: {
      ...includedContentsOf(sources.flatMap((source) => source.annotations)),
      evidence: dossier.sources.length + dossier.claims.length + dossier.analyses.length,
    },
  };
}
