// `marginalia export DOC...`: annotated PDFs, all documents in one file (--out, or a new file in
// the current folder named as the app's Export dialog names it) or one per document in a folder (--out-dir).
import { Command } from 'commander';
import { join, resolve } from 'node:path';
import { HIGHLIGHT_COLORS } from '../../shared/annotations';
import type { HighlightColor } from '../../shared/annotations';
import type { PaperSize, PdfExportOptions } from '../../shared/export-options';
import {
  PAPER_SIZES,
  annotationsExported,
  authorNamesOf,
  isFilteringExport,
  pdfFileNameFor,
  pdfFileNameForDocuments,
  unmatchedExportFilters,
} from '../../shared/export-options';
import type { Annotation } from '../../shared/annotations';
import type { DocumentSummary } from '../../shared/model';
import { countOf } from '../../shared/plural';
import { threadsGathered } from '../../shared/thread-order';
import { chooseDocument } from '../document-reference';
import { makeFolder, unusedPathIn, writeFile } from '../host';
import type { CliSession } from '../session';
import { UsageError, parsedOption, repeatable, valueOption, asText } from '../usage';
import { highlightColor } from './annotate';

interface ExportFlags {
  format?: string;
  out?: string;
  outDir?: string;
  paper?: string;
  printColors?: boolean;
  notes: boolean;
  tags: boolean;
  appendix: boolean;
  orphans: boolean;
  evidence: boolean;
  tag?: string[];
  color?: HighlightColor[];
  author?: string[];
}

function exportOptionsFrom(flags: ExportFlags): PdfExportOptions {
  const format = flags.format ?? 'pdf';
  if (format !== 'pdf') throw new UsageError(`unknown export format “${format}”; the format is pdf.`);
  const paper = (flags.paper ?? 'a4').toLowerCase();
  if (!(PAPER_SIZES as readonly string[]).includes(paper))
    throw new UsageError(`unknown paper size “${flags.paper}”; use ${PAPER_SIZES.join(' or ')}.`);
  return {
    paper: paper as PaperSize,
    colorScheme: flags.printColors ? 'print' : 'screen',
    includeNotes: flags.notes,
    includeTags: flags.tags,
    includeAppendix: flags.appendix,
    includeOrphans: flags.orphans,
    includeEvidence: flags.evidence,
    tags: flags.tag ?? [],
    colors: flags.color ?? [],
    authors: flags.author ?? [],
  };
}

/**
 * One PDF per document with --out-dir; all documents in one PDF otherwise: --out's, or a file in
 * the current folder named as the app names its download, with " (2)"… where that name is taken.
 */
function exportTargets(docs: readonly DocumentSummary[], flags: ExportFlags): Array<{ ids: string[]; path: string }> {
  const { out, outDir } = flags;
  if (out !== undefined && outDir !== undefined)
    throw new UsageError('export takes --out FILE or --out-dir DIR, not both.');
  const ids = docs.map((doc) => doc.id);
  if (out !== undefined) return [{ ids, path: resolve(out) }];
  if (outDir === undefined)
    return [{ ids, path: unusedPathIn(process.cwd(), pdfFileNameForDocuments(docs.map((doc) => doc.title))) }];
  const used = new Set<string>();
  return docs.map((doc) => {
    // Two documents of one title: “… (annotated) (2).pdf”, as a name taken in the current folder is told apart.
    const stem = pdfFileNameFor(doc.title).replace(/\.pdf$/, '');
    let name = `${stem}.pdf`;
    for (let counter = 2; used.has(name.toLowerCase()); counter++) name = `${stem} (${counter}).pdf`;
    used.add(name.toLowerCase());
    return { ids: [doc.id], path: join(resolve(outDir!), name) };
  });
}

/**
 * The documents named, each once, in the library's order (newest import first, an e-mail thread's
 * messages together and oldest first): the order the app's export dialog and the core put them in
 * too, so the file is named after the same first document.
 */
async function documentsToExport(session: CliSession, references: readonly string[]): Promise<DocumentSummary[]> {
  const library = await session.call('listDocuments', {});
  const chosen = new Set(references.map((reference) => chooseDocument(library, reference).id));
  return threadsGathered(library.filter((doc) => chosen.has(doc.id))).flat();
}

/** “A, B and 3 more”: a list short enough for one line of an error. */
function shortList(values: readonly string[], limit = 12): string {
  const shown = values.slice(0, limit).map((value) => `“${value}”`);
  return values.length > limit ? `${shown.join(', ')} and ${values.length - limit} more` : shown.join(', ');
}

function tagsOf(annotations: readonly Annotation[]): string[] {
  return [...new Set(annotations.flatMap((annotation) => annotation.tags))].sort((a, b) => a.localeCompare(b));
}

/**
 * A tag or author no annotation of these documents has (a misspelling, most likely) would
 * give a PDF without a single highlight: refuse, saying which tags or authors there are.
 */
