// A visible tooltip for a control: shown while the pointer is over it or it has keyboard
// focus, dismissed with Esc, and always the control's description (aria-describedby).
import type { FocusEvent, ReactNode } from 'react';
import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { placeBelow } from './placement';
import styles from './Tooltip.module.css';

export interface TooltipTriggerProps {
  'aria-describedby': string;
  onFocus: (event: FocusEvent<HTMLElement>) => void;
  onBlur: () => void;
}

export interface TooltipProps {
  text: string;
  /** A key chord shown after the text, already spelled for this platform. */
  keys?: string;
  /** Hidden while this is true, e.g. while the control's menu is open below it. */
  suppressed?: boolean;
  className?: string;
  children: (trigger: TooltipTriggerProps) => ReactNode;
}

/** Moving from the control onto the tooltip crosses a small gap; it waits that long before hiding. */
const HIDE_DELAY_MS = 120;

export function Tooltip({ text, keys, suppressed = false, className, children }: TooltipProps) {
  const id = useId();
  const anchor = useRef<HTMLSpanElement>(null);
  const tip = useRef<HTMLSpanElement>(null);
  const hideTimer = useRef<number | undefined>(undefined);
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const [dismissed, setDismissed] = useState(false);
  const visible = (hovered || focused) && !dismissed && !suppressed;

  const enter = useCallback(() => {
    window.clearTimeout(hideTimer.current);
    setDismissed(false);
    setHovered(true);
  }, []);
  const leave = useCallback(() => {
    window.clearTimeout(hideTimer.current);
    hideTimer.current = window.setTimeout(() => setHovered(false), HIDE_DELAY_MS);
  }, []);
  useEffect(() => () => window.clearTimeout(hideTimer.current), []);

  useEffect(() => {
    if (!visible) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setDismissed(true);
    };
    document.addEventListener('keydown', onKeyDown, true);
    return () => document.removeEventListener('keydown', onKeyDown, true);
  }, [visible]);

  useLayoutEffect(() => {
    if (!visible || !anchor.current || !tip.current) return;
    const box = tip.current.getBoundingClientRect();
    const place = placeBelow(anchor.current.getBoundingClientRect(), box, {
      width: window.innerWidth,
      height: window.innerHeight,
    });
    tip.current.style.left = `${place.left}px`;
    tip.current.style.top = `${place.top}px`;
  }, [visible, text, keys]);

  const trigger: TooltipTriggerProps = {
    'aria-describedby': id,
    // Focus from the keyboard shows it; a mouse click's focus leaves it to hovering.
    onFocus: (event) => {
      setDismissed(false);
      setFocused(event.currentTarget.matches(':focus-visible'));
    },
    onBlur: () => setFocused(false),
  };

  return (
    <span
      ref={anchor}
      className={className ? `${styles.anchor} ${className}` : styles.anchor}
      onPointerEnter={enter}
      onPointerLeave={leave}
    >
      {children(trigger)}
      <span role="tooltip" id={id} ref={tip} className={styles.tip} hidden={!visible}>
        {text}
        {keys && <kbd className={styles.keys}>{keys}</kbd>}
      </span>
    </span>
  );
}
