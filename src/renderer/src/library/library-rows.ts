// The library's rows: single documents as they are, and the messages of an e-mail thread
// gathered into one group at the place of its first message in the chosen order.
import { rowDate } from '../../../shared/document-labels';
import type { DocumentSummary } from '../../../shared/model';
import { threadsGathered } from '../../../shared/thread-order';

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
  return threadsGathered(documents).map((placed): LibraryRow => {
    if (!Array.isArray(placed)) return { kind: 'document', document: placed };
    const { key, subject } = placed[0]!.thread!;
    const newest = placed.map(rowDate).reduce((a, b) => (b > a ? b : a));
    return { kind: 'thread', key, subject, messages: placed, newest };
  });
}
