// Where a folded margin note stops: at the end of the last line that shows whole within the
// fold, so "Show more" never sits under half a line (trial: a line cut through its middle).

/** The bottom, from the top of `body`, of the last line of text that ends within `limit` px of it; null when none does. */
export function lastWholeLineBottom(body: HTMLElement, limit: number): number | null {
  const top = body.getBoundingClientRect().top;
  const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let best: number | null = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    range.selectNodeContents(node);
    for (const rect of range.getClientRects()) {
      if (rect.height === 0) continue;
      if (rect.top - top >= limit) return best;
      const bottom = rect.bottom - top;
      if (bottom <= limit + 0.5) best = Math.max(best ?? 0, bottom);
    }
  }
  return best;
}

/**
 * Folds `body` (held by the collapsed class's max-height) at its last whole line: the height
 * the fold allows is read with no height of ours set, then the height is set to that line's
 * bottom. Followed again when the card's width changes, as the lines rewrap. Returns the cleanup.
 */
export function foldAtWholeLines(body: HTMLElement): () => void {
  let width = -1;
  const fold = () => {
    if (body.clientWidth === width) return;
    width = body.clientWidth;
    body.style.height = '';
    const limit = body.clientHeight;
    if (body.scrollHeight <= limit + 2) return;
    const bottom = lastWholeLineBottom(body, limit);
    if (bottom !== null && bottom > 0) body.style.height = `${Math.ceil(bottom)}px`;
  };
  fold();
  const observer = new ResizeObserver(fold);
  observer.observe(body);
  return () => {
    observer.disconnect();
    body.style.height = '';
  };
}
