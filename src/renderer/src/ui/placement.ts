// Where a floating box goes beside its anchor: below it and centred, kept inside the window,
// above it when there is no room below.

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface Size {
  width: number;
  height: number;
}

/** The gap between anchor and box, and the margin kept from the window's edges. */
const GAP = 6;
const EDGE = 8;

export function placeBelow(anchor: Box, box: Size, viewport: Size): { left: number; top: number } {
  const centred = anchor.left + anchor.width / 2 - box.width / 2;
  const left = Math.max(EDGE, Math.min(centred, viewport.width - box.width - EDGE));
  const below = anchor.top + anchor.height + GAP;
  const fitsBelow = below + box.height <= viewport.height - EDGE;
  const top = fitsBelow ? below : Math.max(EDGE, anchor.top - GAP - box.height);
  return { left, top };
}
