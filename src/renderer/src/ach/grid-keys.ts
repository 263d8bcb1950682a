// What a key on a matrix cell asks for, by the kind of cell: a rating cell rates, the relevance
// cell sets relevance, a hypothesis header renames or removes, an evidence header removes.
import type { AchRating, Relevance } from '../../../shared/evidence';
import { RELEVANCE_LEVELS } from '../../../shared/evidence';
import type { RatingKeyResult } from './rating-keys';
import { ratingForKey } from './rating-keys';

export type GridIntent =
  | { kind: 'rate'; rating: AchRating | null }
  | { kind: 'note' }
  | { kind: 'relevance'; relevance: Relevance }
  | { kind: 'rename' }
  | { kind: 'remove' };

export type CellKind = 'rating' | 'relevance' | 'evidence' | 'hypothesis' | 'other';

const RELEVANCE_KEYS: Record<string, Relevance> = { l: 'low', m: 'medium', h: 'high' };

function relevanceFor(key: string, current: Relevance): Relevance | null {
  const index = RELEVANCE_LEVELS.indexOf(current);
  if (key === '+' || key === '=') return RELEVANCE_LEVELS[Math.min(RELEVANCE_LEVELS.length - 1, index + 1)]!;
  if (key === '-' || key === '−') return RELEVANCE_LEVELS[Math.max(0, index - 1)]!;
  return RELEVANCE_KEYS[key.toLowerCase()] ?? null;
}

function ratingIntent(result: RatingKeyResult): GridIntent | null {
  if (!result) return null;
  if (result.kind === 'rate') return { kind: 'rate', rating: result.rating };
  if (result.kind === 'clear') return { kind: 'rate', rating: null };
  return { kind: 'note' };
}

export interface CellKeyInput {
  key: string;
  cell: CellKind;
  rating: AchRating | null;
  relevance: Relevance;
  last: { key: string; at: number } | null;
  now: number;
}

/** The intent of a key on a cell, and the letter to remember for a chord; null: not the matrix's key. */
export function intentForKey(input: CellKeyInput): { intent: GridIntent; chordKey: string } | null {
  const { key } = input;
  switch (input.cell) {
    case 'rating': {
      const result = ratingForKey(key, { current: input.rating, last: input.last, now: input.now });
      const intent = ratingIntent(result);
      return intent ? { intent, chordKey: result?.kind === 'rate' ? result.chordKey : '' } : null;
    }
    case 'relevance': {
      const relevance = relevanceFor(key, input.relevance);
      return relevance ? { intent: { kind: 'relevance', relevance }, chordKey: '' } : null;
    }
    case 'hypothesis':
      if (key === 'Enter' || key === 'F2') return { intent: { kind: 'rename' }, chordKey: '' };
      if (key === 'Delete' || key === 'Backspace') return { intent: { kind: 'remove' }, chordKey: '' };
      return null;
    case 'evidence':
      return key === 'Delete' || key === 'Backspace' ? { intent: { kind: 'remove' }, chordKey: '' } : null;
    default:
      return null;
  }
}
