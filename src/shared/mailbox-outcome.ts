// What an import of a mailbox (an .mbox, one document per message) says about the messages that
// were already in the library, in the CLI and the app alike: a re-imported mailbox must not
// look as if it brought its messages in again.
import { countOf, nounFor } from './plural';
import type { ImportOutcome } from './model';

/** How many documents an import made or found, and how many of them were already in the library. */
export function outcomeCounts(outcome: ImportOutcome): { total: number; existing: number } {
  const all = [outcome, ...(outcome.also ?? [])];
  return { total: all.length, existing: all.filter((item) => !item.created).length };
}

/**
 * "inbox.mbox: 1 new message, 2 already in the library." or "All 3 messages in inbox.mbox are
 * already in the library."; undefined for a file of one document or a mailbox all new.
 */
export function mailboxExistingText(fileName: string, total: number, existing: number): string | undefined {
  if (total < 2 || existing === 0) return undefined;
  if (existing === total && total === 2) return `Both messages in ${fileName} are already in the library.`;
  if (existing === total) return `All ${countOf(total, 'message')} in ${fileName} are already in the library.`;
  const fresh = total - existing;
  return `${fileName}: ${countOf(fresh, 'new message')}, ${existing} already in the library (${nounFor(existing, 'it was', 'they were')} not imported again).`;
}
