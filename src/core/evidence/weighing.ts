// What weighing evidence reads from the store, loaded once per view: each annotation's
// sources (its own, else its document's), its credibility and reliability, the scheme and
// the repeats links; and claims' statuses and best grades from the pure rules.
import type { Claim, ClaimEvidenceView, ClaimSummary, GradingScheme, Stance } from '../../shared/evidence';
import { STANCES } from '../../shared/evidence';
import type { ClaimOutcome } from '../../shared/evidence-rules';
import {
  bestGrade,
  claimStatuses,
  compareCredibility,
  compareReliability,
  gradeLabel,
} from '../../shared/evidence-rules';
import type { EvidenceContext } from './context';
import type { GradingRepository, SourceRow } from './grading-repository';
import type { LinkRepository } from './link-repository';

export class Weighing {
  readonly scheme: GradingScheme;
  private readonly ownSources: Map<string, string[]>;
  private readonly documentSources: Map<string, string[]>;
  private readonly credibilities: Map<string, string>;
  private readonly sources = new Map<string, SourceRow | undefined>();
  private readonly documents = new Map<string, string | undefined>();
  private readonly reliabilityCodes: Set<string>;

  constructor(
    private readonly context: EvidenceContext,
    private readonly grading: GradingRepository,
    private readonly links: LinkRepository,
  ) {
    this.scheme = grading.scheme();
    this.ownSources = grading.allGradeSources();
    this.documentSources = grading.allDocumentSources();
    // A code the scheme no longer has is kept in the store but weighs as not graded.
    const credibilityCodes = new Set(this.scheme.credibility.map((level) => level.code));
    this.credibilities = new Map([...grading.allCredibilities()].filter(([, code]) => credibilityCodes.has(code)));
    this.reliabilityCodes = new Set(this.scheme.reliability.map((level) => level.code));
  }

  /** Reads the documents of every claim's evidence in one query (a claims list needs them all). */
  preloadEvidenceDocuments(): void {
    const rows = this.context.db
      .prepare<[], [string, string]>(
        'SELECT DISTINCT a.id, a.document_id FROM claim_evidence e JOIN annotations a ON a.id = e.annotation_id',
      )
      .raw()
      .all();
    for (const [id, documentId] of rows) this.documents.set(id, documentId);
  }

  /** Reads an annotation's own sources and credibility again (its grade changed). */
  reloadAnnotation(annotationId: string): void {
    const grade = this.grading.grade(annotationId);
    this.ownSources.set(annotationId, grade?.sourceIds ?? []);
    const credible = grade && this.scheme.credibility.some((level) => level.code === grade.credibility);
    if (credible) this.credibilities.set(annotationId, grade.credibility);
    else this.credibilities.delete(annotationId);
  }

  /** Reads a document's default sources again. */
  reloadDocument(documentId: string): void {
    this.documentSources.set(documentId, this.grading.documentSources(documentId));
  }

  /** Forgets a source's row, read again when next needed (its name or reliability changed). */
  forgetSource(id: string): void {
    this.sources.delete(id);
  }

  documentOf(annotationId: string): string | undefined {
    if (!this.documents.has(annotationId))
      this.documents.set(annotationId, this.context.annotationRow(annotationId)?.document_id);
    return this.documents.get(annotationId);
  }

  /** The annotation's sources: its own, else its document's; none when neither names any. */
  sourceIdsOf(annotationId: string): string[] {
    const own = this.ownSources.get(annotationId);
    if (own && own.length > 0) return own;
    const documentId = this.documentOf(annotationId);
    return (documentId === undefined ? undefined : this.documentSources.get(documentId)) ?? [];
  }

  /** For independence: an unsourced annotation stands for its document, so two passages of one document are not independent. */
  originsOf(annotationId: string): string[] {
    const ids = this.sourceIdsOf(annotationId);
    return ids.length > 0 ? ids : [`document:${this.documentOf(annotationId) ?? annotationId}`];
  }

  source(id: string): SourceRow | undefined {
    if (!this.sources.has(id)) this.sources.set(id, this.grading.source(id));
    return this.sources.get(id);
  }

  credibilityOf(annotationId: string): string {
    return this.credibilities.get(annotationId) ?? '';
  }

  /** The best reliability among the annotation's sources ('' when none is graded). */
  reliabilityOf(annotationId: string): string {
    let best = '';
    for (const id of this.sourceIdsOf(annotationId)) {
      const reliability = this.source(id)?.reliability ?? '';
      if (
        this.reliabilityCodes.has(reliability) &&
        (best === '' || compareReliability(reliability, best, this.scheme) < 0)
      )
        best = reliability;
    }
    return best;
  }

  gradeOf(annotationId: string): { reliability: string; credibility: string } {
    return { reliability: this.reliabilityOf(annotationId), credibility: this.credibilityOf(annotationId) };
  }

  /** The best credibility among the pieces ('' when none is graded): a claim's credibility as an ACH row. */
  bestCredibility(annotationIds: readonly string[]): string {
    let best = '';
    for (const id of annotationIds) {
      const credibility = this.credibilityOf(id);
      if (credibility !== '' && (best === '' || compareCredibility(credibility, best, this.scheme) < 0))
        best = credibility;
    }
    return best;
  }

  statuses(claims: readonly Claim[]): Map<string, ClaimOutcome> {
    return claimStatuses({
      claims,
      sourcesOf: (id) => this.originsOf(id),
      credibilityOf: (id) => this.credibilityOf(id),
      repeats: this.links.repeats(),
      scheme: this.scheme,
    });
  }

  summary(claim: Claim, outcome: ClaimOutcome | undefined): ClaimSummary {
    const counts = Object.fromEntries(STANCES.map((stance) => [stance, 0])) as Record<Stance, number>;
    for (const piece of claim.evidence) counts[piece.stance] += 1;
    return {
      id: claim.id,
      statement: claim.statement,
      status: outcome?.status ?? 'unsupported',
      counts,
      bestGrade: bestGrade(
        claim.evidence.map((piece) => this.gradeOf(piece.annotationId)),
        this.scheme,
      ),
      updatedAt: claim.updatedAt,
    };
  }

  /** What a piece of evidence needs to be weighed, but its passage. */
  evidenceWeights(annotationId: string): Omit<ClaimEvidenceView, 'annotationId' | 'stance' | 'passage'> {
    const sources = this.sourceIdsOf(annotationId).flatMap((id) => {
      const row = this.source(id);
      return row ? [{ id: row.id, name: row.name, reliability: row.reliability }] : [];
    });
    const { reliability, credibility } = this.gradeOf(annotationId);
    return { sources, credibility, grade: gradeLabel(reliability, credibility) };
  }
}
