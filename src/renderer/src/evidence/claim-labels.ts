// How claims' statuses and stances read in the Claims panel and the claim dialogs.
import type { ClaimStatus, Stance } from '../../../shared/evidence';

export const STATUS_LABELS: Record<ClaimStatus, string> = {
  corroborated: 'Corroborated',
  contested: 'Contested',
  'single-source': 'Single source',
  unsupported: 'Unsupported',
};

export const STANCE_HEADINGS: Record<Stance, string> = {
  supports: 'Supporting',
  contradicts: 'Contradicting',
  context: 'Context',
};

/** How a piece's stance is chosen in a claim's view. */
export const STANCE_OPTIONS: Record<Stance, string> = {
  supports: 'Supports',
  contradicts: 'Contradicts',
  context: 'Context',
};

/** "2 supporting, 1 contradicting" (the kinds with none left out), or "No evidence". */
export function evidenceCounts(counts: Record<Stance, number>): string {
  const parts = [
    counts.supports > 0 ? `${counts.supports} supporting` : '',
    counts.contradicts > 0 ? `${counts.contradicts} contradicting` : '',
    counts.context > 0 ? `${counts.context} context` : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'No evidence';
}
