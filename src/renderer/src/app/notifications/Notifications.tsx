// The notification area: one polite live region, bottom right, where every status message
// and routine event appears in full (wrapped, never cut short) and fades after a while.
// At most MAX_SHOWN show at once, newest first; older ones fold behind a "N more" button.
import { useState } from 'react';
import { countOf } from '../../../../shared/plural';
import type { NotificationCenter } from './store';
import { MAX_SHOWN, notifications, useNotifications } from './store';

export function Notifications({ center = notifications }: { center?: NotificationCenter }) {
  const items = useNotifications(center);
  const [expanded, setExpanded] = useState(false);
  const newestFirst = [...items].reverse();
  const hidden = expanded ? 0 : Math.max(0, newestFirst.length - MAX_SHOWN);
  const shown = newestFirst.slice(0, newestFirst.length - hidden);
  // The region is always in the page, so screen readers hear what is added to it.
  return (
    <div className="notifications" role="status" aria-live="polite" aria-atomic="false" aria-label="Notifications">
      {shown.map((item) => (
        <p
          key={item.id}
          className={`notification notification--${item.kind}${item.fading ? ' notification--fading' : ''}`}
          data-kind={item.kind}
        >
          <span className="notification__text">{item.text}</span>
          {item.kind !== 'progress' && (
            <button
              type="button"
              className="notification__dismiss"
              aria-label={`Dismiss: ${item.text}`}
              onClick={() => center.dismiss(item.id)}
            >
              ×
            </button>
          )}
        </p>
      ))}
      {(hidden > 0 || (expanded && items.length > MAX_SHOWN)) && (
        <button
          type="button"
          className="notifications__more"
          aria-expanded={expanded}
          onClick={() => setExpanded(!expanded)}
        >
          {expanded ? 'Show fewer' : `${countOf(hidden, 'older message')}…`}
        </button>
      )}
    </div>
  );
}
