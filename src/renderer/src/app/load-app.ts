// The first load: app info, settings, the library and the profile in parallel, then the
// document read last (or the first one) opens.
import { unwrap } from '../../../shared/client';
import type { MarginaliaClient } from '../../../shared/contract';
import type { SessionStore } from '../library/session-store';
import type { ProfileStore } from '../settings/profile-store';
import type { SettingsStore } from '../settings/settings-store';
import { notifyFailure } from './notifications/store';

/** What the first load reads from and fills in. */
export interface LoadTargets {
  client: Pick<MarginaliaClient, 'getAppInfo' | 'getSettings' | 'listDocuments' | 'getProfile'>;
  session: Pick<SessionStore, 'loaded' | 'openDocument'>;
  settings: Pick<SettingsStore, 'loaded'>;
  profile: Pick<ProfileStore, 'loaded'>;
}

export async function loadApp(
  { client, session, settings, profile }: LoadTargets,
  cancelled: () => boolean,
  failed: (what: string, message: string) => void = notifyFailure,
): Promise<void> {
  try {
    const [info, loadedSettings, documents, loadedProfile] = await Promise.all([
      client.getAppInfo({}).then(unwrap),
      client.getSettings({}).then(unwrap),
      client.listDocuments({}).then(unwrap),
      client.getProfile({}).then(unwrap),
    ]);
    if (cancelled()) return;
    profile.loaded(loadedProfile);
    settings.loaded(loadedSettings);
    session.loaded(info, documents);
    const remembered = documents.find((doc) => doc.id === loadedSettings.lastOpenedDocumentId);
    const first = remembered ?? documents[0];
    if (first) await session.openDocument(first.id);
  } catch (error) {
    if (!cancelled())
      failed("Marginalia couldn't load the library", error instanceof Error ? error.message : String(error));
  }
}
