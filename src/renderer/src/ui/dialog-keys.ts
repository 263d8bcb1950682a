// Keys inside dialogs: Ctrl+Enter (Cmd+Enter on macOS) submits from a multi-line field, where
// Enter types a newline; ArrowDown from a search box moves into its results and ArrowUp from
// the first result goes back to the box.
import type { KeyboardEvent } from 'react';
import { isMacPlatform } from '../commands/key-labels';

/** Whether the key is the submit chord of a multi-line field: Mod+Enter, nothing else held. */
export function isSubmitChord(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>,
  mac = isMacPlatform(),
): boolean {
  const mod = mac ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
  return event.key === 'Enter' && mod && !event.altKey && !event.shiftKey;
}

/** In a textarea: Mod+Enter submits its form, as its submit button would (not while that is disabled). */
export function submitOnModEnter(event: KeyboardEvent<HTMLTextAreaElement>): void {
  if (!isSubmitChord(event)) return;
  event.preventDefault();
  const form = event.currentTarget.form;
  const submitter = form?.querySelector<HTMLButtonElement>('button[type="submit"]');
  if (form && submitter && !submitter.disabled) form.requestSubmit(submitter);
}

/**
 * Where an arrow key moves from result `index` (-1: the search box) among `count` results:
 * a result's index, -1 for the box, or null to leave the key alone.
 */
export function resultStep(key: string, index: number, count: number): number | null {
  if (count === 0) return null;
  if (key === 'ArrowDown') return index < count - 1 ? index + 1 : null;
  if (key === 'ArrowUp') return index >= 0 ? index - 1 : null;
  return null;
}

/**
 * Arrow keys between a search box and the focusable results `selector` finds in `results`
 * (disabled ones skipped). Handles the key on the box or on a result; returns whether it moved.
 */
export function moveAmongResults(
  event: KeyboardEvent,
  box: HTMLElement | null,
  results: HTMLElement | null,
  selector: string,
): boolean {
  const items = results ? [...results.querySelectorAll<HTMLElement>(selector)].filter(isEnabled) : [];
  const index = event.target === box ? -1 : items.indexOf(event.target as HTMLElement);
  if (index === -1 && event.target !== box) return false;
  const next = resultStep(event.key, index, items.length);
  if (next === null) return false;
  event.preventDefault();
  (next === -1 ? box : items[next])?.focus();
  return true;
}

function isEnabled(element: HTMLElement): boolean {
  return !(element instanceof HTMLButtonElement || element instanceof HTMLInputElement) || !element.disabled;
}

/**
 * Radio results (one is chosen): ArrowDown from the box moves to the chosen one, else chooses
 * the first; ArrowUp from the first goes back to the box. Arrows between radios stay the browser's.
 */
export function moveAmongRadios(event: KeyboardEvent, box: HTMLElement | null, results: HTMLElement | null): boolean {
  const radios = results ? [...results.querySelectorAll<HTMLInputElement>('input[type="radio"]:not(:disabled)')] : [];
  if (radios.length === 0) return false;
  if (event.target === box && event.key === 'ArrowDown') {
    const target = radios.find((radio) => radio.checked) ?? radios[0]!;
    event.preventDefault();
    target.focus();
    if (!target.checked) target.click();
    return true;
  }
  if (event.target !== radios[0] || event.key !== 'ArrowUp') return false;
  event.preventDefault();
  box?.focus();
  return true;
}
