// The evidence part of the contract: sources and grades, links between annotations, the
// claims register and analyses of competing hypotheses. MarginaliaContract extends it.
import type {
  AchRating,
  AchRow,
  AchSummary,
  AchView,
  AnnotationGrade,
  AnnotationLink,
  ClaimDetail,
  ClaimSummary,
  DeleteSourceResult,
  EvidenceSource,
  GradingScheme,
  LinkKind,
  LinkView,
  Relevance,
  SourceKind,
  Stance,
} from './evidence';

export interface SaveSourceRequest {
  /** Absent to create a source. */
  id?: string;
  name: string;
  kind?: SourceKind;
  reliability?: string;
  reliabilityReason?: string;
  notes?: string;
}

export interface EvidenceContract {
  /** The library's grading scheme (the Admiralty system unless the library defined another). */
  getGradingScheme(input: Record<string, never>): GradingScheme;
  /** Replaces the scheme; grades whose codes it no longer has are kept and shown as not graded. */
  saveGradingScheme(input: { scheme: GradingScheme }): GradingScheme;
  listSources(input: Record<string, never>): EvidenceSource[];
  saveSource(input: SaveSourceRequest): EvidenceSource;
  /**
   * Deletes a source. One that grades or documents still name is refused (IN_USE, the message
   * naming the uses) unless `force`; then they no longer name it, and the answer counts them.
   */
  deleteSource(input: { id: string; force?: boolean }): DeleteSourceResult;
  /** A document's default sources (its outlet, say), which its annotations have unless they name their own. */
  getDocumentSources(input: { documentId: string }): { sourceIds: string[] };
  setDocumentSources(input: { documentId: string; sourceIds: string[] }): { sourceIds: string[] };
  /** The grades of a document's annotations (only annotations that have one). */
  listGrades(input: { documentId: string }): AnnotationGrade[];
  /** Sets an annotation's own sources and/or its credibility ('' clears it). */
  gradeAnnotation(input: { annotationId: string; sourceIds?: string[]; credibility?: string }): AnnotationGrade;
  /** Links touching any annotation of the document, seen from that document's side. */
  listLinks(input: { documentId: string }): LinkView[];
  linkAnnotations(input: { fromId: string; toId: string; kind: LinkKind }): AnnotationLink;
  unlinkAnnotations(input: { id: string }): { deleted: true };
  listClaims(input: Record<string, never>): ClaimSummary[];
  getClaim(input: { id: string }): ClaimDetail;
  /** Creates a claim (no id) or rewords one; `evidence` adds pieces with their stance. */
  saveClaim(input: {
    id?: string;
    statement: string;
    evidence?: Array<{ annotationId: string; stance: Stance }>;
  }): ClaimDetail;
  /** Adds a piece of evidence, changes its stance, or (stance null) removes it. */
  setClaimEvidence(input: { claimId: string; annotationId: string; stance: Stance | null }): ClaimDetail;
  deleteClaim(input: { id: string }): { deleted: true };
  listAnalyses(input: Record<string, never>): AchSummary[];
  /** The matrix as one analyst rated it: `analystId`, else the default AchView.analyst describes. */
  getAnalysis(input: { id: string; analystId?: string }): AchView;
  /** Creates an analysis for a question (no id) or rewords its question. */
  saveAnalysis(input: { id?: string; question: string }): AchView;
  deleteAnalysis(input: { id: string }): { deleted: true };
  /** The local analyst's matrix as CSV (rows most diagnostic first, then scores and ranks), with a file name from the question. */
  exportAnalysisCsv(input: { id: string; analystId?: string }): { fileName: string; csv: string };
  /** Adds a hypothesis (no id) or renames one. */
  saveHypothesis(input: { analysisId: string; id?: string; label: string }): AchView;
  removeHypothesis(input: { analysisId: string; id: string }): AchView;
  /** Adds a row for a claim or an annotation (no id) or changes a row's relevance. */
  saveAchRow(input: { analysisId: string; id?: string; evidence?: AchRow['evidence']; relevance?: Relevance }): AchView;
  removeAchRow(input: { analysisId: string; id: string }): AchView;
  /** The local analyst's rating of a row against a hypothesis, with an optional note; rating null clears the cell. */
  rateAchCell(input: {
    analysisId: string;
    rowId: string;
    hypothesisId: string;
    rating: AchRating | null;
    note?: string;
  }): AchView;
}

export const EVIDENCE_METHOD_NAMES = [
  'getGradingScheme',
  'saveGradingScheme',
  'listSources',
  'saveSource',
  'deleteSource',
  'getDocumentSources',
  'setDocumentSources',
  'listGrades',
  'gradeAnnotation',
  'listLinks',
  'linkAnnotations',
  'unlinkAnnotations',
  'listClaims',
  'getClaim',
  'saveClaim',
  'setClaimEvidence',
  'deleteClaim',
  'listAnalyses',
  'getAnalysis',
  'saveAnalysis',
  'deleteAnalysis',
  'exportAnalysisCsv',
  'saveHypothesis',
  'removeHypothesis',
  'saveAchRow',
  'removeAchRow',
  'rateAchCell',
] as const satisfies ReadonlyArray<keyof EvidenceContract>;

/** What an evidence change touched, so views reload only what they show. */
export const EVIDENCE_KINDS = ['scheme', 'sources', 'grades', 'links', 'claims', 'analyses'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];
