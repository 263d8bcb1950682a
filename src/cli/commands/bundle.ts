// `marginalia bundle export|import`: signed note bundles (.mnb) to send notes to someone,
// and to merge the ones they send back.
import { Command } from 'commander';
import { resolve } from 'node:path';
import type { BundlePlan } from '../../shared/bundles';
import { differingVersions, evidencePlanLines, refusedSummary } from '../../shared/bundles';
import { unwrap } from '../../shared/client';
import { countOf } from '../../shared/plural';
import type { Result } from '../../shared/result';
import { resolveDocuments } from '../document-reference';
import { readFile, writeFile } from '../host';
import type { CliSession } from '../session';
import { UsageError, parsedOption, repeatable, valueOption, asText } from '../usage';

interface BundleExportFlags {
  out: string;
  tag?: string[];
  review?: boolean;
  withSources?: boolean;
}

interface BundleImportFlags {
  dryRun?: boolean;
  allowUnsigned?: boolean;
  asNew?: boolean;
}

/** What happens to one document: new, the same, or text that differs (merged onto mine, or added as a copy). */
function documentLine(document: BundlePlan['documents'][number]): string {
  const versions = document.status === 'text differs' ? `; ${differingVersions(document)}` : '';
  const choice =
    document.choice === 'copy'
      ? ', added as a new document with their text'
      : document.choice === 'merge'
        ? ', their notes re-anchored on your copy; your text is kept'
        : '';
  return `  document: ${document.title} (${document.status}${versions}${choice})`;
}

function describePlan(plan: BundlePlan): string {
  const { signer, annotations, replies } = plan;
  const who = signer.signed
    ? `signed by ${signer.name} (${signer.fingerprint})${signer.own ? ', your own key' : signer.known ? ', a key seen before' : ', a key not seen before'}`
    : `UNSIGNED, claims to be from ${signer.name}${signer.claim ? `. ${signer.claim}` : ''}`;
  const lines = [
    `${plan.applied ? 'Imported' : 'Would import'} ${plan.review ? 'a review' : 'notes'} ${who}.`,
    ...plan.documents.map(documentLine),
    `  annotations: ${annotations.added} new, ${annotations.updated} updated, ${annotations.unchanged} unchanged, ` +
      `${annotations.keptLocal} kept as they are here, ${annotations.deleted} deleted, ${annotations.orphaned} orphaned`,
    `  replies: ${replies.added} new, ${replies.updated} updated, ${replies.unchanged} unchanged, ${replies.keptLocal} kept as they are here`,
    ...plan.byAuthor.map(
      (author) =>
        `  by ${author.name}: ${countOf(author.annotations, 'annotation')}, ${countOf(author.replies, 'reply', 'replies')}`,
    ),
    ...evidencePlanLines(plan).map((line) => `  ${line}`),
    ...(plan.refused > 0 ? [`  ${refusedSummary(plan)}`] : []),
  ];
  return `${lines.join('\n')}\n`;
}

async function exportBundle(
  session: CliSession,
  references: readonly string[],
  flags: BundleExportFlags,
): Promise<void> {
  if ((flags.tag?.length ?? 0) > 1) throw new UsageError('bundle export takes one --tag.');
  const documentIds = (await resolveDocuments(session, references)).map((doc) => doc.id);
  const built = await session.call('exportBundle', {
    documentIds,
    ...(flags.tag?.[0] ? { tag: flags.tag[0] } : {}),
    includeSources: flags.withSources === true,
    reviewOnly: flags.review === true,
  });
  const out = resolve(flags.out);
  await writeFile(out, Buffer.from(built.dataBase64, 'base64'));
  const { counts } = built;
  const { fingerprint } = await session.call('getIdentity', {});
  const contents = [
    countOf(counts.documents, 'document'),
    countOf(counts.annotations, 'annotation'),
    countOf(counts.replies, 'reply', 'replies'),
  ];
  session.print(`${out}  (${contents.join(', ')}; signed by ${fingerprint})\n`, { path: out, ...counts, fingerprint });
}

