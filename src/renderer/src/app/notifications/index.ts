// The notification area's entry point: the store, the one failure reporter and the view.
export type { Notification, NotificationAction, NotificationKind, NotifyOptions } from './store';
export { NotificationCenter, notifications, notifyFailure, reportFailure, useNotifications } from './store';
export type { Problem } from './problem';
export { describeProblem, problemReport } from './problem';
export { Notifications } from './Notifications';
