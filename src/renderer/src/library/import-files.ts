// Importing chosen or dropped files, web addresses and e-mails' attachments: a note bundle
// among files opens the import-notes preview; every other file is imported one by one, each
// under a jobId so its progress bar moves and Cancel import stops it; an encrypted file asks
// for its password; and each file's fate is said.
import type { MarginaliaClient } from '../../../shared/contract';
import type { ImportOutcome } from '../../../shared/model';
import type { Result } from '../../../shared/result';
import type { DialogsStore } from '../app/dialogs-store';
import { notifications, notifyFailure, openDocumentAction, reportFailure } from '../app/notifications/store';
import { readFileAsBase64 } from '../ui/files';
import type { FileImport } from './import-report';
import { importMessages, outcomeOf } from './import-report';
import { importingAttachment, importProgress, newImportJobId } from './import-progress';
import { withPassword } from './password-prompt';
import type { SessionStore } from './session-store';

type ImportCall = (jobId: string, password: string | undefined) => Promise<Result<ImportOutcome>>;

/** Runs one import under its jobId, asking for a password as long as the file wants one; never throws. */
async function runJob(client: MarginaliaClient, jobId: string, name: string, call: ImportCall): Promise<FileImport> {
  if (importProgress.wasCancelled(jobId)) return { fileName: name, outcome: 'cancelled' };
  importProgress.start(jobId);
  const stop = client.on('importProgress', (event) => {
    if (event.jobId === jobId) importProgress.progress(event);
  });
  try {
    // The bar stays while the person types; the retry runs under the same job, so Cancel still reaches it.
    const result = await withPassword(name, (password) => call(jobId, password), {
      asking: () => importProgress.askingPassword(jobId),
      cancelled: () => importProgress.wasCancelled(jobId),
    });
    return result === 'cancelled' ? { fileName: name, outcome: 'cancelled' } : outcomeOf(name, result);
  } catch (error) {
    return { fileName: name, outcome: 'failed', reason: error instanceof Error ? error.message : String(error) };
  } finally {
    stop();
    importProgress.remove(jobId);
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

/**
 * Opens the last document that came in (one already in the library only when nothing new did:
 * a repeat last in a batch opened instead of the new files, trial), says what came of the imports
 * and lists the library again. The opening starts first, so its message offers no Open.
 */
async function report({ session }: ImportTargets, outcomes: readonly FileImport[]): Promise<void> {
  const arrived = outcomes.filter((outcome) => outcome.outcome === 'imported');
  const last = (arrived.length > 0 ? arrived : outcomes.filter((outcome) => outcome.outcome === 'existing')).at(-1);
  const opening = last?.documentId ? session.openDocument(last.documentId) : Promise.resolve();
  // Every file is accounted for: what came in, what was already here, cancelled, and each failure with its reason.
  for (const { text, kind, documentId } of importMessages(outcomes))
    notifications.notify(
      text,
      kind,
      documentId ? { action: openDocumentAction(documentId, session.openDocument) } : {},
    );
  await session.refreshLibrary().catch((error: unknown) => reportFailure("Couldn't refresh the library", error));
  await opening;
}

/** Imports the files one after another, each with its own bar (waiting ones can be cancelled too). */
export async function importFiles(targets: ImportTargets, chosen: readonly File[]): Promise<void> {
  const { client, dialogs } = targets;
  const bundle = chosen.find((file) => file.name.toLowerCase().endsWith('.mnb'));
  if (bundle) await previewBundle(bundle, dialogs);
  const files = chosen.filter((file) => file !== bundle);
  if (files.length === 0) return;
  const jobs = files.map((file, index) => {
    const jobId = newImportJobId();
    importProgress.add({ jobId, name: file.name, position: { index: index + 1, count: files.length } });
    return { file, jobId };
  });
  const outcomes: FileImport[] = [];
  for (const { file, jobId } of jobs) {
    const call: ImportCall = async (id, password) =>
      client.importDocument({
        fileName: file.name,
        dataBase64: await readFileAsBase64(file),
        jobId: id,
        ...(password === undefined ? {} : { password }),
      });
    outcomes.push(await runJob(client, jobId, file.name, call));
  }
  await report(targets, outcomes);
}

/** Fetches and imports one web address, with its bar and Cancel import. */
export async function importWebAddress(targets: ImportTargets, url: string): Promise<void> {
  const jobId = newImportJobId();
  importProgress.add({ jobId, name: url, fetching: true });
  const outcome = await runJob(targets.client, jobId, url, (id) => targets.client.importUrl({ url, jobId: id }));
  await report(targets, [outcome]);
}

/**
 * Imports one of a message's attachments as a chosen file is imported: its bar, its pages,
 * Cancel import, its password, the same messages. Pressed again while it runs, it does nothing.
 */
export async function importAttachment(
  targets: ImportTargets,
  attachment: { documentId: string; index: number; fileName: string },
): Promise<FileImport | undefined> {
  const { documentId, index, fileName } = attachment;
  if (importingAttachment(importProgress.get().jobs, documentId, index)) return undefined;
  const jobId = newImportJobId();
  importProgress.add({ jobId, name: fileName, attachment: { documentId, index } });
  const outcome = await runJob(targets.client, jobId, fileName, (id, password) =>
    targets.client.importAttachment({
      documentId,
      index,
      jobId: id,
      ...(password === undefined ? {} : { password }),
    }),
  );
  await report(targets, [outcome]);
  return outcome;
}
