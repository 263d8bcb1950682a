// Claim statuses kept up to date as the library changes: after one change only the claims
// it can affect are computed again (the whole library takes far longer than a frame).
import type { ClaimEvidence, GradingScheme } from '../evidence';
import { outcomeOf, type ClaimGraph, type ClaimOutcome } from './claims';
import { OriginIndex, type RepeatLink } from './origins';

/**
 * Holds every claim's outcome. `sourcesOf` and `credibilityOf` are read live, so after a
 * grade or a source changes the caller says which annotations changed
 * (`annotationsChanged`); the graph's claims and links are read once, and later changes to
 * them are told through their own methods. The outcomes are always those `claimStatuses`
 * would give for the same graph (a property test holds it to that).
 */
export class ClaimStatusIndex {
  private readonly claims = new Map<string, readonly ClaimEvidence[]>();
  private readonly claimsOf = new Map<string, Set<string>>();
  private readonly results = new Map<string, ClaimOutcome>();
  private readonly origins: OriginIndex;
  private scheme: GradingScheme;

  constructor(private readonly graph: ClaimGraph) {
    this.scheme = graph.scheme;
    this.origins = new OriginIndex(graph.repeats, (id) => graph.sourcesOf(id));
    for (const claim of graph.claims) this.setClaim(claim.id, claim.evidence);
  }

  get outcomes(): ReadonlyMap<string, ClaimOutcome> {
    return this.results;
  }

  /** Adds a claim or replaces its evidence. */
  setClaim(id: string, evidence: readonly ClaimEvidence[]): ClaimOutcome {
    this.removeClaim(id);
    this.claims.set(id, [...evidence]);
    for (const piece of evidence) {
      let claims = this.claimsOf.get(piece.annotationId);
      if (!claims) this.claimsOf.set(piece.annotationId, (claims = new Set()));
      claims.add(id);
    }
    return this.compute(id);
  }

  removeClaim(id: string): void {
    for (const piece of this.claims.get(id) ?? []) this.claimsOf.get(piece.annotationId)?.delete(id);
    this.claims.delete(id);
    this.results.delete(id);
  }

  /** A repeats link was made: every annotation that reaches its `fromId` now reaches further. */
  addRepeat(link: RepeatLink): string[] {
    this.origins.addLink(link);
    return this.refresh(this.origins.dependents(link.fromId));
  }

  removeRepeat(link: RepeatLink): string[] {
    const dependents = this.origins.dependents(link.fromId);
    this.origins.removeLink(link);
    return this.refresh(dependents);
  }

  /**
   * These annotations' sources or credibility changed (a grade, a document's default
   * sources): every claim whose evidence is one of them or repeats one of them is computed
   * again. Returns the ids of the claims computed again.
   */
  annotationsChanged(annotationIds: Iterable<string>): string[] {
    const dependents = new Set<string>();
    for (const id of annotationIds) for (const dependent of this.origins.dependents(id)) dependents.add(dependent);
    return this.refresh(dependents);
  }

  /** Another grading scheme changes what is credible: everything is computed again. */
  setScheme(scheme: GradingScheme): void {
    this.scheme = scheme;
    for (const id of this.claims.keys()) this.compute(id);
  }

  private refresh(annotationIds: Iterable<string>): string[] {
    const claims = new Set<string>();
    const ids = [...annotationIds];
    this.origins.forget(ids);
    for (const id of ids) for (const claim of this.claimsOf.get(id) ?? []) claims.add(claim);
    for (const claim of claims) this.compute(claim);
    return [...claims];
  }

  private compute(id: string): ClaimOutcome {
    const outcome = outcomeOf(
      this.claims.get(id)!,
      { credibilityOf: (annotationId) => this.graph.credibilityOf(annotationId), scheme: this.scheme },
      this.origins,
    );
    this.results.set(id, outcome);
    return outcome;
  }
}
