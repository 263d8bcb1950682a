// Every dialog of the window, each shown from the dialogs store: settings and the welcome,
// share notes, the import-notes preview, export, and the confirmation on top.
import { useMemo } from 'react';
import type { BundlePlan } from '../../../shared/bundles';
import { importedSummary } from '../../../shared/bundles';
import { DEFAULT_PDF_EXPORT_OPTIONS } from '../../../shared/export-options';
import type { DocumentSummary } from '../../../shared/model';
import { threadsGathered } from '../../../shared/thread-order';
import { ImportNotesDialog, ShareNotesDialog } from '../bundles/NotesDialogs';
import { useCommandHandler } from '../commands';
import { EvidenceLayer } from '../evidence/EvidenceLayer';
import { evidenceDialogs } from '../evidence/dialogs';
import { ExportDialog } from '../export/ExportDialog';
import { OriginalPageLayer } from '../pages/OriginalPageDialog';
import { pageView } from '../pages/page-view-store';
import { SettingsDialogs } from '../settings/SettingsDialogs';
import { ConfirmDialog } from '../ui/Dialogs';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { notifications, openDocumentAction, reportFailure } from './notifications/store';
import type { ExportChoices } from './dialogs-store';
import { useDialogs, useSession, useStores } from './stores';

const announce = (text: string) => void notifications.notify(text);

/**
 * The last export's choices, less documents removed since, and always the open document: the
 * person asked to export from it, so it is ticked even when the last export left it out.
 */
function choicesOnOpening(
  last: ExportChoices | null,
  documents: readonly DocumentSummary[],
  openDocumentId: string,
): ExportChoices {
  const existing = new Set(documents.map((doc) => doc.id));
  const remembered = (last?.documentIds ?? []).filter((id) => existing.has(id) && id !== openDocumentId);
  return { documentIds: [openDocumentId, ...remembered], options: last?.options ?? DEFAULT_PDF_EXPORT_OPTIONS };
}

function ExportLayer() {
  const { client, dialogs } = useStores();
  const listed = useSession((state) => state.documents);
  // Listed as the export will run: the library's order, with a thread's messages together, oldest first.
  const documents = useMemo(() => (listed ? threadsGathered(listed).flat() : null), [listed]);
  const current = useSession((state) => state.current);
  const editing = useSession((state) => state.editing);
  const open = useDialogs((state) => state.open === 'export');
  const host = useSession((state) => state.info?.host);
  useCommandHandler('exportPdf', () => dialogs.show('export'), current !== null && !editing);
  if (!open || !current) return null;
  return (
    <ExportDialog
      client={client}
      documents={documents ?? []}
      initial={choicesOnOpening(dialogs.get().lastExport, documents ?? [], current.id)}
      onExported={(choices) => dialogs.rememberExport(choices)}
      onClose={() => dialogs.close('export')}
      host={host}
    />
  );
}

function NotesLayer() {
  const { client, session, dialogs } = useStores();
  const documents = useSession((state) => state.documents);
  const currentId = useSession((state) => state.current?.id ?? null);
  const shareOpen = useDialogs((state) => state.open === 'share');
  const bundle = useDialogs((state) => state.incomingBundle);
  useCommandHandler('shareNotes', () => dialogs.show('share'));
  const imported = (plan: BundlePlan) => {
    dialogs.previewBundle(null);
    // A document the import added (new, or a copy beside mine) opens, so it is never lost among same-titled ones.
    const added = plan.documents.find((document) => document.status === 'new' || document.choice === 'copy');
    const shown = added ?? plan.documents[0];
    const opened = added ?? (session.currentId() ? undefined : plan.documents[0]);
    // Opening starts before the message, so it offers no Open of the document opening (nor of the one shown).
    if (opened) void session.openDocument(opened.id);
    notifications.notify(
      importedSummary(plan),
      'info',
      shown ? { action: openDocumentAction(shown.id, session.openDocument) } : {},
    );
    session.refreshLibrary().catch((error: unknown) => reportFailure("Couldn't refresh the library", error));
  };
  return (
    <>
      {shareOpen && (
        <ShareNotesDialog
          client={client}
          documents={documents ?? []}
          currentId={currentId}
          onClose={() => dialogs.close('share')}
          onShared={(summary) => {
            dialogs.close('share');
            announce(summary);
          }}
        />
      )}
      {bundle && (
        <ImportNotesDialog
          client={client}
          fileName={bundle.fileName}
          dataBase64={bundle.dataBase64}
          onClose={() => dialogs.previewBundle(null)}
          onImported={imported}
        />
      )}
    </>
  );
}

function Confirmation() {
  const { dialogs } = useStores();
  const confirmation = useDialogs((state) => state.confirmation);
  return (
    <>
      {confirmation && (
        <ConfirmDialog
          title={confirmation.title}
          body={confirmation.body}
          confirmLabel={confirmation.confirmLabel}
          destructive={confirmation.destructive ?? true}
          onCancel={() => dialogs.answer(false)}
          onConfirm={() => dialogs.answer(true)}
        />
      )}
    </>
  );
}

export function DialogLayer() {
  const { dialogs } = useStores();
  return (
    <ErrorBoundary
      region="dialog"
      onClose={() => {
        dialogs.closeAll();
        pageView.close();
        evidenceDialogs.close();
      }}
    >
      <SettingsDialogs />
      <NotesLayer />
      <ExportLayer />
      <OriginalPageLayer />
      <EvidenceLayer />
      <Confirmation />
    </ErrorBoundary>
  );
}
