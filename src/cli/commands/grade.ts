// `marginalia grade ANNOTATION`: an annotation's own sources and the credibility of what it
// says; `marginalia link FROM TO --kind KIND`: a typed link between two annotations.
import { Command } from 'commander';
import type { LinkKind } from '../../shared/evidence';
import { LINK_KINDS } from '../../shared/evidence';
import { resolveAnnotations, resolveSources } from '../evidence-reference';
import type { CliSession } from '../session';
import { asText, oneOf, parsedOption, repeatable, usageOf, valueOption } from '../usage';

interface GradeOptions {
  credibility?: string;
  source?: string[];
  ownSources?: boolean;
}

export function gradeCommand(session: CliSession): Command {
  const { argv } = session;
  return new Command('grade')
    .summary("set an annotation's credibility (1–6) and its own sources")
    .description(
      'Set an annotation\'s credibility (a code of the scheme, 1–6 in the Admiralty system; "" clears it) and/or its own ' +
        "sources (else it has its document's); what is not given stays. Prints the grade.",
    )
    .argument('<annotation>', 'an annotation id or a unique prefix of one')
    .usage('ANNOTATION [--credibility C] [--source SOURCE]... [--no-own-sources]')
    .addOption(valueOption('--credibility <code>', 'the credibility of what it says, such as 2', argv))
    .addOption(parsedOption('--source <source>', 'a source id, prefix or name (may repeat)', argv, repeatable(asText)))
    .option('--no-own-sources', "drop the annotation's own sources, so it has its document's")
    .addHelpText(
      'after',
      `\nExamples:\n  marginalia grade 5b1e --credibility 2 --source "Libya's Channel" --source Residents\n  marginalia grade 5b1e --credibility ""`,
    )
    .action(async (reference: string, options: GradeOptions, command: Command) => {
      if (options.credibility === undefined && options.source === undefined && options.ownSources !== false)
        throw usageOf(command, 'grade needs what to change: --credibility C, --source SOURCE or --no-own-sources.');
      const [annotationId] = await resolveAnnotations(session, [reference]);
      const sourceIds = options.ownSources === false ? [] : await resolveSources(session, options.source ?? []);
      const grade = await session.call('gradeAnnotation', {
        annotationId: annotationId!,
        ...(options.credibility !== undefined ? { credibility: options.credibility.trim() } : {}),
        ...(options.source !== undefined || options.ownSources === false ? { sourceIds } : {}),
      });
      const sources = await session.call('listSources', {});
      const names = grade.sourceIds.map((id) => sources.find((source) => source.id === id)?.name ?? id);
      session.print(
        `${grade.annotationId}  credibility ${grade.credibility || '-'}  sources: ${names.length ? names.join(', ') : "the document's"}\n`,
        grade,
      );
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
