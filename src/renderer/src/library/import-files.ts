// Importing chosen or dropped files: a note bundle among them opens the import-notes preview,
// every other file is imported one by one with progress, and each file's fate is said.
import type { MarginaliaClient } from '../../../shared/contract';
import type { DialogsStore } from '../app/dialogs-store';
import { notifications, notifyFailure, reportFailure } from '../app/notifications/store';
import { readFileAsBase64 } from '../ui/files';
import type { FileImport } from './import-report';
import { importMessages } from './import-report';
import type { SessionStore } from './session-store';

/** Imports one chosen file; never throws, so one bad file cannot stop the others. */
async function importOne(client: MarginaliaClient, file: File): Promise<FileImport> {
  try {
    const result = await client.importDocument({ fileName: file.name, dataBase64: await readFileAsBase64(file) });
    if (!result.ok) return { fileName: file.name, outcome: 'failed', reason: result.error.message };
    const { document, created } = result.value;
    return created
      ? { fileName: file.name, outcome: 'imported', documentId: document.id }
      : { fileName: file.name, outcome: 'existing', title: document.title, documentId: document.id };
  } catch (error) {
    return { fileName: file.name, outcome: 'failed', reason: error instanceof Error ? error.message : String(error) };
  }
}

async function previewBundle(bundle: File, dialogs: DialogsStore): Promise<void> {
  try {
    dialogs.previewBundle({ fileName: bundle.name, dataBase64: await readFileAsBase64(bundle) });
  } catch (error) {
    notifyFailure(`Couldn't read ${bundle.name}`, error instanceof Error ? error.message : String(error));
  }
}

interface ImportTargets {
  client: MarginaliaClient;
  session: SessionStore;
  dialogs: DialogsStore;
}

/** Imports the files, then lists the library again and opens the last document that came in. */
export async function importFiles({ client, session, dialogs }: ImportTargets, chosen: readonly File[]): Promise<void> {
  const bundle = chosen.find((file) => file.name.toLowerCase().endsWith('.mnb'));
  if (bundle) await previewBundle(bundle, dialogs);
  const files = chosen.filter((file) => file !== bundle);
  if (files.length === 0) return;
  let lastId: string | undefined;
  const outcomes: FileImport[] = [];
  const progress = notifications.notify(`Importing ${files[0]!.name}…`, 'progress');
  for (const file of files) {
    notifications.update(progress, `Importing ${file.name}…`, 'progress');
    const outcome = await importOne(client, file);
    outcomes.push(outcome);
    if (outcome.outcome !== 'failed' && outcome.documentId) lastId = outcome.documentId;
  }
  notifications.dismiss(progress);
  // Every file is accounted for: what came in, what was already here, and each failure with its reason.
  for (const { text, kind, documentId } of importMessages(outcomes))
    notifications.notify(
      text,
      kind,
      documentId ? { action: { label: 'Open', run: () => void session.openDocument(documentId) } } : {},
    );
  await session.refreshLibrary().catch((error: unknown) => reportFailure("Couldn't refresh the library", error));
  if (lastId) await session.openDocument(lastId);
}
