// Closing a menu or popover the way people expect: a press outside it, or focus moving elsewhere.
import type { RefObject } from 'react';
import { useEffect } from 'react';

/** While `open`, calls `close` when a pointer goes down or focus lands outside `container`. */
export function useDismiss(open: boolean, container: RefObject<HTMLElement | null>, close: () => void): void {
  useEffect(() => {
    if (!open) return;
    const outside = (event: Event) => {
      const target = event.target as Node | null;
      if (target && container.current && !container.current.contains(target)) close();
    };
    document.addEventListener('pointerdown', outside, true);
    document.addEventListener('focusin', outside, true);
    return () => {
      document.removeEventListener('pointerdown', outside, true);
      document.removeEventListener('focusin', outside, true);
    };
  }, [open, container, close]);
}
