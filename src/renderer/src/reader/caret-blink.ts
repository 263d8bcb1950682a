// The drawn caret's blink, by a timer: a CSS animation running for as long as the reader had
// focus kept the browser drawing 60 frames a second for a 2 px line (about a tenth of a core,
// measured idle in Chromium); a class turned on and off draws two.

/** How long the caret shows, then hides (ms), as the 1.06 s CSS blink did. */
export const BLINK_MS = 530;

/** The attribute that hides the caret for half a blink; reduced motion leaves it shown (the CSS). */
export const BLINK_OFF = 'data-blink-off';

export interface CaretBlink {
  /** Shows the caret at once and starts the blink over, as after each move. */
  restart: () => void;
  stop: () => void;
}

/** Blinks `caret` while it shows; a hidden caret is left alone, so a blurred reader draws nothing. */
export function startCaretBlink(caret: HTMLElement, period = BLINK_MS): CaretBlink {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const tick = () => {
    if (caret.hidden) {
      caret.removeAttribute(BLINK_OFF);
      timer = undefined;
      return;
    }
    caret.toggleAttribute(BLINK_OFF);
    timer = setTimeout(tick, period);
  };
  const stop = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  const restart = () => {
    stop();
    caret.removeAttribute(BLINK_OFF);
    if (!caret.hidden) timer = setTimeout(tick, period);
  };
  return { restart, stop };
}
