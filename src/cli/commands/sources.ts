// `marginalia sources`: the library's sources (who said it) with their reliability; `sources
// add`, `sources set` and `sources remove` change them, `sources document` sets a
// document's default sources.
import { Command } from 'commander';
import type { EvidenceSource, SourceKind } from '../../shared/evidence';
import { SOURCE_KINDS } from '../../shared/evidence';
import { resolveDocument } from '../document-reference';
import { resolveSources } from '../evidence-reference';
import type { CliSession } from '../session';
import { asText, oneOf, parsedOption, repeatable, valueOption } from '../usage';

interface SourceOptions {
  name?: string;
  kind?: SourceKind;
  reliability?: string;
  reason?: string;
  notes?: string;
}

const sourceKind = oneOf(SOURCE_KINDS, (kind) => `unknown kind “${kind}”; kinds are ${SOURCE_KINDS.join(', ')}.`);

export function sourceLine(source: EvidenceSource): string {
  const reason = source.reliabilityReason ? ` (${source.reliabilityReason})` : '';
  return `${source.id}  ${(source.reliability || '-').padEnd(2)}  ${source.name}  [${source.kind}]${reason}`;
}

/** The flags `sources add` and `sources set` share. */
function withSourceFlags(command: Command, argv: readonly string[]): Command {
  return command
    .addOption(parsedOption('--kind <kind>', 'what the source is', argv, sourceKind, SOURCE_KINDS))
    .addOption(valueOption('--reliability <code>', 'its reliability, a code of the scheme (A–F); "" clears it', argv))
    .addOption(valueOption('--reason <text>', 'why it has that reliability', argv))
    .addOption(valueOption('--notes <text>', 'notes about the source', argv));
}

function fields(options: SourceOptions) {
  return {
    ...(options.kind !== undefined ? { kind: options.kind } : {}),
    ...(options.reliability !== undefined ? { reliability: options.reliability.trim() } : {}),
    ...(options.reason !== undefined ? { reliabilityReason: options.reason } : {}),
    ...(options.notes !== undefined ? { notes: options.notes } : {}),
  };
}

function addCommand(session: CliSession): Command {
  return withSourceFlags(
    new Command('add')
      .summary('add a source; prints its id')
      .description('Add a source (an outlet, an official, "residents", a document) and print its id.')
      .argument('<name>', "the source's name")
      .usage('NAME [--kind KIND] [--reliability A-F] [--reason TEXT] [--notes TEXT]')
      .addHelpText(
        'after',
        `\nExamples:\n  marginalia sources add "Libya's Channel" --kind outlet --reliability B --reason "Accurate on past clashes"`,
      ),
    session.argv,
  ).action(async (name: string, options: SourceOptions) => {
    const source = await session.call('saveSource', { name, ...fields(options) });
    session.print(`${source.id}\n`, source);
  });
}

function setCommand(session: CliSession): Command {
  return withSourceFlags(
    new Command('set')
      .summary("change a source's name, kind, reliability, reason or notes")
      .description("Change a source's name, kind, reliability, reason or notes; what is not given stays.")
      .argument('<source>', 'a source id, a unique prefix of one, or its name')
      .usage('SOURCE [--name NAME] [--kind KIND] [--reliability A-F] [--reason TEXT] [--notes TEXT]')
      .addOption(valueOption('--name <name>', 'a new name', session.argv))
      .addHelpText(
        'after',
        '\nExamples:\n  marginalia sources set 3f2a --reliability C --reason "Two retractions in 2024"',
      ),
    session.argv,
  ).action(async (reference: string, options: SourceOptions) => {
    const [id] = await resolveSources(session, [reference]);
    const current = (await session.call('listSources', {})).find((source) => source.id === id)!;
    const source = await session.call('saveSource', {
      id: id!,
      name: options.name ?? current.name,
      ...fields(options),
    });
    session.print(`${sourceLine(source)}\n`, source);
  });
}

function removeCommand(session: CliSession): Command {
  return new Command('remove')
    .summary('delete a source; documents and grades naming it no longer do')
    .description('Delete a source; documents and annotations that named it no longer do.')
    .argument('<source>', 'a source id, a unique prefix of one, or its name')
    .usage('SOURCE')
    .addHelpText('after', '\nExamples:\n  marginalia sources remove 3f2a')
    .action(async (reference: string) => {
      const [id] = await resolveSources(session, [reference]);
      await session.call('deleteSource', { id: id! });
      session.print(`Deleted source ${id}.\n`, { deleted: id });
    });
}

function documentCommand(session: CliSession): Command {
  return new Command('document')
    .summary("show or set a document's default sources")
    .description(
      "Show a document's default sources (its outlet, say), which its annotations have unless they name their own; " +
        'with --source, set them (--none clears them).',
    )
    .argument('<doc>', 'a document id or a unique, case-insensitive prefix of its title')
    .usage('DOC [--source SOURCE]... [--none]')
    .addOption(
      parsedOption('--source <source>', 'a source id, prefix or name (may repeat)', session.argv, repeatable(asText)),
    )
    .option('--none', 'clear the default sources')
    .addHelpText('after', `\nExamples:\n  marginalia sources document "reports of" --source "Libya's Channel"`)
    .action(async (reference: string, options: { source?: string[]; none?: boolean }) => {
      const doc = await resolveDocument(session, reference);
      const result =
        options.source !== undefined || options.none
          ? await session.call('setDocumentSources', {
              documentId: doc.id,
              sourceIds: await resolveSources(session, options.source ?? []),
            })
          : await session.call('getDocumentSources', { documentId: doc.id });
      const sources = await session.call('listSources', {});
      const names = result.sourceIds.map((id) => sources.find((source) => source.id === id)?.name ?? id);
      session.print(names.length === 0 ? `“${doc.title}” has no default sources.\n` : `${names.join('\n')}\n`, {
        documentId: doc.id,
        ...result,
      });
    });
}

export function sourcesCommand(session: CliSession): Command {
  return new Command('sources')
    .summary('list sources with their reliability; add, change or remove them')
    .description('List the library’s sources with their reliability, or add, change or remove one.')
    .usage('[add NAME | set SOURCE | remove SOURCE | document DOC] [flags]')
    .addCommand(addCommand(session))
    .addCommand(setCommand(session))
    .addCommand(removeCommand(session))
    .addCommand(documentCommand(session))
    .addHelpText(
      'after',
      `\nExamples:\n  marginalia sources\n  marginalia sources add "Libya's Channel" --kind outlet --reliability B\n  marginalia --json sources`,
    )
    .action(async () => {
      const sources = await session.call('listSources', {});
      session.print(sources.length === 0 ? 'No sources yet.\n' : `${sources.map(sourceLine).join('\n')}\n`, sources);
    });
}