async function refuseFiltersMatchingNothing(
  session: CliSession,
  docs: readonly DocumentSummary[],
  options: PdfExportOptions,
): Promise<void> {
  if (!isFilteringExport(options)) return;
  const annotations = (
    await Promise.all(docs.map((doc) => session.call('listAnnotations', { documentId: doc.id })))
  ).flat();
  const tags = tagsOf(annotations);
  const authors = authorNamesOf(annotations);
  for (const { kind, value } of unmatchedExportFilters(annotations, options)) {
    if (kind === 'tag')
      throw new UsageError(
        `no annotation of the chosen documents has the tag “${value}” or a tag under it; ` +
          (tags.length > 0 ? `their tags are ${shortList(tags)}.` : 'none of their annotations is tagged.'),
      );
    if (kind === 'author')
      throw new UsageError(
        `no annotation of the chosen documents is by “${value}” (give an author’s whole name or id); ` +
          (authors.length > 0 ? `their authors are ${shortList(authors)}.` : 'they have no annotations.'),
      );
    throw new UsageError(`no highlight of the chosen documents is ${value}.`);
  }
  if (annotationsExported(annotations, options).length === 0)
    throw new UsageError('no annotation of the chosen documents passes all of these filters together.');
}

async function exportPdfs(session: CliSession, references: readonly string[], flags: ExportFlags): Promise<void> {
  const options = exportOptionsFrom(flags);
  const docs = await documentsToExport(session, references);
  const targets = exportTargets(docs, flags);
  await refuseFiltersMatchingNothing(session, docs, options);
  if (flags.outDir !== undefined) await makeFolder(resolve(flags.outDir));
  const written = [];
  for (const target of targets) {
    const result = await session.call('exportPdf', { documentIds: target.ids, options });
    await writeFile(target.path, Buffer.from(result.dataBase64, 'base64'));
    for (const warning of result.warnings) session.warn(warning);
    written.push({
      path: target.path,
      documents: target.ids,
      pages: result.pageCount,
      highlights: result.highlightCount,
      notes: result.noteCount,
      warnings: result.warnings,
    });
    if (!session.json)
      session.io.stdout(
        `${target.path}  (${countOf(result.pageCount, 'page')}, ${countOf(result.highlightCount, 'highlight')}, ${countOf(result.noteCount, 'note')})\n`,
      );
  }
  if (session.json) session.io.stdout(`${JSON.stringify(written, null, 2)}\n`);
}

export function exportCommand(session: CliSession): Command {
  const { argv } = session;
  return new Command('export')
    .summary('export annotated PDFs: all documents in one file, or one per document in DIR')
    .description(
      'Export an annotated PDF: all the documents in one FILE (--out), or one PDF per document in DIR (--out-dir). ' +
        'Without either, the PDF goes into the current folder under the name the app’s Export dialog gives it ' +
        '(“TITLE (annotated).pdf”; for several documents “FIRST TITLE and 2 others (annotated).pdf”), ' +
        'with “ (2)”, “ (3)”… before “.pdf” rather than replace a file already there; the path written is printed. ' +
        'Documents go in the library’s order (newest import first, as `marginalia list` shows them), whatever order they are named in; ' +
        'note numbers carry on from one document to the next.',
    )
    .argument('<doc...>', 'document ids or unique, case-insensitive prefixes of their titles')
    .usage('DOC... [--format pdf] [--out FILE | --out-dir DIR]')
    .addOption(valueOption('--format <format>', 'the format: pdf (the default)', argv, ['pdf']))
    .addOption(
      valueOption(
        '--out <file>',
        'write all the documents into this one PDF (default: a new file in the current folder)',
        argv,
      ),
    )
    .addOption(valueOption('--out-dir <dir>', 'write one PDF per document into this folder', argv))
    .addOption(valueOption('--paper <size>', 'the paper size (default a4)', argv, PAPER_SIZES))
    .option('--print-colors', 'highlight colors that print well')
    .option('--no-notes', 'leave out the margin notes')
    .option('--no-tags', 'leave out the tags')
    .option('--no-appendix', 'leave out the appendix of notes')
    .option('--no-orphans', 'leave out annotations whose text is gone')
    .option('--no-evidence', 'leave out the Claims and sources appendix (grades stay on the highlights)')
    .addOption(parsedOption('--tag <tag>', 'only annotations with this tag (may repeat)', argv, repeatable(asText)))
    .addOption(
      parsedOption(
        '--color <color>',
        'only highlights of this color (may repeat)',
        argv,
        repeatable(highlightColor),
        HIGHLIGHT_COLORS,
      ),
    )
    .addOption(
      parsedOption('--author <name>', 'only annotations by this author (may repeat)', argv, repeatable(asText)),
    )
    .addHelpText(
      'after',
      '\nExamples:\n  marginalia export "reports of"\n' +
        '  marginalia export "reports of" --format pdf --out briefing.pdf --paper letter\n' +
        '  marginalia export "reports of" "field briefing" --out-dir pdfs/ --tag Actor --no-orphans --print-colors',
    )
    .action((references: string[], flags: ExportFlags) => exportPdfs(session, references, flags));
}
