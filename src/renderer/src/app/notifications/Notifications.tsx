// The notification area: one polite live region where every status message, routine event
// and failure appears in full (wrapped, never cut short) and fades after a while, held
// while the pointer or focus is on it. A message may carry one action (Undo, Open; never an
// Open of the document already shown) and a failure Show problem; Escape or × dismisses one. At most MAX_SHOWN show at once, newest
// first; older ones fold behind a "N more" button.
import type { FocusEvent, KeyboardEvent, ReactNode } from 'react';
import { useLayoutEffect, useRef, useState } from 'react';
import { countOf } from '../../../../shared/plural';
import type { Notification, NotificationCenter } from './store';
import { MAX_SHOWN, notifications, useNotifications } from './store';
import type { Problem } from './problem';
import { ProblemDialog } from './ProblemDialog';
import { useReservedRoom } from './reserved-room';
import styles from './Notifications.module.css';

const KIND_CLASS: Record<Notification['kind'], string> = {
  info: '',
  error: styles.error ?? '',
  progress: styles.progress ?? '',
};

interface ItemProps {
  item: Notification;
  /** The document being opened or shown, whose Open would do nothing. */
  shownDocumentId: string | null;
  onAct: () => void;
  onShowProblem: (problem: Problem) => void;
  onDismiss: () => void;
}

function NotificationItem({ item, shownDocumentId, onAct, onShowProblem, onDismiss }: ItemProps) {
  const classes = [styles.item, KIND_CLASS[item.kind], item.fading ? styles.fading : ''].filter(Boolean).join(' ');
  const { problem } = item;
  const action = item.action?.opens !== undefined && item.action.opens === shownDocumentId ? undefined : item.action;
  return (
    // A failure interrupts as an alert; everything else is read politely by the region.
    <div
      className={classes}
      data-kind={item.kind}
      data-notification={item.id}
      role={item.kind === 'error' ? 'alert' : undefined}
    >
      <div className={styles.body}>
        <p className={styles.text}>{item.text}</p>
        {(action || problem) && (
          <div className={styles.actions}>
            {action && (
              <button type="button" className={styles.action} onClick={onAct}>
                {action.label}
              </button>
            )}
            {problem && (
              <button type="button" className={styles.action} onClick={() => onShowProblem(problem)}>
                Show problem
              </button>
            )}
          </div>
        )}
      </div>
      {item.kind !== 'progress' && (
        <button
          type="button"
          className={styles.dismiss}
          aria-label={`Dismiss: ${item.text}`}
          data-tooltip="Dismiss (Esc)"
          onClick={onDismiss}
        >
          ×
        </button>
      )}
    </div>
  );
}

/**
 * Keeps focus somewhere sensible when the message holding it goes (dismissed or acted on):
 * back where it came from, so the other messages fade again; else the next message.
 */
function useFocusKeeper(center: NotificationCenter, items: readonly Notification[]) {
  const root = useRef<HTMLDivElement>(null);
  const cameFrom = useRef<HTMLElement | null>(null);
  const hadFocus = useRef(false);
  useLayoutEffect(() => {
    const area = root.current;
    if (!area || !hadFocus.current || area.contains(document.activeElement)) return;
    // The focused message was removed: its blur never came.
    hadFocus.current = false;
    center.resume('focus');
    if (cameFrom.current?.isConnected) cameFrom.current.focus();
    else area.querySelector<HTMLElement>('[data-notification] button')?.focus();
  }, [center, items]);
  const onFocus = (event: FocusEvent<HTMLDivElement>) => {
    const from = event.relatedTarget;
    // Entering from outside: remember where, to go back there. (From nowhere, as when a closing
    // dialog hands focus back, keeps what was remembered.)
    if (from instanceof HTMLElement && !event.currentTarget.contains(from)) cameFrom.current = from;
    hadFocus.current = true;
    center.pause('focus');
  };
  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    if (event.currentTarget.contains(event.relatedTarget)) return;
    hadFocus.current = false;
    center.resume('focus');
  };
  return { root, onFocus, onBlur };
}

export function Notifications({
  center = notifications,
  besidePanel = false,
  above,
  shownDocumentId = null,
}: {
  center?: NotificationCenter;
  /** The document being opened or shown: a message's Open for it is left out until another is shown. */
  shownDocumentId?: string | null;
  /** Shown at the top of the area, above the messages (imports in progress). */
  above?: ReactNode;
  /** With the side panel open the area sits at its foot, never over the reader's text. */
  besidePanel?: boolean;
}) {
  const items = useNotifications(center);
  const [expanded, setExpanded] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const { root, onFocus, onBlur } = useFocusKeeper(center, items);
  const area = useRef<HTMLDivElement>(null);
  useReservedRoom(area, besidePanel);
  const newestFirst = [...items].reverse();
  const hidden = expanded ? 0 : Math.max(0, newestFirst.length - MAX_SHOWN);
  const shown = newestFirst.slice(0, newestFirst.length - hidden);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Escape' || !(event.target instanceof HTMLElement)) return;
    const holder = event.target.closest<HTMLElement>('[data-notification]');
    const id = Number(holder?.dataset.notification);
    if (!holder || !Number.isFinite(id)) return;
    event.stopPropagation();
    center.dismiss(id);
  };

  return (
    // The wrapper holds the region and Show problem's dialog, so reading either keeps the messages.
    <div
      ref={root}
      onMouseEnter={() => center.pause('hover')}
      onMouseLeave={() => center.resume('hover')}
      onFocus={onFocus}
      onBlur={onBlur}
      onKeyDown={onKeyDown}
    >
      {/* The region is always in the page, so screen readers hear what is added to it. */}
      <div
        ref={area}
        className={besidePanel ? `${styles.area} ${styles.besidePanel}` : styles.area}
        role="status"
        aria-live="polite"
        aria-atomic="false"
        aria-label="Notifications"
      >
        {above}
        {shown.map((item) => (
          <NotificationItem
            key={item.id}
            item={item}
            shownDocumentId={shownDocumentId}
            onAct={() => center.act(item.id)}
            onShowProblem={setProblem}
            onDismiss={() => center.dismiss(item.id)}
          />
        ))}
        {(hidden > 0 || (expanded && items.length > MAX_SHOWN)) && (
          <button type="button" className={styles.more} aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
            {expanded ? 'Show fewer' : `${countOf(hidden, 'older message')}…`}
          </button>
        )}
      </div>
      {problem && <ProblemDialog problem={problem} onClose={() => setProblem(null)} />}
    </div>
  );
}
