// `marginalia grade ANNOTATION`: an annotation's own sources and the credibility of what it
// says; `marginalia link FROM TO --kind KIND`: a typed link between two annotations.
import { Command } from 'commander';
import type { AnnotationGrade, LinkKind } from '../../shared/evidence';
import { LINK_KINDS } from '../../shared/evidence';
import { resolveAnnotations, resolveSources } from '../evidence-reference';
import type { CliSession } from '../session';
import { asText, oneOf, parsedOption, repeatable, usageOf, valueOption } from '../usage';

interface GradeOptions {
  credibility?: string;
  source?: string[];
  ownSources?: boolean;
}

/** What a grade line shows: a stored grade, or the blank one of an annotation not graded yet. */
type GradeShown = Pick<AnnotationGrade, 'annotationId' | 'documentId' | 'sourceIds' | 'credibility'>;

/** "sources: Harbour Radio (B), Residents (-)", naming the document's when the annotation has none of its own. */
async function sourcesText(session: CliSession, grade: GradeShown): Promise<string> {
  const own = grade.sourceIds.length > 0;
  const ids = own
    ? grade.sourceIds
    : (await session.call('getDocumentSources', { documentId: grade.documentId })).sourceIds;
  const sources = await session.call('listSources', {});
  const named = ids.map((id) => {
    const source = sources.find((item) => item.id === id);
    return source ? `${source.name} (${source.reliability || '-'})` : id;
  });
  if (own) return `sources: ${named.join(', ')}`;
  return named.length > 0 ? `the document's sources: ${named.join(', ')}` : 'no sources (nor has its document)';
}

/** The grade as one line: the annotation, its credibility, and its sources with their reliability. */
async function gradeLine(session: CliSession, grade: GradeShown): Promise<string> {
  return `${grade.annotationId}  credibility ${grade.credibility || '-'}  ${await sourcesText(session, grade)}\n`;
}

/** `grade ANNOTATION` alone: its grade as it stands, ungraded when it has none yet. */
async function showGrade(session: CliSession, annotationId: string): Promise<void> {
  const [annotation] = await session.call('getAnnotations', { ids: [annotationId] });
  const documentId = annotation!.documentId;
  const grades = await session.call('listGrades', { documentId });
  const grade: GradeShown = grades.find((item) => item.annotationId === annotationId) ?? {
    annotationId,
    documentId,
    sourceIds: [],
    credibility: '',
  };
  session.print(await gradeLine(session, grade), grade);
}

async function setGrade(session: CliSession, annotationId: string, options: GradeOptions): Promise<void> {
  const sourceIds = options.ownSources === false ? [] : await resolveSources(session, options.source ?? []);
  const grade = await session.call('gradeAnnotation', {
    annotationId,
    ...(options.credibility !== undefined ? { credibility: options.credibility.trim() } : {}),
    ...(options.source !== undefined || options.ownSources === false ? { sourceIds } : {}),
  });
  session.print(await gradeLine(session, grade), grade);
}

export function gradeCommand(session: CliSession): Command {
  const { argv } = session;
  return new Command('grade')
    .summary("show or set an annotation's credibility (1–6) and its own sources")
    .description(
      'Set an annotation\'s credibility (a code of the scheme, 1–6 in the Admiralty system; "" clears it) and/or its own ' +
        "sources (else it has its document's); what is not given stays. Prints the grade: its credibility and its " +
        'sources with their reliability. Without flags, prints the grade as it stands.',
    )
    .argument('<annotation>', 'an annotation id or a unique prefix of one')
    .usage('ANNOTATION [--credibility C] [--source SOURCE]... [--no-own-sources]')
    .addOption(valueOption('--credibility <code>', 'the credibility of what it says, such as 2', argv))
    .addOption(parsedOption('--source <source>', 'a source id, prefix or name (may repeat)', argv, repeatable(asText)))
    .option('--no-own-sources', "drop the annotation's own sources, so it has its document's")
    .addHelpText(
      'after',
      `\nExamples:\n  marginalia grade 5b1e --credibility 2 --source "Libya's Channel" --source Residents\n` +
        '  marginalia grade 5b1e\n  marginalia grade 5b1e --credibility ""',
    )
    .action(async (reference: string, options: GradeOptions) => {
      const [annotationId] = await resolveAnnotations(session, [reference]);
      const changing =
        options.credibility !== undefined || options.source !== undefined || options.ownSources === false;
      if (changing) await setGrade(session, annotationId!, options);
      else await showGrade(session, annotationId!);
    });
}

const linkKind = oneOf(LINK_KINDS, (kind) => `unknown link kind “${kind}”; kinds are ${LINK_KINDS.join(', ')}.`);

export function linkCommand(session: CliSession): Command {
  return new Command('link')
    .summary('link two annotations (supports, contradicts, same-event, cites, repeats); prints the link id')
    .description(
      'Link annotation FROM to annotation TO, within a document or across documents. "FROM repeats TO" means FROM is derived ' +
        'from TO (circular reporting), so the two are not independent sources. The same link made twice is kept once.',
    )
    .argument('<from>', 'an annotation id or a unique prefix of one')
    .argument('<to>', 'an annotation id or a unique prefix of one')
    .usage('FROM TO --kind KIND')
    .addOption(parsedOption('--kind <kind>', 'what the link says', session.argv, linkKind, LINK_KINDS))
    .addHelpText(
      'after',
      '\nExamples:\n  marginalia link 5b1e 9c04 --kind repeats\n  marginalia link 5b1e 77aa --kind contradicts',
    )
    .action(async (from: string, to: string, options: { kind?: LinkKind }, command: Command) => {
      if (options.kind === undefined)
        throw usageOf(command, `link needs --kind KIND, one of ${LINK_KINDS.join(', ')}.`);
      const [fromId, toId] = await resolveAnnotations(session, [from, to]);
      const link = await session.call('linkAnnotations', { fromId: fromId!, toId: toId!, kind: options.kind });
      session.print(`${link.id}\n`, link);
    });
}
