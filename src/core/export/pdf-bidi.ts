// Right-to-left text for the export's line breaking, by the Unicode Bidirectional Algorithm
// (bidi-js): each character's embedding level, pieces cut where the level changes (brackets
// mirrored), and a line's runs put in visual order.
import bidiFactory from 'bidi-js';
import type { EmbeddingLevels } from 'bidi-js';

const bidi = bidiFactory();

/** Letters of the right-to-left scripts the shaper sets right to left (Hebrew, Arabic, Syriac, Thaana, N'Ko…). */
export const RIGHT_TO_LEFT_LETTERS = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;

/** Text that may need reordering: right-to-left letters or explicit direction marks. */
export const RIGHT_TO_LEFT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u200f\u202b\u202e\u2067]/;

/** Each character's level; with 'auto' each paragraph takes the direction of its first strong letter. */
export function embeddingLevelsOf(text: string, direction: 'auto' | 'ltr'): EmbeddingLevels {
  return bidi.getEmbeddingLevels(text, direction === 'ltr' ? 'ltr' : undefined);
}

/** A piece of styled text: its characters and the canonical offset of the first (-1 for none). */
interface TextPiece {
  text: string;
  start: number;
}

/** Pieces cut to one embedding level each, with their levels. */
interface LeveledPieces<P> {
  pieces: P[];
  levels: number[];
}

/**
 * Cuts pieces where the embedding level changes (never inside a surrogate pair), and draws
 * brackets in right-to-left runs mirrored, as the algorithm asks (rule L4).
 */
export function leveledPieces<P extends TextPiece>(pieces: readonly P[], levels: EmbeddingLevels): LeveledPieces<P> {
  const out: LeveledPieces<P> = { pieces: [], levels: [] };
  let offset = 0;
  for (const piece of pieces) {
    const own = piece.text;
    let from = 0;
    for (let index = 1; index <= own.length; index++) {
      const changes =
        index === own.length ||
        (levels.levels[offset + index] !== levels.levels[offset + index - 1] && !isLowSurrogate(own.charCodeAt(index)));
      if (!changes) continue;
      const level = levels.levels[offset + from] ?? 0;
      let slice = own.slice(from, index);
      if (level % 2 === 1)
        slice = slice.replace(/[^\p{L}\p{N}\s]/gu, (character) => bidi.getMirroredCharacter(character) ?? character);
      out.pieces.push({ ...piece, text: slice, start: piece.start >= 0 ? piece.start + from : -1 });
      out.levels.push(level);
      from = index;
    }
    offset += own.length;
  }
  return out;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Reverses runs of tokens at or above each level down to the lowest odd one (rule L2). */
export function inVisualOrder<T extends { atom: { level: number } }>(tokens: T[]): T[] {
  let highest = 0;
  let lowestOdd = Number.POSITIVE_INFINITY;
  for (const token of tokens) {
    highest = Math.max(highest, token.atom.level);
    if (token.atom.level % 2 === 1) lowestOdd = Math.min(lowestOdd, token.atom.level);
  }
  if (lowestOdd === Number.POSITIVE_INFINITY) return tokens;
  const order = tokens.slice();
  for (let level = highest; level >= lowestOdd; level--) {
    let index = 0;
    while (index < order.length) {
      if (order[index]!.atom.level < level) {
        index += 1;
        continue;
      }
      let end = index;
      while (end < order.length && order[end]!.atom.level >= level) end += 1;
      const run = order.slice(index, end).reverse();
      order.splice(index, run.length, ...run);
      index = end;
    }
  }
  return order;
}