/**
 * Says in the CLI's own words how to allow an unsigned bundle: when a refusal goes away (or
 * changes) once unsigned bundles are allowed, the missing signature was what refused it.
 */
async function withUnsignedHint<T>(session: CliSession, dataBase64: string, result: Result<T>): Promise<T> {
  if (result.ok || result.error.code !== 'INVALID_INPUT') return unwrap(result);
  const allowed = await session.request('previewBundle', { dataBase64, allowUnsigned: true });
  if (allowed.ok ? allowed.value.signer.signed : allowed.error.message === result.error.message) return unwrap(result);
  return unwrap({
    ok: false,
    error: {
      ...result.error,
      message: `${result.error.message} To import it anyway, run again with --allow-unsigned.`,
    },
  });
}

async function importBundle(session: CliSession, file: string, flags: BundleImportFlags): Promise<void> {
  const dataBase64 = (await readFile(file)).toString('base64');
  const allowUnsigned = flags.allowUnsigned === true;
  const checked = async <T>(result: Promise<Result<T>>): Promise<T> =>
    allowUnsigned ? unwrap(await result) : withUnsignedHint(session, dataBase64, await result);
  // --as-new: every document whose text differs from my copy is added beside it.
  const preview = flags.asNew
    ? await checked(session.request('previewBundle', { dataBase64, allowUnsigned }))
    : undefined;
  const copies = (preview?.documents ?? [])
    .filter((document) => document.status === 'text differs')
    .map((document) => document.bundleDocumentId);
  const request = { dataBase64, allowUnsigned, copies };
  const plan = await checked(session.request(flags.dryRun ? 'previewBundle' : 'importBundle', request));
  session.print(describePlan(plan), plan);
}

export function bundleCommand(session: CliSession): Command {
  const { argv } = session;
  const exporting = new Command('export')
    .summary('write a signed note bundle (.mnb)')
    .description("Write a signed note bundle (.mnb) of these documents' annotations and replies, to send to someone.")
    .argument('<doc...>', 'document ids or unique, case-insensitive prefixes of their titles')
    .usage('DOC... --out FILE [--tag T] [--review] [--with-sources]')
    .addOption(valueOption('--out <file>', 'the bundle file to write', argv).makeOptionMandatory())
    .addOption(parsedOption('--tag <tag>', 'only annotations with this tag', argv, repeatable(asText)))
    .option('--review', 'only your own annotations and replies')
    .option('--with-sources', "include the documents' source files")
    .addHelpText(
      'after',
      '\nExamples:\n  marginalia bundle export "reports of" --out notes.mnb\n  marginalia bundle export "reports of" --out review.mnb --review',
    )
    .action((references: string[], flags: BundleExportFlags) => exportBundle(session, references, flags));
  const importing = new Command('import')
    .summary('merge a bundle someone sent')
    .description(
      'Merge a bundle someone sent. --dry-run only says what would change; unsigned bundles need --allow-unsigned; --as-new ' +
        'adds a document whose text differs from your copy beside it instead of re-anchoring onto your copy.',
    )
    .argument('<file>', 'the bundle (.mnb)')
    .usage('FILE [--dry-run] [--allow-unsigned] [--as-new]')
    .option('--dry-run', 'only say what would change')
    .option('--allow-unsigned', 'import a bundle that is not signed')
    .option('--as-new', 'add a document whose text differs from your copy as a new document')
    .addHelpText(
      'after',
      '\nExamples:\n  marginalia bundle import notes.mnb --dry-run\n  marginalia bundle import notes.mnb --as-new',
    )
    .action((file: string, flags: BundleImportFlags) => importBundle(session, file, flags));
  return new Command('bundle')
    .summary('write or merge signed note bundles (.mnb)')
    .description('Write a signed note bundle (.mnb) to send notes to someone, or merge a bundle someone sent.')
    .usage('export DOC... --out FILE | marginalia bundle import FILE [--dry-run] [--allow-unsigned] [--as-new]')
    .addCommand(exporting)
    .addCommand(importing)
    .addHelpText(
      'after',
      '\nExamples:\n  marginalia bundle export "reports of" --out notes.mnb\n  marginalia bundle import notes.mnb --dry-run',
    );
}
