// `marginalia sources`: the library's sources (who said it) with their reliability; `sources
// add`, `sources set` and `sources remove` change them, `sources document` shows or changes a
// document's default sources.
import { Command } from 'commander';
import type { EvidenceSource, SourceKind } from '../../shared/evidence';
import { SOURCE_KINDS } from '../../shared/evidence';
import { resolveDocument } from '../document-reference';
import { resolveSources } from '../evidence-reference';
import { unwrap } from '../../shared/client';
import { DELETE_ANYWAY, usesText } from '../../shared/evidence';
import { nounFor } from '../../shared/plural';
import { UserFacingError } from '../../shared/result';
import type { CliSession } from '../session';
import { UsageError, asText, oneOf, parsedOption, repeatable, valueOption } from '../usage';

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
    .summary('delete a source; one that grades or documents still name needs --force')
    .description(
      'Delete a source. One that annotation grades or documents still name is refused (their passages would be ' +
        're-graded); with --force it is deleted anyway and taken off them.',
    )
    .argument('<source>', 'a source id, a unique prefix of one, or its name')
    .usage('SOURCE [--force]')
    .option('--force', 'delete it even though grades or documents name it')
    .addHelpText(
      'after',
      '\nExamples:\n  marginalia sources remove 3f2a\n  marginalia sources remove residents --force',
    )
    .action(async (reference: string, options: { force?: boolean }) => {
      const [id] = await resolveSources(session, [reference]);
      const result = await session.request('deleteSource', { id: id!, force: options.force === true });
      if (!result.ok && result.error.code === 'IN_USE')
        throw new UserFacingError('IN_USE', result.error.message.replace(DELETE_ANYWAY, ', or use --force.'));
      const { uses } = unwrap(result);
      const count = uses.grades + uses.documents;
      const taken = count > 0 ? `; ${usesText(uses)} no longer ${count === 1 ? 'names' : 'name'} it` : '';
      session.print(`Deleted source ${id}${taken}.\n`, { deleted: id, uses });
    });
}

/** The document's sources after `--source` (adds), `--remove` (removes) or `--only`/`--none` (replace). */
async function changedSources(session: CliSession, documentId: string, options: DocumentSourceOptions) {
  if (options.only !== undefined || options.none) return resolveSources(session, options.only ?? []);
  const current = (await session.call('getDocumentSources', { documentId })).sourceIds;
  const removed = new Set(await resolveSources(session, options.remove ?? []));
  const added = await resolveSources(session, options.source ?? []);
  return [...current.filter((id) => !removed.has(id)), ...added.filter((id) => !current.includes(id))];
}

interface DocumentSourceOptions {
  source?: string[];
  remove?: string[];
  only?: string[];
  none?: boolean;
}

function documentCommand(session: CliSession): Command {
  // `several`: the flag takes several sources at once (--only A B) as well as repeated (--only A --only B).
  const list = (flag: string, what: string, several = false) =>
    parsedOption(
      `--${flag} <source${several ? '...' : ''}>`,
      `${what} (a source id, prefix or name; may repeat)`,
      session.argv,
      repeatable(asText),
    );
  return new Command('document')
    .summary("show or change a document's default sources")
    .description(
      "Show a document's default sources (its outlet, say), which its annotations have unless they name their own. " +
        '--source adds one, --remove takes one off, --only replaces them all, --none clears them; ' +
        'the resulting list is printed.',
    )
    .argument('<doc>', 'a document id or a unique, case-insensitive prefix of its title')
    .usage('DOC [--source SOURCE]... [--remove SOURCE]... | DOC --only SOURCE... | DOC --none')
    .addOption(list('source', 'add a default source'))
    .addOption(list('remove', 'take a default source off'))
    .addOption(list('only', 'make these the only default sources', true))
    .option('--none', 'clear the default sources')
    .addHelpText(
      'after',
      `\nExamples:\n  marginalia sources document "reports of" --source "Libya's Channel"\n` +
        '  marginalia sources document "reports of" --only Reuters AFP',
    )
    .action(async (reference: string, options: DocumentSourceOptions) => {
      const replacing = options.only !== undefined || options.none === true;
      if (replacing && (options.source !== undefined || options.remove !== undefined))
        throw new UsageError('--only and --none replace the sources; give them without --source or --remove.');
      const doc = await resolveDocument(session, reference);
      const changing = replacing || options.source !== undefined || options.remove !== undefined;
      const result = changing
        ? await session.call('setDocumentSources', {
            documentId: doc.id,
            sourceIds: await changedSources(session, doc.id, options),
          })
        : await session.call('getDocumentSources', { documentId: doc.id });
      const sources = await session.call('listSources', {});
      const names = result.sourceIds.map((id) => sources.find((source) => source.id === id)?.name ?? id);
      session.print(
        names.length === 0
          ? `“${doc.title}” has no default sources.\n`
          : `“${doc.title}” has the default ${nounFor(names.length, 'source')} ${names.join(', ')}.\n`,
        { documentId: doc.id, ...result },
      );
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
