// The marginalia command line: the same core as the desktop app, for scripting and tests.
// Exit codes: 0 success, 1 the user's error (message on stderr), 2 internal error.
import { readFileSync } from 'node:fs';
import { originLine } from '../shared/document-labels';
import { join, resolve } from 'node:path';
import type { Annotation, HighlightColor } from '../shared/annotations';
import { HIGHLIGHT_COLORS } from '../shared/annotations';
import type { PaperSize, PdfExportOptions } from '../shared/export-options';
import { DEFAULT_PDF_EXPORT_OPTIONS, PAPER_SIZES, pdfFileNameFor } from '../shared/export-options';
import type { DocumentSummary } from '../shared/model';
import { DEFAULT_MAX_IMPORT_MB } from '../shared/model';
import { settingsSchema } from '../shared/settings-schema';
import { UserFacingError } from '../shared/result';
import type { SearchResults } from '../shared/search-results';
import { MAX_SEARCH_PAGE_SIZE, SEARCH_PAGE_SIZE } from '../shared/search-results';
import { MarginaliaCore } from '../core/core';
import { writeFileAtomic } from '../core/files/atomic-write';
import { SyncEngine } from '../core/sync/engine';
import { UnsignedBundleError } from '../core/bundles/bundle-import';
import { fileReadProblem } from '../core/files/read-errors';
import { syncNotices, syncSummary } from './sync-report';
import type { BundlePlan } from '../shared/bundles';
import { differingVersions, refusedSummary } from '../shared/bundles';
import { resolveDataDir } from '../core/paths';
import { countOf, nounFor } from '../shared/plural';
import { parseArguments } from './argument-errors';
import { chooseQuoteSpan } from './quote';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
}

export interface CliContext {
  version: string;
  /** The fonts PDF export embeds. */
  fontsDir?: string;
  /** Starts the browser host; injected so the CLI core stays free of build concerns. */
  serve?: (options: { core: MarginaliaCore; port: number; io: CliIo }) => Promise<void>;
}

export const EXIT_OK = 0;
export const EXIT_USER_ERROR = 1;
export const EXIT_INTERNAL_ERROR = 2;

const HELP = `marginalia: read, highlight and annotate documents, offline.

Usage: marginalia [--data-dir DIR] [--json] COMMAND [ARGS]

Commands:
  import FILE...             import .txt, .md or .html files; prints the new document ids
  import --update DOC FILE   replace DOC's text with FILE and re-anchor its annotations
  list                       list the documents in the library
  show DOC                   print a document's canonical text
  remove DOC                 remove a document from the library
  annotate DOC --quote TEXT [--occurrence N] [--color C] [--tag T]... [--note TEXT]
                             highlight TEXT (its spaces, quotes and dashes match any
                             kind; capitals must match); a TEXT found more than once
                             needs --occurrence N; prints the new id
  annotations DOC            list a document's annotations in reading order, with their authors
  search QUERY [--offset N] [--limit N]
                             search text, quotes, notes and tags: words, "phrases",
                             prefix*, OR, NOT, (groups), tag:Actor/IS, color:red,
                             author:NAME, is:orphan; prints the total and 50 hits a page
  tags                       list tags with their annotation counts
  tags rename OLD NEW        rename or move a tag (children follow)
  tags merge FROM INTO       merge a tag into another
  export DOC... --format pdf (--out FILE | --out-dir DIR)
                             export an annotated PDF: all documents in one FILE, or one
                             PDF per document in DIR. Options: --paper a4|letter,
                             --print-colors, --no-notes, --no-tags, --no-appendix,
                             --no-orphans, and filters --tag T, --color C, --author NAME
                             (each may repeat)
  bundle export DOC... --out FILE [--tag T] [--review] [--with-sources]
                             write a signed note bundle (.mnb); --review keeps only
                             your own annotations and replies
  bundle import FILE [--dry-run] [--allow-unsigned] [--as-new]
                             merge a bundle someone sent; --dry-run only says what
                             would change; unsigned bundles need --allow-unsigned;
                             --as-new adds a document whose text differs from your
                             copy beside it instead of re-anchoring onto your copy
  sync [--watch]             two-way sync of the library with the --workspace folder:
                             plain files other programs may change; --watch keeps going
  verify                     list every difference between the library and the
                             --workspace folder (exit 0 only when there is none)
  serve [--port N]           serve the app to a browser on 127.0.0.1 (prints a URL with a token)
  profile [--name NAME]      show your author name and signing key's fingerprint; --name
                             sets the name on your annotations and replies (those already
                             written too), exports and bundles

DOC is a document id or a unique, case-insensitive prefix of its title.

Options:
  --workspace DIR      the folder of plain files to sync with (default: the one in Settings)
  --data-dir DIR       library folder (default: $MARGINALIA_HOME, else the desktop app's data folder)
  --json               print one JSON value on stdout
  --max-import-mb N    import files up to N megabytes this once (default: the limit in Settings)
  -h, --help           show this help
  -v, --version        show the version

Exit codes: 0 success, 1 usage or input error, 2 internal error.
`;

