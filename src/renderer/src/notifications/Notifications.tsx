// The notification area: one polite live region, bottom right, where every status message
// and routine event appears in full (wrapped, never cut short) and fades after a while.
import type { NotificationCenter } from './store';
import { notifications, useNotifications } from './store';

export function Notifications({ center = notifications }: { center?: NotificationCenter }) {
  const items = useNotifications(center);
  // The region is always in the page, so screen readers hear what is added to it.
  return (
    <div className="notifications" role="status" aria-live="polite" aria-atomic="false" aria-label="Notifications">
      {items.map((item) => (
        <p key={item.id} className={`notification notification--${item.kind}${item.fading ? ' notification--fading' : ''}`} data-kind={item.kind}>
          <span className="notification__text">{item.text}</span>
          {item.kind !== 'progress' && (
            <button type="button" className="notification__dismiss" aria-label={`Dismiss: ${item.text}`} onClick={() => center.dismiss(item.id)}>
              ×
            </button>
          )}
        </p>
      ))}
    </div>
  );
}
