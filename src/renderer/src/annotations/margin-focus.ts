// Roving focus over the margin's cards: which card Tab lands on, and where the arrow keys,
// Home and End move from the card that has focus.

/** The card Tab lands on: the selected annotation's, else the last one focused, else the first. */
export function rovingCardId(
  ids: readonly string[],
  selectedId: string | null,
  lastFocusedId: string | null,
): string | null {
  if (selectedId !== null && ids.includes(selectedId)) return selectedId;
  if (lastFocusedId !== null && ids.includes(lastFocusedId)) return lastFocusedId;
  return ids[0] ?? null;
}

/** The index a key moves focus to among `count` cards in reading order; null for a key that does not move it. */
export function cardIndexForKey(key: string, index: number, count: number): number | null {
  if (count === 0) return null;
  switch (key) {
    case 'ArrowDown':
      return Math.min(index + 1, count - 1);
    case 'ArrowUp':
      return Math.max(index - 1, 0);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

/** After a card is deleted, the card that takes focus: the next one, else the one before, else none. */
export function cardAfterRemoval(ids: readonly string[], removedId: string): string | null {
  const index = ids.indexOf(removedId);
  if (index === -1) return null;
  return ids[index + 1] ?? ids[index - 1] ?? null;
}
