// Ids of evidence items on the command line: a whole id or a unique prefix of one (as git
// takes a commit's); a source may also be named, a claim or an analysis found by words of
// its statement or question. An ambiguous reference lists the candidates.
import type { Annotation } from '../shared/annotations';
import type { AchHypothesis, AchView } from '../shared/evidence';
import { UserFacingError } from '../shared/result';
import type { CliSession } from './session';
import { UsageError } from './usage';

/** Something with an id and a line that tells a person which one it is. */
export interface Named {
  id: string;
  label: string;
}

function candidates(matches: readonly Named[]): string {
  const listed = matches.slice(0, 5).map((item) => `  ${item.id}  ${item.label}`);
  return [...listed, ...(matches.length > 5 ? [`  … and ${matches.length - 5} more`] : [])].join('\n');
}

/** Where a person finds the ids of each kind, for "No claim has an id starting with …". */
const LISTED_BY: Record<string, string> = {
  analysis: '`marginalia ach` lists the analyses',
  claim: '`marginalia claims` lists the claims',
  source: '`marginalia sources` lists the sources',
  annotation: "`marginalia annotations DOC` lists a document's annotations",
  row: '`marginalia ach show ANALYSIS` lists its rows',
  hypothesis: '`marginalia ach show ANALYSIS` lists its hypotheses as H1, H2…',
};

/** The one item whose id is `reference` or starts with it (case-insensitive); `noun` names the kind in messages. */
export function chooseById<T extends Named>(
  items: readonly T[],
  reference: string,
  noun: string,
  nouns = `${noun}s`,
): T {
  const wanted = reference.trim().toLowerCase();
  const exact = items.find((item) => item.id.toLowerCase() === wanted);
  if (exact) return exact;
  const matches = wanted === '' ? [] : items.filter((item) => item.id.toLowerCase().startsWith(wanted));
  if (matches.length === 1) return matches[0]!;
  if (matches.length === 0)
    throw new UserFacingError(
      'NOT_FOUND',
      `No ${noun} has an id starting with “${reference}”.${LISTED_BY[noun] ? ` ${LISTED_BY[noun]}.` : ''}`,
    );
  throw new UserFacingError(
    'AMBIGUOUS',
    `“${reference}” starts the ids of ${matches.length} ${nouns}; give more of the id:\n${candidates(matches)}`,
  );
}

/** Names that look like what was typed: containing it, contained in it, or starting alike. */
function closeNames(named: readonly Named[], reference: string): Named[] {
  const wanted = reference.trim().toLowerCase();
  if (wanted === '') return [];
  return named.filter((item) => {
    const name = item.label.toLowerCase();
    return name.includes(wanted) || wanted.includes(name) || name.slice(0, 3) === wanted.slice(0, 3);
  });
}

/** A source by id, id prefix, or its name (case-insensitive). */
export async function resolveSources(session: CliSession, references: readonly string[]): Promise<string[]> {
  if (references.length === 0) return [];
  const sources = await session.call('listSources', {});
  const named = sources.map((source) => ({ id: source.id, label: source.name }));
  return references.map((reference) => {
    const byName = named.find((source) => source.label.toLowerCase() === reference.trim().toLowerCase());
    if (byName) return byName.id;
    const wanted = reference.trim().toLowerCase();
    if (wanted === '' || !named.some((item) => item.id.toLowerCase().startsWith(wanted))) {
      const close = closeNames(named, reference);
      throw new UserFacingError(
        'NOT_FOUND',
        `No source is named “${reference}” or has an id starting with it.` +
          (close.length > 0 ? ` Close names:\n${candidates(close)}` : ` ${LISTED_BY.source}.`),
      );
    }
    return chooseById(named, reference, 'source').id;
  });
}

function annotationLabel(annotation: Annotation): string {
  const text = annotation.target?.quote.exact || annotation.note.text || '(document note)';
  return `“${text.replace(/\s+/g, ' ').slice(0, 60)}”`;
}

/** Annotations by id or unique id prefix: a whole id is looked up at once, a prefix among every annotation. */
export async function resolveAnnotations(session: CliSession, references: readonly string[]): Promise<string[]> {
  let all: Named[] | undefined;
  const ids: string[] = [];
  for (const reference of references) {
    const [found] = reference.trim() === '' ? [] : await session.call('getAnnotations', { ids: [reference.trim()] });
    if (found) {
      ids.push(found.id);
      continue;
    }
    all ??= await allAnnotations(session);
    ids.push(chooseById(all, reference, 'annotation').id);
  }
  return ids;
}

