// `marginalia import`: files into the library, or with --update a changed version of one
// document's file, re-anchoring its annotations.
import { Command } from 'commander';
import { unwrap } from '../../shared/client';
import { resolveDocument } from '../document-reference';
import { EXIT_INTERNAL_ERROR, EXIT_USER_ERROR, exitCodeFor } from '../exit-codes';
import { importFile, updateFromFile } from '../host';
import type { CliSession } from '../session';
import { UsageError, valueOption } from '../usage';

interface ImportOptions {
  update?: string;
  attachment?: string;
}

type ImportReport = { file: string; id?: string; title?: string; created?: boolean; error?: string };

/** Imports each file in turn; a file that fails is reported and the rest still go in. */
async function importFiles(session: CliSession, files: readonly string[]): Promise<void> {
  const results: ImportReport[] = [];
  for (const file of files) {
    const outcome = await importFile(session, file);
    if (!outcome.ok) {
      if (exitCodeFor(outcome.error.code) === EXIT_INTERNAL_ERROR) unwrap(outcome);
      session.exitCode = EXIT_USER_ERROR;
      results.push({ file, error: outcome.error.message });
      session.warn(outcome.error.message);
      continue;
    }
    const unplaced = outcome.value.notesNotPlaced ?? 0;
    if (unplaced > 0)
      session.warn(
        `${unplaced === 1 ? '1 comment' : `${unplaced} comments`} in “${file}” commented on text that is not in ` +
          'the document (an image, a header), so did not become margin notes.',
      );
    // An .mbox makes a document per message: each is listed, the first with the rest after it.
    for (const { document, created } of [outcome.value, ...(outcome.value.also ?? [])]) {
      results.push({ file, id: document.id, title: document.title, created });
      if (session.json) continue;
      session.io.stdout(`${document.id}\n`);
      if (!created) session.warn(`“${file}” is already in the library as “${document.title}”.`);
    }
  }
  if (session.json) session.io.stdout(`${JSON.stringify(results, null, 2)}\n`);
}

async function updateDocument(session: CliSession, reference: string, files: readonly string[]): Promise<void> {
  const doc = await resolveDocument(session, reference);
  if (files.length !== 1 || files[0]!.trim() === '') throw new UsageError('usage: marginalia import --update DOC FILE');
  const counts = await updateFromFile(session, doc.id, files[0]!);
  session.print(
    `Updated “${doc.title}”: ${counts.kept} kept, ${counts.moved} moved, ${counts.fuzzy} fuzzy, ${counts.orphaned} orphaned.\n`,
    { id: doc.id, ...counts },
  );
}

/** `import --attachment N DOC`: the Nth file (from 1) a message carried, as a document of its own. */
async function importAttachment(session: CliSession, number: string, files: readonly string[]): Promise<void> {
  const index = Number(number) - 1;
  if (files.length !== 1 || !Number.isInteger(index) || index < 0) {
    throw new UsageError('usage: marginalia import --attachment N DOC (N counts from 1)');
  }
  const message = await resolveDocument(session, files[0]!);
  const { document, created } = await session.call('importAttachment', { documentId: message.id, index });
  session.print(`${document.id}\n`, {
    file: `${message.id}#${index + 1}`,
    id: document.id,
    title: document.title,
    created,
  });
}

export function importCommand(session: CliSession): Command {
  return new Command('import')
    .summary('import files (prints the new document ids), or --update one')
    .description(
      'Import files and print the new document ids: .txt, .md and .html, and PDF, Word (.docx), EPUB, e-mail (.eml, .mbox) ' +
        'and saved pages (.mhtml) once their reader is installed. The bytes decide the type, not the name. With --update DOC, ' +
        "replace DOC's text with FILE (text files only) and re-anchor its annotations, printing how many were kept, moved, " +
        'fuzzy and orphaned.',
    )
    .argument('<file...>', 'the files to import')
    .usage('FILE... | marginalia import --update DOC FILE | marginalia import --attachment N DOC')
    .addOption(
      valueOption(
        '--update <doc>',
        "replace this document's text with FILE and re-anchor its annotations",
        session.argv,
      ),
    )
    .addOption(
      valueOption(
        '--attachment <n>',
        'import the Nth file the message DOC carried, as a document of its own',
        session.argv,
      ),
    )
    .addHelpText(
      'after',
      '\nExamples:\n  marginalia import report.txt page.html notes.md\n  marginalia import --update "reports of" report-v2.txt\n' +
        '  marginalia --max-import-mb 100 import big-report.html',
    )
    .action(async (files: string[], options: ImportOptions) => {
      if (options.update !== undefined) return updateDocument(session, options.update, files);
      if (options.attachment !== undefined) return importAttachment(session, options.attachment, files);
      return importFiles(session, files);
    });
}
