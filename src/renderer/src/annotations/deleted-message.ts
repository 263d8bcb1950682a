// The notice after annotations are deleted: how many, and the evidence that went with them
// (rows in analyses, evidence for claims, links, grades), which undo brings back.
import type { DeletionCascade } from '../../../shared/annotations';
import { countOf, nounFor } from '../../../shared/plural';

const NO_CASCADE: DeletionCascade = { analysisRows: 0, analyses: 0, claims: 0, links: 0, grades: 0 };

/** "row" for one, "3 rows" for more: "its row", "their 3 rows". */
function owned(count: number, one: string): string {
  return count === 1 ? one : countOf(count, one);
}

function analysisPart({ analysisRows, analyses }: DeletionCascade): string {
  const rows = analysisRows === analyses ? nounFor(analysisRows, 'row') : owned(analysisRows, 'row');
  return `${rows} in ${countOf(analyses, 'analysis', 'analyses')}`;
}

/** "A", "A and B", "A, B and C". */
function listed(parts: string[]): string {
  return parts.length < 2 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

function cascadeParts(cascade: DeletionCascade, pronoun: string): string[] {
  const parts: string[] = [];
  if (cascade.analysisRows > 0) parts.push(analysisPart(cascade));
  if (cascade.claims > 0) parts.push(`evidence for ${countOf(cascade.claims, 'claim')}`);
  if (cascade.links > 0) parts.push(owned(cascade.links, 'link'));
  if (cascade.grades > 0) parts.push(owned(cascade.grades, 'grade'));
  return parts.map((part) => `${pronoun} ${part}`);
}

/** "Annotation deleted, with its row in 1 analysis and its evidence for 1 claim (Ctrl+Z to undo)". */
export function deletedMessage(deleted: number, cascade: DeletionCascade = NO_CASCADE): string {
  const what = deleted === 1 ? 'Annotation' : countOf(deleted, 'annotation');
  const parts = cascadeParts(cascade, deleted === 1 ? 'its' : 'their');
  const along = parts.length === 0 ? '' : `, with ${listed(parts)}`;
  return `${what} deleted${along} (Ctrl+Z to undo)`;
}
