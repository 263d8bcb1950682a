// `marginalia list`: the documents in the library, one line each.
import { Command } from 'commander';
import { originLine, rowDate } from '../../shared/document-labels';
import type { DocumentSummary } from '../../shared/model';
import { nounFor } from '../../shared/plural';
import type { CliSession } from '../session';
import { formatDate } from '../../shared/dates';

function tableRow(doc: DocumentSummary): string {
  // As in the app's library: an e-mail message's own date (its Date header), else the import date.
  const date = formatDate(rowDate(doc), 'iso-day');
  // The origin and version tell apart documents whose titles are the same.
  return `${doc.id}  ${date}  ${String(doc.wordCount).padStart(7)} ${nounFor(doc.wordCount, 'word')}  ${doc.title}  (${originLine(doc)})`;
}

export function listCommand(session: CliSession): Command {
  return new Command('list')
    .summary('list the documents in the library')
    .description(
      'List the documents in the library: id, date (imported; for an e-mail, its own Date), words, title, and where each came from and its text version.',
    )
    .addHelpText('after', '\nExamples:\n  marginalia list\n  marginalia --json list')
    .action(async () => {
      const docs = await session.call('listDocuments', {});
      session.print(docs.length === 0 ? 'The library is empty.\n' : `${docs.map(tableRow).join('\n')}\n`, docs);
    });
}
