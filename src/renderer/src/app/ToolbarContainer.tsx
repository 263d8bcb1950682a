// The toolbar given what it shows from the stores; every action runs a command by id.
import { commands } from '../commands';
import { SyncIndicator } from '../sync/SyncIndicator';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { useSession, useSettings, useSidePanel, useStores } from './stores';
import { Toolbar } from './Toolbar';

export function ToolbarContainer() {
  const { client, settings, dialogs } = useStores();
  const libraryOpen = useSidePanel((state) => state.open);
  const current = useSettings((state) => state);
  const editing = useSession((state) => state.editing);
  const canEdit = useSession((state) => state.current !== null);
  return (
    <ErrorBoundary region="toolbar">
      <Toolbar
        libraryOpen={libraryOpen}
        onToggleLibrary={() => commands.run('toggleLibrary')}
        onImport={() => commands.run('import')}
        settings={current}
        onFontSize={(step) => settings.changeFontSize(step)}
        onSettings={settings.save}
        editing={editing}
        canEdit={canEdit}
        onToggleEdit={() => commands.run(editing ? 'cancelEditing' : 'editText')}
        onUndo={() => commands.run('undo')}
        onRedo={() => commands.run('redo')}
        onOpenSettings={() => commands.run('openSettings')}
        onExport={() => commands.run('exportPdf')}
        onShareNotes={() => commands.run('shareNotes')}
        onImportNotes={() => commands.run('importNotes')}
        sync={<SyncIndicator client={client} report={dialogs.showMessage} />}
      />
    </ErrorBoundary>
  );
}
