// The evidence that goes out with an export: for the PDF, each exported annotation's grade
// and sources and the sources, claims and analyses bearing on the exported documents; for a
// spreadsheet, one analysis's matrix as CSV.
import { achCsv, achCsvFileName } from '../../shared/ach-csv';
import type { AchMatrix, AnnotationEvidence, EvidenceDossier } from '../../shared/evidence-export';
import { achMatrix, gradeMeaning } from '../../shared/evidence-export';
import type { PdfExportOptions } from '../../shared/export-options';
import { passesExportFilters } from '../../shared/export-options';
import type { Annotation } from '../../shared/annotations';
import type { EvidenceServices } from './index';
import type { Weighing } from './weighing';

export class EvidenceExport {
  constructor(private readonly services: EvidenceServices) {}

  analysisCsv(id: string, analystId?: string): { fileName: string; csv: string } {
    const view = this.services.analyses.view(id, undefined, analystId);
    return { fileName: achCsvFileName(view.question), csv: achCsv(achMatrix(view, view.analyst.authorId)) };
  }

  /**
   * The dossier of the documents an export lays out, narrowed by its filters: only the
   * annotations that pass the tag, colour and author filters are exported, so only they bring
   * claims and sources into the appendix.
   */
  dossierFor(
    sources: ReadonlyArray<{ detail: { id: string }; annotations: readonly Annotation[] }>,
    options: PdfExportOptions,
  ): EvidenceDossier {
    const filtered = options.tags.length > 0 || options.colors.length > 0 || options.authors.length > 0;
    return this.dossier(
      sources.map((source) => source.detail.id),
      sources.flatMap((source) =>
        source.annotations.filter((annotation) => passesExportFilters(annotation, options)).map(({ id }) => id),
      ),
      filtered,
    );
  }

  /**
   * What the PDF export shows of the evidence of these documents and these (exported)
   * annotations: the claims with a piece among the annotations (each claim whole), the
   * sources the annotations name (and, unless filters narrowed them, the documents'), and every
   * analysis touching the documents, each matrix whole.
   */
  dossier(documentIds: readonly string[], annotationIds: readonly string[], filtered = false): EvidenceDossier {
    const weighing = this.services.claims.weighing();
    const documents = new Set(documentIds);
    const exported = new Set(annotationIds);
    const annotations = this.annotationEvidence(weighing, annotationIds);
    const all = this.services.claims.repository.all();
    const claims = all
      .filter((claim) => claim.evidence.some((piece) => exported.has(piece.annotationId)))
      .map((claim) => this.services.claims.detail(claim.id, weighing));
    // Analyses are chosen by the documents, whatever the filters: a matrix is shown whole or not at all.
    const inDocuments = all.filter((claim) =>
      claim.evidence.some((piece) => documents.has(weighing.documentOf(piece.annotationId) ?? '')),
    );
    return {
      scheme: weighing.scheme,
      annotations,
      sources: this.sourcesOf(weighing, filtered ? [] : documentIds, annotationIds),
      claims,
      analyses: this.analysesTouching(weighing, documents, new Set(inDocuments.map((claim) => claim.id))),
    };
  }

  private annotationEvidence(weighing: Weighing, annotationIds: readonly string[]): Record<string, AnnotationEvidence> {
    const result: Record<string, AnnotationEvidence> = {};
    for (const id of annotationIds) {
      const { reliability, credibility } = weighing.gradeOf(id);
      const sources = weighing.sourceIdsOf(id).flatMap((sourceId) => {
        const row = weighing.source(sourceId);
        return row ? [row.reliability ? `${row.name} (${row.reliability})` : row.name] : [];
      });
      const grade = gradeMeaning(reliability, credibility, weighing.scheme);
      if (grade !== '' || sources.length > 0) result[id] = { grade, sources };
    }
    return result;
  }

  private sourcesOf(
    weighing: Weighing,
    documentIds: readonly string[],
    annotationIds: readonly string[],
  ): EvidenceDossier['sources'] {
    const ids = new Set([
      ...documentIds.flatMap((id) => this.services.grading.repository.documentSources(id)),
      ...annotationIds.flatMap((id) => weighing.sourceIdsOf(id)),
    ]);
    return [...ids]
      .flatMap((id) => {
        const row = weighing.source(id);
        return row
          ? [
              {
                name: row.name,
                kind: row.kind,
                reliability: row.reliability,
                reliabilityReason: row.reliability_reason,
              },
            ]
          : [];
      })
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  private analysesTouching(
    weighing: Weighing,
    documents: ReadonlySet<string>,
    claimIds: ReadonlySet<string>,
  ): AchMatrix[] {
    return this.services.analyses.repository
      .analyses()
      .filter((analysis) =>
        this.services.analyses.repository
          .rows(analysis.id)
          .some((row) =>
            row.evidence.kind === 'claim'
              ? claimIds.has(row.evidence.id)
              : documents.has(weighing.documentOf(row.evidence.id) ?? ''),
          ),
      )
      .map((analysis) => {
        const view = this.services.analyses.view(analysis.id, weighing);
        return achMatrix(view, view.analyst.authorId);
      });
  }
}