async function allAnnotations(session: CliSession): Promise<Named[]> {
  const named: Named[] = [];
  for (const document of await session.call('listDocuments', {}))
    for (const annotation of await session.call('listAnnotations', { documentId: document.id }))
      named.push({ id: annotation.id, label: `${annotationLabel(annotation)} in ${document.title}` });
  return named;
}

/** The words of a text in lower case, without the punctuation around them ("closed?" is "closed"). */
function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(/\s+/)
    .map((word) => word.replace(/^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu, ''))
    .filter((word) => word !== '');
}

/** Whether each of `words` is within a word of the statement (case-insensitive, punctuation aside). */
function hasWords(statement: string, words: readonly string[]): boolean {
  const own = wordsOf(statement);
  return words.every((word) => own.some((candidate) => candidate.includes(word)));
}

/** How a kind found by words is named in messages: "claim", "claims", and what its words are of. */
export interface WordsKind {
  noun: string;
  nouns: string;
  /** "statement", "question": what "give more of the …" asks for. */
  text: string;
}

/** The one item whose id starts with `reference`, else the one whose text has every word of it. */
export function chooseByIdOrWords(items: readonly Named[], reference: string, kind: WordsKind): string {
  const wanted = reference.trim().toLowerCase();
  if (wanted !== '' && items.some((item) => item.id.toLowerCase().startsWith(wanted)))
    return chooseById(items, reference, kind.noun, kind.nouns).id;
  const words = wordsOf(wanted);
  const matches = words.length === 0 ? [] : items.filter((item) => hasWords(item.label, words));
  if (matches.length === 1) return matches[0]!.id;
  if (matches.length === 0)
    throw new UserFacingError(
      'NOT_FOUND',
      `No ${kind.noun} has an id starting with “${reference}” or those words. ${LISTED_BY[kind.noun]}.`,
    );
  throw new UserFacingError(
    'AMBIGUOUS',
    `${matches.length} ${kind.nouns} have the words “${reference}”; give more of the ${kind.text} or an id:\n${candidates(matches)}`,
  );
}

/** "H1–H3", "only H1", or how to add one. */
function hypothesesItHas(count: number): string {
  if (count === 0) return 'none yet (add one with ach hypothesis)';
  return count === 1 ? 'only H1' : `H1–H${count}`;
}

/**
 * The hypothesis of an analysis that `reference` names, with its number: H1, H2… as ach show
 * numbers them, an id or a unique prefix of one, or words only its label has.
 */
export function hypothesisIn(view: AchView, reference: string): { hypothesis: AchHypothesis; number: string } {
  const numbered = /^h(\d+)$/i.exec(reference.trim());
  const chosen = numbered
    ? undefined
    : chooseByIdOrWords(view.hypotheses, reference, { noun: 'hypothesis', nouns: 'hypotheses', text: 'label' });
  const index = numbered ? Number(numbered[1]) - 1 : view.hypotheses.findIndex((item) => item.id === chosen);
  const hypothesis = view.hypotheses[index];
  if (hypothesis === undefined)
    throw new UsageError(
      `The analysis has no hypothesis ${reference}: it has ${hypothesesItHas(view.hypotheses.length)}.`,
    );
  return { hypothesis, number: `H${index + 1}` };
}

/** A claim by id, unique id prefix, or words of its statement that only one claim has. */
export async function resolveClaim(session: CliSession, reference: string): Promise<string> {
  const claims = (await session.call('listClaims', {})).map((claim) => ({ id: claim.id, label: claim.statement }));
  return chooseByIdOrWords(claims, reference, { noun: 'claim', nouns: 'claims', text: 'statement' });
}

/** An analysis by id, unique id prefix, or words of its question that only one analysis has. */
export async function resolveAnalysis(session: CliSession, reference: string): Promise<string> {
  const analyses = (await session.call('listAnalyses', {})).map((item) => ({ id: item.id, label: item.question }));
  return chooseByIdOrWords(analyses, reference, { noun: 'analysis', nouns: 'analyses', text: 'question' });
}
