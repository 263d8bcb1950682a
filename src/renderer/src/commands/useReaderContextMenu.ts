// Opens the reader's context menu in the browser host: a right-click in the reader, or Shift+F10
// or the context-menu key while focus is there. The desktop app leaves these to its native menu.
import { useEffect } from 'react';
import { isContextMenuKey } from './keys';

const READER = 'main[aria-label="Reader"]';
/** Editing the text, or typing in a field, keeps the browser's own menu (spelling, paste). */
const EDITABLE = 'input, textarea, select, [contenteditable="true"]';

export interface MenuPoint {
  x: number;
  y: number;
}

/** Where a menu opened from the keyboard stands: under the selection, else at the reader's top left. */
function keyboardPoint(reader: Element): MenuPoint {
  const selection = window.getSelection();
  if (selection && selection.rangeCount > 0 && reader.contains(selection.anchorNode)) {
    const rects = selection.getRangeAt(0).getClientRects();
    const last = rects[rects.length - 1];
    if (last) return { x: last.left, y: last.bottom + 4 };
  }
  const box = reader.getBoundingClientRect();
  return { x: box.left + 24, y: box.top + 24 };
}

function readerOf(target: EventTarget | null): Element | null {
  if (!(target instanceof Element) || target.closest(EDITABLE)) return null;
  return target.closest(READER);
}

export function useReaderContextMenu(active: boolean, open: (point: MenuPoint) => void): void {
  useEffect(() => {
    if (!active) return;
    const onContextMenu = (event: MouseEvent) => {
      if (!readerOf(event.target)) return;
      event.preventDefault();
      open({ x: event.clientX, y: event.clientY });
    };
    const onKeyDown = (event: KeyboardEvent) => {
      const reader = readerOf(event.target);
      if (!reader || event.defaultPrevented || !isContextMenuKey(event)) return;
      event.preventDefault();
      open(keyboardPoint(reader));
    };
    document.addEventListener('contextmenu', onContextMenu);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('contextmenu', onContextMenu);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [active, open]);
}
