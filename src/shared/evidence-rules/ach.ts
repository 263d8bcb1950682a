// Analysis of competing hypotheses (Heuer, "Psychology of Intelligence Analysis", ch. 8;
// scored as PARC ACH does): weighted inconsistency per hypothesis, the ranking, each row's
// diagnosticity and which rows the ranking hangs on. Equal scores share a rank.
import type { AchRating, AchScores, GradingScheme, Relevance } from '../evidence';
import { powerOfRoot2, signOf, toNumber } from './exact';
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
  return (RELEVANCE_EXPONENT[relevance] ?? 0) + credibilityStanding(credibility, scheme);
}

/** The weight itself: one of 0.5, 0.707, 1, 1.414, 2. */
export function rowWeight(relevance: Relevance, credibility: string, scheme: GradingScheme): number {
  const { p, q } = powerOfRoot2(rowWeightExponent(relevance, credibility, scheme), 1);
  return toNumber(p, q);
}

/**
 * The matrix as whole numbers (see exact.ts): what cell (row r, hypothesis h), at
 * r × columns + h, adds to h's score is (p + q·√2) / 2. Typed arrays, so that scoring a
 * 20 × 500 matrix after every rating leaves little for the garbage collector.
 */
interface Grid {
  rowIds: string[];
  columns: number;
  p: Int32Array;
  q: Int32Array;
}

function gridOf(input: AchScoringInput, hypothesisIds: readonly string[]): Grid {
  const columns = hypothesisIds.length;
  const column = new Map(hypothesisIds.map((id, index) => [id, index]));
  const rowIndex = new Map<string, number>();
  const rows = input.rows.filter((row) => !rowIndex.has(row.id) && rowIndex.set(row.id, rowIndex.size));
  const values = new Uint8Array(rows.length * columns);
  for (const { rowId, hypothesisId, rating } of input.ratings) {
    const h = column.get(hypothesisId);
    const r = rowIndex.get(rowId);
    if (h !== undefined && r !== undefined) values[r * columns + h] = RATING_INCONSISTENCY[rating] ?? 0;
  }
  const p = new Int32Array(values.length);
  const q = new Int32Array(values.length);
  rows.forEach((row, r) => {
    const weight = powerOfRoot2(rowWeightExponent(row.relevance, row.credibility, input.scheme), 1);
    for (let at = r * columns; at < (r + 1) * columns; at += 1) {
      p[at] = weight.p * values[at]!;
      q[at] = weight.q * values[at]!;
    }
  });
  return { rowIds: rows.map((row) => row.id), columns, p, q };
}

/**
 * Diagnosticity: how far the row can move one hypothesis's score from another's, the
 * largest minus the smallest of what it adds (weight × (max − min) of I = 1, II = 2, others
 * 0). A row rated alike for every hypothesis has 0, as has one consistent with all (Heuer:
 * evidence consistent with every hypothesis has no diagnostic value).
 */
function diagnosticityOf(grid: Grid, r: number): number {
  const start = r * grid.columns;
  let high = start;
  let low = start;
  for (let at = start + 1; at < start + grid.columns; at += 1) {
    if (signOf(grid.p[at]! - grid.p[high]!, grid.q[at]! - grid.q[high]!) > 0) high = at;
    if (signOf(grid.p[at]! - grid.p[low]!, grid.q[at]! - grid.q[low]!) < 0) low = at;
  }
  return grid.columns === 0 ? 0 : toNumber(grid.p[high]! - grid.p[low]!, grid.q[high]! - grid.q[low]!);
}

/** Totals, optionally less one row: the hypotheses' scores in whole numbers. */
class Totals {
  readonly p: Int32Array;
  readonly q: Int32Array;

  constructor(private readonly grid: Grid) {
    this.p = new Int32Array(grid.columns);
    this.q = new Int32Array(grid.columns);
    for (let at = 0; at < grid.p.length; at += 1) {
      this.p[at % grid.columns]! += grid.p[at]!;
      this.q[at % grid.columns]! += grid.q[at]!;
    }
  }

