// The evidence that goes out with an export: for the PDF, each exported annotation's grade
// and sources and the sources, claims and analyses bearing on the exported documents; for a
// spreadsheet, one analysis's matrix as CSV.
import { achCsv, achCsvFileName } from '../../shared/ach-csv';
import type { AchMatrix, AnnotationEvidence, EvidenceDossier } from '../../shared/evidence-export';
import { achMatrix, gradeMeaning } from '../../shared/evidence-export';
import type { EvidenceServices } from './index';
import type { Weighing } from './weighing';

export class EvidenceExport {
  constructor(private readonly services: EvidenceServices) {}

  analysisCsv(id: string, analystId?: string): { fileName: string; csv: string } {
    const view = this.services.analyses.view(id, undefined, analystId);
    return { fileName: achCsvFileName(view.question), csv: achCsv(achMatrix(view, view.analyst.authorId)) };
  }

  /** The dossier of the documents an export lays out, with all their annotations. */
  dossierFor(
    sources: ReadonlyArray<{ detail: { id: string }; annotations: ReadonlyArray<{ id: string }> }>,
  ): EvidenceDossier {
    return this.dossier(
      sources.map((source) => source.detail.id),
      sources.flatMap((source) => source.annotations.map((annotation) => annotation.id)),
    );
  }

  /** What the PDF export shows of the evidence of these documents and these (exported) annotations. */
  dossier(documentIds: readonly string[], annotationIds: readonly string[]): EvidenceDossier {
    const weighing = this.services.claims.weighing();
    const documents = new Set(documentIds);
    const annotations = this.annotationEvidence(weighing, annotationIds);
    const claims = this.services.claims.repository
      .all()
      .filter((claim) => claim.evidence.some((piece) => documents.has(weighing.documentOf(piece.annotationId) ?? '')))
      .map((claim) => this.services.claims.detail(claim.id, weighing));
    const claimIds = new Set(claims.map((claim) => claim.id));
    return {
      scheme: weighing.scheme,
      annotations,
      sources: this.sourcesOf(weighing, documentIds, annotationIds),
      claims,
      analyses: this.analysesTouching(weighing, documents, claimIds),
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
