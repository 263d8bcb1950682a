// Which menu item a key moves to (the menu button pattern): arrows wrap, Home and End jump,
// and a typed letter moves to the next item that starts with it.

export type MenuKeyResult = number | null;

/**
 * The index a key moves focus to among `labels`, or null when the key does not move it.
 * `current` is -1 when no item has focus yet.
 */
export function nextMenuIndex(key: string, current: number, labels: readonly string[]): MenuKeyResult {
  const count = labels.length;
  if (count === 0) return null;
  switch (key) {
    case 'ArrowDown':
      return (current + 1 + count) % count;
    case 'ArrowUp':
      return current < 0 ? count - 1 : (current - 1 + count) % count;
    case 'Home':
    case 'PageUp':
      return 0;
    case 'End':
    case 'PageDown':
      return count - 1;
    default:
      return typeAhead(key, current, labels);
  }
}

function typeAhead(key: string, current: number, labels: readonly string[]): MenuKeyResult {
  if (key.length !== 1 || key === ' ') return null;
  const letter = key.toLocaleLowerCase();
  for (let step = 1; step <= labels.length; step += 1) {
    const index = (current + step + labels.length) % labels.length;
    if (labels[index]!.trim().toLocaleLowerCase().startsWith(letter)) return index;
  }
  return null;
}