class UsageError extends Error {}

/** The most Settings allows, so the CLI can't import what the app would refuse to. */
const MAX_IMPORT_MB = settingsSchema.shape.maxImportMegabytes.maxValue ?? DEFAULT_MAX_IMPORT_MB;

/** Said once per write while the profile still has the login name nobody chose. */
const UNCHOSEN_NAME_HINT = (name: string): string =>
  `marginalia: wrote this as “${name}”, your login name; set the name on your annotations with: marginalia profile --name "Your Name"\n`;

function tableRow(doc: DocumentSummary): string {
  const date = doc.importedAt.slice(0, 10);
  // The origin and version tell apart documents whose titles are the same.
  return `${doc.id}  ${date}  ${String(doc.wordCount).padStart(7)} ${nounFor(doc.wordCount, 'word')}  ${doc.title}  (${originLine(doc)})`;
}

function countOption(
  name: string,
  value: string | undefined,
  fallback: number,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): number {
  if (value === undefined) return fallback;
  const count = Number(value);
  if (!Number.isInteger(count) || count < min || count > max)
    throw new UsageError(`${name} must be a whole number from ${min} to ${max}, not “${value}”.`);
  return count;
}

/** A search page as text: the true totals first, then each document's hits, then how to see more. */
function searchReport(results: SearchResults): string {
  if (results.total === 0) return 'No results.\n';
  const plural = (count: number, word: string) => `${count.toLocaleString('en')} ${word}${count === 1 ? '' : 's'}`;
  const shown = results.groups.reduce((sum, group) => sum + group.hits.length, 0);
  const last = results.offset + shown;
  const groups = results.groups.map((group) => {
    const hits = group.hits.map((hit) => {
      const snippet = hit.snippet.map((part) => (part.match ? `[${part.text}]` : part.text)).join('');
      return `  ${hit.kind === 'annotation' ? `note ${hit.annotationId}` : `text ${hit.start}`}: ${snippet}`;
    });
    return `${group.title} (${group.documentId}): ${plural(group.total, 'result')}\n${hits.join('\n')}`;
  });
  const more =
    last < results.total
      ? `\nShowing ${results.offset + 1}–${last} of ${results.total.toLocaleString('en')}; --offset ${last} shows the next.\n`
      : '';
  return `${plural(results.total, 'result')} in ${plural(results.documents, 'document')}\n\n${groups.join('\n\n')}\n${more}`;
}

