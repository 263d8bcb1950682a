// The window: the toolbar, the side panel beside the reader, the notification area and the
// dialogs. Each part reads the stores it needs; nothing is passed down by hand.
import { AnalysesView } from '../ach/AnalysesView';
import { analyses } from '../ach/analyses-store';
import { useAnalysesCommand } from '../ach/use-analyses-command';
import { ImportInputs } from '../library/ImportInputs';
import { ImportProgressList } from '../library/ImportProgressList';
import { CommandLayerContainer } from './CommandLayerContainer';
import { DialogLayer } from './DialogLayer';
import { Notifications } from './notifications/Notifications';
import { ReaderPane } from './ReaderPane';
import { SidePanels } from './SidePanels';
import { SkipLinks } from './SkipLinks';
import { useSidePanelCommands } from './side-panel-commands';
import { useStore } from './store';
import { useSession, useSidePanel } from './stores';
import { ToolbarContainer } from './ToolbarContainer';
import styles from './AppShell.module.css';

export function AppShell() {
  const sidePanelOpen = useSidePanel((state) => state.open);
  useSidePanelCommands();
  useAnalysesCommand();
  const analysesOpen = useStore(analyses, (state) => state.open);
  const shownDocumentId = useSession((state) => state.activeId);
  return (
    <div className="app">
      <SkipLinks />
      <ToolbarContainer />
      <ImportInputs />
      <div className={styles.layout} data-side-panel={sidePanelOpen ? 'open' : 'closed'}>
        {sidePanelOpen && <SidePanels />}
        {analysesOpen ? <AnalysesView /> : <ReaderPane />}
      </div>
      <Notifications besidePanel={sidePanelOpen} above={<ImportProgressList />} shownDocumentId={shownDocumentId} />
      <DialogLayer />
      <CommandLayerContainer />
    </div>
  );
}
