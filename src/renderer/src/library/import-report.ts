// What an import of several files says afterwards: every file's fate, in as few
// notifications as read well (one for what came in, one listing every failure with its reason).
import { mailboxExistingText, outcomeCounts } from '../../../shared/mailbox-outcome';
import type { ImportOutcome } from '../../../shared/model';
import type { OcrReading } from '../../../shared/ocr-confidence-hint';
import { appReadAgain, lowConfidenceHint } from '../../../shared/ocr-confidence-hint';
import type { Result } from '../../../shared/result';
import { countOf } from '../../../shared/plural';
import type { NotificationKind } from '../app/notifications/store';

/** For an .mbox: how many messages it held and how many of them were already in the library. */
type Mailbox = { mailbox?: { total: number; existing: number } };

/** What of the file was refused while the rest came in (an .mbox's cut-off last message), in the core's words. */
type LeftOut = { leftOut?: string[] };

/** A scan's OCR facts (mean confidence, language), for the hint when it read poorly. */
type Recognized = { ocr?: OcrReading };

export type FileImport =
  /** notesNotPlaced: Word comments on text the document does not hold (an image, a header). */
  | ({ fileName: string; outcome: 'imported'; documentId?: string; notesNotPlaced?: number } & Mailbox &
      LeftOut &
      Recognized)
  | ({ fileName: string; outcome: 'existing'; title: string; documentId?: string } & Mailbox & LeftOut)
  | { fileName: string; outcome: 'failed'; reason: string }
  /** Cancel import, or Cancel at the password: nothing of it was stored. */
  | { fileName: string; outcome: 'cancelled' };

/** What became of one file, from the core's answer. */
export function outcomeOf(name: string, result: Result<ImportOutcome>): FileImport {
  if (!result.ok) {
    if (result.error.code === 'CANCELLED') return { fileName: name, outcome: 'cancelled' };
    return { fileName: name, outcome: 'failed', reason: result.error.message };
  }
  const { document, notesNotPlaced } = result.value;
  // An .mbox is many documents: it imported something if any message was new.
  const { total, existing } = outcomeCounts(result.value);
  const mailbox = total > 1 ? { mailbox: { total, existing } } : {};
  const leftOut = result.value.leftOut?.length ? { leftOut: result.value.leftOut } : {};
  const ocr = result.value.ocr ? { ocr: result.value.ocr } : {};
  return existing < total
    ? {
        fileName: name,
        outcome: 'imported',
        documentId: document.id,
        notesNotPlaced: notesNotPlaced ?? 0,
        ...mailbox,
        ...leftOut,
        ...ocr,
      }
    : { fileName: name, outcome: 'existing', title: document.title, documentId: document.id, ...mailbox, ...leftOut };
}

/** The core's own words for a cancelled import, so every host says the same. */
export function cancelledText(name: string): string {
  return `Importing “${name}” was cancelled. Nothing was imported.`;
}

export interface ImportMessage {
  text: string;
  kind: NotificationKind;
  /** The one document the message is about, so it can offer Open. */
  documentId?: string;
}

/** The document id, when there is one to open. */
function opens(file: { documentId?: string }): { documentId?: string } {
  return file.documentId ? { documentId: file.documentId } : {};
}

function names(files: readonly FileImport[]): string {
  return files.map((file) => file.fileName).join(', ');
}

/** The messages for one import, routine news first and failures last; none for no files. */
export function importMessages(files: readonly FileImport[]): ImportMessage[] {
  const messages: ImportMessage[] = [];
  const imported = files.filter((file) => file.outcome === 'imported');
  if (imported.length > 0)
    messages.push({
      text: `Imported ${names(imported)}`,
      kind: 'info',
      ...(imported.length === 1 ? opens(imported[0]!) : {}),
    });
  for (const file of files) {
    if (file.outcome === 'imported' && (file.notesNotPlaced ?? 0) > 0)
      messages.push({
        text:
          `${countOf(file.notesNotPlaced!, 'comment')} in ${file.fileName} commented on text that is not in the ` +
          'document (an image, a header), so did not become margin notes.',
        kind: 'info',
      });
    const hint =
      file.outcome === 'imported' && file.ocr ? lowConfidenceHint(file.fileName, file.ocr, appReadAgain) : undefined;
    if (hint !== undefined) messages.push({ text: hint, kind: 'info' });
    const mailbox = file.outcome === 'failed' || file.outcome === 'cancelled' ? undefined : file.mailbox;
    const repeated = mailbox && mailboxExistingText(file.fileName, mailbox.total, mailbox.existing);
    if (repeated) messages.push({ text: repeated, kind: 'info' });
    else if (file.outcome === 'existing')
      messages.push({
        text: `${file.fileName} is already in the library as “${file.title}”.`,
        kind: 'info',
        ...opens(file),
      });
  }
  for (const file of files) {
    // Kept as long as a failure is: a message left out must not pass unseen.
    if (file.outcome === 'imported' || file.outcome === 'existing')
      messages.push(...(file.leftOut ?? []).map((text) => ({ text, kind: 'error' as const })));
  }
  for (const file of files) {
    if (file.outcome === 'cancelled') messages.push({ text: cancelledText(file.fileName), kind: 'info' });
  }
  const failed = files.flatMap((file) => (file.outcome === 'failed' ? [file] : []));
  const [only] = failed;
  // The core's reasons usually name the file (or web address) already; say it once.
  if (failed.length === 1 && only)
    messages.push({
      text: only.reason.includes(only.fileName)
        ? `Couldn't import: ${only.reason}`
        : `Couldn't import ${only.fileName}: ${only.reason}`,
      kind: 'error',
    });
  else if (failed.length > 1) {
    const lines = failed.map((file) =>
      file.reason.includes(file.fileName) ? `• ${file.reason}` : `• ${file.fileName}: ${file.reason}`,
    );
    messages.push({ text: [`Couldn't import ${countOf(failed.length, 'file')}:`, ...lines].join('\n'), kind: 'error' });
  }
  return messages;
}
