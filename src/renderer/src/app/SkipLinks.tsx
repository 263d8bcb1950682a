// "Skip to text" and "Skip to notes": the first stops in the Tab order, shown only while focused,
// so the keyboard reaches the reading and the margin without walking the toolbar and side panel.
import type { MouseEvent } from 'react';
import { notifications } from './notifications/store';
import styles from './AppShell.module.css';

/** The reader's text (the reader passes focus to it), or with no document its first control. */
export function focusText(): void {
  const reader = document.querySelector<HTMLElement>('main[aria-label="Reader"]');
  if (!reader) return;
  if (reader.hasAttribute('tabindex')) reader.focus();
  else reader.querySelector<HTMLElement>('button, a[href]')?.focus();
}

/** The margin card in the Tab order (the selected one's, else the last visited), else the first. */
function focusNotes(): void {
  const margin = document.querySelector('aside[aria-label="Margin notes"]');
  const card =
    margin?.querySelector<HTMLElement>('article[tabindex="0"]') ?? margin?.querySelector<HTMLElement>('article');
  if (card) {
    card.focus();
    return;
  }
  focusText();
  notifications.notify('No margin notes in this document yet: select text and press n to write one.');
}

function skip(to: () => void) {
  return (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    to();
  };
}

export function SkipLinks() {
  return (
    <nav className={styles.skipLinks} aria-label="Skip links">
      <a href="#reader" className={styles.skipLink} onClick={skip(focusText)} data-app-link="">
        Skip to text
      </a>
      <a href="#margin" className={styles.skipLink} onClick={skip(focusNotes)} data-app-link="">
        Skip to notes
      </a>
    </nav>
  );
}
