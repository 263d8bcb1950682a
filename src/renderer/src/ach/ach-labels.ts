// How the matrix says things: ratings as letters and words, relevance, scores and ranks, and
// the accessible name of a cell (evidence, hypothesis, rating, note, disagreement).
import type { AchDisagreement, AchRating, Relevance } from '../../../shared/evidence';
import { scoreText } from '../../../shared/evidence-export';
import type { SearchHit } from '../../../shared/search-results';

export const RATING_TEXT: Record<AchRating, string> = { CC: 'CC', C: 'C', N: 'N', I: 'I', II: 'II', NA: 'N/A' };

export const RATING_NAMES: Record<AchRating, string> = {
  CC: 'Very consistent',
  C: 'Consistent',
  N: 'Neutral',
  I: 'Inconsistent',
  II: 'Very inconsistent',
  NA: 'Not applicable',
};

export const RELEVANCE_NAMES: Record<Relevance, string> = { low: 'Low', medium: 'Medium', high: 'High' };

/** A score as the matrix shows it: two decimals, "0.00", as the CLI, the CSV and the PDF print it. */
export function formatScore(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return '–';
  return scoreText(value);
}

export function ordinal(rank: number): string {
  const tens = rank % 100;
  if (tens >= 11 && tens <= 13) return `${rank}th`;
  return `${rank}${['th', 'st', 'nd', 'rd'][rank % 10] ?? 'th'}`;
}

/** "Ada: C, Bob: II" */
export function disagreementText(disagreement: AchDisagreement): string {
  return disagreement.ratings.map((entry) => `${entry.authorName}: ${RATING_TEXT[entry.rating]}`).join(', ');
}

function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

export interface CellNameParts {
  evidence: string;
  hypothesis: string;
  rating: AchRating | null;
  note: string;
  disagreement: AchDisagreement | undefined;
}

/** "Evidence “…”, hypothesis “…”: Consistent (C), note: …, analysts disagree: Ada: C, Bob: II" */
export function cellName(parts: CellNameParts): string {
  const rating = parts.rating ? `${RATING_NAMES[parts.rating]} (${RATING_TEXT[parts.rating]})` : 'not rated';
  const name = [`Evidence “${shorten(parts.evidence, 80)}”, hypothesis “${shorten(parts.hypothesis, 60)}”: ${rating}`];
  if (parts.note) name.push(`note: ${shorten(parts.note, 120)}`);
  if (parts.disagreement) name.push(`analysts disagree: ${disagreementText(parts.disagreement)}`);
  return name.join(', ');
}

/** Where a found annotation is, with what tells apart two on the same words: page, tags, note. */
export function whereFound(title: string, hit: Pick<SearchHit, 'page' | 'tags' | 'note'>): string {
  const note = hit.note ? `note “${hit.note.slice(0, 60)}${hit.note.length > 60 ? '…' : ''}”` : '';
  const tags = hit.tags?.length ? hit.tags.map((tag) => `#${tag}`).join(' ') : '';
  return [title, hit.page?.text ?? '', tags, note].filter(Boolean).join(', ');
}
