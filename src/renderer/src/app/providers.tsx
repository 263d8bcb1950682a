// The providers every part of the window reads from: the client and its stores, the open
// document's annotation controller, the command keys and the host's menu, and the first load.
import type { ReactNode } from 'react';
import { useEffect, useMemo } from 'react';
import type { MarginaliaClient } from '../../../shared/contract';
import { useAnnotationController } from '../annotations/controller';
import { useCommandHandler, useCommandKeys, useHostCommands } from '../commands';
import { useReadingSettings } from '../settings/useReadingSettings';
import { loadApp } from './load-app';
import type { NotificationAction } from './notifications/store';
import { notifications, reportFailure } from './notifications/store';
import { useStore } from './store';
import { ControllerContext, StoresContext, createStores, useStores } from './stores';

const announce = (text: string, action?: NotificationAction) =>
  void notifications.notify(text, 'info', action ? { action } : {});

/** The open document's annotations, with undo and redo of their changes. */
function AnnotationsProvider({ children }: { children: ReactNode }) {
  const { client, session, profile } = useStores();
  const activeId = useStore(session, (state) => state.activeId);
  const authorId = useStore(profile, (state) => state.profile?.authorId ?? null);
  const controller = useAnnotationController(client, activeId, reportFailure, announce, authorId);
  const undoOrRedo = (command: 'undo' | 'redo') => {
    // From the desktop menu: typing in a field or a note is undone there, not in the store.
    const active = document.activeElement as HTMLElement | null;
    if (active?.closest('input, textarea, [contenteditable="true"]')) document.execCommand(command);
    else void controller.undo(command);
  };
  useCommandHandler('undo', () => undoOrRedo('undo'));
  useCommandHandler('redo', () => undoOrRedo('redo'));
  return <ControllerContext value={controller}>{children}</ControllerContext>;
}

/** Loads the window's state once per client, and follows what the host pushes. */
function useAppLifecycle(): void {
  const stores = useStores();
  const { client, session, dialogs } = stores;
  useEffect(() => {
    let cancelled = false;
    void loadApp(stores, () => cancelled);
    return () => {
      cancelled = true;
    };
  }, [stores]);
  useEffect(() => {
    const stops = [
      client.on('libraryChanged', () => void session.refreshLibrary()),
      client.on('openDocument', ({ id }) => void session.refreshLibrary().then(() => session.openDocument(id))),
      client.on('hostError', ({ title, message }) => reportFailure(title, message)),
    ];
    return () => stops.forEach((stop) => stop());
  }, [client, session, dialogs]);
  const title = useStore(session, (state) => state.current?.title);
  useEffect(() => {
    document.title = title ? `${title} — Marginalia` : 'Marginalia';
  }, [title]);
  useCommandKeys();
  useHostCommands(client);
}

function AppEffects() {
  useAppLifecycle();
  useReadingSettings();
  return null;
}

export function AppProviders({ client, children }: { client: MarginaliaClient; children: ReactNode }) {
  const stores = useMemo(() => createStores(client), [client]);
  return (
    <StoresContext value={stores}>
      <AnnotationsProvider>
        <AppEffects />
        {children}
      </AnnotationsProvider>
    </StoresContext>
  );
}