  /** The sign of (h's total − g's total), both less row `without` (−1 for no row). */
  compare(h: number, g: number, without = -1): number {
    const at = without * this.grid.columns;
    const dp = this.p[h]! - this.p[g]! - (without < 0 ? 0 : this.grid.p[at + h]! - this.grid.p[at + g]!);
    const dq = this.q[h]! - this.q[g]! - (without < 0 ? 0 : this.grid.q[at + h]! - this.grid.q[at + g]!);
    return signOf(dp, dq);
  }
}

/**
 * Standard competition ranks ("1, 1, 3") of hypotheses already sorted least inconsistent
 * first: a hypothesis ranks one more than the number of hypotheses strictly less
 * inconsistent than it, so equal scores (exactly equal: the totals are whole numbers) share
 * a rank and the next rank is skipped.
 */
function competitionRanks(totals: Totals, sorted: readonly number[]): Int32Array {
  const ranks = new Int32Array(sorted.length);
  sorted.forEach((h, index) => {
    const level = index > 0 && totals.compare(sorted[index - 1]!, h) === 0;
    ranks[h] = level ? ranks[sorted[index - 1]!]! : index + 1;
  });
  return ranks;
}

/**
 * Whether scoring without row `r` gives any hypothesis a different rank: two hypotheses
 * that were level come apart, two that were apart become level, or two swap places. Only
 * neighbours in the sorted order need comparing: if each neighbouring pair keeps its
 * relation (< stays <, = stays =), transitivity keeps every other pair's, so the ranks
 * are the same; and as ranks fix every pair's relation (equal exactly when level), a pair
 * whose relation changes means changed ranks. Two hypotheses tied for first of which one
 * pulls ahead is a change; so is a hypothesis drawing level with another at any place.
 */
function changesRanking(totals: Totals, sorted: readonly number[], r: number): boolean {
  for (let index = 1; index < sorted.length; index += 1) {
    const [h, g] = [sorted[index - 1]!, sorted[index]!];
    if (totals.compare(h, g, r) !== totals.compare(h, g)) return true;
  }
  return false;
}

/**
 * One analyst's matrix scored: each hypothesis's weighted inconsistency (the sum over rows
 * of I = 1 or II = 2 times the row's weight), the ranking (least inconsistent first, equal
 * scores in the order the hypotheses were given), each hypothesis's competition rank (equal
 * scores share a rank: 1, 1, 3), each row's diagnosticity, and the sensitive rows: those
 * whose removal alone changes any hypothesis's rank (see changesRanking).
 * An unrated cell adds nothing, as do cells of unknown rows or hypotheses; a row or
 * hypothesis listed twice counts once.
 */
export function scoreAnalysis(input: AchScoringInput): AchScores {
  const hypothesisIds = [...new Set(input.hypothesisIds)];
  const grid = gridOf(input, hypothesisIds);
  const totals = new Totals(grid);
  const ranking = hypothesisIds.map((_, h) => h).sort((h, g) => totals.compare(h, g) || h - g);
  const ranks = competitionRanks(totals, ranking);
  const diagnosticity: Record<string, number> = {};
  const sensitiveRows: string[] = [];
  grid.rowIds.forEach((rowId, r) => {
    diagnosticity[rowId] = diagnosticityOf(grid, r);
    // A row of zero diagnosticity takes the same from every hypothesis: it cannot change the ranks.
    if (diagnosticity[rowId] !== 0 && changesRanking(totals, ranking, r)) sensitiveRows.push(rowId);
  });
  const inconsistency: Record<string, number> = {};
  const rankOf: Record<string, number> = {};
  hypothesisIds.forEach((id, h) => {
    inconsistency[id] = toNumber(totals.p[h]!, totals.q[h]!);
    rankOf[id] = ranks[h]!;
  });
  return { inconsistency, ranking: ranking.map((h) => hypothesisIds[h]!), ranks: rankOf, diagnosticity, sensitiveRows };
}

/** The hypotheses ranked first (several when they tie), in the ranking's order. */
export function leadersOf(scores: Pick<AchScores, 'ranking' | 'ranks'>): string[] {
  return scores.ranking.filter((id) => scores.ranks[id] === 1);
}
