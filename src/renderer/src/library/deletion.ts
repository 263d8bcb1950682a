// Deleting a document from the library: always after a confirmation that says it cannot be undone.
import type { DocumentSummary } from '../../../shared/model';
import type { DialogsStore } from '../app/dialogs-store';
import type { SessionStore } from './session-store';

export function confirmDeletion(
  { session, dialogs }: { session: Pick<SessionStore, 'removeDocument'>; dialogs: Pick<DialogsStore, 'confirm'> },
  doc: Pick<DocumentSummary, 'id' | 'title'>,
): void {
  dialogs.confirm({
    title: `Delete “${doc.title}”?`,
    body: 'The document is removed from the library. This cannot be undone.',
    confirmLabel: 'Delete',
    onConfirm: () => void session.removeDocument(doc),
  });
}
