// Home and End in the reader scroll to the very start or end of the document.

/**
 * Scrolls to the very start or end and stays there while blocks laid out on the way
 * change the page's height (and scroll anchoring shifts the position), until it settles.
 */
export function scrollToEdge(scroller: HTMLElement, edge: 'start' | 'end'): void {
  let frames = 0;
  let stableFrames = 0;
  let lastHeight = -1;
  const step = () => {
    scroller.scrollTop = edge === 'start' ? 0 : scroller.scrollHeight;
    frames += 1;
    stableFrames = scroller.scrollHeight === lastHeight ? stableFrames + 1 : 0;
    lastHeight = scroller.scrollHeight;
    if (stableFrames < 3 && frames < 120) requestAnimationFrame(step);
  };
  step();
}
