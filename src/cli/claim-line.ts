// A claim as one line, as `marginalia claims` lists it and the commands that change a claim print it.
import type { ClaimSummary } from '../shared/evidence';

/** "ID  single-source  +2 -0 ~0  B2   Boats left Zuwara at dawn". */
export function claimLine(claim: ClaimSummary): string {
  const counts = `+${claim.counts.supports} -${claim.counts.contradicts} ~${claim.counts.context}`;
  return `${claim.id}  ${claim.status.padEnd(13)}  ${counts}  ${(claim.bestGrade || '-').padEnd(3)}  ${claim.statement}`;
}
