// Places margin notes level with their highlights, pushing later ones down so none
// overlap.
export interface MarginItem {
  id: string;
  anchorTop: number;
  height: number;
}

export const MARGIN_GAP = 8;

export function layoutMargin(items: readonly MarginItem[], selectedId: string | null = null): Map<string, number> {
  const sorted = [...items].sort((a, b) => a.anchorTop - b.anchorTop);
  const tops = new Map<string, number>();
  let nextFree = -Infinity;
  for (const item of sorted) {
    const top = Math.max(item.anchorTop, nextFree);
    tops.set(item.id, top);
    nextFree = top + item.height + MARGIN_GAP;
  }
  // The selected note sits level with its highlight; the notes above it move up to make room.
  const selected = selectedId ? sorted.findIndex((item) => item.id === selectedId) : -1;
  if (selected > 0) {
    const item = sorted[selected]!;
    tops.set(item.id, item.anchorTop);
    let limit = item.anchorTop - MARGIN_GAP;
    for (let index = selected - 1; index >= 0; index -= 1) {
      const above = sorted[index]!;
      const top = Math.min(tops.get(above.id)!, limit - above.height);
      tops.set(above.id, top);
      limit = top - MARGIN_GAP;
    }
    let below = item.anchorTop + item.height + MARGIN_GAP;
    for (let index = selected + 1; index < sorted.length; index += 1) {
      const next = sorted[index]!;
      const top = Math.max(next.anchorTop, below);
      tops.set(next.id, top);
      below = top + next.height + MARGIN_GAP;
    }
  }
  return tops;
}
