// What `marginalia sync` says: one line per file left as it is (a problem, or a copy not
// merged) on stderr, and a summary that says when some files were not synced.
import { countOf, nounFor } from '../shared/plural';
import type { SyncStatus } from '../shared/sync';

/** A line per problem (file:line:column: why) and per copy waiting to be merged. */
export function syncNotices(status: SyncStatus, copies: ReadonlyMap<string, string>): string[] {
  const problems = status.problems.map(
    (problem) => `${problem.file}:${problem.line}:${problem.column}: ${problem.message}`,
  );
  const copied = status.conflictFiles.map((name) => {
    const original = copies.get(name);
    const what = original
      ? `names the same document as ${original}, so it is a copy`
      : 'is a sync tool’s conflict copy';
    return `${name} ${what} and is not synced: merge it from the app’s sync dialog, or delete it.`;
  });
  return [...problems, ...copied];
}

export function syncSummary(
  documents: number,
  dir: string,
  counters: { imports: number; writes: number },
  status: SyncStatus,
): string {
  const extras = [
    status.conflicts.length > 0 ? `, ${countOf(status.conflicts.length, 'conflict', 'conflicts')} to resolve` : '',
    status.conflictFiles.length > 0 ? `, ${countOf(status.conflictFiles.length, 'copy', 'copies')} to merge` : '',
  ].join('');
  const problems = status.problems.length;
  const left =
    problems > 0
      ? ` ${countOf(problems, 'file has a problem and was', 'files have problems and were')} left as ` +
        `${nounFor(problems, 'it is', 'they are')} (see above); everything else is synced.`
      : '';
  const read = countOf(counters.imports, 'file', 'files');
  return `Synced ${countOf(documents, 'document', 'documents')} with ${dir}: ${read} read, ${counters.writes} written${extras}.${left}\n`;
}
