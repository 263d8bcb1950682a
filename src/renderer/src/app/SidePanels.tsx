// The side panel as ARIA tabs: one tab in the Tab order (roving tabindex), Left/Right move
// between tabs and Home/End jump to the ends, and the panel is labelled by its tab. Seven tabs
// fit one row as icons, each named by its label (hidden but read out, and a tooltip).
import type { KeyboardEvent } from 'react';
import { useRef } from 'react';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { PanelContent } from './PanelContent';
import { PanelIcon } from './panel-icons';
import { tabIndexForKey } from './roving-tabs';
import type { SidePanel } from './side-panel-store';
import { SIDE_PANELS } from './side-panel-store';
import { useController, useSession, useSidePanel, useStores } from './stores';
import styles from './SidePanels.module.css';

const PANEL_LABELS: Record<SidePanel, string> = {
  library: 'Library',
  annotations: 'Annotations',
  tags: 'Tags',
  search: 'Search',
  source: 'Source',
  sources: 'Sources',
  claims: 'Claims',
};

/** How a failing panel names itself. */
const PANEL_REGIONS: Record<SidePanel, string> = {
  library: 'library',
  annotations: 'annotations panel',
  tags: 'tags panel',
  search: 'search panel',
  source: 'source panel',
  sources: 'sources panel',
  claims: 'claims panel',
};

function OrphanBadge() {
  const orphaned = useController().annotations.some((annotation) => annotation.anchor.status === 'orphan');
  if (!orphaned) return null;
  return (
    <span className={styles.badge} aria-label="has orphaned annotations">
      !
    </span>
  );
}

function PanelTabs() {
  const { panels } = useStores();
  const selected = useSidePanel((state) => state.panel);
  const tabs = useRef(new Map<SidePanel, HTMLButtonElement>());
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const next = tabIndexForKey(event.key, SIDE_PANELS.indexOf(selected), SIDE_PANELS.length);
    if (next === null) return;
    event.preventDefault();
    const panel = SIDE_PANELS[next]!;
    panels.show(panel);
    tabs.current.get(panel)?.focus();
  };
  return (
    <div role="tablist" aria-label="Panels" className={styles.tabs} onKeyDown={onKeyDown}>
      {SIDE_PANELS.map((panel) => (
        <button
          key={panel}
          ref={(element) => {
            if (element) tabs.current.set(panel, element);
            else tabs.current.delete(panel);
          }}
          type="button"
          role="tab"
          id={`tab-${panel}`}
          aria-selected={panel === selected}
          aria-controls={`panel-${panel}`}
          tabIndex={panel === selected ? 0 : -1}
          className={styles.tab}
          title={PANEL_LABELS[panel]}
          // A click on Search puts the caret in its box (typing there ran the reader's keys, trial); Enter
          // or Space on the tab, a keyboard's click (detail 0), leaves focus on the tabs, as tabs do.
          onClick={(event) => (panel === 'search' && event.detail > 0 ? panels.focusSearch() : panels.show(panel))}
        >
          <PanelIcon panel={panel} />
          <span className={styles.label}>{PANEL_LABELS[panel]}</span>
          {panel === 'annotations' && <OrphanBadge />}
        </button>
      ))}
    </div>
  );
}

export function SidePanels() {
  const { session } = useStores();
  const controller = useController();
  const panel = useSidePanel((state) => state.panel);
  const currentId = useSession((state) => state.current?.id);
  const retry = async () => {
    if (panel === 'library') await session.refreshLibrary();
    else await Promise.all([controller.refresh(), controller.refreshTags()]);
  };
  return (
    <aside className={styles.sidebar} aria-label="Side panel">
      <PanelTabs />
      <div role="tabpanel" id={`panel-${panel}`} aria-labelledby={`tab-${panel}`} className={styles.panel}>
        <ErrorBoundary region={PANEL_REGIONS[panel]} resetKeys={[panel, currentId]} onRetry={retry}>
          <PanelContent panel={panel} />
        </ErrorBoundary>
      </div>
    </aside>
  );
}
