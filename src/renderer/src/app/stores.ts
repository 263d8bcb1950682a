// The shared state of one window: the contract client and the stores built over it, reached
// from any component through context instead of props passed down by hand.
import { createContext, useContext } from 'react';
import type { MarginaliaClient } from '../../../shared/contract';
import type { AnnotationController } from '../annotations/controller';
import { SessionStore } from '../library/session-store';
import { ProfileStore } from '../settings/profile-store';
import { SettingsStore } from '../settings/settings-store';
import { DialogsStore } from './dialogs-store';
import { SidePanelStore } from './side-panel-store';
import { useStore } from './store';

export interface AppStores {
  client: MarginaliaClient;
  session: SessionStore;
  settings: SettingsStore;
  profile: ProfileStore;
  dialogs: DialogsStore;
  panels: SidePanelStore;
}

export function createStores(client: MarginaliaClient): AppStores {
  const settings = new SettingsStore(client);
  // The document opened last opens again on the next start.
  const session = new SessionStore(client, { onOpened: (id) => settings.save({ lastOpenedDocumentId: id }) });
  return {
    client,
    session,
    settings,
    profile: new ProfileStore(client),
    dialogs: new DialogsStore(),
    panels: new SidePanelStore(),
  };
}

export const StoresContext = createContext<AppStores | null>(null);
export const ControllerContext = createContext<AnnotationController | null>(null);

export function useStores(): AppStores {
  const stores = useContext(StoresContext);
  if (!stores) throw new Error('useStores needs AppProviders above it');
  return stores;
}

export function useClient(): MarginaliaClient {
  return useStores().client;
}

/** The open document's annotations, tags and selection. */
export function useController(): AnnotationController {
  const controller = useContext(ControllerContext);
  if (!controller) throw new Error('useController needs AppProviders above it');
  return controller;
}

/** Reads a part of the session: the library, the open document, editing. */
export const useSession = <Part>(select: (state: ReturnType<SessionStore['get']>) => Part): Part =>
  useStore(useStores().session, select);

/** Reads a part of the settings. */
export const useSettings = <Part>(select: (state: ReturnType<SettingsStore['get']>) => Part): Part =>
  useStore(useStores().settings, select);

export const useDialogs = <Part>(select: (state: ReturnType<DialogsStore['get']>) => Part): Part =>
  useStore(useStores().dialogs, select);

export const useSidePanel = <Part>(select: (state: ReturnType<SidePanelStore['get']>) => Part): Part =>
  useStore(useStores().panels, select);

export const useProfile = () => useStore(useStores().profile, (state) => state.profile);
