// The reader in the window: the open document, its editing, and the selection commands the
// reader answers (highlight, tag, note) until the reader registers them itself.
import { Reader } from '../reader/Reader';
import { commands, useCommandHandler } from '../commands';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { notifications, reportFailure } from './notifications/store';
import { useController, useProfile, useSession, useStores } from './stores';
import { useLinkConfirmation } from './useLinkConfirmation';

export function ReaderPane() {
  const { session } = useStores();
  const controller = useController();
  const current = useSession((state) => state.current);
  const loading = useSession((state) => state.documents === null);
  const editing = useSession((state) => state.editing);
  const editEpoch = useSession((state) => state.editEpoch);
  const authorId = useProfile()?.authorId ?? null;
  useCommandHandler('editText', () => session.startEditing(), current !== null && !editing);
  useCommandHandler('cancelEditing', () => session.cancelEditing(), editing);
  useLinkConfirmation();

  const saveEdit = async (lexicalJson: string) => {
    const counts = await session.saveEdit(lexicalJson);
    if (!counts) return;
    if (counts.unchanged) {
      notifications.notify('The text has no changes: nothing was saved.');
      return;
    }
    await controller.refresh();
    const { kept, moved, fuzzy, orphaned } = counts;
    notifications.notify(
      `Text saved. Annotations: ${kept} kept, ${moved} moved, ${fuzzy} fuzzy, ${orphaned} orphaned.`,
    );
  };
  const retry = () => {
    const id = session.currentId();
    return id ? session.openDocument(id) : undefined;
  };

  return (
    <ErrorBoundary region="reader" resetKeys={[current?.id, editEpoch]} onRetry={retry}>
      <Reader
        document={current}
        loading={loading}
        editing={editing}
        editEpoch={editEpoch}
        controller={controller}
        onImport={() => commands.run('import')}
        onSaveEdit={(json) => void saveEdit(json)}
        report={reportFailure}
        myAuthorId={authorId}
      />
    </ErrorBoundary>
  );
}
