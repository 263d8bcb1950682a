// DOC on the command line: a document id, or a case-insensitive prefix of exactly one
// document's title; an ambiguous prefix names the candidates so the next try can use an id.
import { originLine } from '../shared/document-labels';
import type { DocumentSummary } from '../shared/model';
import { UserFacingError } from '../shared/result';
import type { CliSession } from './session';

export function chooseDocument(documents: readonly DocumentSummary[], reference: string): DocumentSummary {
  const byId = documents.find((doc) => doc.id === reference);
  if (byId) return byId;
  const needle = reference.toLocaleLowerCase();
  const matches = documents.filter((doc) => doc.title.toLocaleLowerCase().startsWith(needle));
  if (matches.length === 1) return matches[0]!;
  if (matches.length === 0) {
    throw new UserFacingError('NOT_FOUND', `No document has the id or a title starting with “${reference}”.`);
  }
  const names = matches
    .slice(0, 5)
    .map((doc) => `  ${doc.id}  ${doc.title}  (${originLine(doc)})`)
    .join('\n');
  // Identical titles cannot be told apart by more of the title: only an id will do.
  const alike = new Set(matches.map((doc) => doc.title.toLocaleLowerCase())).size === 1;
  throw new UserFacingError(
    'AMBIGUOUS',
    `“${reference}” matches ${matches.length} documents; ${alike ? 'they share one title, so use an id' : 'use more of the title or an id'}:\n${names}`,
  );
}

/** The documents these references name, in the order given, from one listing of the library. */
export async function resolveDocuments(session: CliSession, references: readonly string[]): Promise<DocumentSummary[]> {
  const documents = await session.call('listDocuments', {});
  return references.map((reference) => chooseDocument(documents, reference));
}

export async function resolveDocument(session: CliSession, reference: string): Promise<DocumentSummary> {
  return (await resolveDocuments(session, [reference]))[0]!;
}
