// Roving focus in a tab list (WAI-ARIA tabs pattern): which tab a key moves to, wrapping
// at the ends; Home and End jump to the first and the last.

/** The index a key moves focus to from `current` among `count` tabs, or null for other keys. */
export function tabIndexForKey(key: string, current: number, count: number): number | null {
  if (count === 0) return null;
  switch (key) {
    case 'ArrowRight':
      return (current + 1) % count;
    case 'ArrowLeft':
      return (current - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
