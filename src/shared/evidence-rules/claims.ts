// A claim's status, computed from its evidence (never typed): corroborated, contested,
// single-source or unsupported, with how many supporting pieces are independent.
import type { ClaimEvidence, ClaimStatus, GradingScheme } from '../evidence';
import { isCredible } from './grades';
import { EXACT_COMPONENT_LIMIT, largestIndependentCount, largestIndependentCountOfMasks } from './independence';
import { type Dependence, OriginIndex, type RepeatLink } from './origins';

/** What the status rules need to know about the library's claims and annotations. */
export interface ClaimGraph {
  claims: ReadonlyArray<{ id: string; evidence: readonly ClaimEvidence[] }>;
  /**
   * The sources of an annotation: its own, else its document's. When it has neither, the
   * store should give a stand-in such as `document:<id>`, so that two passages of one
   * unsourced document are not taken for independent reports.
   */
  sourcesOf(annotationId: string): readonly string[];
  /** The annotation's credibility code, '' when not graded. */
  credibilityOf(annotationId: string): string;
  /** Every "repeats" link of the library (`fromId` repeats `toId`). */
  repeats: readonly RepeatLink[];
  scheme: GradingScheme;
}

export interface ClaimOutcome {
  status: ClaimStatus;
  /** The largest number of supporting pieces no two of which share an origin. */
  independentSupport: number;
}

/**
 * The claim's pieces by stance, each annotation once per stance. Supporting pieces are
 * sorted so the answer never depends on their order (only the greedy count of a very
 * large entangled group could otherwise).
 */
function byStance(evidence: readonly ClaimEvidence[]): { supporting: string[]; contradicting: string[] } {
  const supporting: string[] = [];
  const contradicting: string[] = [];
  for (const piece of evidence) {
    const list = piece.stance === 'supports' ? supporting : piece.stance === 'contradicts' ? contradicting : undefined;
    if (list && !list.includes(piece.annotationId)) list.push(piece.annotationId);
  }
  return { supporting: supporting.sort(), contradicting };
}

/**
 * The rules, in order:
 * - contested: credible evidence both ways (see `isCredible`: better than the scheme's
 *   middle, or not graded). It comes first: two independent reports do not settle a claim
 *   that credible evidence contradicts.
 * - corroborated: at least two independent supporting pieces (see `OriginIndex.origins`).
 * - single-source: supporting evidence, all of it from one origin.
 * - unsupported: no supporting evidence (context and contradiction alone support nothing).
 */
export function outcomeOf(
  evidence: readonly ClaimEvidence[],
  graph: Pick<ClaimGraph, 'credibilityOf' | 'scheme'>,
  origins: OriginIndex,
): ClaimOutcome {
  const { supporting, contradicting } = byStance(evidence);
  const independentSupport =
    supporting.length <= EXACT_COMPONENT_LIMIT
      ? largestIndependentCountOfMasks(origins.conflictMasks(supporting))
      : largestIndependentCount(supporting.map((id) => origins.origins(id)));
  const credible = (id: string): boolean => isCredible(graph.credibilityOf(id), graph.scheme);
  let status: ClaimStatus;
  if (supporting.some(credible) && contradicting.some(credible)) status = 'contested';
  else if (independentSupport >= 2) status = 'corroborated';
  else if (supporting.length > 0) status = 'single-source';
  else status = 'unsupported';
  return { status, independentSupport };
}

/** Every claim's status and independent support, keyed by claim id, computed afresh. */
export function claimStatuses(graph: ClaimGraph): Map<string, ClaimOutcome> {
  const origins = new OriginIndex(graph.repeats, (id) => graph.sourcesOf(id));
  const outcomes = new Map<string, ClaimOutcome>();
  for (const claim of graph.claims) outcomes.set(claim.id, outcomeOf(claim.evidence, graph, origins));
  return outcomes;
}

/** At most this many reasons are given for a single-source claim (one per piece beyond the first). */
export const MAX_DEPENDENCE_REASONS = 20;

/**
 * Why a claim's supporting pieces count as one source: how each piece (beyond the first, in
 * the order `byStance` sorts them) depends on the first. Empty when there is at most one
 * supporting piece (nothing was merged) or when some pieces are independent.
 */
export function singleSourceReasons(evidence: readonly ClaimEvidence[], origins: OriginIndex): Dependence[] {
  const [first, ...others] = byStance(evidence).supporting;
  if (first === undefined) return [];
  const reasons: Dependence[] = [];
  for (const other of others.slice(0, MAX_DEPENDENCE_REASONS)) {
    const reason = origins.dependence(other, first);
    if (!reason) return [];
    reasons.push(reason);
  }
  return reasons;
}
