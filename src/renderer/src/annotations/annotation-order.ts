// The orders the Annotations panel lists a document's annotations in.
import type { Annotation } from '../../../shared/annotations';
import { HIGHLIGHT_COLORS, compareByPosition } from '../../../shared/annotations';

export type Order = 'position' | 'time' | 'tag' | 'color';

export const ORDER_LABELS: Record<Order, string> = {
  position: 'Reading order',
  time: 'Newest first',
  tag: 'By tag',
  color: 'By color',
};

/** Untagged annotations sort after every tag. */
const NO_TAG = '\uffff';

export function ordered(annotations: readonly Annotation[], order: Order): Annotation[] {
  const list = [...annotations];
  switch (order) {
    case 'position':
      return list.sort(compareByPosition);
    case 'time':
      return list.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    case 'tag':
      return list.sort((a, b) => (a.tags[0] ?? NO_TAG).localeCompare(b.tags[0] ?? NO_TAG) || compareByPosition(a, b));
    case 'color':
      return list.sort(
        (a, b) => HIGHLIGHT_COLORS.indexOf(a.color) - HIGHLIGHT_COLORS.indexOf(b.color) || compareByPosition(a, b),
      );
  }
}
