// While messages stand at the foot of the side panel, the panel ends above them: the room
// they take is published as --notification-room, which the side panel keeps free, so no
// message covers a control there (the Source panel's Import buttons, the library's last rows).
import type { RefObject } from 'react';
import { useLayoutEffect } from 'react';

const ROOM = '--notification-room';
/** Space between the panel's last line and the topmost message. */
const GAP_PX = 8;

/** Keeps --notification-room at the height the area takes from the window's bottom, or 0 when empty or not beside the panel. */
export function useReservedRoom(area: RefObject<HTMLElement | null>, besidePanel: boolean): void {
  useLayoutEffect(() => {
    const element = area.current;
    const style = document.documentElement.style;
    if (!element || !besidePanel) {
      style.setProperty(ROOM, '0px');
      return;
    }
    const measure = () => {
      const box = element.getBoundingClientRect();
      const room = box.height > 0 ? Math.max(0, Math.ceil(window.innerHeight - box.top + GAP_PX)) : 0;
      style.setProperty(ROOM, `${room}px`);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    window.addEventListener('resize', measure);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', measure);
      style.setProperty(ROOM, '0px');
    };
  }, [area, besidePanel]);
}
