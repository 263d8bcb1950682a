// The pure rules of issue 17: grades, claim statuses and ACH scores, computed never stored.
export {
  bestGrade,
  compareCredibility,
  compareReliability,
  credibilityStanding,
  gradeLabel,
  isCredible,
  schemeCode,
} from './grades';
export type { GradeCodes } from './grades';
export { claimStatuses, outcomeOf, singleSourceReasons } from './claims';
export type { ClaimGraph, ClaimOutcome } from './claims';
export { ClaimStatusIndex } from './claim-index';
export { largestIndependentCount } from './independence';
export { OriginIndex } from './origins';
export type { Dependence, RepeatLink } from './origins';
export { RATING_INCONSISTENCY, leadersOf, rowWeight, scoreAnalysis } from './ach';
export type { AchScoringInput } from './ach';
export { achDisagreements } from './disagreements';
