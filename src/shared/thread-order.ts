// The order documents are shown and exported in: as given, except that the messages of one
// e-mail thread stand together, at the place of the first of them, oldest message first.
import type { DocumentSummary } from './model';

type Threaded = Pick<DocumentSummary, 'thread'>;

/**
 * Each thread's members (two or more of `documents`) gathered at the first one's place and put
 * in the thread's date order; every other document keeps its place. `documents` is already in
 * the chosen order (newest import first, say).
 */
export function threadsGathered<T extends Threaded>(documents: readonly T[]): Array<T | T[]> {
  const members = new Map<string, T[]>();
  for (const doc of documents) {
    if (doc.thread) members.set(doc.thread.key, [...(members.get(doc.thread.key) ?? []), doc]);
  }
  const placed: Array<T | T[]> = [];
  for (const doc of documents) {
    const thread = doc.thread ? members.get(doc.thread.key)! : [];
    if (thread.length < 2) placed.push(doc);
    else if (thread[0] === doc) placed.push([...thread].sort((a, b) => a.thread!.position - b.thread!.position));
  }
  return placed;
}
