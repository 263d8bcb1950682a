// Roving focus over the margin's cards: one card is in the Tab order (the selected one's,
// else the last focused), the arrow keys, Home and End move between cards in reading order.
import { useCallback, useRef, useState } from 'react';
import { cardAfterRemoval, cardIndexForKey, rovingCardId } from './margin-focus';

export interface MarginFocus {
  /** The card Tab lands on. */
  tabStop: string | null;
  /** The ref callback for a card's element. */
  register: (id: string) => (element: HTMLElement | null) => void;
  /** Remembers the card that took focus, so Tab comes back to it. */
  focused: (id: string) => void;
  /** Moves focus for an arrow, Home or End key; false for any other key. */
  move: (fromId: string, key: string) => boolean;
  /** Focus leaves a card that is going away for its neighbour; false when it was the last card. */
  leave: (id: string) => boolean;
}

export function useMarginFocus(orderedIds: readonly string[], selectedId: string | null): MarginFocus {
  const [lastFocused, setLastFocused] = useState<string | null>(null);
  const elements = useRef(new Map<string, HTMLElement>());
  const callbacks = useRef(new Map<string, (element: HTMLElement | null) => void>());

  const register = useCallback((id: string) => {
    let callback = callbacks.current.get(id);
    if (!callback) {
      callback = (element: HTMLElement | null) => {
        if (element) elements.current.set(id, element);
        else elements.current.delete(id);
      };
      callbacks.current.set(id, callback);
    }
    return callback;
  }, []);

  const focusCard = useCallback((id: string) => {
    const element = elements.current.get(id);
    if (!element) return false;
    element.focus();
    setLastFocused(id);
    return true;
  }, []);

  const move = useCallback(
    (fromId: string, key: string) => {
      const index = cardIndexForKey(key, orderedIds.indexOf(fromId), orderedIds.length);
      if (index === null) return false;
      focusCard(orderedIds[index]!);
      return true;
    },
    [focusCard, orderedIds],
  );

  const leave = useCallback(
    (id: string) => {
      const next = cardAfterRemoval(orderedIds, id);
      return next !== null && focusCard(next);
    },
    [focusCard, orderedIds],
  );

  return { tabStop: rovingCardId(orderedIds, selectedId, lastFocused), register, focused: setLastFocused, move, leave };
}
