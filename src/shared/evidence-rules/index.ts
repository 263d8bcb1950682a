// The pure rules of issue 17: grades, claim statuses and ACH scores, computed never stored.
export {
  bestGrade,
  compareCredibility,
  compareReliability,
  credibilityStanding,
  gradeLabel,
  isCredible,
} from './grades';
export type { GradeCodes } from './grades';
export { claimStatuses, outcomeOf } from './claims';
export type { ClaimGraph, ClaimOutcome } from './claims';
export { largestIndependentCount, originsOf, RepeatReach } from './independence';
export type { RepeatLink } from './independence';
export { RATING_INCONSISTENCY, rowWeight, scoreAnalysis } from './ach';
export type { AchScoringInput } from './ach';
export { achDisagreements } from './disagreements';
