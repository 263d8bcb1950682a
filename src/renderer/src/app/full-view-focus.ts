// Where a full view (one standing in the reader's place, as Analyses does) was opened from,
// given back when it closes: the element that opened it, else the reader, never the page body,
// where typed letters would act as the reader's single-key shortcuts.
import { afterRepaint } from '../commands/focus-return';
import { focusText } from './SkipLinks';

/** Focus given back to `from` when the view's closing left it nowhere (on the body). */
async function giveBack(from: HTMLElement | null): Promise<void> {
  await afterRepaint();
  const active = document.activeElement;
  if (active && active !== document.body) return;
  if (from?.isConnected) from.focus({ preventScroll: true });
  else focusText();
}

export class FullViewFocus {
  private from: HTMLElement | null = null;

  /** Notes the focused element as the view opens (call before it replaces the reader). */
  opened(): void {
    if (typeof document === 'undefined') return;
    const active = document.activeElement;
    this.from = active instanceof HTMLElement && active !== document.body ? active : null;
  }

  /** Gives focus back once the view is gone, unless something else took it (a document opened). */
  closed(): void {
    if (typeof document === 'undefined') return;
    const from = this.from;
    this.from = null;
    void giveBack(from);
  }
}
