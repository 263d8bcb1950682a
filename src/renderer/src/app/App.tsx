// The app shell: toolbar, library panel and reader, plus the dialogs they raise. Holds
// the state that several panels share and talks to the core only through the client.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { unwrap } from '../../../shared/client';
import type { MarginaliaClient } from '../../../shared/contract';
import type { Profile } from '../../../shared/annotations';
import type { SearchHit } from '../../../shared/search-results';
import type { AppInfo, DocumentDetail, DocumentSummary, Settings } from '../../../shared/model';
import { DEFAULT_SETTINGS, MAX_FONT_SIZE, MIN_FONT_SIZE } from '../../../shared/model';
import { useAnnotationController } from '../annotations/controller';
import { AnnotationsPanel } from '../annotations/AnnotationsPanel';
import { ConfirmDialog, MessageDialog } from '../ui/Dialogs';
import { DropOverlay, useFileDrop } from '../library/DropOverlay';
import { LibraryPanel } from '../library/LibraryPanel';
import { ExportDialog } from '../export/ExportDialog';
import { KnownKeysSection } from '../bundles/KnownKeys';
import { SyncIndicator } from '../sync/SyncIndicator';
import { ImportNotesDialog, ShareNotesDialog } from '../bundles/NotesDialogs';
import { ProfileDialog } from '../settings/ProfileDialog';
import type { SelectionCommands } from '../reader/Reader';
import { Reader } from '../reader/Reader';
import type { SearchScope } from '../search/SearchPanel';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { HiddenFileInput } from '../ui/HiddenFileInput';
import { SearchPanel } from '../search/SearchPanel';
import { TagsPanel } from '../tags/TagsPanel';
import { Toolbar } from './Toolbar';
import { readFileAsBase64 } from '../ui/files';
import type { FileImport } from '../library/import-report';
import { importMessages } from '../library/import-report';
import { useResolvedTheme } from '../settings/theme';
import { linkDestination, openOutside, useContentLinks } from '../reader/links';
import { UNOPENABLE_LINK_MESSAGE, isOpenableLink } from '../../../shared/links';
import { countOf } from '../../../shared/plural';
import { importedSummary } from '../../../shared/bundles';
import { Notifications } from './notifications/Notifications';
import { notifications, notifyFailure } from './notifications/store';
import { commands, useCommandHandler, useCommandKeys, useHostCommands } from '../commands';

type SidePanel = 'library' | 'annotations' | 'tags' | 'search';

/** How a failing panel names itself. */
const PANEL_REGIONS: Record<SidePanel, string> = {
  library: 'library',
  annotations: 'annotations panel',
  tags: 'tags panel',
  search: 'search panel',
};

const PANEL_LABELS: Record<SidePanel, string> = {
  library: 'Library',
  annotations: 'Annotations',
  tags: 'Tags',
  search: 'Search',
};

export interface AppProps {
  client: MarginaliaClient;
}

interface Message {
  title: string;
  body: string;
}

interface PendingConfirmation {
  title: string;
  body: string;
  confirmLabel: string;
  onConfirm: () => void;
  destructive?: boolean;
}

/** Imports one chosen file; never throws, so one bad file cannot stop the others. */
async function importOne(client: MarginaliaClient, file: File): Promise<FileImport & { id?: string }> {
  try {
    const result = await client.importDocument({ fileName: file.name, dataBase64: await readFileAsBase64(file) });
    if (!result.ok) return { fileName: file.name, outcome: 'failed', reason: result.error.message };
    const { document, created } = result.value;
    return created
      ? { fileName: file.name, outcome: 'imported', id: document.id }
      : { fileName: file.name, outcome: 'existing', title: document.title, id: document.id };
  } catch (error) {
    return { fileName: file.name, outcome: 'failed', reason: error instanceof Error ? error.message : String(error) };
  }
}

