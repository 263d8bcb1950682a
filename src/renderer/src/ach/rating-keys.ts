// What a key typed on a matrix cell does to its rating: C, I and N set one, a second C or I
// within a moment makes CC or II, N then A makes N/A, + and − step along the scale, Delete clears.
import type { AchRating } from '../../../shared/evidence';

/** From most inconsistent to most consistent; N/A stands outside the scale. */
export const RATING_SCALE: readonly AchRating[] = ['II', 'I', 'N', 'C', 'CC'];

/** How long after one letter a second one still joins it into a chord ("CC", "II", "NA"). */
export const CHORD_MS = 800;

export interface RatingKeyState {
  /** The rating this cell has now (null: not rated by me). */
  current: AchRating | null;
  /** The letter typed last on this cell, and when (for chords). */
  last: { key: string; at: number } | null;
  now: number;
}

export type RatingKeyResult =
  { kind: 'rate'; rating: AchRating; chordKey: string } | { kind: 'clear' } | { kind: 'note' } | null;

const CHORDS: Record<string, AchRating> = { cc: 'CC', ii: 'II', na: 'NA' };
const SINGLE: Record<string, AchRating> = { c: 'C', i: 'I', n: 'N' };

/** One step along the scale toward consistency (+1) or inconsistency (−1); unrated and N/A start at N. */
export function stepRating(current: AchRating | null, direction: 1 | -1): AchRating {
  const index = current === null || current === 'NA' ? RATING_SCALE.indexOf('N') : RATING_SCALE.indexOf(current);
  const next = Math.min(RATING_SCALE.length - 1, Math.max(0, index + direction));
  return RATING_SCALE[next]!;
}

function letter(key: string, state: RatingKeyState): RatingKeyResult {
  const lower = key.toLowerCase();
  const recent = state.last && state.now - state.last.at <= CHORD_MS ? state.last.key : '';
  const chord = CHORDS[recent + lower];
  if (chord) return { kind: 'rate', rating: chord, chordKey: '' };
  const single = SINGLE[lower];
  return single ? { kind: 'rate', rating: single, chordKey: lower } : null;
}

/** What a key pressed on a rating cell asks for; null: the key is not the matrix's. */
export function ratingForKey(key: string, state: RatingKeyState): RatingKeyResult {
  switch (key) {
    case '+':
    case '=':
      return { kind: 'rate', rating: stepRating(state.current, 1), chordKey: '' };
    case '-':
    case '−':
      return { kind: 'rate', rating: stepRating(state.current, -1), chordKey: '' };
    case 'Delete':
    case 'Backspace':
      return { kind: 'clear' };
    case 'Enter':
    case 'F2':
      return { kind: 'note' };
    default:
      return key.length === 1 ? letter(key, state) : null;
  }
}
