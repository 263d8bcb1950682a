// Grades under a scheme: their order (best first, "cannot be judged" and no grade last),
// their compact label ("B2"), the best of several, and what credibility weighs in a claim
// or an ACH matrix.
import type { GradeLevel, GradingScheme } from '../evidence';

/** A grade as the rules read it: codes of the scheme, '' where not graded. */
export interface GradeCodes {
  reliability: string;
  credibility: string;
}

/**
 * A code's rank in a scale: its index among the judged levels, else the number of judged
 * levels, shared by the last level ("cannot be judged"), '' and codes the scheme no longer
 * has, which all rank as no grade (as `GradingScheme` documents).
 */
function rankIn(levels: readonly GradeLevel[], code: string): number {
  const judged = Math.max(levels.length - 1, 0);
  const index = code === '' ? -1 : levels.findIndex((level) => level.code === code);
  return index < 0 || index >= judged ? judged : index;
}

/**
 * The scheme's spelling of a code typed in any case ("b" → "B"), or undefined when the scale
 * has no such code. Case is ignored only where that is unambiguous: in a scale whose codes
 * differ only by case ("a" and "A"), only the exact spelling is accepted.
 */
export function schemeCode(code: string, levels: readonly GradeLevel[]): string | undefined {
  if (levels.some((level) => level.code === code)) return code;
  const wanted = code.toLowerCase();
  const alike = levels.filter((level) => level.code.toLowerCase() === wanted);
  return alike.length === 1 ? alike[0]!.code : undefined;
}

/** Negative when reliability `a` is better than `b` under the scheme, 0 when they rank alike. */
export function compareReliability(a: string, b: string, scheme: GradingScheme): number {
  return rankIn(scheme.reliability, a) - rankIn(scheme.reliability, b);
}

/** Negative when credibility `a` is better than `b` under the scheme, 0 when they rank alike. */
export function compareCredibility(a: string, b: string, scheme: GradingScheme): number {
  return rankIn(scheme.credibility, a) - rankIn(scheme.credibility, b);
}

/** "B2", "B" or "2" (whichever is graded), '' when neither is. */
export function gradeLabel(reliability: string, credibility: string): string {
  return `${reliability}${credibility}`;
}

/**
 * The best grade among several, as a label: the most reliable source first (who said it
 * weighs first in the Admiralty system), then the most credible information; the first
 * listed wins a tie. '' when none is graded at all.
 */
export function bestGrade(grades: readonly GradeCodes[], scheme: GradingScheme): string {
  let best: GradeCodes | undefined;
  for (const grade of grades) {
    if (grade.reliability === '' && grade.credibility === '') continue;
    if (!best || compareGrades(grade, best, scheme) < 0) best = grade;
  }
  return best ? gradeLabel(best.reliability, best.credibility) : '';
}

function compareGrades(a: GradeCodes, b: GradeCodes, scheme: GradingScheme): number {
  return (
    compareReliability(a.reliability, b.reliability, scheme) || compareCredibility(a.credibility, b.credibility, scheme)
  );
}

/**
 * Where a credibility stands against the middle of the scheme's judged levels: 1 better
 * than the middle, 0 at the middle or not graded, -1 worse. Admiralty: 1 and 2 are better,
 * 3 ("Possibly true") is the middle, 4 and 5 worse, 6 ("cannot be judged") and '' not graded.
 * A scheme with an even number of judged levels has no middle level; one with a single
 * judged level has nothing to compare it with, so that level counts as the middle.
 */
export function credibilityStanding(code: string, scheme: GradingScheme): -1 | 0 | 1 {
  const judged = Math.max(scheme.credibility.length - 1, 0);
  const rank = rankIn(scheme.credibility, code);
  if (rank >= judged || judged <= 1) return 0;
  const middle = (judged - 1) / 2;
  return rank < middle ? 1 : rank > middle ? -1 : 0;
}

/**
 * Whether a piece of evidence is credible enough to contest a claim: its credibility is
 * better than the scheme's middle (Admiralty 1 or 2), or it is not graded at all. A piece
 * nobody has judged is not discounted: a claim should not look settled while ungraded
 * evidence contradicts it. A piece graded at the middle or worse ("Possibly true",
 * "Doubtful", "Improbable") is not enough on its own to call a claim contested. A scheme
 * with a single judged level has no middle, so every graded piece counts.
 */
export function isCredible(code: string, scheme: GradingScheme): boolean {
  const judged = Math.max(scheme.credibility.length - 1, 0);
  if (rankIn(scheme.credibility, code) >= judged || judged <= 1) return true;
  return credibilityStanding(code, scheme) === 1;
}