export async function runCli(argv: readonly string[], io: CliIo, context: CliContext): Promise<number> {
  let parsed;
  try {
    parsed = parseArguments({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        'data-dir': { type: 'string' },
        workspace: { type: 'string' },
        watch: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        port: { type: 'string' },
        update: { type: 'string' },
        quote: { type: 'string' },
        occurrence: { type: 'string' },
        offset: { type: 'string' },
        limit: { type: 'string' },
        color: { type: 'string', multiple: true },
        tag: { type: 'string', multiple: true },
        author: { type: 'string', multiple: true },
        format: { type: 'string' },
        out: { type: 'string' },
        'out-dir': { type: 'string' },
        paper: { type: 'string' },
        'print-colors': { type: 'boolean', default: false },
        'no-notes': { type: 'boolean', default: false },
        'no-tags': { type: 'boolean', default: false },
        'no-appendix': { type: 'boolean', default: false },
        'no-orphans': { type: 'boolean', default: false },
        'dry-run': { type: 'boolean', default: false },
        'allow-unsigned': { type: 'boolean', default: false },
        'as-new': { type: 'boolean', default: false },
        review: { type: 'boolean', default: false },
        'with-sources': { type: 'boolean', default: false },
        note: { type: 'string' },
        name: { type: 'string' },
        'max-import-mb': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (error) {
    io.stderr(`marginalia: ${(error as Error).message}\nRun marginalia --help for usage.\n`);
    return EXIT_USER_ERROR;
  }
  const { values, positionals } = parsed;
  if (values.version) {
    io.stdout(`${context.version}\n`);
    return EXIT_OK;
  }
  if (values.help || positionals.length === 0) {
    (values.help ? io.stdout : io.stderr)(HELP);
    return values.help ? EXIT_OK : EXIT_USER_ERROR;
  }
  const [command, ...args] = positionals;
  const json = values.json === true;
  const print = (human: string, machine: unknown): void => {
    io.stdout(json ? `${JSON.stringify(machine, null, 2)}\n` : human);
  };

  let core: MarginaliaCore | undefined;
  try {
    const knownCommands = [
      'import',
      'list',
      'show',
      'remove',
      'serve',
      'annotate',
      'annotations',
      'search',
      'tags',
      'export',
      'bundle',
      'sync',
      'verify',
      'profile',
    ];
    if (!knownCommands.includes(command!)) throw new UsageError(`unknown command “${command}”. Run marginalia --help.`);
    core = new MarginaliaCore({
      dataDir: resolveDataDir(values['data-dir'], io.env),
      host: 'cli',
      version: context.version,
      ...(context.fontsDir ? { fontsDir: context.fontsDir } : {}),
      ...importLimitFrom(values['max-import-mb']),
    });
    switch (command) {
      case 'import': {
        if (values.update === undefined) return importFiles(core, args, io, json);
        const doc = core.documents.resolve(values.update);
        const file = requireOne(args, 'import --update DOC FILE');
        const counts = core.updateDocumentFromPath(doc.id, file);
        print(
          `Updated “${doc.title}”: ${counts.kept} kept, ${counts.moved} moved, ${counts.fuzzy} fuzzy, ${counts.orphaned} orphaned.\n`,
          { id: doc.id, ...counts },
        );
        return EXIT_OK;
      }
      case 'annotate': {
        const doc = core.documents.resolve(requireOne(args, 'annotate DOC --quote TEXT'));
        if (values.quote === undefined || values.quote.trim() === '')
          throw new UsageError('annotate needs --quote TEXT.');
        const occurrence = values.occurrence === undefined ? undefined : Number(values.occurrence);
        if (occurrence !== undefined && (!Number.isInteger(occurrence) || occurrence < 1))
          throw new UsageError(`--occurrence must be 1 or more, not “${values.occurrence}”.`);
        if ((values.color?.length ?? 0) > 1) throw new UsageError('annotate takes one --color.');
        const color = values.color?.[0];
        if (color !== undefined && !(HIGHLIGHT_COLORS as readonly string[]).includes(color)) {
          throw new UsageError(`unknown color “${color}”; colors are ${HIGHLIGHT_COLORS.join(', ')}.`);
        }
        const { start, end } = chooseQuoteSpan(
          core.documents.canonicalText(doc.id),
          values.quote,
          occurrence,
          doc.title,
        );
        const annotation = core.annotations.create({
          documentId: doc.id,
          start,
          end,
          ...(color ? { color: color as HighlightColor } : {}),
          tags: values.tag ?? [],
          ...(values.note !== undefined ? { noteMarkdown: values.note } : {}),
        });
        print(`${annotation.id}\n`, annotationJson(annotation));
        if (!core.profile.read().confirmed) io.stderr(UNCHOSEN_NAME_HINT(annotation.author.name));
        return EXIT_OK;
      }
      case 'annotations': {
        const doc = core.documents.resolve(requireOne(args, 'annotations DOC'));
        const annotations = core.annotations.list(doc.id);
        const human = annotations.map((annotation) => {
          const where = annotation.target
            ? `${annotation.target.position.start}-${annotation.target.position.end}`
            : 'document';
          const tags = annotation.tags.length ? ` [${annotation.tags.join(', ')}]` : '';
          const quote = annotation.target
            ? `“${annotation.target.quote.exact.replace(/\s+/g, ' ').slice(0, 80)}”`
            : '(document note)';
          const note = annotation.note.text ? `\n    ${annotation.note.text.replace(/\s+/g, ' ').slice(0, 120)}` : '';
          return `${annotation.id}  ${where}  ${annotation.color}  ${annotation.anchor.status}  by ${annotation.author.name}${tags}\n    ${quote}${note}`;
        });
        print(
          annotations.length === 0 ? `“${doc.title}” has no annotations.\n` : `${human.join('\n')}\n`,
          annotations.map(annotationJson),
        );
        return EXIT_OK;
      }
      case 'search': {
        if (args.length === 0) throw new UsageError('usage: marginalia search QUERY [--offset N] [--limit N]');
        const offset = countOption('--offset', values.offset, 0, 0);
        const limit = countOption('--limit', values.limit, SEARCH_PAGE_SIZE, 1, MAX_SEARCH_PAGE_SIZE);
        const results = core.searchService.search(args.join(' '), { offset, limit });
        for (const problem of results.problems) io.stderr(`marginalia: ${problem}\n`);
        print(searchReport(results), results);
        return EXIT_OK;
      }
      case 'tags': {
        const [action, first, second] = args;
        if (action === undefined) {
          const tags = core.annotations.listTags();
          print(
            tags.length === 0
              ? 'No tags yet.\n'
              : `${tags.map((tag) => `${String(tag.count).padStart(5)}  ${tag.path}${tag.color ? `  (${tag.color})` : ''}`).join('\n')}\n`,
            tags,
          );
          return EXIT_OK;
        }
        if (action === 'rename' && first && second && args.length === 3) {
          const result = core.annotations.renameTag(first, second);
          print(`Renamed ${countOf(result.renamed, 'tag')}.\n`, result);
          return EXIT_OK;
        }
        if (action === 'merge' && first && second && args.length === 3) {
          const result = core.annotations.mergeTags(first, second);
          print(`Merged “${first}” into “${second}” (${countOf(result.annotations, 'annotation')}).\n`, result);
          return EXIT_OK;
        }
        throw new UsageError('usage: marginalia tags [rename OLD NEW | merge FROM INTO]');
      }
      case 'export': {
        if (args.length === 0)
          throw new UsageError('usage: marginalia export DOC... --format pdf (--out FILE | --out-dir DIR)');
        const options = exportOptionsFrom(values);
        const docs = args.map((arg) => core!.documents.resolve(arg));
        const targets = exportTargets(docs, values.out, values['out-dir']);
        const written = [];
        for (const target of targets) {
          const result = await core.exportPdfToFile(target.ids, options, target.path);
          for (const warning of result.warnings) io.stderr(`marginalia: ${warning}\n`);
          written.push({
            path: target.path,
            documents: target.ids,
            pages: result.pageCount,
            highlights: result.highlightCount,
            notes: result.noteCount,
            warnings: result.warnings,
          });
          if (!json)
            io.stdout(
              `${target.path}  (${countOf(result.pageCount, 'page')}, ${countOf(result.highlightCount, 'highlight')}, ${countOf(result.noteCount, 'note')})\n`,
            );
        }
        if (json) io.stdout(`${JSON.stringify(written, null, 2)}\n`);
        return EXIT_OK;
      }
      case 'bundle': {
        const [action, ...rest] = args;
        if (action === 'export') {
          if (rest.length === 0 || values.out === undefined)
            throw new UsageError(
              'usage: marginalia bundle export DOC... --out FILE [--tag T] [--review] [--with-sources]',
            );
          if ((values.tag?.length ?? 0) > 1) throw new UsageError('bundle export takes one --tag.');
          const documentIds = rest.map((arg) => core!.documents.resolve(arg).id);
          const built = core.exportBundle({
            documentIds,
            ...(values.tag?.[0] ? { tag: values.tag[0] } : {}),
            includeSources: values['with-sources'] === true,
            reviewOnly: values.review === true,
          });
          const out = resolve(values.out);
          writeFileAtomic(out, built.bytes);
          const { counts } = built;
          print(
            `${out}  (${countOf(counts.documents, 'document')}, ${countOf(counts.annotations, 'annotation')}, ${countOf(counts.replies, 'reply', 'replies')}; signed by ${core.identity.identity().fingerprint})\n`,
            { path: out, ...counts, fingerprint: core.identity.identity().fingerprint },
          );
          return EXIT_OK;
        }
        if (action === 'import' && rest.length === 1) {
          const file = rest[0]!;
          let bytes: Buffer;
          try {
            bytes = readFileSync(file);
          } catch (error) {
            throw new UserFacingError('NOT_FOUND', fileReadProblem(file, error));
          }
          const allowUnsigned = values['allow-unsigned'] === true;
          const plan = await importBundleFile(core, bytes, {
            allowUnsigned,
            apply: values['dry-run'] !== true,
            asNew: values['as-new'] === true,
          });
          print(describePlan(plan), plan);
          return EXIT_OK;
        }
        throw new UsageError(
          'usage: marginalia bundle export DOC... --out FILE | marginalia bundle import FILE [--dry-run] [--allow-unsigned] [--as-new]',
        );
      }
      case 'sync': {
        if (args.length > 0) throw new UsageError('usage: marginalia sync --workspace DIR [--watch]');
        const dir = resolve(workspaceOf(values.workspace, core));
        const engine = await core.startSync(dir, { watch: values.watch === true });
        const status = engine.status();
        for (const line of syncNotices(status, engine.copiesFound())) io.stderr(`marginalia: ${line}\n`);
        print(syncSummary(core.documents.list().length, dir, engine.counters, status), {
          workspace: dir,
          ...engine.counters,
          problems: status.problems,
          conflicts: status.conflicts,
          conflictFiles: status.conflictFiles,
        });
        if (values.watch) {
          await engine.whenWatching();
          io.stdout('Watching for changes; press Ctrl+C to stop.\n');
          await new Promise<void>((stop) => {
            process.once('SIGINT', stop);
            process.once('SIGTERM', stop);
          });
          await engine.stop();
        }
        return status.problems.length > 0 ? EXIT_USER_ERROR : EXIT_OK;
      }
      case 'verify': {
        if (args.length > 0) throw new UsageError('usage: marginalia verify --workspace DIR');
        const dir = resolve(workspaceOf(values.workspace, core));
        const differences = new SyncEngine(core, dir).verify();
        print(differences.length === 0 ? `The library and ${dir} agree.\n` : `${differences.join('\n')}\n`, {
          workspace: dir,
          differences,
        });
        return differences.length === 0 ? EXIT_OK : EXIT_USER_ERROR;
      }
      case 'list': {
        const docs = core.documents.list();
        print(docs.length === 0 ? 'The library is empty.\n' : `${docs.map(tableRow).join('\n')}\n`, docs);
        return EXIT_OK;
      }
      case 'show': {
        const doc = core.documents.resolve(requireOne(args, 'show DOC'));
        const text = core.documents.canonicalText(doc.id);
        print(`${text}\n`, { ...doc, text });
        return EXIT_OK;
      }
      case 'remove': {
        const doc = core.documents.resolve(requireOne(args, 'remove DOC'));
        core.documents.remove(doc.id);
        print(`Removed “${doc.title}” (${doc.id}).\n`, { removed: doc.id, title: doc.title });
        return EXIT_OK;
      }
      case 'profile': {
        if (args.length > 0) throw new UsageError('usage: marginalia profile [--name NAME]');
        if (values.name !== undefined) core.profile.rename(values.name);
        const { displayName, fingerprint } = core.identity.identity();
        print(`Name: ${displayName}\nKey fingerprint: ${fingerprint}\n`, { name: displayName, fingerprint });
        return EXIT_OK;
      }
      case 'serve': {
        if (args.length > 0) throw new UsageError('serve takes no arguments besides --port N.');
        const port = values.port === undefined ? 0 : Number(values.port);
        if (!Number.isInteger(port) || port < 0 || port > 65535)
          throw new UsageError(`--port must be 0 to 65535, not “${values.port}”.`);
        if (!context.serve) throw new UsageError('serve is not available in this build.');
        const serving = core;
        core = undefined; // the server owns it now
        await context.serve({ core: serving, port, io });
        return EXIT_OK;
      }
    }
    return EXIT_USER_ERROR;
  } catch (error) {
    if (error instanceof UsageError || error instanceof UserFacingError) {
      io.stderr(`marginalia: ${error.message}\n`);
      return EXIT_USER_ERROR;
    }
    io.stderr(
      `marginalia: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return EXIT_INTERNAL_ERROR;
  } finally {
    core?.close();
  }
}

/** The --json shape of an annotation: selectors, status, tags, color, note as text and Markdown, author, times. */
function annotationJson(annotation: Annotation) {
  return {
    id: annotation.id,
    documentId: annotation.documentId,
    kind: annotation.kind,
    selectors: annotation.target ? [annotation.target.position, annotation.target.quote] : [],
    textSha256: annotation.target?.textSha256 ?? null,
    anchoring: annotation.anchor,
    tags: annotation.tags,
    color: annotation.color,
    note: { text: annotation.note.text, markdown: annotation.note.markdown },
    author: annotation.author,
    created: annotation.createdAt,
    modified: annotation.updatedAt,
  };
}

type ParsedValues = {
  format?: string | undefined;
  paper?: string | undefined;
  color?: string[] | undefined;
  tag?: string[] | undefined;
  author?: string[] | undefined;
  'print-colors'?: boolean | undefined;
  'no-notes'?: boolean | undefined;
  'no-tags'?: boolean | undefined;
  'no-appendix'?: boolean | undefined;
  'no-orphans'?: boolean | undefined;
};

function exportOptionsFrom(values: ParsedValues): PdfExportOptions {
  const format = values.format ?? 'pdf';
  if (format !== 'pdf') throw new UsageError(`unknown export format “${format}”; the format is pdf.`);
  const paper = (values.paper ?? 'a4').toLowerCase();
  if (!(PAPER_SIZES as readonly string[]).includes(paper))
    throw new UsageError(`unknown paper size “${values.paper}”; use ${PAPER_SIZES.join(' or ')}.`);
  const colors = values.color ?? [];
  for (const color of colors) {
    if (!(HIGHLIGHT_COLORS as readonly string[]).includes(color))
      throw new UsageError(`unknown color “${color}”; colors are ${HIGHLIGHT_COLORS.join(', ')}.`);
  }
  return {
    ...DEFAULT_PDF_EXPORT_OPTIONS,
    paper: paper as PaperSize,
    colorScheme: values['print-colors'] ? 'print' : 'screen',
    includeNotes: !values['no-notes'],
    includeTags: !values['no-tags'],
    includeAppendix: !values['no-appendix'],
    includeOrphans: !values['no-orphans'],
    tags: values.tag ?? [],
    colors: colors as HighlightColor[],
    authors: values.author ?? [],
  };
}

/** One PDF per document with --out-dir; all documents in one PDF with --out. */
function exportTargets(
  docs: readonly DocumentSummary[],
  out: string | undefined,
  outDir: string | undefined,
): Array<{ ids: string[]; path: string }> {
  if ((out === undefined) === (outDir === undefined))
    throw new UsageError('export needs exactly one of --out FILE or --out-dir DIR.');
  if (out !== undefined) return [{ ids: docs.map((doc) => doc.id), path: resolve(out) }];
  const used = new Set<string>();
  return docs.map((doc) => {
    let name = pdfFileNameFor(doc.title);
    for (let counter = 2; used.has(name.toLowerCase()); counter++) name = pdfFileNameFor(`${doc.title} ${counter}`);
    used.add(name.toLowerCase());
    return { ids: [doc.id], path: join(resolve(outDir!), name) };
  });
}

/** Imports a bundle's bytes, saying in the CLI's own words how to allow an unsigned one. */
async function importBundleFile(
  core: MarginaliaCore,
  bytes: Buffer,
  options: { allowUnsigned: boolean; apply: boolean; asNew: boolean },
): Promise<BundlePlan> {
  try {
    // --as-new: every document whose text differs from my copy is added beside it.
    const preview = options.asNew
      ? await core.importBundle(bytes, { allowUnsigned: options.allowUnsigned, apply: false })
      : undefined;
    const copies = preview
      ? preview.documents
          .filter((document) => document.status === 'text differs')
          .map((document) => document.bundleDocumentId)
      : [];
    return await core.importBundle(bytes, { allowUnsigned: options.allowUnsigned, apply: options.apply, copies });
  } catch (error) {
    if (error instanceof UnsignedBundleError)
      throw new UserFacingError(
        'INVALID_INPUT',
        `${error.message} To import it anyway, run again with --allow-unsigned.`,
      );
    throw error;
  }
}

function describePlan(plan: BundlePlan): string {
  const { signer, annotations, replies } = plan;
  const who = signer.signed
    ? `signed by ${signer.name} (${signer.fingerprint})${signer.known ? ', a key seen before' : ', a key not seen before'}`
    : `UNSIGNED, claims to be from ${signer.name}${signer.claim ? `. ${signer.claim}` : ''}`;
  const lines = [
    `${plan.applied ? 'Imported' : 'Would import'} ${plan.review ? 'a review' : 'notes'} ${who}.`,
    ...plan.documents.map(
      (document) =>
        `  document: ${document.title} (${document.status}${document.status === 'text differs' ? `; ${differingVersions(document)}` : ''}${document.choice === 'copy' ? ', added as a new document with their text' : document.choice === 'merge' ? ', their notes re-anchored on your copy; your text is kept' : ''})`,
    ),
    `  annotations: ${annotations.added} new, ${annotations.updated} updated, ${annotations.unchanged} unchanged, ${annotations.keptLocal} kept as they are here, ${annotations.deleted} deleted, ${annotations.orphaned} orphaned`,
    `  replies: ${replies.added} new, ${replies.updated} updated, ${replies.unchanged} unchanged, ${replies.keptLocal} kept as they are here`,
    ...plan.byAuthor.map(
      (author) =>
        `  by ${author.name}: ${countOf(author.annotations, 'annotation')}, ${countOf(author.replies, 'reply', 'replies')}`,
    ),
    ...(plan.refused > 0 ? [`  ${refusedSummary(plan)}`] : []),
  ];
  return `${lines.join('\n')}\n`;
}

function workspaceOf(option: string | undefined, core: MarginaliaCore): string {
  const dir = option ?? core.settings.read().workspaceDir;
  if (!dir) throw new UsageError("say which workspace folder: --workspace DIR (or set one in the app's Settings).");
  return dir;
}

/** --max-import-mb N: this command's import limit, within the bounds Settings allows. */
function importLimitFrom(option: string | undefined): { maxImportMegabytes?: number; importLimitHint: string } {
  const hint = `Raise it for one command with --max-import-mb N (up to ${MAX_IMPORT_MB}), or for good in the app's Settings.`;
  if (option === undefined) return { importLimitHint: hint };
  const megabytes = Number(option);
  if (option.trim() === '' || !Number.isFinite(megabytes) || megabytes < 1 || megabytes > MAX_IMPORT_MB) {
    throw new UsageError(`--max-import-mb must be a number from 1 to ${MAX_IMPORT_MB}, not “${option}”.`);
  }
  return { maxImportMegabytes: megabytes, importLimitHint: hint };
}

function requireOne(args: readonly string[], usage: string): string {
  if (args.length !== 1 || args[0]!.trim() === '') throw new UsageError(`usage: marginalia ${usage}`);
  return args[0]!;
}

function importFiles(core: MarginaliaCore, files: readonly string[], io: CliIo, json: boolean): number {
  if (files.length === 0) throw new UsageError('usage: marginalia import FILE...');
  const results: Array<{ file: string; id?: string; title?: string; created?: boolean; error?: string }> = [];
  let failed = false;
  for (const file of files) {
    try {
      const { document, created } = core.importPath(file);
      results.push({ file, id: document.id, title: document.title, created });
      if (!json) {
        io.stdout(`${document.id}\n`);
        if (!created) io.stderr(`marginalia: “${file}” is already in the library as “${document.title}”.\n`);
      }
    } catch (error) {
      if (!(error instanceof UserFacingError)) throw error;
      failed = true;
      results.push({ file, error: error.message });
      io.stderr(`marginalia: ${error.message}\n`);
    }
  }
  if (json) io.stdout(`${JSON.stringify(results, null, 2)}\n`);
  return failed ? EXIT_USER_ERROR : EXIT_OK;
}
