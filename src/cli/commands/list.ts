// `marginalia list`: the documents in the library, one line each.
import { Command } from 'commander';
import { originLine } from '../../shared/document-labels';
import type { DocumentSummary } from '../../shared/model';
import { nounFor } from '../../shared/plural';
import type { CliSession } from '../session';
import { formatDate } from '../../shared/dates';

function tableRow(doc: DocumentSummary): string {
  const date = formatDate(doc.importedAt, 'iso-day');
  // The origin and version tell apart documents whose titles are the same.
  return `${doc.id}  ${date}  ${String(doc.wordCount).padStart(7)} ${nounFor(doc.wordCount, 'word')}  ${doc.title}  (${originLine(doc)})`;
}

export function listCommand(session: CliSession): Command {
  return new Command('list')
    .summary('list the documents in the library')
    .description(
      'List the documents in the library: id, import date, words, title, and where each came from and its text version.',
    )
    .addHelpText('after', '\nExamples:\n  marginalia list\n  marginalia --json list')
    .action(async () => {
      const docs = await session.call('listDocuments', {});
      session.print(docs.length === 0 ? 'The library is empty.\n' : `${docs.map(tableRow).join('\n')}\n`, docs);
    });
}
