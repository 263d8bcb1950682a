// A claim's status, computed from its evidence (never typed): corroborated, contested,
// single-source or unsupported, with how many supporting pieces are independent.
import type { ClaimEvidence, ClaimStatus, GradingScheme } from '../evidence';
import { isCredible } from './grades';
import { largestIndependentCount, originsOf, RepeatReach, type RepeatLink } from './independence';

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

/** The claim's pieces by stance, each annotation once per stance whatever the order. */
function byStance(evidence: readonly ClaimEvidence[]): { supporting: string[]; contradicting: string[] } {
  const supporting = new Set<string>();
  const contradicting = new Set<string>();
  for (const piece of evidence) {
    if (piece.stance === 'supports') supporting.add(piece.annotationId);
    else if (piece.stance === 'contradicts') contradicting.add(piece.annotationId);
  }
  return { supporting: [...supporting].sort(), contradicting: [...contradicting].sort() };
}

/**
 * The rules, in order:
 * - contested: credible evidence both ways (see `isCredible`: better than the scheme's
 *   middle, or not graded). It comes first: two independent reports do not settle a claim
 *   that credible evidence contradicts.
 * - corroborated: at least two independent supporting pieces (see `originsOf`).
 * - single-source: supporting evidence, all of it from one origin.
 * - unsupported: no supporting evidence (context and contradiction alone support nothing).
 */
export function outcomeOf(
  evidence: readonly ClaimEvidence[],
  graph: Pick<ClaimGraph, 'sourcesOf' | 'credibilityOf' | 'scheme'>,
  reach: RepeatReach,
): ClaimOutcome {
  const { supporting, contradicting } = byStance(evidence);
  const independentSupport = largestIndependentCount(
    supporting.map((id) => originsOf(id, reach, (annotationId) => graph.sourcesOf(annotationId))),
  );
  const credible = (id: string): boolean => isCredible(graph.credibilityOf(id), graph.scheme);
  let status: ClaimStatus;
  if (supporting.some(credible) && contradicting.some(credible)) status = 'contested';
  else if (independentSupport >= 2) status = 'corroborated';
  else if (supporting.length > 0) status = 'single-source';
  else status = 'unsupported';
  return { status, independentSupport };
}

/** Every claim's status and independent support, keyed by claim id. */
export function claimStatuses(graph: ClaimGraph): Map<string, ClaimOutcome> {
  const reach = new RepeatReach(graph.repeats);
  const outcomes = new Map<string, ClaimOutcome>();
  for (const claim of graph.claims) outcomes.set(claim.id, outcomeOf(claim.evidence, graph, reach));
  return outcomes;
}
