// What weighing evidence reads from the store, loaded once per view: each annotation's
// sources (its own, else its document's), its credibility and reliability, the scheme and
// the repeats links; and claims' statuses and best grades from the pure rules.
import type { Claim, ClaimEvidenceView, ClaimSummary, GradingScheme, Stance } from '../../shared/evidence';
import { STANCES } from '../../shared/evidence';
import type { ClaimOutcome, Dependence } from '../../shared/evidence-rules';
import {
  OriginIndex,
  bestGrade,
  claimStatuses,
  compareCredibility,
  compareReliability,
  gradeLabel,
  singleSourceReasons,
} from '../../shared/evidence-rules';
import type { EvidenceContext } from './context';
import type { GradingRepository, SourceRow } from './grading-repository';
import type { LinkRepository } from './link-repository';
import { type Passages, shortenQuote } from './passages';

/**
 * Two passages as a reason names them: by their quotes, and by where each is when the quotes
 * read the same (two reports quoting one line word for word), so the reason can be followed.
 */
function namePair(
  pieces: readonly [string, string],
  quote: (id: string) => string,
  passages: Passages,
): [string, string] {
  const [first, second] = [quote(pieces[0]), quote(pieces[1])];
  if (first !== second) return [first, second];
  const where = (id: string) => {
    const passage = passages.of(id);
    const title = passage && shortenQuote(passage.documentTitle, REASON_TITLE);
    return passage ? ` (in “${title}”${passage.page ? `, ${passage.page}` : ''})` : '';
  };
  return [`${first}${where(pieces[0])}`, `${second}${where(pieces[1])}`];
}

/** How long a quote may be in a reason a claim is single-source. */
const REASON_QUOTE = 48;
/** How long a document's title may be where a reason says which passage is which. */
const REASON_TITLE = 40;

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
      // The grade describes the support: evidence against a claim does not make it better graded.
      bestGrade: bestGrade(
        claim.evidence.filter((piece) => piece.stance === 'supports').map((piece) => this.gradeOf(piece.annotationId)),
        this.scheme,
      ),
      authorId: claim.authorId,
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

  /** Why a single-source claim's supporting pieces count as one source, one sentence per merged piece. */
  dependence(claim: Claim, passages: Passages): string[] {
    const origins = new OriginIndex(this.links.repeats(), (id) => this.originsOf(id));
    const quote = (id: string) => `“${shortenQuote(passages.of(id)?.quote ?? id, REASON_QUOTE)}”`;
    return singleSourceReasons(claim.evidence, origins).map((reason: Dependence) => {
      if (reason.kind === 'repeats') {
        const [from, to] = namePair([reason.from, reason.to], quote, passages);
        return `${from} repeats ${to}`;
      }
      // The two pieces come in no set order: named alike, they are sorted so the reason reads the same each time.
      const both = namePair(reason.pieces, quote, passages)
        .sort((a, b) => a.localeCompare(b))
        .join(' and ');
      if (reason.kind === 'common') return `${both} both repeat ${quote(reason.via)}`;
      return `${both} are both from ${this.originName(reason.source, passages)}`;
    });
  }

  /** A source's name, or for an unsourced document's stand-in (`document:<id>`), the document. */
  private originName(origin: string, passages: Passages): string {
    if (!origin.startsWith('document:')) return this.source(origin)?.name ?? origin;
    const documentId = origin.slice('document:'.length);
    return `the document “${passages.documentTitle(documentId)}” (no source named)`;
  }
}
