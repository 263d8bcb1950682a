// Leaving the margin for the text: Esc in a card gives focus back to the reader, where the
// annotation stays selected (underlined), so `t`, `n` and Delete act on that passage next.

/** Focuses the reader that holds `from` (the margin sits inside it), or the page's reader. */
export function focusReaderFrom(from: Element): void {
  // A caret left in a note or the tag field would keep typing there; the reader starts clean.
  window.getSelection()?.removeAllRanges();
  const reader = from.closest<HTMLElement>('main') ?? document.querySelector<HTMLElement>('main');
  reader?.focus({ preventScroll: true });
}
