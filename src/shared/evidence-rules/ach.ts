// Analysis of competing hypotheses (Heuer, "Psychology of Intelligence Analysis", ch. 8;
// scored as PARC ACH does): weighted inconsistency per hypothesis, the ranking, each row's
// diagnosticity and which rows the leading hypothesis hangs on.
import type { AchRating, AchScores, GradingScheme, Relevance } from '../evidence';
import { add, compareExact, powerOfRoot2, subtract, toNumber, ZERO, type Exact } from './exact';
import { credibilityStanding } from './grades';

export interface AchScoringInput {
  hypothesisIds: string[];
  rows: Array<{ id: string; relevance: Relevance; credibility: string }>;
  /** One analyst's ratings; a later rating of the same cell replaces an earlier one. */
  ratings: Array<{ rowId: string; hypothesisId: string; rating: AchRating }>;
  scheme: GradingScheme;
}

/** What a rating adds to a hypothesis's inconsistency: only evidence against it counts. */
export const RATING_INCONSISTENCY: Record<AchRating, number> = { CC: 0, C: 0, N: 0, I: 1, II: 2, NA: 0 };

/** Relevance as a power of √2: low 1/√2 ≈ 0.707, medium 1, high √2 ≈ 1.414 (PARC ACH's weights). */
const RELEVANCE_EXPONENT: Record<Relevance, number> = { low: -1, medium: 0, high: 1 };

/**
 * A row's weight as a power of √2: relevance times credibility, credibility weighed like
 * relevance (PARC ACH's Low/Medium/High) by where it stands in the scheme: better than the
 * middle high (Admiralty 1, 2), the middle or not graded medium (3, 6, ''), worse low (4, 5).
 */
export function rowWeightExponent(relevance: Relevance, credibility: string, scheme: GradingScheme): number {
  return RELEVANCE_EXPONENT[relevance] + credibilityStanding(credibility, scheme);
}

/** The weight itself: one of 0.5, 0.707, 1, 1.414, 2. */
export function rowWeight(relevance: Relevance, credibility: string, scheme: GradingScheme): number {
  return toNumber(powerOfRoot2(rowWeightExponent(relevance, credibility, scheme), 1));
}

/** Per row, what it adds to each hypothesis's score (in hypothesis order). */
function contributions(input: AchScoringInput, hypothesisIds: readonly string[]): Map<string, Exact[]> {
  const column = new Map(hypothesisIds.map((id, index) => [id, index]));
  const values = new Map<string, number[]>();
  for (const row of input.rows)
    values.set(
      row.id,
      hypothesisIds.map(() => 0),
    );
  for (const { rowId, hypothesisId, rating } of input.ratings) {
    const index = column.get(hypothesisId);
    const row = values.get(rowId);
    if (index !== undefined && row) row[index] = RATING_INCONSISTENCY[rating] ?? 0;
  }
  const result = new Map<string, Exact[]>();
  for (const row of input.rows) {
    const exponent = rowWeightExponent(row.relevance, row.credibility, input.scheme);
    result.set(
      row.id,
      values.get(row.id)!.map((value) => powerOfRoot2(exponent, value)),
    );
  }
  return result;
}

/** Hypothesis indexes, least inconsistent first; equal scores keep the hypotheses' order. */
function rank(totals: readonly Exact[]): number[] {
  return totals.map((_, index) => index).sort((a, b) => compareExact(totals[a]!, totals[b]!) || a - b);
}

/**
 * The hypotheses sharing first place (least inconsistent), as a key. Sensitivity compares
 * this set rather than `ranking[0]`, so it does not hang on the order hypotheses were listed
 * in: a row whose removal brings another hypothesis level with the leader is sensitive.
 */
function leadersKey(totals: readonly Exact[]): string {
  let best: number[] = [];
  for (let index = 0; index < totals.length; index += 1) {
    const order = best.length === 0 ? -1 : compareExact(totals[index]!, totals[best[0]!]!);
    if (order < 0) best = [index];
    else if (order === 0) best.push(index);
  }
  return best.join(',');
}

/**
 * Diagnosticity: how far the row can move one hypothesis's score from another's, the
 * largest minus the smallest of what it adds (weight × (max − min) of I = 1, II = 2, others
 * 0). A row rated alike for every hypothesis has 0, as has one consistent with all (Heuer:
 * evidence consistent with every hypothesis has no diagnostic value).
 */
function diagnosticityOf(row: readonly Exact[]): number {
  if (row.length === 0) return 0;
  let high = row[0]!;
  let low = row[0]!;
  for (const value of row) {
    if (compareExact(value, high) > 0) high = value;
    if (compareExact(value, low) < 0) low = value;
  }
  return toNumber(subtract(high, low));
}

/**
 * One analyst's matrix scored: each hypothesis's weighted inconsistency (the sum over rows
 * of I = 1 or II = 2 times the row's weight), the ranking (least inconsistent first, equal
 * scores in the order the hypotheses were given), each row's diagnosticity, and the
 * sensitive rows: those whose removal alone changes which hypotheses share first place.
 * An unrated cell adds nothing, as do cells of unknown rows or hypotheses.
 */
export function scoreAnalysis(input: AchScoringInput): AchScores {
  const hypothesisIds = [...new Set(input.hypothesisIds)];
  const rows = contributions(input, hypothesisIds);
  let totals: Exact[] = hypothesisIds.map(() => ZERO);
  for (const row of rows.values()) totals = totals.map((total, index) => add(total, row[index]!));
  const order = rank(totals);
  const diagnosticity: Record<string, number> = {};
  const sensitiveRows: string[] = [];
  const leaders = leadersKey(totals);
  for (const [rowId, row] of rows) {
    diagnosticity[rowId] = diagnosticityOf(row);
    if (diagnosticity[rowId] === 0) continue; // takes the same from every hypothesis
    if (leadersKey(totals.map((total, index) => subtract(total, row[index]!))) !== leaders) sensitiveRows.push(rowId);
  }
  const inconsistency: Record<string, number> = {};
  hypothesisIds.forEach((id, index) => (inconsistency[id] = toNumber(totals[index]!)));
  return { inconsistency, ranking: order.map((index) => hypothesisIds[index]!), diagnosticity, sensitiveRows };
}
