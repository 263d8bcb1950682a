// The claims register: short statements with evidence (annotations from any documents, each
// with a stance); statuses are computed by the pure rules, never stored.
import { randomUUID } from 'node:crypto';
import type { ChangeSource } from '../../shared/change-source';
import type { Claim, ClaimDetail, ClaimSummary, Stance } from '../../shared/evidence';
import { UserFacingError } from '../../shared/result';
import type { ClaimRepository } from './claim-repository';
import { ClaimStatusCache } from './claim-status-cache';
import type { EvidenceContext } from './context';
import type { GradingRepository } from './grading-repository';
import type { LinkRepository } from './link-repository';
import { Passages, shortenQuote } from './passages';
import { Weighing } from './weighing';

const STANCE_VERBS: Record<Stance, string> = {
  supports: 'supports',
  contradicts: 'contradicts',
  context: 'gives context to',
};

/** The annotations that support a claim, in its order. */
export function supportingIds(claim: Claim): string[] {
  return claim.evidence.filter((piece) => piece.stance === 'supports').map((piece) => piece.annotationId);
}

export class ClaimService {
  /** The claims and statuses of the library, followed change by change. */
  readonly cache: ClaimStatusCache;

  constructor(
    private readonly context: EvidenceContext,
    readonly repository: ClaimRepository,
    private readonly grading: GradingRepository,
    private readonly links: LinkRepository,
  ) {
    this.cache = new ClaimStatusCache(context, repository, grading, links);
    context.observer = this.cache;
  }

  weighing(): Weighing {
    return new Weighing(this.context, this.grading, this.links);
  }

  requireClaim(id: string): Claim {
    const claim = this.repository.claim(id);
    if (!claim) throw new UserFacingError('NOT_FOUND', `No claim with id ${id} exists.`);
    return claim;
  }

  list(): ClaimSummary[] {
    return this.cache.list();
  }

  /** Every claim's summary computed afresh from the store: what the cache must always equal. */
  listFromScratch(): ClaimSummary[] {
    const claims = this.repository.all();
    const weighing = this.weighing();
    weighing.preloadEvidenceDocuments();
    const outcomes = weighing.statuses(claims);
    return claims.map((claim) => weighing.summary(claim, outcomes.get(claim.id)));
  }

  /**
   * A claim with its weighed evidence; many details can share one weighing (the export's).
   * Without one, what the claims cache holds is used when it is the store's.
   */
  detail(id: string, given?: Weighing): ClaimDetail {
    const claim = this.requireClaim(id);
    const held = given ? undefined : this.cache.held(id);
    const weighing = given ?? held?.weighing ?? this.weighing();
    const outcome = held ? held.outcome : weighing.statuses([claim]).get(claim.id);
    const passages = new Passages(this.context);
    return {
      ...weighing.summary(claim, outcome),
      evidence: claim.evidence.flatMap((piece) => {
        const passage = passages.of(piece.annotationId);
        return passage ? [{ ...piece, passage, ...weighing.evidenceWeights(piece.annotationId) }] : [];
      }),
      independentSupport: outcome?.independentSupport ?? 0,
      singleSourceReasons: outcome?.status === 'single-source' ? weighing.dependence(claim, passages) : [],
      supportCredibility: weighing.bestCredibility(supportingIds(claim)),
      authorId: claim.authorId,
      createdAt: claim.createdAt,
    };
  }

  /** Someone else's claim is theirs to change: I make my own beside it. */
  private assertOwn(claim: { authorId: string }, source: ChangeSource): void {
    const instead = 'Make a claim of your own instead (it can cite the same evidence).';
    this.context.assertOwn({ noun: 'claim', authorId: claim.authorId, instead }, source);
  }

  save(
    input: { id?: string; statement: string; evidence?: Array<{ annotationId: string; stance: Stance }> },
    source: ChangeSource = 'local',
  ): ClaimDetail {
    const current = input.id === undefined ? undefined : this.requireClaim(input.id);
    if (current) this.assertOwn(current, source);
    this.refuseTwoStances(input.evidence ?? []);
    const documentIds = (input.evidence ?? []).map((piece) => this.context.annotation(piece.annotationId).document_id);
    const statement = input.statement.replace(/\s+/g, ' ').trim();
    const id = current?.id ?? randomUUID();
    this.context.change(['claims'], source, () => {
      const now = this.context.now();
      const { authorId } = this.context.author();
      this.repository.upsert({
        id,
        statement,
        authorId: current?.authorId ?? authorId,
        createdAt: current?.createdAt ?? now,
        updatedAt: now,
      });
      for (const piece of input.evidence ?? [])
        this.repository.setEvidence(id, piece.annotationId, piece.stance, authorId, now);
      return {
        result: undefined,
        documentIds: [...documentIds, ...this.repository.documentsOf(id)],
        touched: { claims: [id] },
      };
    });
    return this.detail(id);
  }

  /**
   * One annotation given two stances in one request (supports and contradicts) is a mistake:
   * the store keeps one stance per piece, so the last would silently win. Changing the
   * stance of a piece the claim already has is a separate, explicit request.
   */
  private refuseTwoStances(evidence: ReadonlyArray<{ annotationId: string; stance: Stance }>): void {
    const stances = new Map<string, Stance>();
    for (const piece of evidence) {
      const earlier = stances.get(piece.annotationId);
      if (earlier !== undefined && earlier !== piece.stance) {
        const quote = new Passages(this.context).of(piece.annotationId)?.quote ?? piece.annotationId;
        throw new UserFacingError(
          'INVALID_INPUT',
          `“${shortenQuote(quote, 60)}” is given as evidence that both ${STANCE_VERBS[earlier]} and ` +
            `${STANCE_VERBS[piece.stance]} the claim; give each annotation one stance.`,
        );
      }
      stances.set(piece.annotationId, piece.stance);
    }
  }

  setEvidence(
    input: { claimId: string; annotationId: string; stance: Stance | null },
    source: ChangeSource = 'local',
  ): ClaimDetail {
    const claim = this.requireClaim(input.claimId);
    this.assertOwn(claim, source);
    const annotation = this.context.annotation(input.annotationId);
    const present = claim.evidence.some((piece) => piece.annotationId === input.annotationId);
    if (input.stance === null && !present)
      throw new UserFacingError('NOT_FOUND', `That annotation is not evidence of the claim “${claim.statement}”.`);
    const stance = input.stance;
    this.context.change(['claims'], source, () => {
      const now = this.context.now();
      if (stance === null) this.repository.removeEvidence(claim.id, annotation.id, now);
      else this.repository.setEvidence(claim.id, annotation.id, stance, this.context.author().authorId, now);
      this.repository.touch(claim.id, now);
      return { result: undefined, documentIds: [annotation.document_id], touched: { claims: [claim.id] } };
    });
    return this.detail(claim.id);
  }

  remove(id: string, source: ChangeSource = 'local'): { deleted: true } {
    this.assertOwn(this.requireClaim(id), source);
    const documentIds = this.repository.documentsOf(id);
    // An analysis row citing the claim goes with it (a trigger), so analyses change too.
    return this.context.change(['claims', 'analyses'], source, () => {
      this.repository.delete(id, this.context.now());
      return { result: { deleted: true as const }, documentIds, touched: { claims: [id] } };
    });
  }
}
