// Where a command surface was opened from (the focused element and the reader's selection), given
// back when it closes, so Esc returns you where you were and Highlight still has its text.

export interface ReturnPoint {
  element: HTMLElement | null;
  range: Range | null;
}

export function captureReturnPoint(): ReturnPoint {
  const element = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const selection = window.getSelection();
  const range =
    selection && selection.rangeCount > 0 && !selection.isCollapsed ? selection.getRangeAt(0).cloneRange() : null;
  return { element, range };
}

/** Focus first, then the selection: focusing an element may move the selection into it. */
export function restoreReturnPoint({ element, range }: ReturnPoint): void {
  if (element?.isConnected && element !== document.body) element.focus({ preventScroll: true });
  if (range && range.startContainer.isConnected) {
    const selection = window.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
  }
}

/** Resolves after the next paint and the tasks queued before it (a selectionchange, a re-render). */
export function afterRepaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}