export function App({ client }: AppProps) {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [documents, setDocuments] = useState<DocumentSummary[] | null>(null);
  const [current, setCurrent] = useState<DocumentDetail | null>(null);
  const [libraryOpen, setLibraryOpen] = useState(true);
  const [message, setMessage] = useState<Message | null>(null);
  const [confirmation, setConfirmation] = useState<PendingConfirmation | null>(null);
  const [panel, setPanel] = useState<SidePanel>('library');
  const [searchScope, setSearchScope] = useState<SearchScope>('document');
  const [searchFocus, setSearchFocus] = useState(0);
  const [editing, setEditing] = useState(false);
  // Leaving edit mode without saving throws the changes away by rebuilding the reader.
  const [editEpoch, setEditEpoch] = useState(0);
  const [profile, setProfile] = useState<(Profile & { confirmed: boolean }) | null>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [exportOpen, setExportOpen] = useState(false);
  const [shareOpen, setShareOpen] = useState(false);
  const [incomingBundle, setIncomingBundle] = useState<{ fileName: string; dataBase64: string } | null>(null);
  const bundleInputRef = useRef<HTMLInputElement>(null);
  const selectionCommands = useRef<SelectionCommands | null>(null);
  const currentIdRef = useRef<string | null>(null);
  const fileInputRef = useRef<HTMLInputElement>(null);
  const theme = useResolvedTheme(settings.theme);

  const report = useCallback((title: string, error: unknown) => {
    setMessage({ title, body: error instanceof Error ? error.message : String(error) });
  }, []);

  const announce = useCallback((text: string) => void notifications.notify(text), []);
  // The document being opened: its annotations load while its text is still on the way.
  const [activeId, setActiveId] = useState<string | null>(null);
  const controller = useAnnotationController(client, activeId, report, announce, profile?.authorId ?? null);

  const saveSettings = useCallback(
    (changes: Partial<Settings>) => {
      setSettings((previous) => ({ ...previous, ...changes }));
      void client.updateSettings(changes).then((result) => {
        if (result.ok) setSettings(result.value);
        else notifyFailure("Couldn't save the setting", result.error.message);
      });
    },
    [client],
  );

  const openDocument = useCallback(
    async (id: string) => {
      setActiveId(id);
      const result = await client.getDocument({ id });
      if (!result.ok) {
        setActiveId(currentIdRef.current);
        report("Couldn't open the document", result.error.message);
        return;
      }
      currentIdRef.current = id;
      setEditing(false);
      setCurrent(result.value);
      saveSettings({ lastOpenedDocumentId: id });
    },
    [client, report, saveSettings],
  );

  const refreshLibrary = useCallback(async (): Promise<DocumentSummary[]> => {
    const list = unwrap(await client.listDocuments({}));
    setDocuments(list);
    const openId = currentIdRef.current;
    if (openId && !list.some((doc) => doc.id === openId)) {
      currentIdRef.current = null;
      setCurrent(null);
      setActiveId(null);
      if (list[0]) void openDocument(list[0].id);
    }
    return list;
  }, [client, openDocument]);

  // First load: app info, settings and the library in parallel, then the document last read.
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      try {
        const [appInfo, loadedSettings, list, loadedProfile] = await Promise.all([
          client.getAppInfo({}).then(unwrap),
          client.getSettings({}).then(unwrap),
          client.listDocuments({}).then(unwrap),
          client.getProfile({}).then(unwrap),
        ]);
        if (cancelled) return;
        setProfile(loadedProfile);
        setInfo(appInfo);
        setSettings(loadedSettings);
        setDocuments(list);
        const remembered = list.find((doc) => doc.id === loadedSettings.lastOpenedDocumentId);
        const first = remembered ?? list[0];
        if (first) await openDocument(first.id);
      } catch (error) {
        if (!cancelled) report("Marginalia couldn't load the library", error);
      }
    })();
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runs once per client
  }, [client]);

  const importFiles = useCallback(
    async (chosen: readonly File[]) => {
      // A note bundle among the files opens the import-notes preview; the rest are documents.
      const bundle = chosen.find((file) => file.name.toLowerCase().endsWith('.mnb'));
      if (bundle) {
        try {
          setIncomingBundle({ fileName: bundle.name, dataBase64: await readFileAsBase64(bundle) });
        } catch (error) {
          report(`Couldn't read ${bundle.name}`, error);
        }
      }
      const files = chosen.filter((file) => file !== bundle);
      if (files.length === 0) return;
      let lastId: string | undefined;
      const outcomes: FileImport[] = [];
      const progress = notifications.notify(`Importing ${files[0]!.name}…`, 'progress');
      for (const file of files) {
        notifications.update(progress, `Importing ${file.name}…`, 'progress');
        const outcome = await importOne(client, file);
        outcomes.push(outcome);
        if ('id' in outcome) lastId = outcome.id;
      }
      notifications.dismiss(progress);
      // Every file is accounted for: what came in, what was already here, and each failure with its reason.
      for (const { text, kind } of importMessages(outcomes)) notifications.notify(text, kind);
      await refreshLibrary();
      if (lastId) await openDocument(lastId);
    },
    [client, openDocument, refreshLibrary, report],
  );

  const chooseFiles = useCallback(() => fileInputRef.current?.click(), []);

  const changeFontSize = useCallback(
    (step: number | 'reset') => {
      const next =
        step === 'reset'
          ? DEFAULT_SETTINGS.fontSize
          : Math.min(MAX_FONT_SIZE, Math.max(MIN_FONT_SIZE, settings.fontSize + step));
      saveSettings({ fontSize: next });
    },
    [saveSettings, settings.fontSize],
  );

  const undoOrRedo = useCallback(
    (command: 'undo' | 'redo') => {
      // From the desktop menu: typing in a field or a note is undone there, not in the store.
      const active = document.activeElement as HTMLElement | null;
      if (active?.closest('input, textarea, [contenteditable="true"]')) document.execCommand(command);
      else void controller.undo(command);
    },
    [controller],
  );
  const find = useCallback((scope: SearchScope) => {
    setPanel('search');
    setSearchScope(scope === 'document' && currentIdRef.current ? 'document' : 'library');
    setSearchFocus((value) => value + 1);
  }, []);

  useCommandHandler('import', chooseFiles);
  useCommandHandler('zoomIn', () => changeFontSize(1), settings.fontSize < MAX_FONT_SIZE);
  useCommandHandler('zoomOut', () => changeFontSize(-1), settings.fontSize > MIN_FONT_SIZE);
  useCommandHandler('zoomReset', () => changeFontSize('reset'));
  useCommandHandler('toggleLibrary', () => setLibraryOpen((open) => !open));
  useCommandHandler('themeSystem', () => saveSettings({ theme: 'system' }));
  useCommandHandler('themeLight', () => saveSettings({ theme: 'light' }));
  useCommandHandler('themeDark', () => saveSettings({ theme: 'dark' }));
  useCommandHandler('undo', () => undoOrRedo('undo'));
  useCommandHandler('redo', () => undoOrRedo('redo'));
  useCommandHandler('findInDocument', () => find('document'));
  useCommandHandler('findInLibrary', () => find('library'));
  useCommandHandler('highlight', () => selectionCommands.current?.highlight());
  useCommandHandler('tag', () => selectionCommands.current?.tag());
  useCommandHandler('note', () => selectionCommands.current?.note());
  useCommandHandler('exportPdf', () => setExportOpen(true), current !== null && !editing);
  useCommandHandler('shareNotes', () => setShareOpen(true));
  useCommandHandler('importNotes', () => bundleInputRef.current?.click());
  useCommandKeys();
  useHostCommands(client);

  // Pushed events: library changes (here or from the CLI), menu commands, host errors.
  useEffect(() => {
    const stops = [
      client.on(
        'libraryChanged',
        () =>
          void refreshLibrary().catch((error: unknown) =>
            notifyFailure("Couldn't refresh the library", error instanceof Error ? error.message : String(error)),
          ),
      ),
      client.on('openDocument', ({ id }) => {
        void refreshLibrary().then(() => openDocument(id));
      }),
      client.on('hostError', ({ title, message: body }) => setMessage({ title, body })),
    ];
    return () => stops.forEach((stop) => stop());
  }, [client, openDocument, refreshLibrary]);

  useEffect(() => {
    document.title = current ? `${current.title} — Marginalia` : 'Marginalia';
  }, [current]);

  useEffect(() => {
    const root = document.documentElement;
    root.dataset.theme = theme;
    root.style.setProperty('--reader-font-size', `${settings.fontSize}px`);
    root.dataset.font = settings.fontFamily;
  }, [theme, settings.fontSize, settings.fontFamily]);

  const dragging = useFileDrop((files) => void importFiles(files));

  const requestDelete = useCallback(
    (doc: DocumentSummary) => {
      setConfirmation({
        title: `Delete “${doc.title}”?`,
        body: 'The document is removed from the library. This cannot be undone.',
        confirmLabel: 'Delete',
        onConfirm: () => {
          void client.removeDocument({ id: doc.id }).then(async (result) => {
            if (!result.ok) report(`Couldn't delete “${doc.title}”`, result.error.message);
            await refreshLibrary();
          });
        },
      });
    },
    [client, refreshLibrary, report],
  );

  // Every link from content asks first, then opens outside the app; only web and mail links open.
  const openLink = useCallback(
    (href: string) => {
      if (!isOpenableLink(href)) {
        notifications.notify(`This link can't be opened: ${href || '(empty)'}. ${UNOPENABLE_LINK_MESSAGE}`, 'error');
        return;
      }
      setConfirmation({
        title: 'Open this link?',
        body: `${href}\n\nIt opens ${linkDestination(href, info?.host)}, outside Marginalia.`,
        confirmLabel: 'Open link',
        destructive: false,
        onConfirm: () =>
          void openOutside(client, info?.host, href).then((result) => {
            if (!result.ok) notifyFailure("Couldn't open the link", result.error.message);
          }),
      });
    },
    [client, info],
  );
  useContentLinks(openLink);

  const saveEdit = useCallback(
    async (lexicalJson: string) => {
      if (!current) return;
      const result = await client.updateDocumentText({ id: current.id, lexicalJson });
      if (!result.ok) {
        report("Couldn't save the corrected text", result.error.message);
        return;
      }
      const { kept, moved, fuzzy, orphaned } = result.value.counts;
      setEditing(false);
      setCurrent(result.value.document);
      await controller.refresh();
      announce(`Text saved. Annotations: ${kept} kept, ${moved} moved, ${fuzzy} fuzzy, ${orphaned} orphaned.`);
    },
    [announce, client, controller, current, report],
  );

  const chooseSearchHit = useCallback(
    async (documentId: string, hit: SearchHit) => {
      if (documentId !== currentIdRef.current) await openDocument(documentId);
      if (hit.kind === 'annotation' && hit.annotationId) {
        controller.select(hit.annotationId);
        if (hit.anchorStatus === 'orphan') setPanel('annotations');
      }
      controller.setSearchMarks(hit.marks.length > 0 ? { documentId, spans: hit.marks } : null);
      if (hit.anchorStatus !== 'orphan') controller.scrollTo(hit.start, hit.end);
    },
    [controller, openDocument],
  );

  const closeDialogs = useCallback(() => {
    setSettingsOpen(false);
    setShareOpen(false);
    setIncomingBundle(null);
    setExportOpen(false);
    setMessage(null);
    setConfirmation(null);
  }, []);

  const retryPanel = useCallback(
    async (which: SidePanel) => {
      if (which === 'library') await refreshLibrary();
      else await Promise.all([controller.refresh(), controller.refreshTags()]);
    },
    [controller, refreshLibrary],
  );

  const { setSearchMarks } = controller;
  const clearSearchMarks = useCallback(() => setSearchMarks(null), [setSearchMarks]);

  const layoutClass = useMemo(() => (libraryOpen ? 'layout' : 'layout layout--library-closed'), [libraryOpen]);

  return (
    <div className="app">
      <ErrorBoundary region="toolbar">
        <Toolbar
          libraryOpen={libraryOpen}
          onToggleLibrary={() => setLibraryOpen((open) => !open)}
          onImport={chooseFiles}
          settings={settings}
          onFontSize={changeFontSize}
          onSettings={saveSettings}
          editing={editing}
          canEdit={current !== null}
          onToggleEdit={() => {
            if (editing) setEditEpoch((epoch) => epoch + 1);
            setEditing(!editing);
          }}
          onUndo={() => commands.run('undo')}
          onRedo={() => commands.run('redo')}
          onOpenSettings={() => setSettingsOpen(true)}
          onExport={() => setExportOpen(true)}
          onShareNotes={() => setShareOpen(true)}
          onImportNotes={() => bundleInputRef.current?.click()}
          sync={<SyncIndicator client={client} report={(title, body) => setMessage({ title, body })} />}
        />
      </ErrorBoundary>
      <HiddenFileInput
        ref={bundleInputRef}
        accept=".mnb"
        testId="import-notes-input"
        onFiles={(files) => void importFiles(files.slice(0, 1))}
      />
      <HiddenFileInput
        ref={fileInputRef}
        multiple
        accept=".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html"
        testId="import-input"
        onFiles={(files) => void importFiles(files)}
      />
      <div className={layoutClass}>
        {libraryOpen && (
          <aside className="sidebar" aria-label="Side panel">
            <div role="tablist" aria-label="Panels" className="sidebar__tabs">
              {(Object.keys(PANEL_LABELS) as SidePanel[]).map((key) => (
                <button
                  key={key}
                  type="button"
                  role="tab"
                  id={`tab-${key}`}
                  aria-selected={panel === key}
                  aria-controls={`panel-${key}`}
                  className="sidebar__tab"
                  onClick={() => setPanel(key)}
                >
                  {PANEL_LABELS[key]}
                  {key === 'annotations' &&
                    controller.annotations.some((annotation) => annotation.anchor.status === 'orphan') && (
                      <span className="sidebar__badge" aria-label="has orphaned annotations">
                        !
                      </span>
                    )}
                </button>
              ))}
            </div>
            <div role="tabpanel" id={`panel-${panel}`} aria-labelledby={`tab-${panel}`} className="sidebar__panel">
              <ErrorBoundary
                region={PANEL_REGIONS[panel]}
                resetKeys={[panel, current?.id]}
                onRetry={() => retryPanel(panel)}
              >
                {panel === 'library' && (
                  <LibraryPanel
                    documents={documents}
                    currentId={current?.id ?? null}
                    onOpen={(id) => void openDocument(id)}
                    onDelete={requestDelete}
                  />
                )}
                {panel === 'annotations' && (
                  <AnnotationsPanel
                    controller={controller}
                    report={report}
                    onConfirmDelete={(count, confirm) =>
                      setConfirmation({
                        title: `Delete ${countOf(count, 'annotation')}?`,
                        body: 'Their highlights, tags and notes are removed. Ctrl+Z brings them back.',
                        confirmLabel: 'Delete',
                        onConfirm: confirm,
                      })
                    }
                  />
                )}
                {panel === 'tags' && (
                  <TagsPanel
                    client={client}
                    controller={controller}
                    report={report}
                    announce={announce}
                    confirm={(title, body, confirmLabel, onConfirm) =>
                      setConfirmation({ title, body, confirmLabel, onConfirm })
                    }
                  />
                )}
                {panel === 'search' && (
                  <SearchPanel
                    client={client}
                    documents={documents ?? []}
                    documentId={current?.id ?? null}
                    scope={current ? searchScope : 'library'}
                    focusToken={searchFocus}
                    onScope={setSearchScope}
                    onChoose={(documentId, hit) => void chooseSearchHit(documentId, hit)}
                    onClear={clearSearchMarks}
                  />
                )}
              </ErrorBoundary>
            </div>
          </aside>
        )}
        <ErrorBoundary
          region="reader"
          resetKeys={[current?.id, editEpoch]}
          onRetry={() => (currentIdRef.current ? openDocument(currentIdRef.current) : undefined)}
        >
          <Reader
            commandsRef={selectionCommands}
            document={current}
            loading={documents === null}
            editing={editing}
            editEpoch={editEpoch}
            controller={controller}
            onImport={chooseFiles}
            onSaveEdit={(json) => void saveEdit(json)}
            report={(title, body) => setMessage({ title, body })}
            myAuthorId={profile?.authorId ?? null}
          />
        </ErrorBoundary>
      </div>
      {dragging && <DropOverlay />}
      <Notifications />
      <ErrorBoundary region="dialog" onClose={closeDialogs}>
        {profile && !profile.confirmed && (
          <ProfileDialog
            title="Welcome to Marginalia"
            intro="Your name goes on every highlight and note you make, so reviewers know whose work it is. You can change it later in Settings."
            name={profile.displayName}
            offerWorkspace={info?.defaultWorkspaceDir ?? ''}
            onSave={({ name, workspaceDir }) =>
              void client.updateProfile({ displayName: name }).then(async (result) => {
                if (!result.ok) {
                  report("Couldn't save your name", result.error.message);
                  return;
                }
                if (workspaceDir) {
                  const saved = await client.updateSettings({ workspaceDir });
                  if (saved.ok) setSettings(saved.value);
                  else report("Couldn't use that workspace folder", saved.error.message);
                }
                setProfile(result.value);
              })
            }
          />
        )}
        {settingsOpen && profile && (
          <ProfileDialog
            title="Settings"
            intro="Your name appears on your annotations and replies, those you wrote before too."
            name={profile.displayName}
            maxImportMegabytes={settings.maxImportMegabytes}
            workspaceDir={settings.workspaceDir}
            extra={<KnownKeysSection client={client} />}
            onCancel={() => setSettingsOpen(false)}
            onSave={({ name, maxImportMegabytes, workspaceDir }) =>
              void client.updateProfile({ displayName: name }).then(async (result) => {
                if (!result.ok) {
                  report("Couldn't save your name", result.error.message);
                  return;
                }
                setProfile(result.value);
                if (maxImportMegabytes !== undefined) saveSettings({ maxImportMegabytes });
                if (workspaceDir !== undefined && workspaceDir !== settings.workspaceDir) {
                  const saved = await client.updateSettings({ workspaceDir });
                  if (!saved.ok) {
                    report("Couldn't use that workspace folder", saved.error.message);
                    return;
                  }
                  setSettings(saved.value);
                }
                setSettingsOpen(false);
                notifications.notify('Settings saved');
              })
            }
          />
        )}
        {shareOpen && (
          <ShareNotesDialog
            client={client}
            documents={documents ?? []}
            currentId={current?.id ?? null}
            onClose={() => setShareOpen(false)}
            onShared={(summary) => {
              setShareOpen(false);
              announce(summary);
            }}
          />
        )}
        {incomingBundle && (
          <ImportNotesDialog
            client={client}
            fileName={incomingBundle.fileName}
            dataBase64={incomingBundle.dataBase64}
            onClose={() => setIncomingBundle(null)}
            onImported={(plan) => {
              setIncomingBundle(null);
              announce(importedSummary(plan));
              void refreshLibrary().then(() => {
                // A document the import added (new, or a copy beside mine) opens, so it is never lost among same-titled ones.
                const added = plan.documents.find(
                  (document) => document.status === 'new' || document.choice === 'copy',
                );
                const opened = added ?? (currentIdRef.current ? undefined : plan.documents[0]);
                if (opened) void openDocument(opened.id);
              });
            }}
          />
        )}
        {exportOpen && current && (
          <ExportDialog
            client={client}
            documents={documents ?? []}
            currentId={current.id}
            onClose={() => setExportOpen(false)}
            onExported={(result) => {
              setExportOpen(false);
              const summary = `Exported “${result.fileName}”: ${countOf(result.pageCount, 'page')}, ${countOf(result.highlightCount, 'highlight')}.`;
              if (result.warnings.length > 0)
                setMessage({
                  title: `Exported, with ${result.warnings.length === 1 ? 'a warning' : countOf(result.warnings.length, 'warning')}`,
                  body: `${summary}\n\n${result.warnings.join('\n')}`,
                });
              else announce(summary);
            }}
          />
        )}
        {message && <MessageDialog title={message.title} body={message.body} onClose={() => setMessage(null)} />}
        {confirmation && (
          <ConfirmDialog
            title={confirmation.title}
            body={confirmation.body}
            confirmLabel={confirmation.confirmLabel}
            destructive={confirmation.destructive ?? true}
            onCancel={() => setConfirmation(null)}
            onConfirm={() => {
              setConfirmation(null);
              confirmation.onConfirm();
            }}
          />
        )}
      </ErrorBoundary>
    </div>
  );
}
