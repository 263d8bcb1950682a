// The first load: app info, settings, the library and the profile in parallel, then the
// document read last (or the first one) opens.
import { unwrap } from '../../../shared/client';
import { notifyFailure } from './notifications/store';
import type { AppStores } from './stores';

export async function loadApp(
  { client, session, settings, profile }: AppStores,
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
