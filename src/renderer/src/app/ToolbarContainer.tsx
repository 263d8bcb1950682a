// The toolbar given what it shows from the stores; every action runs a command by id.
import { SyncIndicator } from '../sync/SyncIndicator';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { reportFailure } from './notifications/store';
import { useSession, useSettings, useSidePanel, useStores } from './stores';
import { Toolbar } from './toolbar/Toolbar';

export function ToolbarContainer() {
  const { client, settings } = useStores();
  const libraryOpen = useSidePanel((state) => state.open);
  const current = useSettings((state) => state);
  const editing = useSession((state) => state.editing);
  const title = useSession((state) => state.current?.title ?? null);
  return (
    <ErrorBoundary region="toolbar">
      <Toolbar
        title={title}
        libraryOpen={libraryOpen}
        editing={editing}
        settings={current}
        onSettings={settings.save}
        sync={<SyncIndicator client={client} report={reportFailure} />}
      />
    </ErrorBoundary>
  );
}
