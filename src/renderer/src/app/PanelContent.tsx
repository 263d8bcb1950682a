// What each side-panel tab shows, each panel given what it reads from the stores.
import { useCallback, useEffect } from 'react';
import type { SearchHit } from '../../../shared/search-results';
import { countOf } from '../../../shared/plural';
import { AnnotationsPanel } from '../annotations/AnnotationsPanel';
import { ClaimsPanel } from '../evidence/ClaimsPanel';
import { SourcesPanel } from '../evidence/SourcesPanel';
import { LibraryPanel } from '../library/LibraryPanel';
import { SearchPanel } from '../search/SearchPanel';
import { SourcePanel } from '../source/SourcePanel';
import { TagsPanel } from '../tags/TagsPanel';
import { reportFailure } from './notifications/store';
import type { SidePanel } from './side-panel-store';
import { useController, useSession, useSidePanel, useStores } from './stores';

function AnnotationsTab() {
  const { dialogs } = useStores();
  return (
    <AnnotationsPanel
      controller={useController()}
      report={reportFailure}
      onConfirmDelete={(count, confirm) =>
        dialogs.confirm({
          title: `Delete ${countOf(count, 'annotation')}?`,
          body: 'Their highlights, tags and notes are removed. Ctrl+Z brings them back.',
          confirmLabel: 'Delete',
          onConfirm: confirm,
        })
      }
    />
  );
}

function TagsTab() {
  const { client, dialogs } = useStores();
  return (
    <TagsPanel
      client={client}
      controller={useController()}
      report={reportFailure}
      confirm={(title, body, confirmLabel, onConfirm) => dialogs.confirm({ title, body, confirmLabel, onConfirm })}
    />
  );
}

function SearchTab() {
  const { client, session, panels } = useStores();
  const controller = useController();
  const documents = useSession((state) => state.documents);
  const currentId = useSession((state) => state.current?.id ?? null);
  const scope = useSidePanel((state) => state.searchScope);
  const focusToken = useSidePanel(() => panels.pendingSearchFocus());
  // Once the box has answered a Find, the request is spent: coming back to the tab leaves focus where it is.
  useEffect(() => {
    if (focusToken !== 0) panels.searchFocused(focusToken);
  }, [focusToken, panels]);
  const { setSearchMarks } = controller;
  const clearSearchMarks = useCallback(() => setSearchMarks(null), [setSearchMarks]);
  const choose = async (documentId: string, hit: SearchHit) => {
    if (documentId !== session.currentId()) await session.openDocument(documentId);
    if (hit.kind === 'annotation' && hit.annotationId) {
      controller.select(hit.annotationId);
      if (hit.anchorStatus === 'orphan') panels.show('annotations');
    }
    controller.setSearchMarks(hit.marks.length > 0 ? { documentId, spans: hit.marks } : null);
    if (hit.anchorStatus !== 'orphan') controller.scrollTo(hit.start, hit.end);
  };
  return (
    <SearchPanel
      client={client}
      documents={documents ?? []}
      documentId={currentId}
      scope={currentId ? scope : 'library'}
      focusToken={focusToken}
      onScope={(next) => panels.setSearchScope(next)}
      onChoose={(documentId, hit) => void choose(documentId, hit)}
      onClear={clearSearchMarks}
    />
  );
}

export function PanelContent({ panel }: { panel: SidePanel }) {
  switch (panel) {
    case 'library':
      return <LibraryPanel />;
    case 'annotations':
      return <AnnotationsTab />;
    case 'tags':
      return <TagsTab />;
    case 'search':
      return <SearchTab />;
    case 'source':
      return <SourcePanel />;
    case 'sources':
      return <SourcesPanel />;
    case 'claims':
      return <ClaimsPanel />;
  }
}
