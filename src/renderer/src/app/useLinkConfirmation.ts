// Every link from content asks first, then opens outside the app; only web and mail links open.
import { useCallback } from 'react';
import { UNOPENABLE_LINK_MESSAGE, isOpenableLink } from '../../../shared/links';
import { linkDestination, openOutside, useContentLinks } from '../reader/links';
import { notifications, notifyFailure } from './notifications/store';
import { useSession, useStores } from './stores';

export function useLinkConfirmation(): void {
  const { client, dialogs } = useStores();
  const host = useSession((state) => state.info?.host);
  const openLink = useCallback(
    (href: string) => {
      if (!isOpenableLink(href)) {
        notifications.notify(`This link can't be opened: ${href || '(empty)'}. ${UNOPENABLE_LINK_MESSAGE}`, 'error');
        return;
      }
      dialogs.confirm({
        title: 'Open this link?',
        body: `${href}\n\nIt opens ${linkDestination(href, host)}, outside Marginalia.`,
        confirmLabel: 'Open link',
        destructive: false,
        onConfirm: () =>
          void openOutside(client, host, href).then((result) => {
            if (!result.ok) notifyFailure("Couldn't open the link", result.error.message);
          }),
      });
    },
    [client, dialogs, host],
  );
  useContentLinks(openLink);
}
