// The library's rows: single documents as they are, and the messages of an e-mail thread
// gathered into one group at the place of its first message in the chosen order.
import { rowDate } from '../../../shared/document-labels';
import type { DocumentSummary } from '../../../shared/model';

export interface ThreadRow {
  kind: 'thread';
  key: string;
  subject: string;
  /** The thread's messages that are shown, in date order. */
  messages: DocumentSummary[];
  /** The newest message's date (its Date header, else when it was imported). */
  newest: string;
}

export type LibraryRow = { kind: 'document'; document: DocumentSummary } | ThreadRow;

/** The date a row shows, shared with `marginalia list`. */
export { rowDate };

/** Groups already filtered and sorted documents; a thread with one message shown is shown as that message. */
export function libraryRows(documents: readonly DocumentSummary[]): LibraryRow[] {
  const threads = new Map<string, DocumentSummary[]>();
  for (const doc of documents) {
    if (!doc.thread) continue;
    const members = threads.get(doc.thread.key);
    if (members) members.push(doc);
    else threads.set(doc.thread.key, [doc]);
  }
  const rows: LibraryRow[] = [];
  for (const doc of documents) {
    const members = doc.thread ? threads.get(doc.thread.key) : undefined;
    if (!doc.thread || !members || members.length < 2) {
      rows.push({ kind: 'document', document: doc });
      continue;
    }
    if (members[0] !== doc) continue;
    const messages = [...members].sort((a, b) => a.thread!.position - b.thread!.position);
    const newest = messages.map(rowDate).reduce((a, b) => (b > a ? b : a));
    rows.push({ kind: 'thread', key: doc.thread.key, subject: doc.thread.subject, messages, newest });
  }
  return rows;
}
