// DOC on the command line: a document id, a unique prefix of one (as git takes a commit's),
// or a case-insensitive prefix of exactly one document's title; an ambiguous reference
// names the candidates so the next try can use more of the id.
import { originLine } from '../shared/document-labels';
import type { DocumentSummary } from '../shared/model';
import { UserFacingError } from '../shared/result';
import type { CliSession } from './session';

/** Shorter than git's shortest abbreviation, an id prefix would catch titles ("a", "de") by accident. */
export const MIN_ID_PREFIX = 4;

function idPrefixMatches(documents: readonly DocumentSummary[], reference: string): DocumentSummary[] {
  const needle = reference.toLowerCase();
  if (needle.length < MIN_ID_PREFIX || !/^[0-9a-f-]+$/.test(needle)) return [];
  return documents.filter((doc) => doc.id.toLowerCase().startsWith(needle));
}

function ambiguity(reference: string, matches: readonly DocumentSummary[], byId: boolean): UserFacingError {
  const names = matches
    .slice(0, 5)
    .map((doc) => `  ${doc.id}  ${doc.title}  (${originLine(doc)})`)
    .join('\n');
  const more = matches.length > 5 ? `\n  … and ${matches.length - 5} more` : '';
  // Identical titles cannot be told apart by more of the title: only an id will do.
  const alike = new Set(matches.map((doc) => doc.title.toLocaleLowerCase())).size === 1;
  const advice = byId
    ? 'give more of the id'
    : alike
      ? 'they share one title, so use an id'
      : 'use more of the title or an id';
  return new UserFacingError(
    'AMBIGUOUS',
    `“${reference}” matches ${matches.length} documents; ${advice}:\n${names}${more}`,
  );
}

export function chooseDocument(documents: readonly DocumentSummary[], reference: string): DocumentSummary {
  const exact = documents.find((doc) => doc.id === reference);
  if (exact) return exact;
  const byId = idPrefixMatches(documents, reference);
  const needle = reference.toLocaleLowerCase();
  const byTitle = documents.filter((doc) => doc.title.toLocaleLowerCase().startsWith(needle));
  const matches = [...new Set([...byId, ...byTitle])];
  if (matches.length === 1) return matches[0]!;
  if (matches.length === 0) {
    throw new UserFacingError('NOT_FOUND', `No document has an id or a title starting with “${reference}”.`);
  }
  throw ambiguity(reference, matches, byTitle.length === 0);
}

/** The documents these references name, in the order given, from one listing of the library. */
export async function resolveDocuments(session: CliSession, references: readonly string[]): Promise<DocumentSummary[]> {
  const documents = await session.call('listDocuments', {});
  return references.map((reference) => chooseDocument(documents, reference));
}

export async function resolveDocument(session: CliSession, reference: string): Promise<DocumentSummary> {
  return (await resolveDocuments(session, [reference]))[0]!;
}
