// What tells two documents of the same title apart in a list of checkboxes (PDF export, sharing
// notes): the file each came from, and when the files share a name too, when each was imported.
import type { DocumentSummary } from '../../../shared/model';
import { formatDate } from '../../../shared/dates';

/** For each document whose title another in the list shares, what distinguishes it ("report-v2.pdf, imported Mar 5, 2024"); none for the rest. */
export function distinguishingLabels(documents: readonly DocumentSummary[]): Map<string, string> {
  const byTitle = new Map<string, DocumentSummary[]>();
  for (const doc of documents) {
    const key = doc.title.trim().toLowerCase();
    byTitle.set(key, [...(byTitle.get(key) ?? []), doc]);
  }
  const labels = new Map<string, string>();
  for (const same of byTitle.values()) {
    if (same.length < 2) continue;
    for (const doc of same) {
      const sameFile = same.filter((other) => other.sourceName === doc.sourceName).length > 1;
      const sameDay = same.filter((other) => sameDayAs(other, doc)).length > 1;
      const imported = `imported ${formatDate(doc.importedAt, sameFile && sameDay ? 'day-time' : 'day')}`;
      labels.set(doc.id, sameFile ? `${doc.sourceName}, ${imported}` : doc.sourceName);
    }
  }
  return labels;
}

function sameDayAs(a: DocumentSummary, b: DocumentSummary): boolean {
  return formatDate(a.importedAt, 'day') === formatDate(b.importedAt, 'day');
}
